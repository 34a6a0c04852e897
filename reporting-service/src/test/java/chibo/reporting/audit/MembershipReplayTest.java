package chibo.reporting.audit;

import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.Provenance;
import chibo.contracts.member.RemovalGround;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import static chibo.reporting.audit.MemberHistory.admittedTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Replaying one member's history by what was recorded when and what was in effect when. */
class MembershipReplayTest {

    private static final Set<String> SUBTREE = Set.of("P", "C-1", "C-2");
    private static final LocalDate AS_OF = LocalDate.parse("2023-12-31");
    private static final Instant REPORTED_ON = Instant.parse("2024-06-30T23:59:59Z");
    private static final MembershipReplay.Window AS_REPORTED = MembershipReplay.Window.yearOf(REPORTED_ON, AS_OF);
    private static final MembershipReplay.Window TODAY = MembershipReplay.Window.yearOf(null, AS_OF);

    private static MembershipReplay.Replay replay(MemberHistory history, MembershipReplay.Window window) {
        return MembershipReplay.replay(history.events(), window, SUBTREE);
    }

    @Test
    void a_member_admitted_and_recognized_counts_as_official_with_the_years_flows() {
        MemberHistory history = new MemberHistory("m").then("2022-02-01", "2022-02-03T00:00:00Z", admittedTo("C-1"))
                .then("2023-02-01", "2023-02-05T00:00:00Z", new MemberRecognized(LocalDate.parse("2023-02-01"), null,
                        "0001"));

        MembershipReplay.Contribution contribution = replay(history, TODAY).contribution();

        assertThat(contribution.status()).isEqualTo(MemberStatus.OFFICIAL);
        assertThat(contribution.flows()).isEqualTo(Map.of("recognized", 1L));
    }

    @Test
    void an_expulsion_recorded_after_the_report_counts_today_but_not_as_reported() {
        MemberHistory history = new MemberHistory("m").then("2023-03-01", "2023-03-02T00:00:00Z", admittedTo("C-1"))
                .then("2023-11-20", "2024-08-01T00:00:00Z", new MemberExpelled("vi phạm"));

        MembershipReplay.Replay reported = replay(history, AS_REPORTED);
        MembershipReplay.Replay today = replay(history, TODAY);

        assertThat(reported.contribution()).isEqualTo(new MembershipReplay.Contribution(MemberStatus.PROBATIONARY,
                Map.of("admitted", 1L)));
        assertThat(today.contribution()).isEqualTo(new MembershipReplay.Contribution(null,
                Map.of("admitted", 1L, "expelled", 1L)));
        assertThat(today.steps()).hasSize(2);
        assertThat(today.steps().get(1).changed()).isTrue();
        assertThat(today.steps().get(1).event().seq()).isEqualTo(2);
    }

    @Test
    void an_event_in_effect_only_after_the_as_of_date_is_left_out() {
        MemberHistory history = new MemberHistory("m").then("2023-03-01", "2023-03-02T00:00:00Z", admittedTo("C-1"))
                .then("2024-01-15", "2024-01-16T00:00:00Z", new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP, null, null));

        assertThat(replay(history, TODAY).contribution().status()).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(replay(history, TODAY).steps()).hasSize(1);
    }

    @Test
    void an_upheld_appeal_against_the_last_status_decision_restores_the_status_before_and_takes_its_flow_back() {
        MemberHistory history = new MemberHistory("m").then("2022-03-01", "2022-03-02T00:00:00Z", admittedTo("C-1"))
                .then("2023-04-01", "2023-04-02T00:00:00Z", new MemberRecognized(LocalDate.parse("2023-03-01"), null,
                        "1"))
                .then("2023-09-01", "2023-09-02T00:00:00Z", new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP, null, null));
        history.then("2023-10-15", "2024-09-01T00:00:00Z", new MemberCorrected(
                java.util.UUID.fromString(history.event(3).eventId()), 3, "member.removed.v1",
                CorrectionKind.APPEAL_UPHELD, "kháng nghị được chấp nhận"));

        assertThat(replay(history, AS_REPORTED).contribution()).isEqualTo(new MembershipReplay.Contribution(null,
                Map.of("recognized", 1L, "removed", 1L)));
        assertThat(replay(history, TODAY).contribution()).isEqualTo(new MembershipReplay.Contribution(
                MemberStatus.OFFICIAL, Map.of("recognized", 1L)));
    }

    @Test
    void a_correction_naming_an_earlier_decision_than_the_last_changes_nothing() {
        MemberHistory history = new MemberHistory("m").then("2023-03-01", "2023-03-02T00:00:00Z", admittedTo("C-1"))
                .then("2023-06-01", "2023-06-02T00:00:00Z", new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP, null, null));
        history.then("2023-07-01", "2023-07-02T00:00:00Z", new MemberCorrected(
                java.util.UUID.fromString(history.event(1).eventId()), 1, "member.admitted.v1",
                CorrectionKind.APPEAL_UPHELD, "sai"));

        MembershipReplay.Replay today = replay(history, TODAY);

        assertThat(today.contribution().status()).isNull();
        assertThat(today.contribution().flows()).isEqualTo(Map.of("admitted", 1L, "removed", 1L));
        assertThat(today.steps().get(2).changed()).isFalse();
    }

    @Test
    void an_annulled_admission_leaves_no_member_and_no_admission() {
        MemberHistory history = new MemberHistory("m").then("2023-03-01", "2023-03-02T00:00:00Z", admittedTo("C-1"));
        history.then("2023-03-05", "2023-03-06T00:00:00Z", new MemberCorrected(
                java.util.UUID.fromString(history.event(1).eventId()), 1, "member.admitted.v1",
                CorrectionKind.ANNULLED, "nhập nhầm"));

        assertThat(replay(history, TODAY).contribution()).isEqualTo(new MembershipReplay.Contribution(null,
                Map.of()));
    }

    @Test
    void a_transfer_out_of_the_subtree_is_a_transfer_out_and_one_inside_it_is_no_flow() {
        MemberHistory leaving = new MemberHistory("m").then("2021-03-01", "2021-03-02T00:00:00Z", admittedTo("C-1"))
                .then("2023-05-01", "2023-05-02T00:00:00Z", new MemberTransferReceived("ELSEWHERE"));
        MemberHistory moving = new MemberHistory("n").then("2021-03-01", "2021-03-02T00:00:00Z", admittedTo("C-1"))
                .then("2023-05-01", "2023-05-02T00:00:00Z", new MemberTransferReceived("C-2"));

        assertThat(replay(leaving, TODAY).contribution()).isEqualTo(new MembershipReplay.Contribution(null,
                Map.of("transferred_out", 1L)));
        assertThat(replay(moving, TODAY).contribution()).isEqualTo(new MembershipReplay.Contribution(
                MemberStatus.PROBATIONARY, Map.of()));
    }

    @Test
    void a_member_enrolled_from_the_register_counts_with_the_status_the_register_gave() {
        MemberHistory history = new MemberHistory("m").then("2023-01-05", "2023-01-05T00:00:00Z",
                new MemberEnrolledFromRegister(null, MemberStatus.OFFICIAL, "C-2", LocalDate.parse("1999-05-19"),
                        LocalDate.parse("2000-05-19"), "0042", false, new Provenance("sổ đảng viên 2020", "loader")));

        assertThat(replay(history, TODAY).contribution()).isEqualTo(new MembershipReplay.Contribution(
                MemberStatus.OFFICIAL, Map.of("enrolled", 1L)));
    }
}
