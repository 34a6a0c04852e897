package chibo.membership.review;

import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.platform.kafka.TopicsAutoConfiguration;
import chibo.platform.kafka.TopicsProperties;
import chibo.platform.tracing.EventTracing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.messaging.Message;

import java.util.function.Consumer;

/**
 * membership-service reads meeting-service's topic for the facts that open reviews, in its own consumer group, one
 * record at a time: the Spring Cloud Stream binding {@code meetingEvents-in-0} (application.yml); at least once (a
 * repeat opens nothing), unreadable records and members never recorded here ({@link UnknownMember}, not retried) to
 * {@code party.meeting.events.membership-service-reviews.dlt}.
 */
@Configuration(proxyBeanMethods = false)
class MeetingEventsConfiguration {

    static final String GROUP = "membership-service-reviews";

    @Bean
    KafkaAdmin.NewTopics meetingDeadLetterTopics(TopicsProperties properties) {
        return TopicsAutoConfiguration.deadLetterTopics(properties, GROUP, Topics.MEETING);
    }

    @Bean
    MeetingEventsListener meetingEventsListener(Reviews reviews, TrustedSigners signers, EventTracing tracing) {
        return new MeetingEventsListener(reviews, signers, tracing);
    }

    @Bean
    Consumer<Message<byte[]>> meetingEvents(MeetingEventsListener listener) {
        return listener::accept;
    }
}
