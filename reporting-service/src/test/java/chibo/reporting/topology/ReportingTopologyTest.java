package chibo.reporting.topology;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.Topics;
import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRenamed;
import chibo.platform.tracing.EventTracing;
import chibo.reporting.figures.Counters;
import chibo.testsupport.RecordingTracer;
import chibo.testsupport.TestEventKeys;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static chibo.reporting.figures.Counters.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

class ReportingTopologyTest {

    private static final String PROBATIONARY = Counters.status(MemberStatus.PROBATIONARY);
    private static final String OFFICIAL = Counters.status(MemberStatus.OFFICIAL);

    private TopologyHarness harness;

    @BeforeEach
    void tree() {
        harness = new TopologyHarness();
        // TW
        // └─ TQ ─┬─ XA1 ── G1 ─┬─ C1
        //        │             └─ C2
        //        └─ XA2 ── G2 ──── C3
        harness.tree("TW", "CENTRAL", null,
                "TQ", "PROVINCE", "TW",
                "XA1", "COMMUNE", "TQ",
                "XA2", "COMMUNE", "TQ",
                "G1", "GRASSROOTS", "XA1",
                "G2", "GRASSROOTS", "XA2",
                "C1", "CELL", "G1",
                "C2", "CELL", "G1",
                "C3", "CELL", "G2");
    }

    /** Whatever each scenario left, the one-pass fold of the same events makes the same figures. */
    @AfterEach
    void close() {
        try {
            harness.assertOnePassFoldAgrees();
        } finally {
            harness.close();
        }
    }

    @Test
    void an_admitted_member_counts_at_the_cell_and_every_ancestor() {
        harness.admit("m1", "C1");
        harness.admit("m2", "C1");
        harness.admit("m3", "C3");

        assertThat(List.of("C1", "G1", "XA1")).allSatisfy(org -> assertThat(harness.count(org, MEMBERS))
                .as(org).isEqualTo(2));
        assertThat(harness.count("C3", MEMBERS)).isEqualTo(1);
        assertThat(harness.count("XA2", PROBATIONARY)).isEqualTo(1);
        assertThat(harness.count("TQ", MEMBERS)).isEqualTo(3);
        assertThat(harness.count("TW", PROBATIONARY)).isEqualTo(3);
        assertThat(harness.count("C2", MEMBERS)).isZero();
    }

    @Test
    void recognition_moves_a_member_from_probationary_to_official_everywhere_above() {
        harness.admit("m1", "C1");
        harness.member("m1", new MemberRecognized(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5), null));

