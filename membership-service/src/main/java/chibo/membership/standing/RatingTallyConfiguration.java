package chibo.membership.standing;

import chibo.contracts.Topics;
import chibo.membership.consumers.ListenerContainers;
import chibo.platform.kafka.TopicsProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/** The rating tally's consumer group and its dead-letter topic ({@code party.membership.events.<group>.dlt}). */
@Configuration(proxyBeanMethods = false)
class RatingTallyConfiguration {

    static final String GROUP = "membership-service-rating-tally";

    @Bean
    KafkaAdmin.NewTopics ratingTallyDeadLetterTopics(TopicsProperties properties) {
        return ListenerContainers.deadLetterTopics(properties, GROUP, Topics.MEMBERSHIP);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> ratingTallyListeners(KafkaProperties kafka) {
        return ListenerContainers.atLeastOnce(kafka, GROUP);
    }
}
