package chibo.contracts;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The upcasters in force, applied in a chain until a catalogue type is reached. */
public final class Upcasters {

    /** Today every type is at v1, so no upcaster is registered yet. */
    public static final Upcasters CURRENT = new Upcasters(List.of());

    private final Map<String, Upcaster> byFromType;

    public Upcasters(List<Upcaster> upcasters) {
        this.byFromType = upcasters.stream().collect(Collectors.toUnmodifiableMap(Upcaster::fromType,
                Function.identity()));
    }

    /** The catalogue type and payload an event of {@code type} reads as; unknown types are rejected by name. */
    public Upcast upcast(String type, ObjectNode payload) {
        String currentType = type;
        ObjectNode currentPayload = payload;
        int hops = 0;
        while (EventCatalog.find(currentType).isEmpty()) {
            Upcaster upcaster = byFromType.get(currentType);
            if (upcaster == null || ++hops > byFromType.size()) {
                throw new UnknownEventTypeException(type);
            }
            currentPayload = upcaster.upcast(currentPayload.deepCopy());
            currentType = upcaster.toType();
        }
        return new Upcast(EventCatalog.require(currentType), currentPayload);
    }

    public record Upcast(EventCatalog.Entry entry, ObjectNode payload) {
    }
}