        assertThat(harness.count("TW", MEMBERS)).isEqualTo(1);
        assertThat(harness.count("TW", PROBATIONARY)).isZero();
        assertThat(harness.count("TW", OFFICIAL)).isEqualTo(1);
        assertThat(harness.count("C1", OFFICIAL)).isEqualTo(1);
    }

    @Test
    void a_transfer_moves_the_member_between_lines_and_leaves_the_common_ancestors_alone() {
        harness.admit("m1", "C1");
        long provinceVersion = harness.figures("TQ").version();

        harness.member("m1", new MemberTransferReceived("C3"));

        assertThat(harness.count("C1", MEMBERS)).isZero();
        assertThat(harness.count("XA1", MEMBERS)).isZero();
        assertThat(harness.count("C3", MEMBERS)).isEqualTo(1);
        assertThat(harness.count("XA2", MEMBERS)).isEqualTo(1);
        assertThat(harness.count("TQ", MEMBERS)).isEqualTo(1);
        assertThat(harness.figures("TQ").version()).isGreaterThan(provinceVersion);
    }

    @Test
    void a_member_who_leaves_no_longer_counts_and_an_upheld_appeal_restores_them() {
        harness.admit("m1", "C1");
        harness.member("m1", new MemberExempted("health"));
        var removal = harness.member("m1", new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP, null, null));
        assertThat(harness.count("TW", MEMBERS)).isZero();
        assertThat(harness.count("TW", Counters.EXEMPTED)).isZero();

        harness.member("m1", new MemberCorrected(removal.id(), removal.seq(), removal.type(),
                CorrectionKind.APPEAL_UPHELD, "appeal upheld"));

        assertThat(harness.count("TW", MEMBERS)).isEqualTo(1);
        assertThat(harness.count("TW", PROBATIONARY)).isEqualTo(1);
        assertThat(harness.count("TW", Counters.EXEMPTED)).isEqualTo(1);
    }

    @Test
    void a_repeated_event_changes_nothing() {
        var admitted = harness.admit("m1", "C1");
        long version = harness.figures("TW").version();

        harness.pipe(admitted);

        assertThat(harness.count("TW", MEMBERS)).isEqualTo(1);
        assertThat(harness.figures("TW").version()).isEqualTo(version);
        assertThat(harness.duplicates).hasSize(1);
    }

    @Test
    void an_event_ahead_of_its_predecessor_waits_and_is_never_applied_out_of_order() {
        var admitted = harness.membershipChains.next("m1", TopologyHarness.DAY, "G1", TopologyHarness.admitted("C1"));
        var moved = harness.membershipChains.next("m1", TopologyHarness.DAY, "G2", new MemberTransferReceived("C3"));

        harness.pipe(moved);
        assertThat(harness.parked).hasSize(1);
        assertThat(harness.count("TW", MEMBERS)).isZero();

        harness.pipe(admitted);
        assertThat(harness.count("C1", MEMBERS)).isZero();
        assertThat(harness.count("C3", MEMBERS)).isEqualTo(1);
        assertThat(harness.count("TW", MEMBERS)).isEqualTo(1);
    }

    @Test
    void an_unreadable_record_goes_to_the_dead_letter_topic_and_processing_continues() {
        var poison = CloudEventsKafka.toRecord(harness.membershipChains.next("bad", TopologyHarness.DAY, "G1",
                TopologyHarness.admitted("C1")));
        ProducerRecord<String, byte[]> broken = new ProducerRecord<>(poison.topic(), null, poison.key(),
                "{not json".getBytes(StandardCharsets.UTF_8), poison.headers());

        harness.pipe(broken);
        harness.admit("m1", "C1");

        var dead = harness.membershipDeadLetters();
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("bad");
            assertThat(new String(record.headers().lastHeader(DeadLetters.REASON_HEADER).value()))
                    .contains("is not JSON");
        });
        assertThat(harness.count("TW", MEMBERS)).isEqualTo(1);
    }

    @Test
    void a_history_that_does_not_start_with_an_admission_is_a_dead_letter() {
        harness.member("ghost", new MemberRecognized(LocalDate.of(2026, 3, 1), null, null));

        assertThat(harness.deadLetters).singleElement().asString().contains("starts with an admission");
        assertThat(harness.count("TW", OFFICIAL)).isZero();
    }

    @Test
    void members_of_a_cell_registered_later_are_counted_once_it_is() {
        harness.admit("m1", "C9");
        assertThat(harness.count("TW", MEMBERS)).isZero();

        harness.tree("C9", "CELL", "G2");

        assertThat(harness.count("C9", MEMBERS)).isEqualTo(1);
        assertThat(harness.count("XA2", MEMBERS)).isEqualTo(1);
        assertThat(harness.count("TW", MEMBERS)).isEqualTo(1);
    }

    @Test
    void a_moved_organisation_takes_its_whole_subtree_to_the_new_line() {
        harness.admit("m1", "C1");
        harness.admit("m2", "C2");
        harness.admit("m3", "C3");

        harness.organization("G1", new OrganizationMoved("XA2", "XA1"));
        harness.admit("m4", "C1");

        assertThat(harness.count("XA1", MEMBERS)).isZero();
        assertThat(harness.count("XA2", MEMBERS)).isEqualTo(4);
        assertThat(harness.count("G1", MEMBERS)).isEqualTo(3);
        assertThat(harness.count("TQ", MEMBERS)).isEqualTo(4);
        assertThat(harness.figures("G1").parentId()).isEqualTo("XA2");
    }

    @Test
    void a_merged_organisation_hands_its_figures_to_the_target_and_passes_on_what_still_reaches_it() {
        harness.admit("m1", "C1");
        harness.admit("m2", "C1");
        harness.admit("m3", "C3");

        harness.organization("C3", new OrganizationMerged(List.of("C1")));
        harness.member("m1", new MemberRecognized(LocalDate.of(2026, 3, 1), null, null));

        assertThat(harness.count("C1", MEMBERS)).isZero();
        assertThat(harness.figures("C1").mergedInto()).isEqualTo("C3");
        assertThat(harness.count("G1", MEMBERS)).isZero();
        assertThat(harness.count("XA1", MEMBERS)).isZero();
        assertThat(harness.count("C3", MEMBERS)).isEqualTo(3);
        assertThat(harness.count("C3", OFFICIAL)).isEqualTo(1);
        assertThat(harness.count("XA2", MEMBERS)).isEqualTo(3);
        assertThat(harness.count("TW", MEMBERS)).isEqualTo(3);
    }

    @Test
    void renaming_keeps_the_figures() {
        harness.admit("m1", "C1");

        harness.organization("C1", new OrganizationRenamed("Chi bộ mới", "C1"));

        assertThat(harness.figures("C1").name()).isEqualTo("Chi bộ mới");
        assertThat(harness.count("C1", MEMBERS)).isEqualTo(1);
    }

    @Test
    void an_organisation_event_ahead_of_its_predecessor_waits_and_both_are_applied_in_order() {
        harness.admit("m1", "C1");
        var renamed = harness.organizationChains.next("C1", TopologyHarness.DAY, "C1",
                new OrganizationRenamed("Chi bộ mới", "C1"));
        var moved = harness.organizationChains.next("C1", TopologyHarness.DAY, "C1", new OrganizationMoved("G2", "G1"));

        harness.pipe(moved);
        assertThat(harness.parked).containsExactly(Topics.ORGANIZATION);
        assertThat(harness.figures("C1").parentId()).isEqualTo("G1");

        harness.pipe(renamed);
        assertThat(harness.figures("C1").name()).isEqualTo("Chi bộ mới");
        assertThat(harness.figures("C1").parentId()).isEqualTo("G2");
        assertThat(harness.figures("C1").orgSeq()).isEqualTo(moved.seq());
        assertThat(harness.count("G2", MEMBERS)).isEqualTo(1);
    }

    @Test
    void a_repeated_organisation_event_changes_nothing() {
        var renamed = harness.organization("C1", new OrganizationRenamed("Chi bộ mới", "C1"));
        long version = harness.figures("C1").version();

        harness.pipe(renamed);

        assertThat(harness.figures("C1").version()).isEqualTo(version);
        assertThat(harness.duplicates).containsExactly(Topics.ORGANIZATION);
    }

    @Test
    void an_event_for_an_unregistered_organisation_is_dead_lettered_and_releases_nothing_parked_behind_it() {
        var first = harness.organizationChains.next("X9", TopologyHarness.DAY, "X9",
                new OrganizationRenamed("X", null));
        var second = harness.organizationChains.next("X9", TopologyHarness.DAY, "X9",
                new OrganizationRenamed("Y", "X"));

        harness.pipe(second);
        harness.pipe(first);

        assertThat(harness.parked).containsExactly(Topics.ORGANIZATION);
        assertThat(harness.deadLetters).singleElement().asString().contains("unregistered organisation X9");
        assertThat(harness.figures("X9")).isNull();
    }

    @Test
    void a_record_of_a_sampled_trace_gets_a_span_of_the_figures_that_folded_it() {
        RecordingTracer recording = new RecordingTracer();
        try (TopologyHarness traced = new TopologyHarness(new EventTracing(recording.tracer, recording.propagator))) {
            traced.tree("TQ", "PROVINCE", null, "XA", "COMMUNE", "TQ", "C1", "CELL", "XA");
            String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
            var record = TestEventKeys.signed(traced.membershipChains.next("m-1", TopologyHarness.DAY, "org",
                    TopologyHarness.admitted("C1")));
            record.headers().add(EventTracing.HEADER, traceparent.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            traced.pipe(record);
            traced.admit("m-2", "C1");

            assertThat(traced.count("TQ", "members")).isEqualTo(2);
            assertThat(recording.ended).singleElement().satisfies(span -> {
                assertThat(span.getName()).isEqualTo(traced.topics.applicationId() + " " + Topics.MEMBERSHIP);
                assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
                assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
            });
        }
    }
}
