package chibo.reporting.audit;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.InvalidEventException;
import chibo.contracts.TrustedSigners;
import chibo.platform.mongo.InsertNew;
import chibo.contracts.UntrustedEventException;
import chibo.contracts.member.MemberTransferReceived;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a batch of records read off the three topics into the archive, idempotently: each subject's chain is
 * advanced only by a record ahead of the last seq it took, so a redelivered batch changes nothing, and every write
 * is keyed by {@code _id} (inserts, {@code $addToSet}, replaces). The chain state is written last: a batch cut off
 * half-way is simply taken again.
 */
@Component
class ArchiveWriter {

    private static final Logger log = LoggerFactory.getLogger(ArchiveWriter.class);

    private final AuditStore store;
    private final MeterRegistry meters;
    private final Map<EventStream, Counter> archivedCounters = new EnumMap<>(EventStream.class);
    private final Counter unreadable;
    private final Counter untrusted;
    private final TrustedSigners signers;

    ArchiveWriter(AuditStore store, MeterRegistry meters, TrustedSigners signers) {
        this.store = store;
        this.signers = signers;
        this.meters = meters;
        for (EventStream stream : EventStream.values()) {
            archivedCounters.put(stream, Counter.builder("chibo.audit.archived").tag("stream", stream.label())
                    .description("events taken into the audit archive").register(meters));
        }
        this.unreadable = Counter.builder("chibo.audit.unreadable")
                .description("records of the event topics that could not be read as events").register(meters);
        this.untrusted = Counter.builder("chibo.audit.untrusted")
                .description("records of the event topics refused for their signature (unsigned, badly signed,"
                        + " or signed by a key not allowed on the topic)").register(meters);
    }

