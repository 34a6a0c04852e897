package chibo.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of event payloads: ISO dates, absent instead of null, properties sorted. Its canonical form
 * (sorted keys, no insignificant whitespace) is what the hash chain covers, so any client that re-serialises an
 * event the same way gets the same hash.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .disable(JsonNodeFeature.WRITE_NULL_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The payload as sent on the wire: already canonical, so its bytes are exactly what the hash covers. */
    public static byte[] toBytes(EventPayload payload) {
        return MAPPER.writeValueAsBytes(toTree(payload));
    }

    public static String toJson(EventPayload payload) {
        return canonical(payload);
    }

    public static JsonNode toTree(EventPayload payload) {
        return MAPPER.valueToTree(payload);
    }

    /** Sorted keys, no whitespace, no null members: the form the hash chain covers. */
    public static String canonical(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    public static String canonical(String json) {
        return canonical(MAPPER.readTree(json));
    }

    public static String canonical(EventPayload payload) {
        return canonical(toTree(payload));
    }
}
