package chibo.meeting.roster;

import chibo.contracts.EventEnvelope;
import chibo.platform.projection.SubjectProjection;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Cell rosters kept from membership events: each member's cell and status (keyed by member id), and each cell's
 * list of active members (keyed by cell id), so that checking a meeting's attendance is two {@code _id} lookups.
 */
@Component
public class Rosters {

    private final SubjectProjection<RosterMember> members;
    private final MongoCollection<Document> cells;

    Rosters(MongoTemplate mongo, MeterRegistry meters) {
        MongoDatabase database = mongo.getDb();
        this.members = new SubjectProjection<>(database, "roster_members", RosterMember.class, RosterMember::apply,
                meters);
        this.cells = database.getCollection("cell_rosters");
    }

    public SubjectProjection.Outcome accept(EventEnvelope event) {
        return members.accept(event, this::moveBetweenCells);
    }

    /** Keeps the cells' member lists in step; $pull and $addToSet make a repeat harmless. */
    private void moveBetweenCells(RosterMember before, RosterMember after, EventEnvelope event) {
        boolean wasListed = before != null && before.isActive();
        boolean isListed = after.isActive();
        if (wasListed && (!isListed || !before.cellId().equals(after.cellId()))) {
            cells.updateOne(Filters.eq("_id", before.cellId()), Updates.pull("members", before.memberId()));
        }
        if (isListed) {
            cells.updateOne(Filters.eq("_id", after.cellId()), Updates.addToSet("members", after.memberId()),
                    new UpdateOptions().upsert(true));
        }
    }

    /** The active members of a cell today. */
    public List<String> activeMembers(String cellId) {
        Document roster = cells.find(Filters.eq("_id", cellId)).first();
        return roster == null ? List.of() : roster.getList("members", String.class);
    }

    public Optional<RosterMember> member(String memberId) {
        return members.find(memberId);
    }
}
