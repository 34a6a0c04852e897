package chibo.membership.bulk;

import chibo.contracts.EventJson;
import chibo.platform.mongo.InsertNew;
import chibo.platform.security.Caller;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lines imports have applied ({@code import_applied}), by fingerprint, so that a line run again — by a later
 * run of the same file, even one cut off by a crash — is recognised: one document per member with their lines'
 * fingerprints, one per organisation line.
 */
final class AppliedLines {

    private static final String APPLIED_PREFIX = "member:";

    private final MongoCollection<Document> applied;

    AppliedLines(MongoCollection<Document> applied) {
        this.applied = applied;
    }

    /** The same line from the same caller is the same fingerprint, whatever its whitespace or key order. */
    static String fingerprint(Caller caller, ParsedLine line) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((caller.subject() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(EventJson.canonical(line.body()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An organisation line applied before, by its fingerprint. */
    Optional<Document> find(String fingerprint) {
        return Optional.ofNullable(applied.find(Filters.eq("_id", fingerprint)).first());
    }

    /** Remembers organisation lines: a line remembered already stays as it was. */
    void rememberAll(List<Document> remembered) {
        InsertNew.insertNew(applied, remembered);
    }

    /**
     * The lines applied before for each member, by fingerprint: one document per member, all read in one
     * {@code _id $in} query, not one per line.
     */
    Map<String, Map<String, Document>> appliedFor(Collection<String> memberIds) {
        Map<String, Map<String, Document>> known = new HashMap<>();
        List<String> ids = memberIds.stream().map(AppliedLines::appliedId).toList();
        for (Document document : applied.find(Filters.in("_id", ids))) {
            Map<String, Document> lines = new LinkedHashMap<>();
            document.getList("lines", Document.class, List.of()).forEach(line -> lines.put(line.getString("_id"),
                    line));
            known.put(document.getString("_id").substring(APPLIED_PREFIX.length()), lines);
        }
        return known;
    }

    /** Adds what each member's lines did to what was known of them: one bulk write. */
    void rememberFor(Map<String, Map<String, Document>> known, Map<String, List<Document>> remembered) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        remembered.forEach((memberId, lines) -> {
            if (lines.isEmpty()) {
                return;
            }
            Map<String, Document> all = new LinkedHashMap<>(known.getOrDefault(memberId, Map.of()));
            lines.forEach(line -> all.put(line.getString("_id"), line));
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", appliedId(memberId)),
                    new Document("_id", appliedId(memberId)).append("lines", new ArrayList<>(all.values())), upsert));
        });
        if (!writes.isEmpty()) {
            applied.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static String appliedId(String memberId) {
        return APPLIED_PREFIX + memberId;
    }
}
