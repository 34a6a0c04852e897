package chibo.platform.eventstore;

import chibo.contracts.EventCatalog;
import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import chibo.platform.tracing.EventTracing;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The append-only store of one service's events, which is also its outbox. Each topic's events have their own
 * collection ({@code party.membership.events} in {@code party_membership_events}), so ids of different kinds of
 * subject never collide. Appending is one {@code insertMany}; the unique {@code _id} ({@code subject:seq}) is the
 * optimistic-concurrency check, so no transaction is needed and the same code runs on the embedded server and on
 * a replica set. Every hot-path read is an {@code _id} lookup.
 */
public class EventStore {

    private final MongoDatabase database;
    private final List<String> topics;
    private final Map<String, MongoCollection<Document>> collections = new ConcurrentHashMap<>();
    private final String source;
    private final Clock clock;
    private final MeterRegistry meters;
    private final List<Consumer<List<EventEnvelope>>> appendListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Counter> appended = new ConcurrentHashMap<>();
    private final Outbox outbox;
    private volatile EventTracing tracing = EventTracing.OFF;

    /**
     * @param topics the topics this service writes; their collections are swept for unpublished events
     */
    public EventStore(MongoDatabase database, List<String> topics, String source, Clock clock,
                      MeterRegistry meters) {
        this.database = database;
        this.topics = List.copyOf(topics);
        this.source = source;
        this.clock = clock;
        this.meters = meters;
        this.outbox = new Outbox(this.topics, this::events, clock);
    }

    /** The collection holding a topic's events. */
    public static String collectionName(String topic) {
        return topic.replace('.', '_');
    }

    private MongoCollection<Document> events(String topic) {
        if (!topics.contains(topic)) {
            throw new IllegalArgumentException(source + " does not write to " + topic);
        }
        return collections.computeIfAbsent(topic, t -> database.getCollection(collectionName(t)));
    }

    /** Indexes a real MongoDB uses; the embedded server keeps the unique ones as constraints only. */
    public void ensureIndexes() {
        topics.forEach(this::ensureIndexes);
    }

    private void ensureIndexes(String topic) {
        events(topic).createIndexes(List.of(
                new IndexModel(Indexes.ascending(EventDocuments.SUBJECT, EventDocuments.SEQ),
                        new IndexOptions().unique(true).name("subject_seq_unique")),
                new IndexModel(Indexes.ascending(EventDocuments.EVENT_ID),
                        new IndexOptions().unique(true).name("event_id_unique")),
                new IndexModel(Indexes.ascending(EventDocuments.PUBLISHED, EventDocuments.RECORDED_AT),
                        new IndexOptions().name("unpublished"))));
    }

    /** Events appended from now on keep the trace context of the thread that appends them. */
    public void traceWith(EventTracing tracing) {
        this.tracing = tracing;
    }

    EventTracing tracing() {
        return tracing;
    }

    /** This store's events as outbox entries, for the relay. */
    Outbox outbox() {
        return outbox;
    }

    /** Called with every appended batch, in append order (the relay listens here). */
    public void onAppend(Consumer<List<EventEnvelope>> listener) {
        appendListeners.add(listener);
    }

    public String source() {
        return source;
    }

    /**
     * Appends the drafts as the subject's events {@code expectedSeq + 1 ...}, chained to {@code previousHash}.
     *
     * @throws ConcurrentAppendException when the subject already has an event after {@code expectedSeq}
     */
    public List<EventEnvelope> append(String subject, long expectedSeq, String previousHash, List<EventDraft> drafts) {
        List<EventEnvelope> sealed = seal(subject, expectedSeq, previousHash, drafts);
        appendSealed(sealed);
        return sealed;
    }

