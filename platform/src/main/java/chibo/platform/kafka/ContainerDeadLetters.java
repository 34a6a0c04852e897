package chibo.platform.kafka;

import chibo.contracts.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.Set;
import java.util.function.BiFunction;

/**
 * Retry and dead letters of a Spring Cloud Stream Kafka binding done by its listener container, not by the binder,
 * where the binder's own handling would not do what chibo's consumers need:
 * <ul>
 *   <li>a binding that consumes in batches with {@code enable-dlq}: the binder would dead-letter a failed poll's
 *       every record; here the consumer names the record that failed (see
 *       {@link chibo.platform.projection.RecordBatches}), the records before it are committed, it alone goes to the
 *       binding's {@code dlq-name}, and consumption goes on with the records after it;</li>
 *   <li>a binding whose consumer group is listed in {@code chibo.dead-letters.container-groups} (and whose
 *       {@code enable-dlq} is off, or whose {@code max-attempts} is above 1, so the binder does not catch its
 *       failures first): its failed record goes to {@code <topic>.<group>.dlt} for the topic it came from, as a
 *       binding that reads several topics needs.</li>
 * </ul>
 * Either way the record is retried as the binding's {@code max-attempts}, {@code back-off-*} and
 * {@code retryable-exceptions} say, and is dead-lettered as it came with the reason in its headers
 * ({@link DeadLetterRecoverers}), and counted once Kafka has it in {@value DeadLetterCount#COUNTER}, tagged with the
 * consumer group ({@code consumer}) and the topic the record came from ({@code topic}), as reporting counts its
 * topology's. Other bindings keep the binder's handling.
 */
public final class ContainerDeadLetters implements ListenerContainerWithDlqAndRetryCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ContainerDeadLetters.class);

    private final KafkaOperations<?, ?> deadLetters;
    private final Set<String> groups;
    private final MeterRegistry meters;

    /**
     * @param deadLetters publishes dead letters, the records' keys and values as they came
     * @param groups      the consumer groups dead-lettered by their container to {@code <topic>.<group>.dlt}
     * @param meters      where each dead letter is counted
     */
    public ContainerDeadLetters(KafkaOperations<?, ?> deadLetters, Set<String> groups, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.groups = Set.copyOf(groups);
        this.meters = meters;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> resolver,
                          @Nullable BackOff backOff) {
        // only the form with the binding's properties is used
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> resolver,
                          @Nullable BackOff backOff, ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination;
        if (groups.contains(group)) {
            destination = (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic(), group), -1);
        } else if (properties.isBatchMode() && resolver != null) {
            destination = resolver;
        } else {
            return;
        }
        DefaultErrorHandler errors = new DefaultErrorHandler(counted(group,
                DeadLetterRecoverers.publishing(deadLetters, destination)),
                backOff != null ? backOff : new FixedBackOff(0, 0));
        properties.getRetryableExceptions().forEach((type, retryable) -> {
            if (!retryable && Exception.class.isAssignableFrom(type)) {
                errors.addNotRetryableExceptions(type.asSubclass(Exception.class));
            }
        });
        container.setCommonErrorHandler(errors);
    }

    /** Publishes the dead letter and, once Kafka has acknowledged it, counts it: a failed publication counts none. */
    private ConsumerAwareRecordRecoverer counted(String group, DeadLetterPublishingRecoverer publishing) {
        return (record, consumer, failure) -> {
            publishing.accept(record, consumer, failure);
            log.warn("dead letter from {} ({}): {}", record.topic(), group,
                    DeadLetterRecoverers.rootCause(failure).getMessage());
            DeadLetterCount.count(meters, group, record.topic());
        };
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return !groups.contains(group);
    }
}
