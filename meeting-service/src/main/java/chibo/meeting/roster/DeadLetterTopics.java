package chibo.meeting.roster;

import chibo.contracts.Topics;
import chibo.platform.kafka.TopicsAutoConfiguration;
import chibo.platform.kafka.TopicsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Where this service's consumers put records they cannot read; kept, like every topic, forever. Each binding has
 * its own consumer group: two consumers of different topics in one group would stop each other at every
 * rebalance (a start, a restart, the binder's own partition probe), each waiting for the other to poll again.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterTopics {

    /** The consumer group of {@code memberEvents-in-0}, which folds membership events into rosters. */
    static final String ROSTERS_GROUP = "meeting-service-rosters";
    /** The consumer group of {@code organizationEvents-in-0}, which keeps the organisation tree. */
    static final String ORG_TREE_GROUP = "meeting-service-org-tree";

    @Bean
    KafkaAdmin.NewTopics meetingServiceDeadLetterTopics(TopicsProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicsAutoConfiguration.eventTopic(Topics.deadLetter(Topics.MEMBERSHIP, ROSTERS_GROUP), properties),
                TopicsAutoConfiguration.eventTopic(Topics.deadLetter(Topics.ORGANIZATION, ORG_TREE_GROUP), properties));
    }
}
