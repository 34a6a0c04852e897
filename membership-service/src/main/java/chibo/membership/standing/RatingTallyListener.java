package chibo.membership.standing;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the membership topic into the rating tally, in a consumer group of its own: a new group starts from the
 * beginning of the topic, so the tally counts every rating ever recorded, including those recorded before it
 * existed.
 */
@Component
class RatingTallyListener {

    private final RatingTallyProjection projection;

    RatingTallyListener(RatingTallyProjection projection) {
        this.projection = projection;
    }

    @KafkaListener(id = RatingTallyConfiguration.GROUP, topics = Topics.MEMBERSHIP,
            containerFactory = "ratingTallyListeners")
    void accept(ConsumerRecord<String, byte[]> record) {
        projection.accept(CloudEventsKafka.read(record.headers(), record.value()).envelope());
    }
}
