package chibo.reporting.versions;

import chibo.contracts.Topics;
import chibo.platform.kafka.TopicsAutoConfiguration;
import chibo.platform.kafka.TopicsProperties;
import chibo.reporting.topology.ReportingTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.TopicBuilder;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** The Kafka topics and consumer groups of a projection version: created before it starts, deleted when dropped. */
final class VersionTopics {

    private static final Logger log = LoggerFactory.getLogger(VersionTopics.class);

    private VersionTopics() {
    }

    /**
     * The topics of a projection version; created before the version starts. The three store changelogs the MongoDB
     * sink reads are created here too (Kafka Streams takes a changelog that exists with its partition count), so
     * the sink's consumers find them from the start.
     */
    static List<NewTopic> of(ReportingTopics topics, TopicsProperties partitioning) {
        return List.of(
                TopicsAutoConfiguration.eventTopic(topics.orgDeltas(), partitioning),
                TopicBuilder.name(topics.orgCounts()).partitions(partitioning.partitions())
                        .replicas(partitioning.replicas()).compact().build(),
                TopicBuilder.name(topics.orgMonths()).partitions(partitioning.partitions())
                        .replicas(partitioning.replicas()).compact().build(),
                TopicBuilder.name(topics.unitCoverage()).partitions(partitioning.partitions())
                        .replicas(partitioning.replicas()).compact().build(),
                // the folds' stores, which a one-pass build hands its members' and cells' states through
                TopicBuilder.name(topics.memberFacts()).partitions(partitioning.partitions())
                        .replicas(partitioning.replicas()).compact().build(),
                TopicBuilder.name(topics.cellMeetings()).partitions(partitioning.partitions())
                        .replicas(partitioning.replicas()).compact().build(),
                TopicsAutoConfiguration.eventTopic(topics.unitFacts(), partitioning),
                TopicsAutoConfiguration.eventTopic(topics.deadLetter(Topics.MEMBERSHIP), partitioning),
                TopicsAutoConfiguration.eventTopic(topics.deadLetter(Topics.MEETING), partitioning),
                TopicsAutoConfiguration.eventTopic(topics.deadLetter(Topics.ORGANIZATION), partitioning),
                TopicsAutoConfiguration.eventTopic(ReportingTopics.redrive(Topics.MEMBERSHIP), partitioning),
                TopicsAutoConfiguration.eventTopic(ReportingTopics.redrive(Topics.MEETING), partitioning),
                TopicsAutoConfiguration.eventTopic(ReportingTopics.redrive(Topics.ORGANIZATION), partitioning));
    }

    /** Deletes a dropped version's topics and consumer groups; what cannot be deleted now is logged and left. */
    static void delete(Admin admin, String version) {
        ReportingTopics topics = new ReportingTopics(version);
        try {
            Set<String> owned = new TreeSet<>();
            for (String topic : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
                if (topic.startsWith("chibo.reporting." + version + ".") || topic.startsWith(topics.applicationId()
                        + "-") || topic.endsWith("." + topics.applicationId() + ".dlt")) {
                    owned.add(topic);
                }
            }
            admin.deleteTopics(owned).all().get(30, TimeUnit.SECONDS);
            admin.deleteConsumerGroups(List.of(topics.applicationId(), topics.countsSinkGroup(),
                    topics.monthsSinkGroup(), topics.unitsSinkGroup())).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("topics or groups of dropped version {} not all deleted: {}", version, e.toString());
        }
    }
}
