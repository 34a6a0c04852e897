package chibo.meeting.roster;

import chibo.contracts.Topics;
import chibo.platform.kafka.TopicsAutoConfiguration;
import chibo.platform.kafka.TopicsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** Where this service's consumers put records they cannot read; kept, like every topic, forever. */
@Configuration(proxyBeanMethods = false)
class DeadLetterTopics {

    static final String GROUP = "meeting-service";

    @Bean
    KafkaAdmin.NewTopics meetingServiceDeadLetterTopics(TopicsProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicsAutoConfiguration.eventTopic(Topics.deadLetter(Topics.MEMBERSHIP, GROUP), properties),
                TopicsAutoConfiguration.eventTopic(Topics.deadLetter(Topics.ORGANIZATION, GROUP), properties));
    }
}
