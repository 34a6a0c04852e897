package chibo.meeting.roster;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads a CloudEvents Kafka record delivered by the Spring Cloud Stream Kafka binder. */
final class EventMessages {

    private EventMessages() {
    }

    /**
     * The binder passes the record's headers through; turn the CloudEvents ones back into Kafka headers. Spring
     * Cloud Function may have renamed {@code ce_x} to its canonical {@code ce-x}: both are read.
     */
    static Headers kafkaHeaders(Map<String, Object> headers) {
        RecordHeaders kafka = new RecordHeaders();
        headers.forEach((name, value) -> {
            if (name.startsWith("ce_") || name.startsWith("ce-") || name.equals("content-type")) {
                String kafkaName = name.startsWith("ce-") ? "ce_" + name.substring(3) : name;
                kafka.add(kafkaName, value instanceof byte[] bytes ? bytes
                        : String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            }
        });
        return kafka;
    }
}
