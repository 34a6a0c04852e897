package chibo.platform.eventstore;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Loads an aggregate (snapshot plus any later events) and runs a command against it: the command sees the current
 * state and returns the events it decides; they are appended with optimistic concurrency. A conflict with another
 * writer (another thread or instance) re-runs the command on the caught-up state. Within one instance, commands on
 * the same subject take turns so that they are queued for Kafka in seq order.
 *
 * <p>A snapshot is a cache: it is written once a subject is {@code snapshotEvery} events past its last one, and a
 * load reads the events after it, a window of ids in one query. Most subjects have a few events, so most writes are
 * the events alone.
 *
 * <p>A {@linkplain #unit unit of work} runs many commands on many subjects (a bulk import): the subjects are read in
 * two queries, the commands run in memory, and all their events are stored in a few inserts at the end.
 *
 * <p>The states this instance last read or wrote are kept in memory ({@link KeptStates}, up to a bound): a subject
 * kept is read as its kept state plus the events stored after it, in one {@code _id} query, without its snapshot.
 * The event store stays the truth: events written meanwhile by another instance are read and folded on, and an
 * append from a stale state still fails on its seq and is decided again.
 */
public class AggregateStore<S> {

    /**
     * Tries a command makes against other writers of its subject before giving up: many, each after a short random
     * pause, so that two instances hammering one subject (an agency re-sending a member's history to both) do not
     * keep colliding in step.
     */
    private static final int ATTEMPTS = 10;
    /** Events after which a subject's snapshot is written again; also the window of events a load reads at once. */
    static final int SNAPSHOT_EVERY = 8;
    /** Subjects whose states an instance keeps in memory by default. */
    public static final int KEEP_STATES = 8_192;

    private final EventStore events;
    private final String topic;
    private final SnapshotStore<S> snapshots;
    private final StateFold<S> fold;
    private final SubjectLocks locks = new SubjectLocks();
    private final ThreadLocal<UnitOfWork<S>> unit = new ThreadLocal<>();
    private final KeptStates<Loaded<S>> kept;
    private final List<BiConsumer<Current<S>, List<EventEnvelope>>> storedListeners = new CopyOnWriteArrayList<>();

    /**
     * @param topic              the topic of this aggregate's events
     * @param snapshotCollection where the folded states are cached, by subject id
     */
    public AggregateStore(EventStore events, String topic, MongoCollection<Document> snapshotCollection,
                          Class<S> stateType, StateFold<S> fold) {
        this(events, topic, snapshotCollection, stateType, 1, fold);
    }

    /**
     * @param snapshotFormat the shape of the folded state: raised when the state gains what older snapshots lack, so
     *                       that those are folded again from the events instead of read
     */
    public AggregateStore(EventStore events, String topic, MongoCollection<Document> snapshotCollection,
                          Class<S> stateType, int snapshotFormat, StateFold<S> fold) {
        this(events, topic, snapshotCollection, stateType, snapshotFormat, KEEP_STATES, fold);
    }

    /** @param keepStates how many subjects' states this instance keeps in memory between commands (0: none) */
    public AggregateStore(EventStore events, String topic, MongoCollection<Document> snapshotCollection,
                          Class<S> stateType, int snapshotFormat, int keepStates, StateFold<S> fold) {
        this.kept = new KeptStates<>(keepStates);
        this.events = events;
        this.topic = topic;
        this.snapshots = new SnapshotStore<>(snapshotCollection, stateType, snapshotFormat);
        this.fold = fold;
    }

    /**
     * Called, once they are stored, with each subject's new events and the subject's state just before them: for
     * followers that must count what was decided before the command answers.
     */
    public void onStored(BiConsumer<Current<S>, List<EventEnvelope>> listener) {
        storedListeners.add(listener);
    }

    /** One of the subject's events, by seq: an {@code _id} lookup (or one of the current unit's events). */
    public Optional<EventEnvelope> event(String subject, long seq) {
        UnitOfWork<S> open = unit.get();
        if (open != null) {
            Optional<EventEnvelope> pending = open.pendingEvent(subject, seq);
            if (pending.isPresent()) {
                return pending;
            }
        }
        return events.find(topic, subject, seq);
    }

    /** The subject's stored events, with payloads exactly as stored. */
    public List<EventStore.StoredEvent> history(String subject) {
        return events.history(topic, subject);
    }

    /** The subject's state including every stored event, or the state the current unit of work has reached. */
    public Current<S> load(String subject) {
        UnitOfWork<S> open = unit.get();
        if (open != null) {
            return open.current(subject);
        }
        return read(List.of(subject)).get(subject).current;
    }

    /** Many subjects' states including every stored event, in two queries (subjects with no events: empty). */
    public Map<String, Current<S>> loadAll(Collection<String> subjects) {
        Map<String, Current<S>> loaded = new LinkedHashMap<>();
        read(subjects).forEach((subject, read) -> loaded.put(subject, read.current));
        return loaded;
    }

    /**
     * Runs {@code decide} against the subject's current state and appends what it returns.
     *
     * @return the new state and the events appended (none when {@code decide} returned none)
     */
    public Result<S> execute(String subject, Function<Current<S>, List<EventDraft>> decide) {
        UnitOfWork<S> open = unit.get();
        if (open != null) {
            return open.execute(subject, decide);
        }
        ReentrantLock lock = locks.of(subject);
        lock.lock();
        try {
            Loaded<S> loaded = read(List.of(subject)).get(subject);
            Current<S> current = loaded.current;
            boolean firstTouch = Correlation.firstTouch(subject);
            for (int attempt = 1; ; attempt++) {
                if (firstTouch && (Correlation.resumed() || attempt > 1)) {
                    List<EventEnvelope> stored = storedByThisCommand(subject);
                    if (!stored.isEmpty()) {
                        return new Result<>(current, stored);
                    }
                }
                List<EventDraft> drafts = decide.apply(current);
                if (drafts.isEmpty()) {
                    return new Result<>(current, List.of());
                }
                requireOwnTopic(drafts);
                try {
                    List<EventEnvelope> appended = events.append(subject, current.seq(), current.hash(), drafts);
                    Current<S> next = applyAll(current, appended);
                    long snapshotSeq = loaded.snapshotSeq;
                    if (next.seq() - snapshotSeq >= SNAPSHOT_EVERY) {
                        snapshots.save(subject, next);
                        snapshotSeq = next.seq();
                    }
                    keep(subject, new Loaded<>(next, snapshotSeq));
                    Current<S> before = current;
                    storedListeners.forEach(listener -> listener.accept(before, appended));
                    return new Result<>(next, appended);
                } catch (ConcurrentAppendException conflict) {
                    if (attempt == ATTEMPTS) {
                        throw conflict;
                    }
                    ConcurrentAppendException.pauseBeforeRetry(attempt);
                    loaded = read(List.of(subject)).get(subject);
                    current = loaded.current;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code decide} for a subject expected to be new (an admission, an enrolment) without reading it first:
     * its events are appended as the subject's first; only if the subject turns out to exist is it read and
     * {@code decide} run again on its state (where it refuses, as a command on an existing subject should).
     */
    public Result<S> create(String subject, Function<Current<S>, List<EventDraft>> decide) {
        if (unit.get() != null) {
            return execute(subject, decide);
        }
        ReentrantLock lock = locks.of(subject);
        lock.lock();
        try {
            Current<S> none = new Current<>(null, 0, HashChain.GENESIS);
            List<EventDraft> drafts = decide.apply(none);
            if (drafts.isEmpty()) {
                return new Result<>(none, List.of());
            }
            requireOwnTopic(drafts);
            List<EventEnvelope> appended = events.append(subject, 0, HashChain.GENESIS, drafts);
            Current<S> next = applyAll(none, appended);
            long snapshotSeq = 0;
            if (next.seq() >= SNAPSHOT_EVERY) {
                snapshots.save(subject, next);
                snapshotSeq = next.seq();
            }
            keep(subject, new Loaded<>(next, snapshotSeq));
            storedListeners.forEach(listener -> listener.accept(none, appended));
            return new Result<>(next, appended);
        } catch (ConcurrentAppendException exists) {
            // the subject has events: decide again on them, below
        } finally {
            lock.unlock();
        }
        return execute(subject, decide);
    }

    /**
     * Runs many commands on one subject as a batch: each command sees the state its predecessors left and either
     * adds its events or adds nothing (it throws), then all the events are stored in one insert.
     *
     * @return what {@code work} returned, and the events stored
     * @throws ConcurrentAppendException when another writer appended to the subject meanwhile: nothing of the
     *                                   batch is stored
     */
    public <T> Batched<T> batch(String subject, Supplier<T> work) {
        Committed<T> committed = unit(List.of(subject), work);
        if (!committed.refused().isEmpty()) {
            throw new ConcurrentAppendException(subject, load(subject).seq());
        }
        return new Batched<>(committed.result(), committed.stored());
    }

    /**
     * Runs {@code work} as one unit of work over many subjects, for bulk imports: the subjects named are read
     * up front in two queries (others the work touches are read as it goes); every command the work runs, on any
     * subject, sees the state the unit has reached and keeps its events in memory; at the end the events of every
     * subject are stored together. A subject another writer appended to meanwhile is stored not at all and named
     * in {@link Committed#refused()}: run its commands again.
     */
    public <T> Committed<T> unit(Collection<String> subjects, Supplier<T> work) {
        if (unit.get() != null) {
            throw new IllegalStateException("a unit of work is already open on this thread");
        }
        UnitOfWork<S> open = new UnitOfWork<>(this, read(subjects));
        unit.set(open);
        T result;
        try {
            result = work.get();
        } finally {
            unit.remove();
        }
        return open.commit(result);
    }

    /**
     * Runs one command of a unit of work whole or not at all: if {@code command} throws, every event it added to
     * the unit (on any subject) is taken back before the exception goes on, so the unit stores nothing of it. Outside
     * a unit a command appends as it goes, and this simply runs it.
     */
    public <T> T attempt(Supplier<T> command) {
        UnitOfWork<S> open = unit.get();
        if (open == null) {
            return command.get();
        }
        int mark = open.mark();
        try {
            return command.get();
        } catch (RuntimeException | Error e) {
            open.rollBack(mark);
            throw e;
        }
    }

    /** What a batch's work returned, and the events the batch stored. */
    public record Batched<T>(T result, List<EventEnvelope> events) {
    }

    /**
     * What a unit's work returned, the events stored, and the subjects not stored because another writer appended
     * to them meanwhile.
     */
    public record Committed<T>(T result, List<EventEnvelope> stored, Set<String> refused) {
    }

    /** The state after a command, and the events it appended. */
    public record Result<S>(Current<S> current, List<EventEnvelope> events) {
    }

    /** A subject as read: its state, and the seq of the snapshot it was read from (0: none). */
    record Loaded<S>(Current<S> current, long snapshotSeq) {
        long seq() {
            return current.seq();
        }
    }

    /**
     * The subjects' states: each one kept in memory, or else its snapshot, plus the events stored after it — at most
     * two queries, one when every subject is kept.
     */
    Map<String, Loaded<S>> read(Collection<String> subjects) {
        Map<String, Loaded<S>> base = new HashMap<>();
        List<String> notKept = new ArrayList<>();
        for (String subject : subjects) {
            Loaded<S> known = kept.get(subject);
            if (known == null) {
                notKept.add(subject);
            } else {
                base.put(subject, known);
            }
        }
        if (!notKept.isEmpty()) {
            Map<String, Current<S>> found = snapshots.findAll(notKept);
            for (String subject : notKept) {
                Current<S> snapshot = found.getOrDefault(subject, new Current<>(null, 0, HashChain.GENESIS));
                base.put(subject, new Loaded<>(snapshot, snapshot.seq()));
            }
        }
        Map<String, Long> lastSeqs = new HashMap<>();
        base.forEach((subject, known) -> lastSeqs.put(subject, known.current().seq()));
        Map<String, List<EventEnvelope>> later = events.readAfter(topic, lastSeqs, SNAPSHOT_EVERY);
        Map<String, Loaded<S>> loaded = new LinkedHashMap<>();
        for (String subject : subjects) {
            Loaded<S> known = base.get(subject);
            List<EventEnvelope> after = later.getOrDefault(subject, List.of());
            Loaded<S> read = after.isEmpty() ? known
                    : new Loaded<>(applyAll(known.current(), after), known.snapshotSeq());
            loaded.put(subject, read);
            keep(subject, read);
        }
        return loaded;
    }

    /** Keeps a subject's state as read or written, unless a later one is kept already; a subject never written, not. */
    void keep(String subject, Loaded<S> loaded) {
        if (loaded.current().seq() > 0) {
            kept.put(subject, loaded, Loaded::seq);
        }
    }

    /**
     * The subject's events stored under the running command's fixed correlation: by an earlier run of the same
     * command (cut off before it answered), or by another run of it that got there first. Read from the whole
     * history, as the events may be covered by a snapshot since; only a command run again pays for it.
     */
    List<EventEnvelope> storedByThisCommand(String subject) {
        Optional<UUID> correlation = Correlation.fixed();
        if (correlation.isEmpty()) {
            return List.of();
        }
        return events.readFrom(topic, subject, 1).stream()
                .filter(event -> correlation.get().equals(event.correlationId()))
                .toList();
    }

    void requireOwnTopic(List<EventDraft> drafts) {
        for (EventDraft draft : drafts) {
            if (!draft.topic().equals(topic)) {
                throw new IllegalArgumentException(draft.type() + " is not an event of " + topic);
            }
        }
    }

    Current<S> applyAll(Current<S> from, List<EventEnvelope> later) {
        S state = from.state();
        for (EventEnvelope event : later) {
            state = fold.apply(state, event);
        }
        EventEnvelope last = later.getLast();
        return new Current<>(state, last.seq(), last.hash());
    }

    EventStore events() {
        return events;
    }

    /** Runs {@code work} holding the locks of the subjects a unit changed. */
    void lockStripesOf(Collection<String> subjects, Runnable work) {
        locks.whileHolding(subjects, work);
    }

    /** After a unit's events are stored: the states kept, the snapshots due written, the followers told. */
    void stored(Map<String, Loaded<S>> kept, Map<String, Current<S>> snapshotsDue,
                List<Map.Entry<Current<S>, List<EventEnvelope>>> storedBySubject) {
        kept.forEach(this::keep);
        snapshots.replaceAll(snapshotsDue);
        storedBySubject.forEach(stored -> storedListeners.forEach(listener ->
                listener.accept(stored.getKey(), stored.getValue())));
    }
}