    /**
     * Seals drafts as the subject's events {@code expectedSeq + 1 ...}, chained to {@code previousHash}, without
     * storing them: see {@link #appendSealed(List)}.
     */
    public List<EventEnvelope> seal(String subject, long expectedSeq, String previousHash, List<EventDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        String topic = drafts.getFirst().topic();
        Instant now = clock.instant();
        List<EventEnvelope> sealed = new ArrayList<>(drafts.size());
        String previous = previousHash;
        long seq = expectedSeq;
        for (EventDraft draft : drafts) {
            if (!draft.subject().equals(subject) || !draft.topic().equals(topic)) {
                throw new IllegalArgumentException("draft for " + draft.subject() + " on " + draft.topic()
                        + " appended to " + subject + " on " + topic);
            }
            EventEnvelope event = HashChain.seal(draft, source, ++seq, previous, UUID.randomUUID(), now);
            sealed.add(event);
            previous = event.hash();
        }
        return sealed;
    }

    /**
     * Stores sealed events of one subject in one {@code insertMany}.
     *
     * @throws ConcurrentAppendException when the subject already has an event at the first seq
     */
    public void appendSealed(List<EventEnvelope> sealed) {
        if (sealed.isEmpty()) {
            return;
        }
        EventEnvelope first = sealed.getFirst();
        Set<String> conflicts = appendAll(sealed);
        if (!conflicts.isEmpty()) {
            throw new ConcurrentAppendException(first.subject(), first.seq() - 1);
        }
    }

    /**
     * Stores sealed events of many subjects, each subject's in seq order, in a few {@code insertMany}s: the first
     * event of every subject together, so that a subject whose next seq another writer has taken is found before
     * any of its events is stored; then the others, in order. A subject refused is left out whole (none of its
     * events stored) and named in the answer; the others are stored. Only should another writer take one of a
     * subject's later seqs in between (it would have had to read this writer's first event) does a subject keep
     * the events before that seq: it is named too, and what was stored is published like the rest.
     *
     * @return the subjects not (or not wholly) stored
     */
    public Set<String> appendAll(List<EventEnvelope> sealed) {
        if (sealed.isEmpty()) {
            return Set.of();
        }
        String topic = EventCatalog.topicOf(sealed.getFirst().payload());
        Map<String, List<EventEnvelope>> bySubject = new LinkedHashMap<>();
        for (EventEnvelope event : sealed) {
            if (!EventCatalog.topicOf(event.payload()).equals(topic)) {
                throw new IllegalArgumentException(event.type() + " is not an event of " + topic);
            }
            bySubject.computeIfAbsent(event.subject(), s -> new ArrayList<>()).add(event);
        }
        Set<String> refused = new LinkedHashSet<>();
        List<EventEnvelope> firsts = bySubject.values().stream().map(List::getFirst).toList();
        insert(topic, firsts, false).forEach(index -> refused.add(firsts.get(index).subject()));
        List<EventEnvelope> stored = new ArrayList<>(sealed.size());
        List<EventEnvelope> rest = new ArrayList<>();
        for (List<EventEnvelope> subjectEvents : bySubject.values()) {
            if (!refused.contains(subjectEvents.getFirst().subject())) {
                stored.add(subjectEvents.getFirst());
                rest.addAll(subjectEvents.subList(1, subjectEvents.size()));
            }
        }
        while (!rest.isEmpty()) {
            List<Integer> taken = insert(topic, rest, true);
            if (taken.isEmpty()) {
                stored.addAll(rest);
                break;
            }
            // ordered: everything before the refused event is stored, nothing after it
            int at = taken.getFirst();
            String subject = rest.get(at).subject();
            stored.addAll(rest.subList(0, at));
            refused.add(subject);
            rest = rest.subList(at, rest.size()).stream().filter(event -> !event.subject().equals(subject))
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        }
        if (!stored.isEmpty()) {
            stored.sort(java.util.Comparator.comparing(EventEnvelope::subject).thenComparingLong(EventEnvelope::seq));
            for (EventEnvelope event : stored) {
                appended.computeIfAbsent(event.type(), type -> Counter.builder("chibo.events.appended")
                        .tag("type", type).description("events accepted and stored").register(meters)).increment();
            }
            List<EventEnvelope> published = List.copyOf(stored);
            appendListeners.forEach(listener -> listener.accept(published));
        }
        return refused;
    }

