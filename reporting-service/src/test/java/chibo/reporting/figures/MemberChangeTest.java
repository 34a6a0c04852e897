package chibo.reporting.figures;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventPayload;
import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberResidenceChanged;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.testsupport.EventChains;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberChangeTest {

    private static final Person LIVES_IN_THON_3 = new Person("Lò Thị Mai", LocalDate.of(1988, 2, 1), Sex.FEMALE,
            "Thái", Education.UPPER_SECONDARY, "U-THON-3");

    private final EventChains chains = new EventChains("/chibo/membership-service");

    private EventEnvelope event(String effective, EventPayload payload) {
        return chains.next("m-1", LocalDate.parse(effective), "org", payload);
    }

    private static MemberEnrolledFromRegister register(MemberStatus status, String admitted, String recognized) {
        return new MemberEnrolledFromRegister(LIVES_IN_THON_3, status, "C1", LocalDate.parse(admitted),
                recognized == null ? null : LocalDate.parse(recognized), "09876", false, null);
    }

    /** An official member from a register, living in thôn 3, counted in cell C1. */
    private MemberFacts officialLivingInThon3() {
        return MemberChange.of(null, event("2016-05-20", register(MemberStatus.OFFICIAL, "2016-05-20", "2017-06-01")))
                .after();
    }

    @Test
    void an_official_member_from_a_register_counts_as_probationary_from_admission_and_official_from_recognition() {
        MemberChange change = MemberChange.of(null, event("2016-05-20",
                register(MemberStatus.OFFICIAL, "2016-05-20", "2017-06-01")));

        assertThat(change.after().status()).isEqualTo(MemberStatus.OFFICIAL);
        assertThat(change.deltas()).hasSize(2);
        MemberChange.CellDelta joined = change.deltas().get(0);
        assertThat(joined.cellId()).isEqualTo("C1");
        assertThat(joined.month()).isEqualTo("2016-05");
        assertThat(joined.counters()).containsEntry(Counters.MEMBERS, 1L)
                .containsEntry(Counters.status(MemberStatus.PROBATIONARY), 1L)
                .containsEntry(Counters.ENROLLED, 1L)
                .doesNotContainKey(Counters.status(MemberStatus.OFFICIAL));
        MemberChange.CellDelta recognised = change.deltas().get(1);
        assertThat(recognised.cellId()).isEqualTo("C1");
        assertThat(recognised.month()).isEqualTo("2017-06");
        assertThat(recognised.counters()).isEqualTo(Map.of(Counters.status(MemberStatus.PROBATIONARY), -1L,
                Counters.status(MemberStatus.OFFICIAL), 1L));
        assertThat(change.residence()).containsExactly(new MemberChange.Residence("U-THON-3", 1, "2016-05"));
    }

    @Test
    void recognised_in_the_month_of_admission_or_still_probationary_the_member_counts_once_as_the_register_says() {
        MemberChange sameMonth = MemberChange.of(null, event("2016-05-02",
                register(MemberStatus.OFFICIAL, "2016-05-02", "2016-05-30")));
        MemberChange probationary = MemberChange.of(null, event("2025-02-10",
                register(MemberStatus.PROBATIONARY, "2025-02-10", null)));

        assertThat(sameMonth.deltas()).singleElement().satisfies(delta -> assertThat(delta.counters())
                .containsEntry(Counters.status(MemberStatus.OFFICIAL), 1L)
                .doesNotContainKey(Counters.status(MemberStatus.PROBATIONARY)));
        assertThat(probationary.deltas()).singleElement().satisfies(delta -> assertThat(delta.counters())
                .containsEntry(Counters.status(MemberStatus.PROBATIONARY), 1L)
                .doesNotContainKey(Counters.status(MemberStatus.OFFICIAL)));
    }

    @Test
    void a_recognition_moves_the_member_from_probationary_to_official_in_its_month_and_counts_the_flow() {
        MemberFacts admitted = MemberChange.of(null, event("2024-03-10", new MemberAdmitted(LIVES_IN_THON_3, "C1",
                LocalDate.of(2024, 3, 1), new Vote(9, 0, 0, 9), List.of(), true, null))).after();

        MemberChange recognised = MemberChange.of(admitted, event("2025-03-12",
                new MemberRecognized(LocalDate.of(2025, 3, 11), null, null)));

        assertThat(recognised.deltas()).singleElement().satisfies(delta -> {
            assertThat(delta.month()).isEqualTo("2025-03");
            assertThat(delta.counters()).isEqualTo(Map.of(Counters.status(MemberStatus.PROBATIONARY), -1L,
                    Counters.status(MemberStatus.OFFICIAL), 1L, Counters.RECOGNIZED, 1L));
        });
        assertThat(recognised.residence()).as("still living where they did").isEmpty();
    }

    // QĐ 24-QĐ/TW and QĐ 294-QĐ/TW, point 4.2.2: a recognition after its deadline stands and is flagged
    @Test
    void a_recognition_decided_after_its_deadline_counts_as_a_recognition_and_as_a_late_one() {
        MemberFacts admitted = MemberChange.of(null, event("2024-03-10", new MemberAdmitted(LIVES_IN_THON_3, "C1",
                LocalDate.of(2024, 3, 1), new Vote(9, 0, 0, 9), List.of(), true, null))).after();

        MemberChange recognised = MemberChange.of(admitted, event("2025-08-12",
                new MemberRecognized(LocalDate.of(2025, 3, 20), LocalDate.of(2025, 8, 5), "TQ-1",
                        LocalDate.of(2025, 5, 6))));

        assertThat(recognised.deltas()).singleElement().satisfies(delta -> {
            assertThat(delta.month()).isEqualTo("2025-08");
            assertThat(delta.counters()).isEqualTo(Map.of(Counters.status(MemberStatus.PROBATIONARY), -1L,
                    Counters.status(MemberStatus.OFFICIAL), 1L, Counters.RECOGNIZED, 1L,
                    Counters.RECOGNIZED_LATE, 1L));
        });
    }

    @Test
    void an_annulled_late_recognition_takes_back_both_counts_in_its_month() {
        MemberFacts admitted = MemberChange.of(null, event("2024-03-10", new MemberAdmitted(LIVES_IN_THON_3, "C1",
                LocalDate.of(2024, 3, 1), new Vote(9, 0, 0, 9), List.of(), true, null))).after();
        EventEnvelope lateRecognition = event("2025-08-12", new MemberRecognized(LocalDate.of(2025, 3, 20),
                LocalDate.of(2025, 8, 5), "TQ-1", LocalDate.of(2025, 5, 6)));
        MemberFacts official = MemberChange.of(admitted, lateRecognition).after();

        MemberChange annulled = MemberChange.of(official, event("2025-09-01", new MemberCorrected(
                lateRecognition.id(), lateRecognition.seq(), "member.recognized.v1", CorrectionKind.ANNULLED,
                "recorded in error")));

        assertThat(annulled.deltas()).singleElement().satisfies(delta -> {
            assertThat(delta.month()).as("taken back where it was counted").isEqualTo("2025-08");
            assertThat(delta.counters()).containsEntry(Counters.RECOGNIZED, -1L)
                    .containsEntry(Counters.RECOGNIZED_LATE, -1L);
        });
    }

    @Test
    void a_transfer_receipt_takes_the_member_out_of_the_old_cell_and_into_the_new_in_its_month() {
        MemberFacts official = officialLivingInThon3();

        MemberChange received = MemberChange.of(official, event("2025-08-05",
                new MemberTransferReceived("C2")));

        assertThat(received.deltas()).extracting(MemberChange.CellDelta::cellId).containsExactly("C1", "C2");
        assertThat(received.deltas().get(0).counters()).containsEntry(Counters.MEMBERS, -1L)
                .containsEntry(Counters.status(MemberStatus.OFFICIAL), -1L).containsEntry(Counters.TRANSFERRED_OUT, 1L);
        assertThat(received.deltas().get(1).counters()).containsEntry(Counters.MEMBERS, 1L)
                .containsEntry(Counters.status(MemberStatus.OFFICIAL), 1L).containsEntry(Counters.TRANSFERRED_IN, 1L);
        assertThat(received.deltas()).extracting(MemberChange.CellDelta::month).containsOnly("2025-08");
    }

    @Test
    void a_change_of_residence_moves_the_member_from_the_old_unit_to_the_new_in_its_month() {
        MemberFacts official = officialLivingInThon3();

        MemberChange moved = MemberChange.of(official, event("2025-06-10",
                new MemberResidenceChanged("U-THON-5", "XA-1")));

        assertThat(moved.residence()).containsExactly(new MemberChange.Residence("U-THON-3", -1, "2025-06"),
                new MemberChange.Residence("U-THON-5", 1, "2025-06"));
        assertThat(moved.after().residenceUnitId()).isEqualTo("U-THON-5");
        assertThat(moved.deltas()).as("the cell's counters do not change").singleElement()
                .satisfies(delta -> assertThat(delta.counters()).isEmpty());
    }

    @Test
    void moving_out_of_every_registered_unit_leaves_the_old_one_and_moving_back_joins_it() {
        MemberFacts official = officialLivingInThon3();

        MemberChange out = MemberChange.of(official, event("2025-06-10", new MemberResidenceChanged(null, null)));
        MemberChange back = MemberChange.of(out.after(), event("2025-09-01",
                new MemberResidenceChanged("U-THON-3", "XA-1")));

        assertThat(out.residence()).containsExactly(new MemberChange.Residence("U-THON-3", -1, "2025-06"));
        assertThat(back.residence()).containsExactly(new MemberChange.Residence("U-THON-3", 1, "2025-09"));
    }

    @Test
    void a_receipt_naming_the_place_of_residence_moves_the_member_there_and_one_without_it_does_not() {
        MemberFacts official = officialLivingInThon3();

        MemberChange toResidence = MemberChange.of(official, event("2025-08-05",
                new MemberTransferReceived("C2", "U-THON-7")));
        MemberChange elsewhere = MemberChange.of(official, event("2025-08-05", new MemberTransferReceived("C2")));

        assertThat(toResidence.residence()).containsExactly(new MemberChange.Residence("U-THON-3", -1, "2025-08"),
                new MemberChange.Residence("U-THON-7", 1, "2025-08"));
        assertThat(toResidence.deltas()).extracting(MemberChange.CellDelta::cellId).containsExactly("C1", "C2");
        assertThat(elsewhere.residence()).isEmpty();
        assertThat(elsewhere.after().residenceUnitId()).isEqualTo("U-THON-3");
    }

    @Test
    void a_member_who_left_counts_nowhere_and_a_later_move_changes_no_unit() {
        MemberFacts official = officialLivingInThon3();
        MemberChange died = MemberChange.of(official, event("2025-03-01", new MemberDeceased(null)));

        MemberChange moved = MemberChange.of(died.after(), event("2025-06-10",
                new MemberResidenceChanged("U-THON-5", "XA-1")));

        assertThat(died.residence()).containsExactly(new MemberChange.Residence("U-THON-3", -1, "2025-03"));
        assertThat(moved.residence()).isEmpty();
    }

    @Test
    void a_history_that_does_not_start_with_a_membership_is_refused() {
        assertThatThrownBy(() -> MemberChange.of(null, event("2025-03-12",
                new MemberRecognized(LocalDate.of(2025, 3, 11), null, null))))
                .isInstanceOf(IllegalStateException.class);
    }
}
