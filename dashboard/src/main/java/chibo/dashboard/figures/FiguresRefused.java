package chibo.dashboard.figures;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service would not give the reader what they asked for: the organisation or member is outside the reader's reach
 * (403), does not exist (404), or a parameter is wrong (400). Shown as a page that says so, never as data.
 */
public class FiguresRefused extends RuntimeException {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int status;
    private final String orgId;
    private final String kind;

    public FiguresRefused(int status, String orgId, String detail) {
        this(status, orgId, "organisation", detail);
    }

    private FiguresRefused(int status, String subject, String kind, String detail) {
        super(detail);
        this.status = status;
        this.orgId = subject;
        this.kind = kind;
    }

    public int status() {
        return status;
    }

    /** The organisation (or, for another {@link #kind()}, the member) the refusal is about. */
    public String orgId() {
        return orgId;
    }

    /** What the subject is: {@code organisation} or {@code member}. */
    public String kind() {
        return kind;
    }

    /** The same refusal, about a subject of another kind (a member). */
    public FiguresRefused about(String otherKind) {
        return new FiguresRefused(status, orgId, otherKind, getMessage());
    }

    /** What the refusal says to a person: the problem's {@code detail}, else its text as it came. */
    public String reason() {
        String problem = getMessage();
        try {
            JsonNode detail = JSON.readTree(problem).get("detail");
            return detail != null && detail.isString() ? detail.asString() : problem;
        } catch (RuntimeException notJson) {
            return problem;
        }
    }
}
