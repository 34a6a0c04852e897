package chibo.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schema (draft 2020-12) of every event type, at {@code schemas/<type>.json} on the classpath. These
 * files, not the Java records, are the contract other systems read.
 */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static String resourceName(String type) {
        return "schemas/" + type + ".json";
    }

    /** The schema of a catalogue type; {@link UnknownEventTypeException} for any other name. */
    public static Schema schemaOf(String type) {
        EventCatalog.require(type);
        return CACHE.computeIfAbsent(type, EventSchemas::load);
    }

    /** Violations of the type's schema, each as "{@code /path}: message"; empty when the payload conforms. */
    public static List<String> violations(String type, JsonNode payload) {
        return schemaOf(type).validate(payload).stream().map(EventSchemas::describe).toList();
    }

    public static List<String> violations(EventPayload payload) {
        return violations(EventCatalog.typeOf(payload), EventJson.toTree(payload));
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage();
    }

    private static Schema load(String type) {
        String resource = resourceName(type);
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema " + resource + " for catalogue type " + type);
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
