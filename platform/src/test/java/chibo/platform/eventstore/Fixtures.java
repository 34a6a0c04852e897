package chibo.platform.eventstore;

import chibo.contracts.EventDraft;
import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberRated;
import chibo.contracts.member.RatingLevel;
import chibo.testsupport.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A fresh database on the shared embedded server per test, and small drafts to append. */
final class Fixtures {

    private static final MongoClient CLIENT = MongoClients.create(TestMongo.uri("platform"));

    private Fixtures() {
    }

    static MongoDatabase freshDatabase() {
        return CLIENT.getDatabase("platform_" + UUID.randomUUID().toString().replace("-", ""));
    }

    static EventStore store(MongoDatabase database) {
        return new EventStore(database, List.of(Topics.MEMBERSHIP), "/chibo/test", Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    static EventDraft rated(String subject, int points) {
        return new EventDraft(subject, LocalDate.of(2025, 12, 20), "cell-1", null, UUID.randomUUID(), null,
                new MemberRated(2025, RatingLevel.GOOD, points));
    }

    /** A rating by the running command: correlated as {@link Correlation} says. */
    static EventDraft ratedByThisCommand(String subject, int points) {
        return new EventDraft(subject, LocalDate.of(2025, 12, 20), "cell-1", null, Correlation.current(), null,
                new MemberRated(2025, RatingLevel.GOOD, points));
    }

    static EventDraft exempted(String subject) {
        return new EventDraft(subject, LocalDate.of(2025, 12, 20), "cell-1", "7-QĐ/CB", UUID.randomUUID(), null,
                new MemberExempted("health"));
    }

    /** A toy aggregate: the list of point scores a subject was rated, in order. */
    record Scores(List<Integer> points) {
        static Scores apply(Scores state, EventEnvelope event) {
            List<Integer> points = new ArrayList<>(state == null ? List.of() : state.points());
            if (event.payload() instanceof MemberRated rated) {
                points.add(rated.points());
            }
            return new Scores(points);
        }
    }

    static MongoCollection<Document> collection(MongoDatabase database, String name) {
        return database.getCollection(name);
    }
}
