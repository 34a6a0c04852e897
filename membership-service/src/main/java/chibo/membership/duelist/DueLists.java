package chibo.membership.duelist;

import chibo.contracts.EventEnvelope;
import chibo.membership.member.MemberLifecycle;
import chibo.membership.member.MemberState;
import chibo.platform.projection.SubjectProjection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
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
 * member's state is folded as the aggregate folds it, and the member's entries in their cell's list follow.
 */
public class DueLists {

    private final SubjectProjection<MemberState> members;
    private final MongoCollection<Document> byCell;
    private final DueItems items;

    public DueLists(MongoTemplate mongo, DueItems items, MeterRegistry meters) {
        this.members = new SubjectProjection<>(mongo.getDb(), "due_members", MemberState.class,
                MemberLifecycle::apply, meters);
        this.byCell = mongo.getCollection("due_by_cell");
        this.items = items;
    }

    public SubjectProjection.Outcome accept(EventEnvelope event) {
        return members.accept(event, this::refile);
    }

    /** Takes the member's entries off their old cell's list and puts their current ones on their cell's list. */
    private void refile(MemberState before, MemberState after, EventEnvelope event) {
        if (before != null && !before.cellId().equals(after.cellId())) {
            byCell.updateOne(Filters.eq("_id", before.cellId()),
                    Updates.pull("items", new Document("memberId", before.id())));
        }
        byCell.updateOne(Filters.eq("_id", after.cellId()),
                Updates.pull("items", new Document("memberId", after.id())), new UpdateOptions().upsert(true));
        List<Document> current = items.of(after).stream().map(DueLists::toDocument).toList();
        if (!current.isEmpty()) {
            byCell.updateOne(Filters.eq("_id", after.cellId()), Updates.pushEach("items", current));
        }
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
