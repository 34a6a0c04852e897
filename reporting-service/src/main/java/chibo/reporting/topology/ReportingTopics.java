package chibo.reporting.topology;

import chibo.contracts.Topics;

/**
 * Names that belong to one projection version. Rebuilding into a new version (blue/green) gets a new
 * application id, new internal topics and new collections; the live version is untouched.
 */
public record ReportingTopics(String version) {

    public String applicationId() {
        return "chibo-reporting-" + version;
    }

    /** Deltas travelling up the tree, keyed by organisation; co-partitioned with the organisation topic. */
    public String orgDeltas() {
        return "chibo.reporting." + version + ".org-deltas";
    }

    /**
     * Every organisation's figures as they stood at each commit of the topology, keyed by organisation: the
     * changelog of its aggregates store (Kafka Streams' name for it), written in the same transactions as its
     * input offsets, so a read-committed reader sees exactly what the topology committed; compacted.
     */
    public String orgCounts() {
        return changelog(OrgFiguresProcessor.AGGREGATES);
    }

    /** Every organisation's month of figures as it stood at each commit, keyed {@code orgId|2025-07}; compacted. */
    public String orgMonths() {
        return changelog(OrgFiguresProcessor.MONTHS);
    }

    /** Every unit's coverage as it stood at each commit, keyed by unit: the changelog of the unit fold's store. */
    public String unitCoverage() {
        return changelog(UnitFold.UNITS);
    }

    /** Every member's facts as they stood at each commit, keyed by member: the changelog of the member fold's store. */
    public String memberFacts() {
        return changelog(MemberFoldProcessor.STATES);
    }

    /** Every cell's meetings as they stood at each commit, keyed by cell: the changelog of the meeting fold's store. */
    public String cellMeetings() {
        return changelog(MeetingFoldProcessor.STATES);
    }

    private String changelog(String store) {
        return applicationId() + "-" + store + "-changelog";
    }

    /** Facts about units (registration, cover, positions, residents), keyed by unit id. */
    public String unitFacts() {
        return "chibo.reporting." + version + ".unit-facts";
    }

    /** The consumer group materialising this version's totals to MongoDB. */
    public String countsSinkGroup() {
        return applicationId() + "-mongo-sink";
    }

    /**
     * The consumer group materialising this version's months to MongoDB, as each organisation's timeline (a group
     * of its own name: a version whose months were stored one document each is read again from its changelog).
     */
    public String monthsSinkGroup() {
        return applicationId() + "-mongo-timelines-sink";
    }

    /** The consumer group materialising this version's units and their coverage to MongoDB. */
    public String unitsSinkGroup() {
        return applicationId() + "-mongo-units-sink";
    }

    /** Every topic this version reads, inputs and its own internal topics, for its progress and lag. */
    public java.util.List<String> streamSources() {
        return java.util.List.of(Topics.ORGANIZATION, Topics.MEMBERSHIP, Topics.MEETING, redrive(Topics.ORGANIZATION),
                redrive(Topics.MEMBERSHIP), redrive(Topics.MEETING), orgDeltas(), unitFacts());
    }

    /**
     * Where corrected dead letters of an input topic are re-driven, keyed and partitioned like the input. Not
     * versioned: every projection version, a rebuild included, reads the corrections too.
     */
    public static String redrive(String topic) {
        return "chibo.reporting.redrive." + topic;
    }

    public String deadLetter(String topic) {
        return Topics.deadLetter(topic, applicationId());
    }
}
