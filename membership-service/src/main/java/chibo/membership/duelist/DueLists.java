package chibo.membership.duelist;

import chibo.contracts.EventEnvelope;
import chibo.membership.member.MemberLifecycle;
import chibo.membership.member.MemberState;
import chibo.platform.projection.SequenceGate;
import chibo.platform.projection.SubjectProjection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
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
            refile(before, after, this::rewrite);
            followers.forEach(follower -> follower.apply(before, after, applied));
        });
    }

    /**
     * A batch of membership events, with the effect of {@link #accept} one by one: each cell list the batch changes
     * is read and written once, and the followers see every change in order.
     */
    public List<SequenceGate.Outcome> acceptAll(List<EventEnvelope> events) {
        return members.acceptAll(events, changes -> {
            Map<String, Map<String, List<DueItem>>> byCell = new LinkedHashMap<>();
            for (SubjectProjection.Change<MemberState> change : changes) {
                refile(change.before(), change.after(), (cellId, memberId, memberItems) -> byCell
                        .computeIfAbsent(cellId, c -> new LinkedHashMap<>()).put(memberId, memberItems));
                followers.forEach(follower -> follower.apply(change.before(), change.after(), change.event()));
            }
            rewriteAll(byCell);
        });
    }

    /** Where a member's entries in a cell's list are set (empty: taken off it). */
    @FunctionalInterface
    private interface Refiling {
        void set(String cellId, String memberId, List<DueItem> memberItems);
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

    /** Replaces members' entries in cells' lists: the lists read in one query, written in one bulk write. */
    private void rewriteAll(Map<String, Map<String, List<DueItem>>> byCell) {
        if (byCell.isEmpty()) {
            return;
        }
        Map<String, Document> stored = new HashMap<>();
        byCell.keySet().forEach(cellId -> stored.put(cellId, null));
        for (Document cell : this.byCell.find(Filters.in("_id", byCell.keySet()))) {
            stored.put(cell.getString("_id"), cell);
        }
        List<WriteModel<Document>> writes = new ArrayList<>(byCell.size());
        byCell.forEach((cellId, members) -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", cellId),
                cellList(cellId, stored.get(cellId), members), new ReplaceOptions().upsert(true))));
        this.byCell.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    private static Document cellList(String cellId, Document stored, Map<String, List<DueItem>> members) {
        List<Document> entries = new ArrayList<>();
        if (stored != null) {
            stored.getList("items", Document.class, List.of()).stream()
                    .filter(item -> !members.containsKey(item.getString("memberId"))).forEach(entries::add);
        }
        members.values().forEach(memberItems -> memberItems.stream().map(DueLists::toDocument)
                .forEach(entries::add));
        return new Document("_id", cellId).append("items", entries);
    }

    /** Replaces the member's entries in the cell's list: a read and a replace by {@code _id}. */
    private void rewrite(String cellId, String memberId, List<DueItem> memberItems) {
        Document cell = byCell.find(Filters.eq("_id", cellId)).first();
        byCell.replaceOne(Filters.eq("_id", cellId), cellList(cellId, cell, Map.of(memberId, memberItems)),
                new ReplaceOptions().upsert(true));
    }

    public List<DueItem> ofCell(String cellId) {
        Document document = byCell.find(Filters.eq("_id", cellId)).first();
        if (document == null) {
            return List.of();
        }
        List<DueItem> result = new ArrayList<>();
        for (Document item : document.getList("items", Document.class, List.of())) {
            result.add(new DueItem(item.getString("memberId"), item.getString("fullName"),
                    DueKind.valueOf(item.getString("kind")), date(item, "since"), date(item, "deadline")));
        }
        return result;
    }

    public Optional<MemberState> member(String memberId) {
        return members.find(memberId);
    }

    private static Document toDocument(DueItem item) {
        return new Document("memberId", item.memberId()).append("fullName", item.fullName())
                .append("kind", item.kind().name()).append("since", item.since().toString())
                .append("deadline", item.deadline().toString());
    }

    private static LocalDate date(Document document, String field) {
        Object value = document.get(field);
        return value instanceof Date date ? date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                : LocalDate.parse(String.valueOf(value));
    }
}
