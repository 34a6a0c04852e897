package chibo.reporting.figures;

import java.util.HashMap;
import java.util.Map;

/**
 * One organisation's month of figures as the org-aggregate processor works on it: changed in place and turned into
 * an {@link OrgMonth} (its stored and published form) only when the task commits.
 */
public final class MonthState {

    private final String orgId;
    private final String month;
    private final Map<String, Long> counters;
    private long version;

    private MonthState(String orgId, String month, HashMap<String, Long> counters, long version) {
        this.orgId = orgId;
        this.month = month;
        this.counters = counters;
        this.version = version;
    }

    public static MonthState of(OrgMonth stored) {
        return new MonthState(stored.orgId(), stored.month(), new HashMap<>(stored.counters()), stored.version());
    }

    /** A month read from its stored form, keeping the map it was read into (nobody else holds it). */
    static MonthState read(String orgId, String month, HashMap<String, Long> counters, long version) {
        return new MonthState(orgId, month, counters, version);
    }

    static MonthState empty(String orgId, String month) {
        return new MonthState(orgId, month, new HashMap<>(), 0);
    }

    public OrgMonth toMonth() {
        return new OrgMonth(orgId, month, counters, version);
    }

    /** The organisation whose month this is. */
    public String orgId() {
        return orgId;
    }

    /** The stored form, without the copy {@link #toMonth()} makes: what is written when the task commits. */
    byte[] encoded() {
        return FiguresCodec.month(orgId, month, counters, version);
    }

    void plus(Map<String, Long> change) {
        Counters.addTo(counters, change);
        version++;
    }

    /** The month's figures: a copy. */
    Map<String, Long> counters() {
        return Map.copyOf(counters);
    }
}
