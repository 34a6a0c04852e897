package chibo.membership.duelist;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventJson;
import chibo.membership.member.MemberLifecycle;
import chibo.membership.member.MemberState;
import chibo.platform.mongo.KeyedValues;
import chibo.platform.projection.SequenceGate;
import chibo.platform.projection.SubjectProjection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Due lists, kept per cell (one document per cell, an {@code _id} lookup each) from the membership events: the
 * member's state is folded as the aggregate folds it, and the member's entries in their cell's list follow. Other
 * read models that need the member's state at each event (the rating tally) ride on the same fold as
 * {@code followers} rather than keeping a copy of every member of their own.
 */
public class DueLists {

    /** Each member's due items in a cell's list, as JSON, under the member's id made a field name. */
    static final String MEMBERS = "members";
    /** The form lists had before: an array of items, each a sub-document. */
    static final String LEGACY_ITEMS = "items";

    private final SubjectProjection<MemberState> members;
    private final MongoCollection<Document> byCell;
    private final DueItems items;
    private final List<SubjectProjection.SideEffects<MemberState>> followers;

    public DueLists(MongoTemplate mongo, DueItems items, MeterRegistry meters,
                    List<SubjectProjection.SideEffects<MemberState>> followers) {
        this.members = new SubjectProjection<>(mongo.getDb(), "due_members", MemberState.class,
                MemberLifecycle::apply, meters);
        this.byCell = mongo.getCollection("due_by_cell");
        this.items = items;
        this.followers = List.copyOf(followers);
    }

    public SequenceGate.Outcome accept(EventEnvelope event) {
        return members.accept(event, (before, after, applied) -> {
            Map<String, Map<String, List<DueItem>>> byCell = new LinkedHashMap<>();
            refile(before, after, filingInto(byCell));
            write(byCell);
            followers.forEach(follower -> follower.apply(before, after, applied));
        });
    }

    /**
     * A batch of membership events, with the effect of {@link #accept} one by one: each cell list the batch changes
     * is written once, and the followers see every change in order.
     */
    public List<SequenceGate.Outcome> acceptAll(List<EventEnvelope> events) {
        return members.acceptAll(events, changes -> {
            Map<String, Map<String, List<DueItem>>> byCell = new LinkedHashMap<>();
            for (SubjectProjection.Change<MemberState> change : changes) {
                refile(change.before(), change.after(), filingInto(byCell));
                followers.forEach(follower -> follower.apply(change.before(), change.after(), change.event()));
            }
            write(byCell);
        });
    }

    /** Where a member's entries in a cell's list are set (empty: taken off it). */
    @FunctionalInterface
    private interface Refiling {
        void set(String cellId, String memberId, List<DueItem> memberItems);
    }

    private static Refiling filingInto(Map<String, Map<String, List<DueItem>>> byCell) {
        return (cellId, memberId, memberItems) -> byCell.computeIfAbsent(cellId, c -> new LinkedHashMap<>())
                .put(memberId, memberItems);
    }

    /**
     * Keeps the member's entries in their cell's list in step, touching a cell's list only when the member's due
     * items there changed (most events change none).
     */
    private void refile(MemberState before, MemberState after, Refiling refiling) {
        List<DueItem> was = before == null ? List.of() : items.of(before);
        List<DueItem> is = items.of(after);
        boolean moved = before != null && !before.cellId().equals(after.cellId());
        if (moved) {
            refiling.set(before.cellId(), before.id(), List.of());
            refiling.set(after.cellId(), after.id(), is);
        } else if (!was.equals(is)) {
            refiling.set(after.cellId(), after.id(), is);
        }
    }

    /** Replaces members' entries in cells' lists: one update per cell, all in one bulk write, nothing read. */
    private void write(Map<String, Map<String, List<DueItem>>> byCell) {
        if (byCell.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(byCell.size());
        byCell.forEach((cellId, members) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", cellId),
                replacing(members), new UpdateOptions().upsert(true))));
        this.byCell.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /**
     * The update that puts each member's items in the member's place in the cell's list ({@value #MEMBERS}, keyed
     * by member id) or takes the member out when nothing is due, and drops the member from the list's older form (the
     * {@value #LEGACY_ITEMS} array of lists written before): see {@link KeyedValues}. It neither reads the list nor
     * grows with it.
     */
    private static Bson replacing(Map<String, List<DueItem>> members) {
        Map<String, String> jsonByMember = new LinkedHashMap<>();
        members.forEach((memberId, memberItems) -> jsonByMember.put(memberId, memberItems.isEmpty() ? null
                : EventJson.mapper().writeValueAsString(memberItems)));
        return KeyedValues.replacing(MEMBERS, LEGACY_ITEMS, jsonByMember);
    }

    public List<DueItem> ofCell(String cellId) {
        Document document = byCell.find(Filters.eq("_id", cellId)).first();
        if (document == null) {
            return List.of();
        }
        Map<String, List<DueItem>> byMember = new LinkedHashMap<>();
        for (Document item : document.getList(LEGACY_ITEMS, Document.class, List.of())) {
            byMember.computeIfAbsent(item.getString("memberId"), m -> new ArrayList<>()).add(new DueItem(
                    item.getString("memberId"), item.getString("fullName"), DueKind.valueOf(item.getString("kind")),
                    date(item, "since"), date(item, "deadline")));
        }
        for (String json : KeyedValues.read(document, MEMBERS)) {
            List<DueItem> memberItems = List.of(EventJson.mapper().readValue(json, DueItem[].class));
            if (!memberItems.isEmpty()) {
                byMember.put(memberItems.getFirst().memberId(), memberItems);
            }
        }
        return byMember.values().stream().flatMap(List::stream).toList();
    }

    public Optional<MemberState> member(String memberId) {
        return members.find(memberId);
    }

    private static LocalDate date(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Date date ? date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                : LocalDate.parse(String.valueOf(value));
    }
}
