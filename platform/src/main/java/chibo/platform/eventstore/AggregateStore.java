package chibo.platform.eventstore;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.HashChain;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Loads an aggregate (snapshot plus any later events) and runs a command against it: the command sees the current
 * state and returns the events it decides; they are appended with optimistic concurrency and the snapshot moves
 * on. A conflict with another writer (another thread or instance) re-runs the command on the caught-up state.
 * Within one instance, commands on the same subject take turns so that they are queued for Kafka in seq order.
 */
public class AggregateStore<S> {

    private static final int ATTEMPTS = 5;
    private static final int LOCK_STRIPES = 256;

    private final EventStore events;
    private final String topic;
    private final SnapshotStore<S> snapshots;
    private final StateFold<S> fold;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
    private final ThreadLocal<Batch<S>> batch = new ThreadLocal<>();

    /**
     * @param topic              the topic of this aggregate's events
     * @param snapshotCollection where the folded states are cached, by subject id
     */
    public AggregateStore(EventStore events, String topic, MongoCollection<Document> snapshotCollection,
                          Class<S> stateType, StateFold<S> fold) {
        this.events = events;
        this.topic = topic;
        this.snapshots = new SnapshotStore<>(snapshotCollection, stateType);
        this.fold = fold;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** One of the subject's events, by seq: an {@code _id} lookup (or one of the current batch's events). */
    public java.util.Optional<EventEnvelope> event(String subject, long seq) {
        Batch<S> open = batch.get();
        if (open != null && open.subject.equals(subject)) {
            var pending = open.pending.stream().filter(e -> e.seq() == seq).findFirst();
            if (pending.isPresent()) {
                return pending;
            }
        }
        return events.find(topic, subject, seq);
    }

    /**
     * The subject's state as last snapshotted, without looking for later events: for reads that may lag a crash
     * (an introducer's status), not for deciding commands on the subject itself.
     */
    public Current<S> peek(String subject) {
        Batch<S> open = batch.get();
        if (open != null && open.subject.equals(subject)) {
            return open.current;
        }
        return snapshotOrEmpty(subject);
    }

    /** The subject's stored events, with payloads exactly as stored. */
    public List<EventStore.StoredEvent> history(String subject) {
        return events.history(topic, subject);
    }

    /**
     * The subject's state including every stored event (one extra {@code _id} lookup to be sure), or the state
     * the current batch has reached.
     */
    public Current<S> load(String subject) {
        Batch<S> open = batch.get();
        if (open != null && open.subject.equals(subject)) {
            return open.current;
        }
        return catchUp(subject, snapshotOrEmpty(subject));
    }

    /**
     * Runs {@code decide} against the subject's current state and appends what it returns.
     *
     * @return the new state and the events appended (none when {@code decide} returned none)
     */
    public Result<S> execute(String subject, Function<Current<S>, List<EventDraft>> decide) {
        Batch<S> open = batch.get();
        if (open != null && open.subject.equals(subject)) {
            return open.execute(decide);
        }
        ReentrantLock lock = locks[Math.floorMod(subject.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            Current<S> current = snapshotOrEmpty(subject);
            for (int attempt = 1; ; attempt++) {
                List<EventDraft> drafts = decide.apply(current);
                if (drafts.isEmpty()) {
                    return new Result<>(current, List.of());
                }
                drafts.forEach(draft -> {
                    if (!draft.topic().equals(topic)) {
                        throw new IllegalArgumentException(draft.type() + " is not an event of " + topic);
                    }
                });
                try {
                    List<EventEnvelope> appended = events.append(subject, current.seq(), current.hash(), drafts);
                    Current<S> next = applyAll(current, appended);
                    snapshots.save(subject, next);
                    return new Result<>(next, appended);
                } catch (ConcurrentAppendException conflict) {
                    if (attempt == ATTEMPTS) {
                        throw conflict;
                    }
                    current = catchUp(subject, current);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs many commands on one subject as a batch: each command sees the state its predecessors left and
     * either adds its events or adds nothing (it throws), then all the events are stored in one insert and the
     * snapshot once. For bulk imports; a refused command leaves the others standing.
     *
     * @return what {@code work} returned, and the events stored
     * @throws ConcurrentAppendException when another writer appended to the subject meanwhile: nothing of the
     *                                   batch is stored
     */
    public <T> Batched<T> batch(String subject, java.util.function.Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod(subject.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            Batch<S> open = new Batch<>(subject, catchUp(subject, snapshotOrEmpty(subject)), this);
            batch.set(open);
            T result;
            try {
                result = work.get();
            } finally {
                batch.remove();
            }
            events.appendSealed(open.pending);
            if (!open.pending.isEmpty()) {
                // this instance holds the subject and has just read and extended its history
                snapshots.replace(subject, open.current);
            }
            return new Batched<>(result, List.copyOf(open.pending));
        } finally {
            lock.unlock();
        }
    }

    /** What a batch's work returned, and the events the batch stored. */
    public record Batched<T>(T result, List<EventEnvelope> events) {
    }

    /** Commands of a batch: folded in memory, stored together at the end. */
    private static final class Batch<S> {
        private final String subject;
        private final AggregateStore<S> store;
        private final java.util.ArrayList<EventEnvelope> pending = new java.util.ArrayList<>();
        private Current<S> current;

        Batch(String subject, Current<S> current, AggregateStore<S> store) {
            this.subject = subject;
            this.current = current;
            this.store = store;
        }

        Result<S> execute(Function<Current<S>, List<EventDraft>> decide) {
            List<EventDraft> drafts = decide.apply(current);
            if (drafts.isEmpty()) {
                return new Result<>(current, List.of());
            }
            drafts.forEach(draft -> {
                if (!draft.topic().equals(store.topic)) {
                    throw new IllegalArgumentException(draft.type() + " is not an event of " + store.topic);
                }
            });
            List<EventEnvelope> sealed = store.events.seal(subject, current.seq(), current.hash(), drafts);
            current = store.applyAll(current, sealed);
            pending.addAll(sealed);
            return new Result<>(current, sealed);
        }
    }

    private Current<S> snapshotOrEmpty(String subject) {
        return snapshots.find(subject).orElseGet(() -> new Current<>(null, 0, HashChain.GENESIS));
    }

    private Current<S> catchUp(String subject, Current<S> from) {
        List<EventEnvelope> later = events.readFrom(topic, subject, from.seq() + 1);
        return later.isEmpty() ? from : applyAll(from, later);
    }

    private Current<S> applyAll(Current<S> from, List<EventEnvelope> later) {
        S state = from.state();
        for (EventEnvelope event : later) {
            state = fold.apply(state, event);
        }
        EventEnvelope last = later.getLast();
        return new Current<>(state, last.seq(), last.hash());
    }

    /** The state after a command, and the events it appended. */
    public record Result<S>(Current<S> current, List<EventEnvelope> events) {
    }
}
