package chibo.reporting.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The archive in MongoDB. Every read is by {@code _id} (one id, or {@code $in} over ids), because that is the
 * only lookup the embedded server answers without scanning the collection:
 *
 * <ul>
 *   <li>{@code audit_<stream>_events}: each event under {@code <subject>:<zero-padded seq>}, so a subject's
 *   history is the ids for seq 1..n;</li>
 *   <li>{@code audit_chains}: each subject's chain as read, under {@code <stream>/<subject>};</li>
 *   <li>{@code audit_orgs}: each organisation's place in the tree and the months its history lists;</li>
 *   <li>{@code audit_org_months}: under {@code <orgId>:<yyyy-MM>}, the events of that month of effective date
 *   that belong to the organisation (its own, its members' while in it, its meetings);</li>
 *   <li>{@code audit_event_ids}: under each event's id, its stream and its id in the archive, so that an event is
 *   found by its id alone;</li>
 *   <li>{@code audit_conflicts} and {@code audit_unreadable}: records that could not take their place in a chain,
 *   kept as evidence under {@code <topic>:<partition>:<offset>}; in {@code audit_unreadable}, those refused for
 *   their signature are marked {@code refused} and take no place in any chain at all.</li>
 * </ul>
 */
@Component
class AuditStore {

    static final int MAX_IDS_PER_QUERY = 1000;
    static final int MAX_TREE_DEPTH = 16;

    private final Map<EventStream, MongoCollection<Document>> events = new EnumMap<>(EventStream.class);
    private final MongoCollection<Document> chains;
    private final MongoCollection<Document> orgs;
    private final MongoCollection<Document> orgMonths;
    private final MongoCollection<Document> conflicts;
    private final MongoCollection<Document> unreadable;
    private final MongoCollection<Document> jobs;
    private final MongoCollection<Document> eventIds;

    AuditStore(MongoTemplate mongo) {
        for (EventStream stream : EventStream.values()) {
            events.put(stream, mongo.getCollection(stream.collection()));
        }
        this.chains = mongo.getCollection("audit_chains");
        this.orgs = mongo.getCollection("audit_orgs");
        this.orgMonths = mongo.getCollection("audit_org_months");
        this.conflicts = mongo.getCollection("audit_conflicts");
        this.unreadable = mongo.getCollection("audit_unreadable");
        this.jobs = mongo.getCollection("audit_verification_jobs");
        this.eventIds = mongo.getCollection("audit_event_ids");
    }

    MongoCollection<Document> eventIds() {
        return eventIds;
    }

    /** Where the event with this id is kept: {@code _id} the event id, its stream's label and its archive id. */
    static Document eventIdEntry(EventStream stream, String eventId, String storageId) {
        return new Document("_id", eventId).append("stream", stream.label()).append("storageId", storageId);
    }

    /** The archived event with this id, in whichever stream it was published. */
    Optional<ArchivedEvent> eventById(String eventId) {
        if (EventIdIndex.COMPLETE.equals(eventId)) {
            return Optional.empty();
        }
        Document entry = eventIds.find(Filters.eq("_id", eventId)).first();
        if (entry == null) {
            return Optional.empty();
        }
        EventStream stream = EventStream.ofLabel(entry.getString("stream"));
        String storageId = entry.getString("storageId");
        return Optional.ofNullable(events(stream, List.of(storageId)).get(storageId));
    }

    MongoCollection<Document> events(EventStream stream) {
        return events.get(stream);
    }

    MongoCollection<Document> chains() {
        return chains;
    }

    MongoCollection<Document> orgs() {
        return orgs;
    }

    MongoCollection<Document> orgMonths() {
        return orgMonths;
    }

    MongoCollection<Document> conflicts() {
        return conflicts;
    }

    MongoCollection<Document> unreadable() {
        return unreadable;
    }

    MongoCollection<Document> jobs() {
        return jobs;
    }

    Map<String, SubjectChain> chains(Collection<String> chainIds) {
        Map<String, SubjectChain> found = new HashMap<>();
        byIds(chains, chainIds).forEach(d -> found.put(d.getString("_id"), SubjectChain.fromDocument(d)));
        return found;
    }

    Optional<SubjectChain> chain(EventStream stream, String subject) {
        return Optional.ofNullable(chains(List.of(stream.chainId(subject))).get(stream.chainId(subject)));
    }

    /** The subject's chains in every stream it has events in. */
    List<SubjectChain> chainsOf(String subject) {
        Map<String, SubjectChain> found = chains(Arrays.stream(EventStream.values())
                .map(stream -> stream.chainId(subject)).toList());
        return Arrays.stream(EventStream.values()).map(stream -> found.get(stream.chainId(subject)))
                .filter(chain -> chain != null).toList();
    }

    Map<String, ArchivedEvent> events(EventStream stream, Collection<String> ids) {
        Map<String, ArchivedEvent> found = new HashMap<>();
        byIds(events.get(stream), ids).forEach(d -> found.put(d.getString("_id"), ArchivedEvent.fromDocument(stream,
                d)));
        return found;
    }

    /** The subject's archived events with seq {@code from} to {@code to}, in seq order. */
    List<ArchivedEvent> history(EventStream stream, String subject, long from, long to) {
        List<String> ids = new ArrayList<>();
        for (long seq = from; seq <= to; seq++) {
            ids.add(chibo.contracts.EventEnvelope.storageId(subject, seq));
        }
        return events(stream, ids).values().stream().sorted(Comparator.comparingLong(ArchivedEvent::seq)).toList();
    }

    Optional<AuditOrg> org(String orgId) {
        return Optional.ofNullable(orgs(List.of(orgId)).get(orgId));
    }

    Map<String, AuditOrg> orgs(Collection<String> ids) {
        Map<String, AuditOrg> found = new LinkedHashMap<>();
        byIds(orgs, ids).forEach(d -> found.put(d.getString("_id"), AuditOrg.fromDocument(d)));
        return found;
    }

    /** Each month list asked for that exists, by its id. */
    Map<String, List<IndexEntry>> months(Collection<String> bucketIds) {
        Map<String, List<IndexEntry>> found = new HashMap<>();
        byIds(orgMonths, bucketIds).forEach(d -> found.put(d.getString("_id"),
                d.getList("entries", Document.class, List.of()).stream().map(IndexEntry::fromDocument).toList()));
        return found;
    }

    /**
     * The organisation and every organisation under it in the archive's tree, level by level (one {@code $in}
     * per level), the organisation first.
     */
    Map<String, AuditOrg> subtree(String orgId) {
        Map<String, AuditOrg> subtree = new LinkedHashMap<>();
        Deque<String> level = new ArrayDeque<>(List.of(orgId));
        for (int depth = 0; depth <= MAX_TREE_DEPTH && !level.isEmpty(); depth++) {
            Set<String> ids = new LinkedHashSet<>(level);
            ids.removeAll(subtree.keySet());
            level.clear();
            for (AuditOrg org : orgs(ids).values()) {
                subtree.put(org.id(), org);
                level.addAll(org.children());
            }
        }
        return subtree;
    }

    private static List<Document> byIds(MongoCollection<Document> collection, Collection<String> ids) {
        List<Document> found = new ArrayList<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += MAX_IDS_PER_QUERY) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_QUERY));
            collection.find(chunk.size() == 1 ? Filters.eq("_id", chunk.getFirst()) : Filters.in("_id", chunk))
                    .into(found);
        }
        return found;
    }
}
