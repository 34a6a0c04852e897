package chibo.reporting.figures;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Changes of counters on their way to organisations, summed per organisation and month until they are sent: a
 * commune or the province takes a change for nearly every event; summed, it takes one per month touched, and so does
 * every level above it. A sum carries the cause of the last change in it and the latest recorded time. Only changes
 * of counters are summed: an instruction (a merger's, a child joining or leaving) is sent at once by its sender,
 * after what was summed before it.
 */
public final class DeltaSums {

    private final Map<String, Map<String, Sum>> byOrganisation = new LinkedHashMap<>();

    /** A change to an organisation's counters: summed with the others for the same organisation and month. */
    public void add(String orgId, OrgDelta delta) {
        if (delta.mergeInto() != null || delta.child() != null) {
            throw new IllegalArgumentException("only changes of counters are summed; send instructions at once");
        }
        add(orgId, delta.month(), delta.counters(), delta.cause(), delta.recordedAt());
    }

    /** A change to an organisation's counters in a month, caused by {@code cause} recorded at {@code recordedAt}. */
    public void add(String orgId, String month, Map<String, Long> counters, String cause, Instant recordedAt) {
        if (counters.isEmpty()) {
            return;
        }
        byOrganisation.computeIfAbsent(orgId, id -> new LinkedHashMap<>())
                .computeIfAbsent(month, m -> new Sum()).add(counters, cause, recordedAt);
    }

    public boolean isEmpty() {
        return byOrganisation.isEmpty();
    }

    public void clear() {
        byOrganisation.clear();
    }

    /**
     * Hands each sum that is not zero to {@code send}, organisation by organisation in the order first touched, and
     * starts afresh: what {@code send} adds meanwhile is summed for the next time.
     */
    public void sendAll(BiConsumer<String, OrgDelta> send) {
        if (byOrganisation.isEmpty()) {
            return;
        }
        Map<String, Map<String, Sum>> sending = new LinkedHashMap<>(byOrganisation);
        byOrganisation.clear();
        sending.forEach((orgId, months) -> months.forEach((month, sum) -> {
            sum.counters.values().removeIf(value -> value == 0L);
            if (!sum.counters.isEmpty()) {
                send.accept(orgId, OrgDelta.ofOwned(sum.counters, month, sum.cause, sum.recordedAt));
            }
        }));
    }

    /** Changes of counters for one organisation and month, summed. */
    private static final class Sum {
        private final Map<String, Long> counters = new HashMap<>();
        private String cause;
        private Instant recordedAt;

        void add(Map<String, Long> change, String changeCause, Instant changeRecordedAt) {
            Counters.addTo(counters, change);
            cause = changeCause;
            if (recordedAt == null || (changeRecordedAt != null && changeRecordedAt.isAfter(recordedAt))) {
                recordedAt = changeRecordedAt;
            }
        }
    }
}
