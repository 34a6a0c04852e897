package chibo.reporting.topology;

import chibo.contracts.EventJson;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** JSON serde for the topology's own records and stores, in chibo's one JSON form. */
final class JsonSerde {

    private JsonSerde() {
    }

    static <T> Serde<T> of(Class<T> type) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : EventJson.mapper().writeValueAsBytes(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null
                : EventJson.mapper().readValue(bytes, type);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    static byte[] bytes(Object value) {
        return EventJson.mapper().writeValueAsBytes(value);
    }

    static <T> T read(byte[] bytes, Class<T> type) {
        return EventJson.mapper().readValue(bytes, type);
    }
}