    void write(List<ConsumerRecord<String, byte[]>> records) {
        List<Read> reads = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            EventStream.ofTopic(record.topic()).ifPresent(stream -> reads.add(Read.of(stream, record, signers)));
        }
        Set<String> chainIds = new LinkedHashSet<>();
        reads.forEach(read -> {
            if (read.subject() != null && !read.untrusted()) {
                chainIds.add(read.stream().chainId(read.subject()));
            }
        });
        Map<String, SubjectChain> chains = new HashMap<>(store.chains(chainIds));
        Set<String> changed = new LinkedHashSet<>();
        Batch batch = new Batch();
        List<Read> alreadyRead = new ArrayList<>();
        for (Read read : reads) {
            if (read.untrusted()) {
                untrusted(read);
                continue;
            }
            if (read.received() == null) {
                unreadable(read, chains, changed);
                continue;
            }
            EventEnvelope event = read.received().envelope();
            SubjectChain chain = chains.computeIfAbsent(read.stream().chainId(event.subject()),
                    id -> SubjectChain.start(read.stream(), event.subject()));
            ChainLink link = read.link();
            if (!chain.chain().isAhead(event.seq())) {
                alreadyRead.add(read);
                continue;
            }
            String cellAfter = read.stream() == EventStream.MEMBERSHIP
                    ? MemberCell.after(chain.cellId(), event.payload()) : null;
            ArchivedEvent archivedEvent = archive(read, link, organizations(read.stream(), event, chain.cellId(),
                    cellAfter));
            batch.add(archivedEvent);
            if (read.stream() == EventStream.ORGANIZATION) {
                batch.treeChanges.addAll(TreeChange.of(event.subject(), event.payload()));
            }
            chains.put(chain.id(), chain.with(chain.chain().accept(link), cellAfter, event.recordedAt()));
            changed.add(chain.id());
        }
        batch.insertEvents();
        Map<EventStream, Map<String, ArchivedEvent>> archivedBefore = new EnumMap<>(EventStream.class);
        for (EventStream stream : EventStream.values()) {
            List<String> ids = alreadyRead.stream().filter(read -> read.stream() == stream)
                    .map(read -> read.received().envelope().storageId()).toList();
            archivedBefore.put(stream, ids.isEmpty() ? Map.of() : store.events(stream, ids));
        }
        for (Read read : alreadyRead) {
            settleAlreadyRead(read, archivedBefore.get(read.stream()), chains, changed, batch);
        }
        batch.writeIndex();
        batch.writeTree();
        List<WriteModel<Document>> chainWrites = changed.stream()
                .<WriteModel<Document>>map(id -> new ReplaceOneModel<>(Filters.eq("_id", id),
                        chains.get(id).toDocument(), new ReplaceOptions().upsert(true)))
                .toList();
        if (!chainWrites.isEmpty()) {
            store.chains().bulkWrite(chainWrites, new BulkWriteOptions().ordered(false));
        }
        batch.archived.forEach((stream, events) -> archivedCounters.get(stream).increment(events.size()));
    }

    /**
     * A record whose seq the chain has already taken: a redelivery when the archived record carries the same hash,
     * a conflict when it carries another (kept as evidence), or a missing seq arriving late.
     */
    private void settleAlreadyRead(Read read, Map<String, ArchivedEvent> archivedBefore,
                                   Map<String, SubjectChain> chains, Set<String> changed, Batch batch) {
        EventEnvelope event = read.received().envelope();
        SubjectChain chain = chains.get(read.stream().chainId(event.subject()));
        ArchivedEvent stored = archivedBefore.get(event.storageId());
        ChainLink link = read.link();
        if (stored == null) {
            ArchivedEvent late = archive(read, link, organizations(read.stream(), event, chain.cellId(),
                    chain.cellId()));
            batch.add(late);
            batch.insertEvents();
            chains.put(chain.id(), chain.with(chain.chain().late(link)));
            changed.add(chain.id());
            brokenLink(BrokenLink.Reason.OUT_OF_ORDER);
        } else if (!stored.hash().equals(event.hash()) || !stored.eventId().equals(event.id().toString())) {
            boolean first = insertIgnoringDuplicate(store.conflicts(), new Document("_id", read.position())
                    .append("chain", chain.id()).append("seq", event.seq()).append("archivedHash", stored.hash())
                    .append("hash", event.hash()).append("eventId", event.id().toString())
                    .append("payload", read.received().rawPayload()));
            if (first) {
                chains.put(chain.id(), chain.with(chain.chain().conflicting(link, stored.hash())));
                changed.add(chain.id());
                brokenLink(BrokenLink.Reason.CONFLICTING_RECORD);
            }
        }
    }

    /**
     * A record whose signature does not hold is kept as evidence only: it takes no seq of its subject's chain, so
     * the event chibo later publishes at that seq is archived as the original.
     */
    private void untrusted(Read read) {
        untrusted.increment();
        log.warn("refused record at {}: {}", read.position(), read.problem());
        insertIgnoringDuplicate(store.unreadable(), evidence(read).append("refused", true));
    }

    private void unreadable(Read read, Map<String, SubjectChain> chains, Set<String> changed) {
        unreadable.increment();
        ConsumerRecord<String, byte[]> record = read.record();
        log.warn("unreadable record at {}: {}", read.position(), read.problem());
        boolean first = insertIgnoringDuplicate(store.unreadable(), evidence(read));
        Long seq = read.headerSeq();
        if (read.subject() == null || seq == null) {
            return;
        }
        String chainId = read.stream().chainId(read.subject());
        SubjectChain chain = chains.computeIfAbsent(chainId, id -> SubjectChain.start(read.stream(),
                read.subject()));
        if (first || chain.chain().isAhead(seq)) {
            chains.put(chainId, chain.with(chain.chain().unreadable(seq, read.problem(), record.partition(),
                    record.offset())));
            changed.add(chainId);
            brokenLink(BrokenLink.Reason.UNREADABLE);
        }
    }

    /**
     * Whose history lists the event: an organisation's own events and a cell's meetings belong to it; a member's
     * events to the cell the member is in after the event, and a transfer received to the cell left as well. A
     * member event whose cell is not known (the member's history did not start with an admission, enrolment or
     * readmission) is listed under the acting organisation.
     */
    static List<String> organizations(EventStream stream, EventEnvelope event, String cellBefore, String cellAfter) {
        if (stream != EventStream.MEMBERSHIP) {
            return List.of(event.subject());
        }
        if (cellAfter == null) {
            return List.of(event.actingOrg());
        }
        if (event.payload() instanceof MemberTransferReceived && cellBefore != null
                && !cellBefore.equals(cellAfter)) {
            return List.of(cellBefore, cellAfter);
        }
        return List.of(cellAfter);
    }

    private static ArchivedEvent archive(Read read, ChainLink link, List<String> organizations) {
        EventEnvelope e = read.received().envelope();
        ConsumerRecord<String, byte[]> record = read.record();
        return new ArchivedEvent(read.stream(), e.storageId(), e.id().toString(), e.type(),
                read.received().wireType(), e.source(), e.subject(), e.seq(), e.effectiveDate(), e.recordedAt(),
                e.actingOrg(), e.decisionNumber(), e.correlationId().toString(),
                e.causationId() == null ? null : e.causationId().toString(), e.previousHash(), e.hash(),
                link.contentIntact(), read.received().rawPayload(), organizations, record.topic(),
                record.partition(), record.offset());
    }

    private static Document evidence(Read read) {
        ConsumerRecord<String, byte[]> record = read.record();
        return new Document("_id", read.position()).append("key", record.key())
                .append("reason", read.problem()).append("headers", headers(record))
                .append("value", record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
    }

    private void brokenLink(BrokenLink.Reason reason) {
        meters.counter("chibo.audit.broken.links", "reason", reason.code()).increment();
    }

    private static Document headers(ConsumerRecord<String, byte[]> record) {
        Document headers = new Document();
        for (Header header : record.headers()) {
            headers.append(header.key(), header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** @return whether the document is new */
    private static boolean insertIgnoringDuplicate(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** One record as read: the event, or why it could not be read or may not be trusted. */
    record Read(EventStream stream, ConsumerRecord<String, byte[]> record, CloudEventsKafka.ReceivedEvent received,
                String problem, boolean untrusted) {

        static Read of(EventStream stream, ConsumerRecord<String, byte[]> record, TrustedSigners signers) {
            try {
                return new Read(stream, record, signers.read(stream.topic(), record.headers(), record.value()), null,
                        false);
            } catch (UntrustedEventException e) {
                return new Read(stream, record, null, e.getMessage(), true);
            } catch (InvalidEventException e) {
                return new Read(stream, record, null, e.getMessage(), false);
            }
        }

        String subject() {
            return received != null ? received.envelope().subject() : record.key();
        }

        ChainLink link() {
            return ChainLink.of(received, record.partition(), record.offset());
        }

        Long headerSeq() {
            Header header = record.headers().lastHeader("ce_seq");
            if (header == null || header.value() == null) {
                return null;
            }
            try {
                return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8).trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        String position() {
            return record.topic() + ":" + record.partition() + ":" + record.offset();
        }
    }

    /** The writes a batch makes, grouped so that each document is written once. */
    private final class Batch {

        final Map<EventStream, List<ArchivedEvent>> archived = new EnumMap<>(EventStream.class);
        final Map<EventStream, List<Document>> pending = new EnumMap<>(EventStream.class);
        final List<Document> pendingIds = new ArrayList<>();
        final Map<String, List<Document>> entriesByBucket = new LinkedHashMap<>();
        final Map<String, Set<String>> monthsByOrg = new LinkedHashMap<>();
        final List<TreeChange> treeChanges = new ArrayList<>();

        void add(ArchivedEvent event) {
            archived.computeIfAbsent(event.stream(), s -> new ArrayList<>()).add(event);
            pending.computeIfAbsent(event.stream(), s -> new ArrayList<>()).add(event.toDocument());
            pendingIds.add(AuditStore.eventIdEntry(event.stream(), event.eventId(), event.storageId()));
            Document entry = IndexEntry.of(event).toDocument();
            for (String orgId : event.organizations()) {
                entriesByBucket.computeIfAbsent(IndexEntry.bucketId(orgId, event.effectiveDate()),
                        id -> new ArrayList<>()).add(entry);
                monthsByOrg.computeIfAbsent(orgId, id -> new LinkedHashSet<>())
                        .add(event.effectiveDate().toString().substring(0, 7));
            }
        }

        /** Inserts what is pending; an event already there (a batch taken again after a crash) is left as is. */
        void insertEvents() {
            pending.forEach((stream, documents) -> InsertNew.insertNew(store.events(stream), documents));
            pending.clear();
            InsertNew.insertNew(store.eventIds(), pendingIds);
            pendingIds.clear();
        }

        void writeIndex() {
            List<WriteModel<Document>> buckets = new ArrayList<>();
            entriesByBucket.forEach((id, entries) -> buckets.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    Updates.addEachToSet("entries", entries), new UpdateOptions().upsert(true))));
            if (!buckets.isEmpty()) {
                store.orgMonths().bulkWrite(buckets, new BulkWriteOptions().ordered(false));
            }
            List<WriteModel<Document>> orgs = new ArrayList<>();
            monthsByOrg.forEach((id, months) -> orgs.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    Updates.addEachToSet("months", List.copyOf(months)), new UpdateOptions().upsert(true))));
            if (!orgs.isEmpty()) {
                store.orgs().bulkWrite(orgs, new BulkWriteOptions().ordered(false));
            }
        }

        /** In order, one write at a time: each change sees the tree the changes before it left. */
        void writeTree() {
            MongoCollection<Document> orgs = store.orgs();
            UpdateOptions upsert = new UpdateOptions().upsert(true);
            for (TreeChange change : treeChanges) {
                switch (change) {
                    case TreeChange.Registered r -> orgs.updateOne(Filters.eq("_id", r.orgId()), Updates.combine(
                            Updates.set("name", r.name()), Updates.set("level", r.level())), upsert);
                    case TreeChange.Renamed r -> orgs.updateOne(Filters.eq("_id", r.orgId()),
                            Updates.set("name", r.name()), upsert);
                    case TreeChange.Dissolved d -> orgs.updateOne(Filters.eq("_id", d.orgId()),
                            Updates.set("dissolved", true), upsert);
                    case TreeChange.TakenOver t -> orgs.updateOne(Filters.eq("_id", t.sourceId()),
                            Updates.set("mergedInto", t.targetId()), upsert);
                    case TreeChange.Moved m -> {
                    }
                }
                if (change.child() != null) {
                    reparent(orgs, change.child(), change.newParent(), upsert);
                }
            }
        }

        private void reparent(MongoCollection<Document> orgs, String child, String newParent, UpdateOptions upsert) {
            String oldParent = store.org(child).map(AuditOrg::parentId).orElse(null);
            if (oldParent != null && !oldParent.equals(newParent)) {
                orgs.updateOne(Filters.eq("_id", oldParent), Updates.pull("children", child));
            }
            if (newParent != null) {
                orgs.updateOne(Filters.eq("_id", newParent), Updates.addToSet("children", child), upsert);
            }
            if (!Objects.equals(oldParent, newParent)) {
                orgs.updateOne(Filters.eq("_id", child), Updates.set("parentId", newParent), upsert);
            }
        }
    }
}
