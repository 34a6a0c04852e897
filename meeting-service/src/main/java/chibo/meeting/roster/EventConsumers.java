package chibo.meeting.roster;

import chibo.contracts.Topics;
import chibo.contracts.TrustedSigners;
import chibo.platform.orgtree.OrgTreeProjection;
import chibo.platform.projection.RecordBatches;
import chibo.platform.tracing.EventTracing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Spring Cloud Stream consumers (Kafka binder) of the membership and organisation topics. The membership events
 * come in batches (a poll's records at a time: the rosters they change are written once per batch); a record that
 * cannot be read, or is not signed by membership-service, goes to the binding's dead-letter topic with the reason in its headers, and the consumer carries
 * on (see {@link BatchDeadLetters}).
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    @Bean
    Consumer<Message<List<byte[]>>> memberEvents(Rosters rosters, TrustedSigners signers, EventTracing tracing) {
        return message -> {
            List<byte[]> payloads = message.getPayload();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> headers = message.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS,
                    List.class);
            List<Integer> records = IntStream.range(0, payloads.size()).boxed().toList();
            tracing.consuming("meeting-service-rosters", records, index -> Topics.MEMBERSHIP,
                    index -> EventTracing.traceparent(headers.get(index)),
                    () -> RecordBatches.handle(records,
                            index -> signers.read(Topics.MEMBERSHIP, EventMessages.kafkaHeaders(headers.get(index)),
                                    payloads.get(index)).envelope(),
                            rosters::acceptAll, rosters::accept));
        };
    }

    @Bean
    Consumer<Message<byte[]>> organizationEvents(OrgTreeProjection tree, TrustedSigners signers,
                                                 EventTracing tracing) {
        return message -> tracing.consuming("meeting-service-organizations", List.of(message),
                received -> Topics.ORGANIZATION, received -> EventTracing.traceparent(received.getHeaders()),
                () -> tree.accept(signers.read(Topics.ORGANIZATION, EventMessages.kafkaHeaders(
                        message.getHeaders()), message.getPayload()).envelope()));
    }
}
