package chibo.membership.consumers;

import chibo.contracts.InvalidEventException;
import chibo.contracts.Topics;
import chibo.platform.kafka.DeadLetterRecoverers;
import chibo.platform.kafka.TopicsAutoConfiguration;
import chibo.platform.kafka.TopicsProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * How membership-service consumes a topic: one consumer group per purpose, at least once, from the beginning of
 * the topic for a new group, committed records only; a record that still fails after two retries, or that can
 * never succeed (unreadable, or one of the listed exceptions), goes to {@code <topic>.<group>.dlt} with the
 * reason in its headers, and the group carries on.
 */
public final class ListenerContainers {

    private ListenerContainers() {
    }

    /**
     * As {@link #atLeastOnce}, for a listener that takes each poll's records as a list: it names a record that
     * fails by a {@code BatchListenerFailedException}, and the records before it are committed.
     */
    @SafeVarargs
    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> batchesAtLeastOnce(
            KafkaProperties kafka, String group, Class<? extends Exception>... notRetryable) {
        var factory = atLeastOnce(kafka, group, notRetryable);
        factory.setBatchListener(true);
        return factory;
    }

    @SafeVarargs
    public static ConcurrentKafkaListenerContainerFactory<String, byte[]> atLeastOnce(
            KafkaProperties kafka, String group, Class<? extends Exception>... notRetryable) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaTemplate<String, byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer,
                new StringSerializer(), new ByteArraySerializer()));
        var recoverer = DeadLetterRecoverers.publishing(deadLetters, (record, e) ->
                new TopicPartition(Topics.deadLetter(record.topic(), group), -1));
        var errors = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 2));
        errors.addNotRetryableExceptions(InvalidEventException.class);
        Arrays.stream(notRetryable).forEach(errors::addNotRetryableExceptions);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    /** The group's dead-letter topics, one per topic it reads, declared like the event topics. */
    public static KafkaAdmin.NewTopics deadLetterTopics(TopicsProperties properties, String group,
                                                        String... topics) {
        return new KafkaAdmin.NewTopics(Arrays.stream(topics)
                .map(topic -> TopicsAutoConfiguration.eventTopic(Topics.deadLetter(topic, group), properties))
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
