package chibo.contracts;

import tools.jackson.databind.node.ObjectNode;

/**
 * Reads an old event type as a newer one, so that old events stay readable forever. An upcaster takes the old
 * payload JSON and returns the payload of {@link #toType()}; chains (v1 → v2 → v3) are followed.
 */
public interface Upcaster {

    String fromType();

    String toType();

    ObjectNode upcast(ObjectNode oldPayload);
}
