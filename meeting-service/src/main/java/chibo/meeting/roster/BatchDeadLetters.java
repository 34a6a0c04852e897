package chibo.meeting.roster;

import chibo.platform.kafka.DeadLetterRecoverers;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Dead letters for the bindings that consume in batches. The binder's own dead-letter handling would send a
 * failed poll's every record to the dead-letter topic; here the container's error handler takes over: the
 * consumer names the record that failed, the records before it are committed, the failed one is retried as the
 * binding's {@code max-attempts} and {@code retryable-exceptions} say and then sent to the binding's
 * {@code dlq-name} with the reason in its headers, and consumption goes on with the records after it. Bindings
 * that consume one record at a time keep the binder's handling.
 */
@Configuration(proxyBeanMethods = false)
class BatchDeadLetters {

    @Bean
    ListenerContainerWithDlqAndRetryCustomizer batchDeadLetterHandling(KafkaProperties kafka) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        // the binder reads keys and values as bytes, and passes them on as they came
        KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer,
                new ByteArraySerializer(), new ByteArraySerializer()));
        return new ListenerContainerWithDlqAndRetryCustomizer() {

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                                  String group,
                                  @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> resolver,
                                  @Nullable BackOff backOff) {
                // only the form with the binding's properties is used
            }

            @Override
            public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName,
                                  String group,
                                  @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> resolver,
                                  @Nullable BackOff backOff,
                                  ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
                if (!properties.isBatchMode() || resolver == null) {
                    return;
                }
                DefaultErrorHandler errors = new DefaultErrorHandler(DeadLetterRecoverers.publishing(deadLetters,
                        resolver), backOff != null ? backOff : new FixedBackOff(0, 0));
                properties.getRetryableExceptions().forEach((type, retryable) -> {
                    if (!retryable && Exception.class.isAssignableFrom(type)) {
                        errors.addNotRetryableExceptions(type.asSubclass(Exception.class));
                    }
                });
                container.setCommonErrorHandler(errors);
            }

            @Override
            public boolean retryAndDlqInBinding(String destinationName, String group) {
                return !group.equals(DeadLetterTopics.ROSTERS_GROUP);
            }
        };
    }
}
