package chibo.membership.standing;

import chibo.contracts.EventEnvelope;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.RatingLevel;
import chibo.membership.member.MemberLifecycle;
import chibo.membership.member.MemberState;
import chibo.membership.organization.Organization;
import chibo.membership.organization.Organizations;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Current;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many were rated what in each grassroots organisation each year: one document per organisation and year
 * ({@code <orgId>:<year>}, an {@code _id} lookup) with the count per level and the ids of the members counted. Fed
 * from the membership topic by {@link RatingTallyProjection}, which counts every rating recorded by any instance;
 * this instance also counts the ratings it stores the moment they are stored, so that the next rating is checked
 * with them counted instead of waiting for the topic. Counting is by member id: counting a rating twice changes nothing.
 */
@Component
public class RatingTally {

    private static final Logger log = LoggerFactory.getLogger(RatingTally.class);
    private static final String COUNTS = "counts";
    private static final String RATED = "rated";

    private final MongoCollection<Document> tallies;
    private final Organizations organizations;

    RatingTally(MongoTemplate mongo, Organizations organizations, AggregateStore<MemberState> members) {
        this.tallies = mongo.getCollection("rating_tally");
        this.organizations = organizations;
        members.onStored(this::countStored);
    }

    /**
     * Counts the ratings among events this instance has just stored, each in the organisation of the cell the
     * member was in when rated. The events are stored whatever happens here: a failure only leaves the counting
     * to the topic.
     */
    private void countStored(Current<MemberState> before, List<EventEnvelope> stored) {
        if (stored.stream().noneMatch(event -> event.payload() instanceof MemberRated)) {
            return;
        }
        EventEnvelope first = stored.getFirst();
        try {
            MemberState member = before.state();
            for (EventEnvelope event : stored) {
                member = MemberLifecycle.apply(member, event);
                if (event.payload() instanceof MemberRated rated) {
                    count(organizationOf(member.cellId()), rated.year(), event.subject(), rated.level());
                }
            }
        } catch (RuntimeException e) {
            log.warn("ratings of member {} stored but not yet counted; the membership topic will count them",
                    first.subject(), e);
        }
    }

    /** The organisation a cell's members are counted in: its grassroots organisation. */
    public String organizationOf(String cellId) {
        return organizations.grassrootsOf(cellId).map(Organization::id).orElse(cellId);
    }

    public Counts counts(String organizationId, int year) {
        Document document = tallies.find(Filters.eq("_id", id(organizationId, year)))
                .projection(Projections.include(COUNTS)).first();
        Map<RatingLevel, Integer> byLevel = new EnumMap<>(RatingLevel.class);
        Document counts = document == null ? null : document.get(COUNTS, Document.class);
        for (RatingLevel level : RatingLevel.values()) {
            byLevel.put(level, counts == null ? 0 : ((Number) counts.getOrDefault(level.name(), 0)).intValue());
        }
        return new Counts(byLevel);
    }

    /**
     * Counts the member's rating for the year in the organisation, once: one conditional upsert, so that a rating
     * counted again (the topic after this instance, a redelivery) changes nothing.
     */
    public void count(String organizationId, int year, String memberId, RatingLevel level) {
        try {
            tallies.updateOne(Filters.and(Filters.eq("_id", id(organizationId, year)), Filters.ne(RATED, memberId)),
                    Updates.combine(Updates.set("organizationId", organizationId), Updates.set("year", year),
                            Updates.push(RATED, memberId), Updates.inc(COUNTS + "." + level.name(), 1)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            // the document exists and already counts the member: the upsert's insert collided with it
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String id(String organizationId, int year) {
        return organizationId + ":" + year;
    }

    /** How many members were counted at each level. */
    public record Counts(Map<RatingLevel, Integer> byLevel) {

        public Counts {
            byLevel = Map.copyOf(byLevel);
        }

        /** These counts with more ratings (a batch, or one rating) counted too. */
        public Counts plus(Collection<RatingLevel> more) {
            Map<RatingLevel, Integer> all = new EnumMap<>(byLevel);
            more.forEach(level -> all.merge(level, 1, Integer::sum));
            return new Counts(all);
        }

        public int of(RatingLevel level) {
            return byLevel.getOrDefault(level, 0);
        }

        public int goodOrBetter() {
            return of(RatingLevel.EXCELLENT) + of(RatingLevel.GOOD);
        }
    }
}
