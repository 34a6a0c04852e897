package chibo.platform.kafka;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventMessagesTest {

    @Test
    void cloudevents_headers_come_back_under_their_kafka_names_whatever_spring_renamed_them_to() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        headers.put("ce-type", "member.admitted.v1".getBytes(StandardCharsets.UTF_8));
        headers.put("content-type", "application/json");
        headers.put("kafka_offset", 7L);

        var kafka = EventMessages.kafkaHeaders(headers);

        assertThat(new String(kafka.lastHeader("ce_id").value())).isEqualTo("e-1");
        assertThat(new String(kafka.lastHeader("ce_type").value())).isEqualTo("member.admitted.v1");
        assertThat(new String(kafka.lastHeader("content-type").value())).isEqualTo("application/json");
        assertThat(kafka.lastHeader("kafka_offset")).isNull();
    }
}
