package chibo.reporting.figures;

import chibo.contracts.organization.OrgLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An organisation's figures as the org-aggregate processor works on them: changed in place, because the upper
 * levels of the tree take a delta for nearly every event, and turned into an {@link OrgFigures} (its stored and
 * published form) only when the task commits. Only that processor holds one; what it hands out is copied.
 */
public final class OrgFiguresState {

    private final String orgId;
    private String name;
    private OrgLevel level;
    private String parentId;
    private boolean active;
    private long orgSeq;
    private String mergedInto;
    private String mergedMonth;
    private final Map<String, Long> counters;
    private final TreeSet<String> months;
    private final TreeSet<String> children;
    private final List<OrgFigures.Placement> placements;
    private final String registeredMonth;
    private String dissolvedMonth;
    private long version;
    private Instant lastRecordedAt;

    private OrgFiguresState(OrgFigures stored) {
        this.orgId = stored.orgId();
        this.name = stored.name();
        this.level = stored.level();
        this.parentId = stored.parentId();
        this.active = stored.active();
        this.orgSeq = stored.orgSeq();
        this.mergedInto = stored.mergedInto();
        this.mergedMonth = stored.mergedMonth();
        this.counters = new HashMap<>(stored.counters());
        this.months = new TreeSet<>(stored.months());
        this.children = new TreeSet<>(stored.children());
        this.placements = new ArrayList<>(stored.placements());
        this.registeredMonth = stored.registeredMonth();
        this.dissolvedMonth = stored.dissolvedMonth();
        this.version = stored.version();
        this.lastRecordedAt = stored.lastRecordedAt();
    }

    public static OrgFiguresState of(OrgFigures stored) {
        return new OrgFiguresState(stored);
    }

    static OrgFiguresState registered(String orgId, String name, OrgLevel level, String parentId, String month,
                                      long seq, Instant recordedAt) {
        return new OrgFiguresState(OrgFigures.registered(orgId, name, level, parentId, month, seq, recordedAt));
    }

    /** The stored and published form. */
    public OrgFigures toFigures() {
        return new OrgFigures(orgId, name, level, parentId, active, orgSeq, mergedInto, mergedMonth, counters,
                List.copyOf(months), List.copyOf(children), placements, registeredMonth, dissolvedMonth, version,
                lastRecordedAt);
    }

    /** Applies a delta to the totals and lists its month. */
    void plus(OrgDelta delta) {
        Counters.addTo(counters, delta.counters());
        if (delta.month() != null && !delta.counters().isEmpty()) {
            months.add(delta.month());
        }
        changed(delta.recordedAt());
    }

    void child(String childId, boolean added, Instant recordedAt) {
        if (added) {
            children.add(childId);
        } else {
            children.remove(childId);
        }
        changed(recordedAt);
    }

    void organisation(String newName, OrgLevel newLevel, boolean nowActive, long seq, Instant recordedAt) {
        name = newName;
        level = newLevel;
        active = nowActive;
        orgSeq = seq;
        changed(recordedAt);
    }

    /** Placed under a new parent from a month of effective date on (after every earlier placement). */
    void movedTo(String newParentId, String fromMonth, long seq, Instant recordedAt) {
        placements.add(new OrgFigures.Placement(fromMonth, newParentId));
        parentId = newParentId;
        orgSeq = seq;
        changed(recordedAt);
    }

    /** Dissolved in a month of effective date (the first dissolution counts: a repeat changes nothing). */
    void dissolvedIn(String month) {
        if (dissolvedMonth == null) {
            dissolvedMonth = month;
        }
    }

    void mergedInto(String targetId, String month, Instant recordedAt) {
        active = false;
        mergedInto = targetId;
        mergedMonth = month;
        changed(recordedAt);
    }

    /** The parent in a month of effective date. */
    String parentIn(String month) {
        return Placements.parentIn(placements, month);
    }

    /** The month the current placement began (moves are taken in order: a later one never starts earlier). */
    String placedSince() {
        return placements.getLast().fromMonth();
    }

    /** The placements, oldest first: a copy. */
    List<OrgFigures.Placement> placements() {
        return List.copyOf(placements);
    }

    /** The months with figures, in order: a copy. */
    List<String> months() {
        return List.copyOf(months);
    }

    public String orgId() {
        return orgId;
    }

    String parentId() {
        return parentId;
    }

    OrgLevel level() {
        return level;
    }

    String name() {
        return name;
    }

    boolean active() {
        return active;
    }

    public long orgSeq() {
        return orgSeq;
    }

    String mergedInto() {
        return mergedInto;
    }

    String mergedMonth() {
        return mergedMonth;
    }

    private void changed(Instant recordedAt) {
        version++;
        if (lastRecordedAt == null || (recordedAt != null && recordedAt.isAfter(lastRecordedAt))) {
            lastRecordedAt = recordedAt;
        }
    }
}
