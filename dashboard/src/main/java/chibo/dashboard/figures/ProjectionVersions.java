package chibo.dashboard.figures;

import java.util.List;

/**
 * The versions of the figures reporting-service keeps (the live one, and any being rebuilt beside it), as it answers
 * {@code GET /projections}.
 */
public record ProjectionVersions(String live, List<Version> versions) {

    /**
     * One version: its state, whether it has caught up with the events, how far a rebuild has come and at what pace.
     */
    public record Version(String version, String state, boolean caughtUp, long done, long total, Double percentDone,
                          Double perSecond, Long etaSeconds, String topology, Long commitIntervalMs) {

        /** Whole percent done, for a progress bar (100 once caught up). */
        public int percent() {
            if (caughtUp) {
                return 100;
            }
            return percentDone == null ? 0 : (int) Math.max(0, Math.min(100, Math.floor(percentDone)));
        }
    }
}