    /**
     * Inserts the events; answers the positions of those refused because their {@code _id} is taken (ordered: at
     * most one, after which nothing was inserted).
     */
    private List<Integer> insert(String topic, List<EventEnvelope> events, boolean ordered) {
        try {
            String traceparent = tracing.current();
            List<Document> documents = new ArrayList<>(events.size());
            for (EventEnvelope event : events) {
                Document document = EventDocuments.toDocument(event);
                if (traceparent != null) {
                    document.append(EventDocuments.TRACEPARENT, traceparent);
                    outbox.storedWith(event.id(), traceparent);
                }
                documents.add(document);
            }
            events(topic).insertMany(documents, new InsertManyOptions().ordered(ordered));
            return List.of();
        } catch (MongoBulkWriteException e) {
            List<Integer> taken = new ArrayList<>();
            for (var error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                taken.add(error.getIndex());
            }
            return taken;
        }
    }

    public Optional<EventEnvelope> find(String topic, String subject, long seq) {
        return Optional.ofNullable(findDocument(topic, subject, seq)).map(EventDocuments::toEnvelope);
    }

    /**
     * Each subject's events after the seq given, until the first gap: a window of ids per subject in one
     * {@code _id $in} query, and another window for the subjects that filled theirs.
     */
    public Map<String, List<EventEnvelope>> readAfter(String topic, Map<String, Long> lastSeqs, int window) {
        Map<String, List<EventEnvelope>> found = new HashMap<>();
        Map<String, Long> open = new HashMap<>(lastSeqs);
        while (!open.isEmpty()) {
            List<String> ids = new ArrayList<>(open.size() * window);
            open.forEach((subject, seq) -> {
                for (long next = seq + 1; next <= seq + window; next++) {
                    ids.add(EventEnvelope.storageId(subject, next));
                }
            });
            Map<String, Map<Long, Document>> bySubject = new HashMap<>();
            for (Document document : events(topic).find(Filters.in(EventDocuments.ID, ids))) {
                bySubject.computeIfAbsent(document.getString(EventDocuments.SUBJECT), s -> new HashMap<>())
                        .put(((Number) document.get(EventDocuments.SEQ)).longValue(), document);
            }
            Map<String, Long> full = new HashMap<>();
            open.forEach((subject, seq) -> {
                Map<Long, Document> documents = bySubject.getOrDefault(subject, Map.of());
                long next = seq + 1;
                for (Document document = documents.get(next); document != null; document = documents.get(++next)) {
                    found.computeIfAbsent(subject, s -> new ArrayList<>()).add(EventDocuments.toEnvelope(document));
                }
                if (next > seq + window) {
                    full.put(subject, seq + window);
                }
            });
            open = full;
        }
        return found;
    }

    /** The subject's events from {@code fromSeq} on, one {@code _id} lookup each, until the first gap. */
    public List<EventEnvelope> readFrom(String topic, String subject, long fromSeq) {
        return readStoredFrom(topic, subject, fromSeq).stream().map(StoredEvent::envelope).toList();
    }

    /** The subject's whole history with each payload exactly as stored, for verification and audit. */
    public List<StoredEvent> history(String topic, String subject) {
        return readStoredFrom(topic, subject, 1);
    }

    private List<StoredEvent> readStoredFrom(String topic, String subject, long fromSeq) {
        List<StoredEvent> result = new ArrayList<>();
        for (long seq = fromSeq; ; seq++) {
            Document document = findDocument(topic, subject, seq);
            if (document == null) {
                return result;
            }
            result.add(new StoredEvent(EventDocuments.toEnvelope(document), EventDocuments.storedPayload(document),
                    document.getBoolean(EventDocuments.PUBLISHED, false)));
        }
    }

    private Document findDocument(String topic, String subject, long seq) {
        return events(topic).find(Filters.eq(EventDocuments.ID, EventEnvelope.storageId(subject, seq))).first();
    }

    /** Events not yet on Kafka that were recorded before {@code recordedBefore}, in subject and seq order. */
    public List<EventEnvelope> unpublished(Instant recordedBefore) {
        return outbox.unpublished(recordedBefore);
    }

    /** An event as stored, with its payload text (which the hash covers) and whether it reached Kafka yet. */
    public record StoredEvent(EventEnvelope envelope, String storedPayload, boolean published) {
    }
}
