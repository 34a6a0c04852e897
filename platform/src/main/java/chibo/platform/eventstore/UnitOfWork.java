package chibo.platform.eventstore;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The subjects a {@linkplain AggregateStore#unit unit of work} has read or changed, on the thread that runs it: each
 * as read, as the unit's commands left it, and their events not yet stored; and a journal of what each command
 * changed, so that a command that fails is taken back whole.
 */
final class UnitOfWork<S> {

    private final AggregateStore<S> store;
    private final Map<String, Entry<S>> entries = new LinkedHashMap<>();
    private final List<Undo<S>> journal = new ArrayList<>();

    /** One subject within the unit. */
    private static final class Entry<S> {
        private final AggregateStore.Loaded<S> loaded;
        private Current<S> current;
        private final List<EventEnvelope> pending = new ArrayList<>();

        Entry(AggregateStore.Loaded<S> loaded) {
            this.loaded = loaded;
            this.current = loaded.current();
        }
    }

    /** What an entry was before a command of the unit changed it: how to take the command back. */
    private record Undo<S>(Entry<S> entry, Current<S> current, int pending) {
    }

    UnitOfWork(AggregateStore<S> store, Map<String, AggregateStore.Loaded<S>> read) {
        this.store = store;
        read.forEach((subject, loaded) -> entries.put(subject, new Entry<>(loaded)));
    }

    private Entry<S> entry(String subject) {
        Entry<S> entry = entries.get(subject);
        if (entry == null) {
            entry = new Entry<>(store.read(List.of(subject)).get(subject));
            entries.put(subject, entry);
        }
        return entry;
    }

    /** The state the unit has reached for the subject (read now if the unit had not read it). */
    Current<S> current(String subject) {
        return entry(subject).current;
    }

    Optional<EventEnvelope> pendingEvent(String subject, long seq) {
        Entry<S> entry = entries.get(subject);
        return entry == null ? Optional.empty()
                : entry.pending.stream().filter(event -> event.seq() == seq).findFirst();
    }

    AggregateStore.Result<S> execute(String subject, Function<Current<S>, List<EventDraft>> decide) {
        Entry<S> entry = entry(subject);
        if (Correlation.firstTouch(subject) && Correlation.resumed()) {
            List<EventEnvelope> stored = store.storedByThisCommand(subject);
            if (!stored.isEmpty()) {
                return new AggregateStore.Result<>(entry.current, stored);
            }
        }
        List<EventDraft> drafts = decide.apply(entry.current);
        if (drafts.isEmpty()) {
            return new AggregateStore.Result<>(entry.current, List.of());
        }
        store.requireOwnTopic(drafts);
        List<EventEnvelope> sealed = store.events().seal(subject, entry.current.seq(), entry.current.hash(), drafts);
        journal.add(new Undo<>(entry, entry.current, entry.pending.size()));
        entry.current = store.applyAll(entry.current, sealed);
        entry.pending.addAll(sealed);
        return new AggregateStore.Result<>(entry.current, sealed);
    }

    int mark() {
        return journal.size();
    }

    /** Puts every entry changed since {@code mark} back as it was then, newest change first. */
    void rollBack(int mark) {
        for (int i = journal.size() - 1; i >= mark; i--) {
            Undo<S> undo = journal.remove(i);
            undo.entry().current = undo.current();
            undo.entry().pending.subList(undo.pending(), undo.entry().pending.size()).clear();
        }
    }

    /** Stores every subject's events, under the locks of the subjects changed (taken in one order). */
    <T> AggregateStore.Committed<T> commit(T result) {
        List<EventEnvelope> pending = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        entries.forEach((subject, entry) -> {
            if (!entry.pending.isEmpty()) {
                pending.addAll(entry.pending);
                changed.add(subject);
            }
        });
        if (pending.isEmpty()) {
            return new AggregateStore.Committed<>(result, List.of(), Set.of());
        }
        AtomicReference<AggregateStore.Committed<T>> committed = new AtomicReference<>();
        store.lockStripesOf(changed, () -> {
            Set<String> refused = store.events().appendAll(pending);
            List<EventEnvelope> stored = new ArrayList<>(pending.size());
            Map<String, AggregateStore.Loaded<S>> keep = new LinkedHashMap<>();
            Map<String, Current<S>> snapshotsDue = new HashMap<>();
            List<Map.Entry<Current<S>, List<EventEnvelope>>> storedBySubject = new ArrayList<>();
            entries.forEach((subject, entry) -> {
                if (entry.pending.isEmpty() || refused.contains(subject)) {
                    return;
                }
                stored.addAll(entry.pending);
                boolean snapshotDue = entry.current.seq() - entry.loaded.snapshotSeq() >= AggregateStore.SNAPSHOT_EVERY;
                if (snapshotDue) {
                    snapshotsDue.put(subject, entry.current);
                }
                keep.put(subject, new AggregateStore.Loaded<>(entry.current,
                        snapshotDue ? entry.current.seq() : entry.loaded.snapshotSeq()));
                storedBySubject.add(new AbstractMap.SimpleImmutableEntry<>(entry.loaded.current(), entry.pending));
            });
            store.stored(keep, snapshotsDue, storedBySubject);
            committed.set(new AggregateStore.Committed<>(result, stored, refused));
        });
        return committed.get();
    }
}
