package chibo.membership.duelist;

import chibo.contracts.EventEnvelope;
import chibo.membership.member.MemberLifecycle;
import chibo.membership.member.MemberState;
import chibo.platform.projection.SubjectProjection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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

    public SubjectProjection.Outcome accept(EventEnvelope event) {
        return members.accept(event, (before, after, applied) -> {
            refile(before, after, applied);
            followers.forEach(follower -> follower.apply(before, after, applied));
        });
    }

    /**
     * Keeps the member's entries in their cell's list in step, touching a cell's list only when the member's due
     * items there changed (most events change none).
     */
    private void refile(MemberState before, MemberState after, EventEnvelope event) {
        List<DueItem> was = before == null ? List.of() : items.of(before);
        List<DueItem> is = items.of(after);
        boolean moved = before != null && !before.cellId().equals(after.cellId());
        if (moved) {
            rewrite(before.cellId(), before.id(), List.of());
            rewrite(after.cellId(), after.id(), is);
        } else if (!was.equals(is)) {
            rewrite(after.cellId(), after.id(), is);
        }
    }

    /** Replaces the member's entries in the cell's list: a read and a replace by {@code _id}. */
    private void rewrite(String cellId, String memberId, List<DueItem> memberItems) {
        Document cell = byCell.find(Filters.eq("_id", cellId)).first();
        List<Document> entries = new ArrayList<>();
        if (cell != null) {
            cell.getList("items", Document.class, List.of()).stream()
                    .filter(item -> !memberId.equals(item.getString("memberId"))).forEach(entries::add);
        }
        memberItems.stream().map(DueLists::toDocument).forEach(entries::add);
        byCell.replaceOne(Filters.eq("_id", cellId), new Document("_id", cellId).append("items", entries),
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
