package chibo.platform.access;

import chibo.testsupport.MovingClock;
import chibo.testsupport.TestMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogTest {

    private static final MongoClient CLIENT = MongoClients.create(TestMongo.uri("platform"));
    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.100Z");

    private MongoCollection<Document> collection;
    private AccessLog log;

    @BeforeEach
    void freshLog() {
        collection = CLIENT.getDatabase("access_" + UUID.randomUUID().toString().replace("-", ""))
                .getCollection(AccessLog.COLLECTION);
        log = new AccessLog(collection, "membership-service", Clock.fixed(T0, ZoneOffset.UTC));
    }

    @Test
    void the_canonical_form_and_hash_of_an_entry_match_the_documented_test_vector() {
        AccessRead read = new AccessRead("auditor-7", List.of("data-protection", "auditor"), null, "GET",
                "/members/m-42/history", null, "m-42", List.of(), 200, "inspection 12/2026, line one\nline two");

        AccessEntry entry = log.append(read);

        assertThat(entry.canonical()).isEqualTo("""
                chibo-access-log-v1
                0000000000000000000000000000000000000000000000000000000000000000
                1
                2026-03-01T08:15:30.100Z
                membership-service
                auditor-7
                2
                auditor
                data-protection

                GET
                /members/m-42/history

                m-42
                0
                served
                200
                inspection 12/2026, line one\\nline two""");
        // sha256sum of the text above, computed outside chibo
        assertThat(entry.hash()).isEqualTo("f72fadad012bfe7205076fbe890633cc1ef4ab986d279dc1372efd8589158a05");
    }

    @Test
    void a_value_cannot_pass_for_the_lines_after_it() {
        AccessRead honest = read("m-1", List.of("m-2"), 200, null);
        AccessRead forged = read("m-1\n1\nm-2", List.of(), 200, null);

        assertThat(AccessEntry.seal(forged, "s", 1, AccessEntry.GENESIS, T0).canonical())
                .isNotEqualTo(AccessEntry.seal(honest, "s", 1, AccessEntry.GENESIS, T0).canonical());
    }

    @Test
    void refused_reads_are_marked_refused_and_answered_ones_served() {
        assertThat(log.append(read("m-1", List.of(), 403, null)).outcome()).isEqualTo(AccessEntry.Outcome.REFUSED);
        assertThat(log.append(read("m-1", List.of(), 404, null)).outcome()).isEqualTo(AccessEntry.Outcome.REFUSED);
        assertThat(log.append(read("m-1", List.of(), 200, null)).outcome()).isEqualTo(AccessEntry.Outcome.SERVED);
    }

    @Test
    void appended_entries_form_one_chain_that_verifies() {
        AccessEntry first = log.append(read("m-1", List.of(), 200, null));
        AccessEntry second = log.append(read("m-2", List.of(), 200, "kiểm tra"));
        AccessEntry third = log.append(read("c-1", List.of("m-1", "m-2"), 200, null));

        assertThat(List.of(first.seq(), second.seq(), third.seq())).containsExactly(1L, 2L, 3L);
        assertThat(first.previousHash()).isEqualTo(AccessEntry.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(third.previousHash()).isEqualTo(second.hash());
        assertThat(collection.find(Filters.eq("_id", "0000000000000000002")).first()).isNotNull();
        AccessLog.Verification verification = log.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
        assertThat(verification.lastHash()).isEqualTo(third.hash());
        assertThat(verification.firstBrokenSeq()).isNull();
    }

    @Test
    void verification_finds_an_entry_changed_after_it_was_written() {
        log.append(read("m-1", List.of(), 200, null));
        log.append(read("m-2", List.of(), 200, null));
        log.append(read("m-3", List.of(), 200, null));

        collection.updateOne(Filters.eq("_id", AccessEntry.id(2)), Updates.set("who", "someone-else"));

        AccessLog.Verification verification = log.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2L);
        assertThat(verification.entries()).isEqualTo(1);
        assertThat(verification.problem()).contains("changed");
    }

    @Test
    void verification_finds_an_entry_rewritten_with_its_hash_recomputed_by_the_next_link() {
        log.append(read("m-1", List.of(), 200, null));
        log.append(read("m-2", List.of(), 200, null));
        log.append(read("m-3", List.of(), 200, null));
        Document second = collection.find(Filters.eq("_id", AccessEntry.id(2))).first();
        AccessEntry rewritten = AccessDocuments.toEntry(second.append("who", "someone-else"));
        collection.replaceOne(Filters.eq("_id", AccessEntry.id(2)),
                AccessDocuments.of(rewritten.withHash(rewritten.expectedHash())));

        AccessLog.Verification verification = log.verify();

        assertThat(verification.firstBrokenSeq()).isEqualTo(3L);
        assertThat(verification.problem()).contains("does not link");
    }

    @Test
    void verification_finds_an_entry_removed_from_the_middle_or_the_end() {
        for (int i = 1; i <= 4; i++) {
            log.append(read("m-" + i, List.of(), 200, null));
        }

        collection.deleteOne(Filters.eq("_id", AccessEntry.id(4)));
        AccessLog.Verification end = log.verify();
        collection.deleteOne(Filters.eq("_id", AccessEntry.id(2)));
        AccessLog.Verification middle = log.verify();

        assertThat(end.intact()).isFalse();
        assertThat(end.firstBrokenSeq()).isEqualTo(4L);
        assertThat(middle.intact()).isFalse();
        assertThat(middle.firstBrokenSeq()).isEqualTo(2L);
        assertThat(middle.problem()).contains("missing");
    }

    @Test
    void verification_names_a_document_that_is_not_an_entry() {
        log.append(read("m-1", List.of(), 200, null));
        collection.insertOne(new Document("_id", AccessEntry.id(2)).append("seq", 2));

        AccessLog.Verification verification = log.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2L);
    }

    @Test
    void concurrent_appends_keep_one_unbroken_chain_and_lose_nothing() throws Exception {
        AccessLog other = new AccessLog(collection, "membership-service", Clock.systemUTC());
        List<Callable<AccessEntry>> reads = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            AccessLog instance = i % 2 == 0 ? log : other; // two instances of the service on one collection
            String member = "m-" + i;
            reads.add(() -> instance.append(read(member, List.of(), 200, null)));
        }
        List<Long> seqs = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<AccessEntry> appended : pool.invokeAll(reads)) {
                seqs.add(appended.get().seq());
            }
        }

        assertThat(seqs).doesNotHaveDuplicates().hasSize(200);
        assertThat(collection.countDocuments()).isEqualTo(200);
        AccessLog.Verification verification = log.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.entries()).isEqualTo(200);
    }

    @Test
    void pages_follow_the_chain_and_filter_by_subject_and_time() {
        MovingClock clock = new MovingClock(T0);
        AccessLog timed = new AccessLog(collection, "meeting-service", clock);
        timed.append(read("m-1", List.of(), 200, null));
        clock.advance(java.time.Duration.ofMinutes(1));
        timed.append(read("c-1", List.of("m-2", "m-1"), 200, null));
        clock.advance(java.time.Duration.ofMinutes(1));
        timed.append(read("m-2", List.of(), 403, null));
        clock.advance(java.time.Duration.ofMinutes(1));
        timed.append(read("m-1", List.of(), 200, null));

        AccessLog.Page first = timed.page(null, null, "m-1", null, 2, 10_000);
        AccessLog.Page second = timed.page(null, null, "m-1", Long.parseLong(first.next()), 2, 10_000);
        AccessLog.Page window = timed.page(T0.plusSeconds(60), T0.plusSeconds(180), null, null, 10, 10_000);
        AccessLog.Page scanned = timed.page(null, null, "m-404", null, 10, 2);

        assertThat(first.items()).extracting(AccessEntry::seq).containsExactly(1L, 2L);
        assertThat(second.items()).extracting(AccessEntry::seq).containsExactly(4L);
        assertThat(second.next()).isNull();
        assertThat(window.items()).extracting(AccessEntry::seq).containsExactly(2L, 3L);
        assertThat(scanned.items()).isEmpty();
        assertThat(scanned.next()).as("a page stops looking after its scan limit and says where to go on")
                .isEqualTo("2");
    }

    private static AccessRead read(String subject, List<String> persons, int status, String purpose) {
        return new AccessRead("auditor", List.of("auditor"), null, "GET", "/members/" + subject, null, subject,
                persons, status, purpose);
    }
}
