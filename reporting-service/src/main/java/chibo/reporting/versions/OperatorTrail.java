package chibo.reporting.versions;

import chibo.contracts.HashChain;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What operators did to the figures: every rebuild, switch and drop of a projection version, who did it and when,
 * which version was live before and after, and a digest of the figures before and after, so that an auditor can
 * tell which figures were served when and by whose decision. Entries are only ever added
 * ({@code projection_actions}, under an id that sorts by time).
 */
public final class OperatorTrail {

    static final String COLLECTION = "projection_actions";

    /** What was done. */
    public enum Action {
        REBUILD, SWITCH, DROP
    }

    /**
     * One action.
     *
     * @param figuresBefore SHA-256 of the figures the action replaced or removed ({@link #digest}); null when none
     * @param figuresAfter  SHA-256 of the figures served after it; null when it changed none
     */
    public record Entry(String id, Action action, String version, String by, Instant at, String liveBefore,
                        String liveAfter, String figuresBefore, String figuresAfter, int differencesAccepted) {
    }

    private final MongoCollection<Document> actions;
    private final Clock clock;

    OperatorTrail(MongoCollection<Document> actions, Clock clock) {
        this.actions = actions;
        this.clock = clock;
    }

    Entry record(Action action, String version, String by, String liveBefore, String liveAfter,
                 String figuresBefore, String figuresAfter, int differencesAccepted) {
        Instant at = clock.instant();
        String id = String.format("%019d-%s", at.toEpochMilli(), UUID.randomUUID().toString().substring(0, 8));
        Entry entry = new Entry(id, action, version, by, at, liveBefore, liveAfter, figuresBefore, figuresAfter,
                differencesAccepted);
        actions.insertOne(new Document("_id", id).append("action", action.name()).append("version", version)
                .append("by", by).append("at", Date.from(at)).append("liveBefore", liveBefore)
                .append("liveAfter", liveAfter).append("figuresBefore", figuresBefore)
                .append("figuresAfter", figuresAfter).append("differencesAccepted", differencesAccepted));
        return entry;
    }

    /** Every action, oldest first. */
    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Document d : actions.find()) {
            entries.add(new Entry(d.getString("_id"), Action.valueOf(d.getString("action")), d.getString("version"),
                    d.getString("by"), d.getDate("at").toInstant(), d.getString("liveBefore"),
                    d.getString("liveAfter"), d.getString("figuresBefore"), d.getString("figuresAfter"),
                    d.getInteger("differencesAccepted", 0)));
        }
        entries.sort(Comparator.comparing(Entry::id));
        return entries;
    }

    /**
     * The SHA-256 of a version's figures: one line per organisation and counter, {@code org TAB counter TAB value},
     * sorted by organisation then counter, UTF-8; counters at zero are left out, so that two versions holding the
     * same figures give the same digest however they stored them.
     */
    static String digest(Map<String, Map<String, Long>> figures) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(figures).forEach((org, counters) -> new TreeMap<>(counters).forEach((counter, value) -> {
            if (value != 0) {
                text.append(org).append('\t').append(counter).append('\t').append(value).append('\n');
            }
        }));
        return HashChain.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
