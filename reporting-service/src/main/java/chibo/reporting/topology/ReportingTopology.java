package chibo.reporting.topology;

import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.reporting.figures.UnitCoverage;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The reporting topology. Plain Kafka Streams, no Spring: run it with {@code exactly_once_v2}.
 *
 * <pre>
 * party.membership.events --> member-fold --(deltas for cells)-----------------> org-deltas
 *                                   +--(residents)--> unit-facts
 * party.meeting.events ----> meeting-fold --(deltas for cells)----------------> org-deltas
 * party.organization.events --+
 *                             +--> org-aggregate --(deltas for parents)--> org-deltas
 * org-deltas -----------------+         |   +--(units, positions)--> unit-facts
 *                                       +--> org-aggregates store --changelog--> org counts (read by the MongoDB sink)
 *                                       +--> org-months store -----changelog--> org months (read by the MongoDB sink)
 * unit-facts --> unit-fold --(coverage deltas for the unit's organisation)--> org-deltas
 * unreadable records --> &lt;topic&gt;.&lt;application-id&gt;.dlt
 * corrected dead letters --> chibo.reporting.redrive.&lt;topic&gt; --> the same fold as &lt;topic&gt;
 * </pre>
 */
public final class ReportingTopology {

    static final String DELTAS_SINK = "org-deltas-sink";
    static final String MEMBERSHIP_DLT_SINK = "membership-dlt-sink";
    static final String ORGANIZATION_DLT_SINK = "organization-dlt-sink";
    static final String MEETING_DLT_SINK = "meeting-dlt-sink";
    static final String UNIT_FACTS_SINK = "unit-facts-sink";
    /** Members, cells and units kept as objects per task, besides those changed since the last commit. */
    private static final int KEEP_SUBJECTS = 4_096;

    private ReportingTopology() {
    }

    public static Topology build(ReportingTopics topics, TopologyEvents events, TrustedSigners signers) {
        StringDeserializer keys = new StringDeserializer();
        ByteArrayDeserializer values = new ByteArrayDeserializer();
        Topology topology = new Topology();

        topology.addSource("membership", keys, values, Topics.MEMBERSHIP,
                ReportingTopics.redrive(Topics.MEMBERSHIP));
        topology.addProcessor("member-fold", () -> new MemberFoldProcessor(events, signers), "membership");
        topology.addStateStore(ObjectStore.json(MemberFoldProcessor.STATES, MemberFoldProcessor.MemberRecord.class,
                KEEP_SUBJECTS), "member-fold");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MemberFoldProcessor.PARKED), Serdes.String(), Serdes.String()),
                "member-fold");

        topology.addSource("meetings", keys, values, Topics.MEETING, ReportingTopics.redrive(Topics.MEETING));
        topology.addProcessor("meeting-fold", () -> new MeetingFoldProcessor(events, signers), "meetings");
        topology.addStateStore(ObjectStore.json(MeetingFoldProcessor.STATES, MeetingFoldProcessor.CellRecord.class,
                KEEP_SUBJECTS), "meeting-fold");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MeetingFoldProcessor.PARKED), Serdes.String(), Serdes.String()),
                "meeting-fold");

        topology.addSource("unit-facts", keys, values, topics.unitFacts());
        topology.addProcessor("unit-fold", UnitFold::new, "unit-facts");
        topology.addStateStore(ObjectStore.json(UnitFold.UNITS, UnitCoverage.class, KEEP_SUBJECTS),
                "unit-fold");

        topology.addSource("organizations", keys, values, Topics.ORGANIZATION,
                ReportingTopics.redrive(Topics.ORGANIZATION));
        topology.addSource("org-deltas", keys, values, topics.orgDeltas());
        topology.addProcessor("org-aggregate", () -> new OrgFiguresProcessor(topics, events, signers), "organizations",
                "org-deltas");
        topology.addStateStore(OrgFiguresProcessor.aggregatesStore(), "org-aggregate");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(OrgFiguresProcessor.WAITING), Serdes.String(),
                JsonSerde.of(OrgFiguresProcessor.WaitingDeltas.class)), "org-aggregate");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(OrgFiguresProcessor.PARKED), Serdes.String(), Serdes.String()),
                "org-aggregate");
        topology.addStateStore(OrgFiguresProcessor.monthsStore(), "org-aggregate");

        StringSerializer keyWriter = new StringSerializer();
        ByteArraySerializer valueWriter = new ByteArraySerializer();
        topology.addSink(DELTAS_SINK, topics.orgDeltas(), keyWriter, valueWriter, "member-fold", "meeting-fold",
                "org-aggregate", "unit-fold");
        topology.addSink(UNIT_FACTS_SINK, topics.unitFacts(), keyWriter, valueWriter, "member-fold",
                "org-aggregate");
        topology.addSink(MEMBERSHIP_DLT_SINK, topics.deadLetter(Topics.MEMBERSHIP), keyWriter, valueWriter,
                "member-fold");
        topology.addSink(MEETING_DLT_SINK, topics.deadLetter(Topics.MEETING), keyWriter, valueWriter,
                "meeting-fold");
        topology.addSink(ORGANIZATION_DLT_SINK, topics.deadLetter(Topics.ORGANIZATION), keyWriter, valueWriter,
                "org-aggregate");
        return topology;
    }
}
