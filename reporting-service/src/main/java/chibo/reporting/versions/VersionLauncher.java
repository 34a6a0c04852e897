package chibo.reporting.versions;

import chibo.contracts.TrustedSigners;
import chibo.platform.kafka.TopicsProperties;
import chibo.platform.tracing.EventTracing;
import chibo.reporting.topology.OnePassBuild;
import chibo.reporting.topology.ReportingTopics;
import chibo.reporting.topology.TopologyEvents;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.function.Supplier;

/** Starts a projection version on this instance: creates its topics, then runs its topology and sinks. */
final class VersionLauncher {

    private final ReportingProperties properties;
    private final KafkaProperties kafka;
    private final KafkaAdmin kafkaAdmin;
    private final TopicsProperties partitioning;
    private final MongoDatabase database;
    private final MeterRegistry meters;
    private final TopologyEvents events;
    private final TrustedSigners signers;
    /** Looked up when a version starts: what listens to the stored totals reads the live version from here. */
    private final ObjectProvider<CountsWritten> countsWritten;

    VersionLauncher(ReportingProperties properties, KafkaProperties kafka, KafkaAdmin kafkaAdmin,
                    TopicsProperties partitioning, MongoDatabase database, MeterRegistry meters,
                    TrustedSigners signers, ObjectProvider<CountsWritten> countsWritten, EventTracing tracing) {
        this.properties = properties;
        this.kafka = kafka;
        this.kafkaAdmin = kafkaAdmin;
        this.partitioning = partitioning;
        this.database = database;
        this.meters = meters;
        this.events = new MeteredTopologyEvents(meters, tracing);
        this.signers = signers;
        this.countsWritten = countsWritten;
    }

    /**
     * @param building whether the version is being built (not live): it is then built in one pass first, where it
     *                 can be ({@link OnePassBuild}), unless turned off ({@code chibo.reporting.one-pass-build})
     */
    ProjectionRuntime start(String version, Duration commitInterval, boolean building) {
        ReportingTopics topics = new ReportingTopics(version);
        kafkaAdmin.createOrModifyTopics(VersionTopics.of(topics, partitioning).toArray(new NewTopic[0]));
        Supplier<OnePassBuild.Outcome> firstBuild = building && properties.onePassBuild() ? () -> onePass(topics)
                : null;
        return ProjectionRuntime.start(topics, properties, commitInterval, kafka, database, meters, events, signers,
                countsWritten.getIfAvailable(() -> CountsWritten.NONE), firstBuild);
    }

    private OnePassBuild.Outcome onePass(ReportingTopics topics) {
        try (Admin admin = Admin.create(kafka.buildAdminProperties())) {
            return OnePassBuild.run(topics, admin, kafka.buildConsumerProperties(), kafka.buildProducerProperties(),
                    signers);
        }
    }
}
