package chibo.platform.mongo;

import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A document that keeps one value per member under the member's key ({@link FieldKeys}) in one field, each value
 * one JSON string (a cell's roster, a cell's due list), beside the form such documents had before: an array of
 * sub-documents that name their member in {@code memberId}. A change to some members is one update that touches
 * those members' keys only; setting a key is idempotent, so a batch applied again after a crash leaves each member
 * once, and the store copies each value in one piece (an array of sub-documents, rewritten, cost it many times as
 * much per change).
 */
public final class KeyedValues {

    private KeyedValues() {
    }

    /**
     * The update that sets each member's value under {@code field.<key>} or, for a member whose value is
     * {@code null}, takes the key out, and drops those members from the older form's {@code legacyArray}, read beside
     * the keys until each member there changes.
     *
     * @param jsonByMember each changed member's value as JSON, by member id; {@code null}: the member is taken out
     */
    public static Bson replacing(String field, String legacyArray, Map<String, String> jsonByMember) {
        List<Bson> updates = new ArrayList<>(jsonByMember.size() + 1);
        jsonByMember.forEach((memberId, json) -> {
            String key = field + "." + FieldKeys.encode(memberId);
            updates.add(json == null ? Updates.unset(key) : Updates.set(key, json));
        });
        updates.add(Updates.pull(legacyArray, new Document("memberId", new Document("$in",
                List.copyOf(jsonByMember.keySet())))));
        return Updates.combine(updates);
    }

    /** The JSON values kept under {@code field} of a stored document (none when it has no such field). */
    public static Collection<String> read(Document stored, String field) {
        Document keyed = stored.get(field, Document.class);
        if (keyed == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>(keyed.size());
        keyed.values().forEach(value -> values.add((String) value));
        return values;
    }
}
