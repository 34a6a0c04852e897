package chibo.membership.review;

import chibo.contracts.Topics;
import chibo.membership.consumers.ListenerContainers;
import chibo.platform.kafka.TopicsProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * membership-service reads meeting-service's topic for the facts that open reviews, in its own consumer group:
 * at least once (a repeat opens nothing), unreadable records and members never recorded here to
 * {@code party.meeting.events.membership-service-reviews.dlt}.
 */
@Configuration(proxyBeanMethods = false)
class MeetingEventsConfiguration {

    static final String GROUP = "membership-service-reviews";

    @Bean
    KafkaAdmin.NewTopics meetingDeadLetterTopics(TopicsProperties properties) {
        return ListenerContainers.deadLetterTopics(properties, GROUP, Topics.MEETING);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> meetingListeners(KafkaProperties kafka) {
        return ListenerContainers.atLeastOnce(kafka, GROUP, UnknownMember.class);
    }
}
