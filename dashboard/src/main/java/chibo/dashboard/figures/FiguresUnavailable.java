package chibo.dashboard.figures;

/** reporting-service did not answer, or failed: the page says the figures cannot be read now. */
public class FiguresUnavailable extends RuntimeException {

    public FiguresUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
