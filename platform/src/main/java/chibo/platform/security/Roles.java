package chibo.platform.security;

/**
 * The roles a token carries in its {@code roles} claim. Writers and readers are also bound to an organisation
 * subtree by the {@code org} claim.
 */
public final class Roles {

    /** Posts lifecycle events and meetings, only inside its organisation subtree. */
    public static final String AGENCY_WRITER = "agency-writer";
    /** Reads aggregates of its organisation subtree. */
    public static final String DASHBOARD_READER = "dashboard-reader";
    /** Reads history, verifies chains, reads projections and dead letters; changes nothing. */
    public static final String AUDITOR = "auditor";
    /**
     * Runs the figures: starts rebuilds, switches and drops projection versions, re-drives dead letters. Reads what
     * it needs for that, and no one's history: the auditor checks what the operator did.
     */
    public static final String OPERATOR = "operator";
    /**
     * Answers for the protection of personal data: reads members' records and histories, and the access log of
     * who read them, everywhere; changes nothing.
     */
    public static final String DATA_PROTECTION = "data-protection";
    /** Scrapes metrics (Prometheus). */
    public static final String METRICS_READER = "metrics-reader";

    public static final String ROLES_CLAIM = "roles";
    public static final String ORG_CLAIM = "org";

    private Roles() {
    }
}
