package chibo.membership.organization;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.EventDocuments;
import chibo.platform.eventstore.EventStore;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who was ever in an organisation: one document per organisation ({@code org_occupants}, an {@code _id} lookup)
 * with the ids of the organisations ever registered or moved under it or merged into it ({@code children}) and of
 * the members ever admitted, enrolled, readmitted or received into it, sent to it or temporarily at it
 * ({@code members}). Ids are only ever added: who is still there is read from their own records
 * ({@link EmptyBeforeDissolution}), so an id left behind by a later move or an event applied twice changes nothing.
 *
 * <p>Fed from the membership and organisation topics by the read models' listener (every event any instance
 * stored). What this instance stores it also holds in memory until the topic brings it back, so that a dissolution
 * right after an admission here sees it without a write on the command's path. An event another instance stored a
 * moment ago is seen once the topic brings it (normally within a second), and so is one this instance stored just
 * before it restarted. The events stored before the index was first kept are read into it once, at start-up.
 */
@Component
public class Occupants {

    private static final Logger log = LoggerFactory.getLogger(Occupants.class);
    private static final String CHILDREN = "children";
    private static final String MEMBERS = "members";

    /** The document that says the index holds every event stored before it was first kept (not an organisation id). */
    private static final String BUILT = "~built";
    private static final int BACKFILL_BATCH = 1_000;
    /** Events stored here held in memory at most; past that (the topic far behind), they are written at once. */
    private static final int HELD_AT_MOST = 50_000;

    private final MongoCollection<Document> occupants;
    private final MongoTemplate mongo;
    private volatile boolean built;
    /** What events this instance stored place where, by event id, until the topic brings them back. */
    private final Map<UUID, List<Placement>> storedHere = new ConcurrentHashMap<>();

    /** An id placed in an organisation's list of children or members. */
    private record Placement(String orgId, String field, String id) {
    }

    Occupants(MongoTemplate mongo, AggregateStore<Organization> organizations) {
        this.occupants = mongo.getCollection("org_occupants");
        this.mongo = mongo;
        organizations.onStored((before, stored) -> acceptStored(stored));
    }

    /**
     * Once, when the service first runs with this index: indexes every event already in the event store (a full
     * read of the events, off any request's path), then marks the index built. Events stored meanwhile are indexed
     * as they are stored; indexing one twice changes nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void backfillOnce() {
        if (occupants.find(Filters.eq("_id", BUILT)).first() != null) {
            built = true;
            return;
        }
        long indexed = 0;
        for (String topic : List.of(Topics.ORGANIZATION, Topics.MEMBERSHIP)) {
            List<EventEnvelope> batch = new ArrayList<>(BACKFILL_BATCH);
            // in batches: the embedded server otherwise answers in one reply, however many events there are
            for (Document stored : mongo.getCollection(EventStore.collectionName(topic)).find()
                    .batchSize(BACKFILL_BATCH)) {
                batch.add(EventDocuments.toEnvelope(stored));
                if (batch.size() == BACKFILL_BATCH) {
                    acceptAll(batch);
                    indexed += batch.size();
                    batch.clear();
                }
            }
            acceptAll(batch);
            indexed += batch.size();
        }
        occupants.updateOne(Filters.eq("_id", BUILT), Updates.set("events", indexed),
                new UpdateOptions().upsert(true));
        built = true;
        log.info("indexed who was ever in each organisation from {} stored events", indexed);
    }

    /** Whether the index holds every event stored before it was first kept. */
    public boolean built() {
        return built;
    }

    /**
     * Holds what the events this instance has just stored place where (the member and organisation stores hand over
     * their own), until the topic brings them back; written at once should the topic be far behind.
     */
    public void acceptStored(List<EventEnvelope> stored) {
        if (storedHere.size() >= HELD_AT_MOST) {
            acceptAll(stored);
            return;
        }
        for (EventEnvelope event : stored) {
            List<Placement> placements = placements(event);
            if (!placements.isEmpty()) {
                storedHere.put(event.id(), placements);
            }
        }
    }

    /** Indexes what the events place in an organisation: one bulk write for the lot, none when they place nothing. */
    public void acceptAll(Collection<EventEnvelope> events) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (EventEnvelope event : events) {
            placements(event).forEach(placement -> writes.add(add(placement.orgId(), placement.field(),
                    placement.id())));
        }
        if (!writes.isEmpty()) {
            write(writes);
        }
        events.forEach(event -> storedHere.remove(event.id()));
    }

    private static List<Placement> placements(EventEnvelope event) {
        String subject = event.subject();
        return switch (event.payload()) {
            case MemberAdmitted e -> List.of(new Placement(e.cellId(), MEMBERS, subject));
            case MemberReadmitted e -> List.of(new Placement(e.cellId(), MEMBERS, subject));
            case MemberEnrolledFromRegister e -> List.of(new Placement(e.cellId(), MEMBERS, subject));
            case MemberTransferReceived e -> List.of(new Placement(e.cellId(), MEMBERS, subject));
            case MemberTransferStarted e when e.toCellId() != null ->
                    List.of(new Placement(e.toCellId(), MEMBERS, subject));
            case MemberTemporaryTransferStarted e -> List.of(new Placement(e.hostCellId(), MEMBERS, subject));
            case OrganizationRegistered e when e.parentId() != null ->
                    List.of(new Placement(e.parentId(), CHILDREN, subject));
            case OrganizationMoved e -> List.of(new Placement(e.newParentId(), CHILDREN, subject));
            case OrganizationMerged e -> e.sourceIds().stream()
                    .map(source -> new Placement(subject, CHILDREN, source)).toList();
            default -> List.of();
        };
    }

    private void write(List<WriteModel<Document>> writes) {
        try {
            occupants.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // two writers created the same organisation's document at once: it exists now, and adding is idempotent
            occupants.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    private static WriteModel<Document> add(String orgId, String field, String id) {
        return new UpdateOneModel<>(Filters.eq("_id", orgId), Updates.addToSet(field, id),
                new UpdateOptions().upsert(true));
    }

    /** The organisations ever registered or moved under {@code orgId}, or merged into it. */
    public List<String> children(String orgId) {
        return read(orgId, CHILDREN);
    }

    /** The members ever placed in, sent to or temporarily at {@code orgId}. */
    public List<String> members(String orgId) {
        return read(orgId, MEMBERS);
    }

    private List<String> read(String orgId, String field) {
        Document document = occupants.find(Filters.eq("_id", orgId)).first();
        List<String> indexed = document == null ? List.of() : document.getList(field, String.class, List.of());
        Set<String> ids = new LinkedHashSet<>(indexed);
        storedHere.values().forEach(placements -> placements.forEach(placement -> {
            if (placement.orgId().equals(orgId) && placement.field().equals(field)) {
                ids.add(placement.id());
            }
        }));
        return List.copyOf(ids);
    }
}
