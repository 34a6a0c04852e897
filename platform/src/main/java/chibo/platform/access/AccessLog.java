package chibo.platform.access;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.LongStream;

/**
 * The service's access log: who read which person's data, when, why and with what answer, as one append-only hash
 * chain in the {@code access_log} collection ({@link AccessEntry} has the canonical form). Each entry's {@code _id}
 * is its zero-padded seq, so every read of the log is an {@code _id} lookup and the unique {@code _id} is what keeps
 * the chain from forking: within an instance one append at a time (a lock), and an instance that finds its next
 * seq taken by another instance reads on to the real head and tries again. Nothing is ever updated or deleted.
 */
public class AccessLog {

    public static final String COLLECTION = "access_log";
    private static final int WINDOW = 500;

    private final MongoCollection<Document> entries;
    private final String service;
    private final Clock clock;
    private final ReentrantLock appending = new ReentrantLock();
    /** The last entry this instance knows of, read once before the first append; guarded by {@link #appending}. */
    private long headSeq = -1;
    private String headHash;

    public AccessLog(MongoCollection<Document> entries, String service, Clock clock) {
        this.entries = entries;
        this.service = service;
        this.clock = clock;
    }

    /** Adds the read to the end of the chain. */
    public AccessEntry append(AccessRead read) {
        appending.lock();
        try {
            if (headSeq < 0) {
                readHead();
            }
            while (true) {
                AccessEntry entry = AccessEntry.seal(read, service, headSeq + 1, headHash, clock.instant());
                try {
                    entries.insertOne(AccessDocuments.of(entry));
                    headSeq = entry.seq();
                    headHash = entry.hash();
                    return entry;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    readOn(); // another instance wrote this seq
                }
            }
        } finally {
            appending.unlock();
        }
    }

    /**
     * The newest entry by key (on the embedded server a scan, done once), then on past anything written since. Only
     * the key and the hash are read: an entry that was tampered with stays where it is, for verification to find.
     */
    private void readHead() {
        headSeq = 0;
        headHash = AccessEntry.GENESIS;
        for (Document newest : entries.find().sort(Sorts.descending(AccessDocuments.ID)).limit(1)) {
            if (newest.get(AccessDocuments.ID) instanceof String id && id.matches("[0-9]{19}")) {
                headSeq = Long.parseLong(id);
                headHash = String.valueOf(newest.get(AccessDocuments.HASH));
            }
        }
        readOn();
    }

    private void readOn() {
        for (Document next = find(headSeq + 1); next != null; next = find(headSeq + 1)) {
            headSeq++;
            headHash = String.valueOf(next.get(AccessDocuments.HASH));
        }
    }

    private Document find(long seq) {
        return entries.find(Filters.eq(AccessDocuments.ID, AccessEntry.id(seq))).first();
    }

    /**
     * A page of entries in chain order, after {@code afterSeq}, that match the filter. At most {@code scanLimit}
     * entries are looked at per page: {@code next} says where to go on, also when the page holds fewer than
     * {@code size} (or none), and is null at the end of the log.
     *
     * @param from    entries at or after this moment (null: from the start); the search starts near it
     * @param to      entries before this moment (null: to the end)
     * @param subject entries that name this person or subject, in the path or among the persons read (null: all)
     */
    public Page page(Instant from, Instant to, String subject, Long afterSeq, int size, int scanLimit) {
        long after = afterSeq != null ? afterSeq : from != null ? firstAtOrAfter(from) - 1 : 0;
        Predicate<AccessEntry> wanted = entry -> (from == null || !entry.at().isBefore(from))
                && (to == null || entry.at().isBefore(to))
                && (subject == null || subject.equals(entry.subject()) || entry.persons().contains(subject));
        List<AccessEntry> items = new ArrayList<>();
        long scanned = 0;
        long last = after;
        while (scanned < scanLimit) {
            Map<Long, AccessEntry> window = window(last + 1, WINDOW);
            if (window.isEmpty()) {
                return new Page(items, null);
            }
            long end = last + WINDOW;
            for (long seq = last + 1; seq <= end && scanned < scanLimit; seq++) {
                AccessEntry entry = window.get(seq);
                scanned++;
                if (entry != null && wanted.test(entry)) {
                    items.add(entry);
                    if (items.size() == size) {
                        return new Page(items, Long.toString(seq));
                    }
                }
                if (to != null && entry != null && !entry.at().isBefore(to)) {
                    return new Page(items, null);
                }
                last = seq;
            }
        }
        return new Page(items, Long.toString(last));
    }

