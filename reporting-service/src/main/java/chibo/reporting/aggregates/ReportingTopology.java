package chibo.reporting.aggregates;

import chibo.contracts.Topics;
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
 * party.membership.events --> member-fold --(deltas for cells)--> org-deltas
 * party.organization.events --+
 *                             +--> org-aggregate --(deltas for parents)--> org-deltas
 * org-deltas -----------------+         |
 *                                       +--> org-counts (every new version of an organisation's figures)
 * unreadable records --> &lt;topic&gt;.&lt;application-id&gt;.dlt
 * </pre>
 */
public final class ReportingTopology {

    static final String DELTAS_SINK = "org-deltas-sink";
    static final String COUNTS_SINK = "org-counts-sink";
    static final String MEMBERSHIP_DLT_SINK = "membership-dlt-sink";
    static final String ORGANIZATION_DLT_SINK = "organization-dlt-sink";

    private ReportingTopology() {
    }

    public static Topology build(ReportingTopics topics, TopologyEvents events) {
        StringDeserializer keys = new StringDeserializer();
        ByteArrayDeserializer values = new ByteArrayDeserializer();
        Topology topology = new Topology();

        topology.addSource("membership", keys, values, Topics.MEMBERSHIP);
        topology.addProcessor("member-fold", () -> new MemberFoldProcessor(events), "membership");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MemberFoldProcessor.STATES), Serdes.String(),
                JsonSerde.of(MemberFoldProcessor.MemberRecord.class)), "member-fold");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(MemberFoldProcessor.PARKED), Serdes.String(), Serdes.String()),
                "member-fold");

        topology.addSource("organizations", keys, values, Topics.ORGANIZATION);
        topology.addSource("org-deltas", keys, values, topics.orgDeltas());
        topology.addProcessor("org-aggregate", () -> new OrgAggregateProcessor(topics, events), "organizations",
                "org-deltas");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(OrgAggregateProcessor.AGGREGATES), Serdes.String(),
                JsonSerde.of(OrgAggregate.class)), "org-aggregate");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(OrgAggregateProcessor.WAITING), Serdes.String(),
                JsonSerde.of(OrgAggregateProcessor.WaitingDeltas.class)), "org-aggregate");
        topology.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(OrgAggregateProcessor.PARKED), Serdes.String(), Serdes.String()),
                "org-aggregate");

        StringSerializer keyWriter = new StringSerializer();
        ByteArraySerializer valueWriter = new ByteArraySerializer();
        topology.addSink(DELTAS_SINK, topics.orgDeltas(), keyWriter, valueWriter, "member-fold", "org-aggregate");
        topology.addSink(COUNTS_SINK, topics.orgCounts(), keyWriter, valueWriter, "org-aggregate");
        topology.addSink(MEMBERSHIP_DLT_SINK, topics.deadLetter(Topics.MEMBERSHIP), keyWriter, valueWriter,
                "member-fold");
        topology.addSink(ORGANIZATION_DLT_SINK, topics.deadLetter(Topics.ORGANIZATION), keyWriter, valueWriter,
                "org-aggregate");
        return topology;
    }
}
