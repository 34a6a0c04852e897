package chibo.reporting.versions;

/** The MongoDB collections of a projection version. */
public final class ProjectionNames {

    private ProjectionNames() {
    }

    /** Organisation totals of the version, keyed by organisation. */
    public static String countsCollection(String version) {
        return "org_counts_" + version;
    }

    /** Organisation months of the version, keyed {@code orgId|2025-07}: how versions before timelines kept them. */
    public static String monthsCollection(String version) {
        return "org_months_" + version;
    }

    /**
     * Each organisation's months of the version as one {@link chibo.reporting.figures.Timeline}, keyed by
     * organisation.
     */
    public static String timelinesCollection(String version) {
        return "org_timelines_" + version;
    }

    /**
     * The field of a timeline document that changes with every write of it: a new document starts at a random
     * revision, so that a revision names one content of one document, even across a version dropped and built again
     * under the same name, and a reader may keep what it decoded for as long as the revision stays.
     */
    public static final String TIMELINE_REVISION = "rev";

    /** Units of the version and their coverage (owner, kind, name, covering cell, residents), keyed by unit. */
    public static String unitsCollection(String version) {
        return "units_" + version;
    }
}