    /** @param next the cursor of the next page, or null when the log has no more */
    public record Page(List<AccessEntry> items, String next) {
    }

    /** Entries {@code first ...} of a window, by seq, in one {@code _id $in} lookup. */
    private Map<Long, AccessEntry> window(long first, int size) {
        List<String> ids = LongStream.range(first, first + size).mapToObj(AccessEntry::id).toList();
        Map<Long, AccessEntry> found = new HashMap<>();
        for (Document document : entries.find(Filters.in(AccessDocuments.ID, ids))) {
            AccessEntry entry = AccessDocuments.toEntry(document);
            found.put(entry.seq(), entry);
        }
        return found;
    }

    /** The seq of the first entry at or after the moment, by bisection over keys (each probe one lookup). */
    private long firstAtOrAfter(Instant moment) {
        long low = 1;
        long high = knownHead() + 1;
        while (low < high) {
            long middle = low + (high - low) / 2;
            Document probe = find(middle);
            if (probe == null || probe.getDate(AccessDocuments.AT).toInstant().isBefore(moment)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private long knownHead() {
        appending.lock();
        try {
            if (headSeq < 0) {
                readHead();
            } else {
                readOn();
            }
            return headSeq;
        } finally {
            appending.unlock();
        }
    }

    /**
     * Walks the whole chain in key order and reports the first entry that fails: one missing (a gap in the seqs,
     * or entries this instance wrote that are gone from the end), one that does not link to the entry before it,
     * or one whose content no longer matches its hash.
     */
    public Verification verify() {
        long known = knownHead();
        String previous = AccessEntry.GENESIS;
        long expected = 1;
        for (Document document : entries.find().sort(Sorts.ascending(AccessDocuments.ID)).batchSize(1_000)) {
            AccessEntry entry;
            try {
                entry = AccessDocuments.toEntry(document);
            } catch (RuntimeException e) {
                return Verification.broken(expected - 1, expected, "the entry stored as " + document.get(
                        AccessDocuments.ID) + " is not an entry of the log: a field is missing or of the wrong kind");
            }
            String problem = problem(document, entry, expected, previous);
            if (problem != null) {
                return Verification.broken(expected - 1, expected, problem);
            }
            previous = entry.hash();
            expected++;
        }
        long checked = expected - 1;
        if (checked < known) {
            return Verification.broken(checked, checked + 1, "entries " + (checked + 1) + " to " + known
                    + " were written and are gone");
        }
        return new Verification(true, checked, checked == 0 ? null : previous, null, null);
    }

    private static String problem(Document document, AccessEntry entry, long expected, String previous) {
        if (entry.seq() != expected) {
            return "entry " + expected + " is missing";
        }
        if (!AccessEntry.id(entry.seq()).equals(document.get(AccessDocuments.ID))) {
            return "entry " + expected + " is stored under another key";
        }
        if (!previous.equals(entry.previousHash())) {
            return "entry " + expected + " does not link to the entry before it";
        }
        if (!entry.expectedHash().equals(entry.hash())) {
            return "entry " + expected + " was changed after it was written: its content does not match its hash";
        }
        return null;
    }

    /**
     * @param entries        entries that hold, from the first on
     * @param lastHash       the hash of the last of them: kept elsewhere, it shows whether entries were later
     *                       removed from the end
     * @param firstBrokenSeq the first entry that fails, or null when the chain holds
     */
    public record Verification(boolean intact, long entries, String lastHash, Long firstBrokenSeq, String problem) {

        static Verification broken(long entries, long seq, String problem) {
            return new Verification(false, entries, null, seq, problem);
        }
    }
}
