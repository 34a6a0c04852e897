package chibo.membership.duelist;

import chibo.calendar.WorkingDayCalendar;
import chibo.contracts.InvalidEventException;
import chibo.contracts.Topics;
import chibo.membership.rules.Regulations;
import chibo.platform.kafka.TopicsAutoConfiguration;
import chibo.platform.kafka.TopicsProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.util.HashMap;
import java.util.Map;

/**
 * membership-service reads its own topics back into its read models (due lists, the organisation tree
 * downwards): at least once, applied once per subject and seq, unreadable records to a dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelConfiguration {

    static final String GROUP = "membership-service-read-models";

    @Bean
    DueLists dueLists(MongoTemplate mongo, Regulations regulations, WorkingDayCalendar calendar,
                      MeterRegistry meters) {
        return new DueLists(mongo, new DueItems(regulations, calendar), meters);
    }

    @Bean
    OrgChildren orgChildren(MongoTemplate mongo, MeterRegistry meters) {
        return new OrgChildren(mongo, meters);
    }

    @Bean
    KafkaAdmin.NewTopics readModelDeadLetterTopics(TopicsProperties properties) {
        return new KafkaAdmin.NewTopics(
                TopicsAutoConfiguration.eventTopic(Topics.deadLetter(Topics.MEMBERSHIP, GROUP), properties),
                TopicsAutoConfiguration.eventTopic(Topics.deadLetter(Topics.ORGANIZATION, GROUP), properties));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> readModelListeners(KafkaProperties kafka) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaTemplate<String, byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer,
                new StringSerializer(), new ByteArraySerializer()));
        var recoverer = new DeadLetterPublishingRecoverer(deadLetters, (record, e) ->
                new org.apache.kafka.common.TopicPartition(Topics.deadLetter(record.topic(), GROUP), -1));
        var errors = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 2));
        errors.addNotRetryableExceptions(InvalidEventException.class);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, byte[]>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ByteArrayDeserializer()));
        factory.setCommonErrorHandler(errors);
        return factory;
    }
}
