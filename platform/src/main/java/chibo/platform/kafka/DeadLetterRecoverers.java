package chibo.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * Dead-letter publication as chibo's consumers do it: the record as it came, with Spring Kafka's {@code kafka_dlt-*}
 * headers and the reason in {@code x-exception-message} (the header every chibo dead-letter topic carries, whichever
 * kind of consumer wrote it): the message of the exception at the root of the failure, not of the wrappers the
 * listener container put around it.
 */
public final class DeadLetterRecoverers {

    public static final String REASON_HEADER = "x-exception-message";

    private DeadLetterRecoverers() {
    }

    public static DeadLetterPublishingRecoverer publishing(KafkaOperations<?, ?> template,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template, destination);
        recoverer.setHeadersFunction((record, failure) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(REASON_HEADER, String.valueOf(rootCause(failure).getMessage())
                    .getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        return recoverer;
    }

    static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
