package chibo.meeting.roster;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventPayload;
import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.Education;
import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberExempted;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTemporaryTransferEnded;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.Person;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.member.Sex;
import chibo.contracts.member.TemporaryReason;
import chibo.contracts.member.TransferKind;
import chibo.contracts.member.Vote;
import chibo.testsupport.EventChains;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster of a cell as of a meeting's date (HD 12-HD/BTCTW 2018: attendance is counted against the members who
 * must attend; members exempted from activity — Party Charter art. 7 / QĐ 24-QĐ/TW point 6 — need not; a member in
 * temporary activity attends the host cell, QĐ 24-QĐ/TW point 9.2).
 */
class RosterAsOfDateTest {

    private final EventChains chains = new EventChains("/chibo/membership-service");
    private final List<EventEnvelope> events = new ArrayList<>();

    private static final Person PERSON = new Person("Lò Văn Minh", LocalDate.of(1990, 1, 1), Sex.MALE, "Thái",
            Education.UPPER_SECONDARY, null);

    private void on(String date, EventPayload payload) {
        events.add(chains.next("m-1", LocalDate.parse(date), "G", payload));
    }

    private RosterMember member() {
        RosterMember member = null;
        for (EventEnvelope event : events) {
            member = RosterMember.apply(member, event);
        }
        return member;
    }

    private CellRoster roster(String cellId) {
        RosterMember member = member();
        return CellRoster.empty(cellId).withMember(member.memberId(), member.fullName(),
                member.stints().stream().filter(s -> s.cellId().equals(cellId)).toList());
    }

    private static MemberAdmitted admittedTo(String cellId) {
        return new MemberAdmitted(PERSON, cellId, LocalDate.of(2024, 2, 20), new Vote(9, 0, 0, 9), List.of(), true,
                null);
    }

    @Test
    void a_member_is_on_the_roster_from_the_day_of_admission_not_before() {
        on("2024-03-01", admittedTo("A"));

        assertThat(roster("A").asOf(LocalDate.parse("2024-02-29"))).isEmpty();
        assertThat(roster("A").asOf(LocalDate.parse("2024-03-01"))).singleElement()
                .satisfies(line -> assertThat(line.presence()).isEqualTo(Presence.EXPECTED));
    }

    @Test
    void an_official_transfer_leaves_the_old_cell_on_the_day_it_starts_and_joins_the_new_one_when_received() {
        on("2024-03-01", admittedTo("A"));
        on("2025-01-10", new MemberTransferStarted(TransferKind.OFFICIAL, "A", "G2", "B", "new job"));
        on("2025-01-20", new MemberTransferReceived("B"));

        assertThat(roster("A").asOf(LocalDate.parse("2025-01-09"))).hasSize(1);
        assertThat(roster("A").asOf(LocalDate.parse("2025-01-10"))).isEmpty();
        assertThat(roster("B").asOf(LocalDate.parse("2025-01-15"))).as("in transit").isEmpty();
        assertThat(roster("B").asOf(LocalDate.parse("2025-01-20"))).hasSize(1);
        assertThat(roster("A").asOf(LocalDate.parse("2024-12-05"))).as("a meeting recorded late, before the move")
                .hasSize(1);
    }

    @Test
    void a_temporary_member_is_expected_at_the_host_cell_and_need_not_attend_at_home() {
        on("2024-03-01", admittedTo("A"));
        on("2025-03-01", new MemberTemporaryTransferStarted("H", TemporaryReason.STUDY, LocalDate.of(2025, 9, 1)));
        on("2025-09-01", new MemberTemporaryTransferEnded("H"));

        CellRoster.Line home = roster("A").asOf(LocalDate.parse("2025-05-05")).getFirst();
        CellRoster.Line host = roster("H").asOf(LocalDate.parse("2025-05-05")).getFirst();
        assertThat(home.presence()).isEqualTo(Presence.OPTIONAL);
        assertThat(home.why()).isEqualTo(Stint.Why.TEMPORARILY_AWAY);
        assertThat(host.presence()).isEqualTo(Presence.EXPECTED);
        assertThat(host.why()).isEqualTo(Stint.Why.TEMPORARY_MEMBER);
        assertThat(roster("H").asOf(LocalDate.parse("2025-09-01"))).as("back home").isEmpty();
        assertThat(roster("A").asOf(LocalDate.parse("2025-09-01")).getFirst().presence())
                .isEqualTo(Presence.EXPECTED);
    }

    @Test
    void an_exempted_member_stays_on_the_roster_and_need_not_attend() {
        on("2024-03-01", admittedTo("A"));
        on("2025-06-01", new MemberExempted("aged and in poor health"));

        assertThat(roster("A").asOf(LocalDate.parse("2025-05-31")).getFirst().presence())
                .isEqualTo(Presence.EXPECTED);
        assertThat(roster("A").asOf(LocalDate.parse("2025-06-01")).getFirst().why()).isEqualTo(Stint.Why.EXEMPTED);
        assertThat(roster("A").anyoneExpectedBetween(LocalDate.parse("2025-07-01"), LocalDate.parse("2025-08-01")))
                .as("nobody must attend in July").isFalse();
    }

    @Test
    void a_member_removed_leaves_every_roster_on_the_day_and_an_upheld_appeal_puts_them_back() {
        on("2024-03-01", admittedTo("A"));
        on("2025-04-01", new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP, null, null));
        long removalSeq = events.getLast().seq();

        assertThat(roster("A").asOf(LocalDate.parse("2025-04-01"))).isEmpty();
        assertThat(roster("A").asOf(LocalDate.parse("2025-03-31"))).hasSize(1);

        on("2025-06-01", new MemberCorrected(events.getLast().id(), removalSeq, "member.removed.v1",
                CorrectionKind.APPEAL_UPHELD, "appeal upheld"));
        assertThat(roster("A").asOf(LocalDate.parse("2025-05-01"))).as("as if never removed").hasSize(1);
    }

    @Test
    void a_correction_of_something_else_leaves_the_roster_as_it_is() {
        on("2024-03-01", admittedTo("A"));
        on("2025-04-01", new MemberLetGo(LetGoGround.ASKED_TO_LEAVE, null));
        on("2025-06-01", new MemberCorrected(events.getFirst().id(), 1, "member.admitted.v1",
                CorrectionKind.ANNULLED, "typo in the vote"));

        assertThat(roster("A").asOf(LocalDate.parse("2025-05-01"))).isEmpty();
    }

    @Test
    void a_member_from_a_register_is_placed_in_their_cell_from_their_admission() {
        on("2026-01-15", new MemberEnrolledFromRegister(PERSON, MemberStatus.OFFICIAL, "A",
                LocalDate.of(2001, 5, 19), LocalDate.of(2002, 5, 19), "TQ-1", false, null));

        assertThat(roster("A").asOf(LocalDate.parse("2025-09-05"))).hasSize(1);
        assertThat(roster("A").asOf(LocalDate.parse("2001-05-18"))).isEmpty();
    }

    @Test
    void stints_that_simply_continue_are_one_stint() {
        on("2024-03-01", admittedTo("A"));
        on("2025-01-10", new MemberTemporaryTransferEnded("nowhere"));

        assertThat(member().stints()).singleElement().satisfies(stint -> {
            assertThat(stint.from()).isEqualTo(LocalDate.parse("2024-03-01"));
            assertThat(stint.until()).isNull();
        });
    }
}
