package chibo.dashboard.figures;

/**
 * reporting-service would not give the reader these figures: the organisation is outside the reader's subtree
 * (403), does not exist (404), or a parameter is wrong (400). Shown as a page that says so, never as data.
 */
public class FiguresRefused extends RuntimeException {

    private final int status;
    private final String orgId;

    public FiguresRefused(int status, String orgId, String detail) {
        super(detail);
        this.status = status;
        this.orgId = orgId;
    }

    public int status() {
        return status;
    }

    public String orgId() {
        return orgId;
    }
}
