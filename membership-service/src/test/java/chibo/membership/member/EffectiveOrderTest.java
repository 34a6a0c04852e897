package chibo.membership.member;

import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberSwornIn;
import chibo.contracts.member.MemberTemporaryTransferStarted;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.Person;
import chibo.contracts.member.RatingLevel;
import chibo.contracts.member.Sex;
import chibo.contracts.member.TemporaryReason;
import chibo.contracts.member.TransferKind;
import chibo.contracts.member.Vote;
import chibo.membership.rules.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One consistent history per member in effective time. A membership runs from the admission (Điều lệ Đảng, điều 4)
 * until removal, letting go (điều 8), expulsion (điều 35) or death; probation starts with the ceremony and only
 * then can the member be recognised (Điều lệ Đảng, điều 5; QĐ 24-QĐ/TW, điểm 4.2.2); a transferred member is
 * received after the transfer decision (QĐ 24-QĐ/TW, điểm 6.3.1).
 */
class EffectiveOrderTest {

    private static final LocalDate ADMITTED = LocalDate.of(2018, 3, 5);
    private static final LocalDate SWORN_IN = LocalDate.of(2018, 3, 20);
    private static final LocalDate RECOGNISED = LocalDate.of(2019, 4, 10);
    private static final LocalDate SENT = LocalDate.of(2021, 6, 1);
    private static final LocalDate RECEIVED = LocalDate.of(2021, 6, 15);

    /** Admitted (seq 1), sworn in (2), rated for 2018 (3), recognised (4). */
    private static MemberHistory official() {
        return MemberHistory.of("m-1", "CB-1")
                .then(ADMITTED, new MemberAdmitted(new Person("Lò Thị Mai", LocalDate.of(1995, 1, 9), Sex.FEMALE,
                        "Thái", Education.UPPER_SECONDARY, null), "CB-1", ADMITTED.minusDays(20),
                        new Vote(9, 0, 0, 9), List.of(), false, null))
                .then(SWORN_IN, new MemberSwornIn(SWORN_IN.plusYears(1)))
                .rated(2018, RatingLevel.GOOD)
                .then(RECOGNISED, new MemberRecognized(SWORN_IN.plusYears(1), RECOGNISED.minusDays(10), "TQ-9"));
    }

    /** {@link #official()} sent to another cell (seq 5) and received there (seq 6). */
    private static MemberHistory transferred() {
        return official()
                .then(SENT, new MemberTransferStarted(TransferKind.OFFICIAL, "CB-1", "DB-2", "CB-2", "moved"))
                .then(RECEIVED, new MemberTransferReceived("CB-2"));
    }

    /** {@link #official()} sent to another cell (seq 5), not yet received. */
    private static MemberHistory inTransit() {
        return official().then(SENT, new MemberTransferStarted(TransferKind.OFFICIAL, "CB-1", "DB-2", "CB-2",
                "moved"));
    }

    /** Admitted (1) and sworn in (2): on probation. */
    private static MemberHistory probationer() {
        return MemberHistory.of("m-2", "CB-1")
                .then(ADMITTED, new MemberAdmitted(new Person("Vàng A Dế", LocalDate.of(1996, 7, 1), Sex.MALE,
                        "Mông", Education.LOWER_SECONDARY, null), "CB-1", ADMITTED.minusDays(20),
                        new Vote(7, 0, 0, 6), List.of(), false, null))
                .then(SWORN_IN, new MemberSwornIn(SWORN_IN.plusYears(1)));
    }

    /**
     * @param expectedSeq the recorded event the decision contradicts, or null when it fits the history
     */
    record Case(String name, MemberHistory history, Command command, LocalDate date, Long expectedSeq,
                String expectedType) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // Điều lệ Đảng, điều 4: nothing on a member before the admission
                new Case("death before the admission", official(), Command.DEATH, ADMITTED.minusDays(1), 1L,
                        "member.admitted.v1"),
                new Case("rating before the admission", official(), Command.RATING, ADMITTED.minusYears(1), 1L,
                        "member.admitted.v1"),
                new Case("transfer before the admission", official(), Command.TRANSFER, ADMITTED.minusMonths(2),
                        1L, "member.admitted.v1"),
                new Case("discipline before the admission", probationer(), Command.DISCIPLINE,
                        ADMITTED.minusDays(3), 1L, "member.admitted.v1"),
                // điều 8, điều 35: nothing on the record after the membership ends
                new Case("expulsion before a recorded later rating", official().rated(2020, RatingLevel.GOOD),
                        Command.EXPULSION, LocalDate.of(2020, 6, 1), 5L, "member.rated.v1"),
                new Case("death before a recorded transfer names the latest event after it", transferred(),
                        Command.DEATH, LocalDate.of(2020, 1, 1), 6L, "member.transfer_received.v1"),
                new Case("removal before the recognition", official(), Command.REMOVAL, RECOGNISED.minusDays(1), 4L,
                        "member.recognized.v1"),
                new Case("failed probation before the ceremony", probationer(), Command.PROBATION_FAILURE,
                        SWORN_IN.minusDays(1), 2L, "member.sworn_in.v1"),
                new Case("death on the day of the last recorded event", transferred(), Command.DEATH, RECEIVED,
                        null, null),
                new Case("letting go after every recorded event", transferred(), Command.LET_GO,
                        RECEIVED.plusYears(2), null, null),
                // QĐ 24-QĐ/TW, điểm 6.3.1: received after the transfer decision
                new Case("receipt before the transfer decision", inTransit(), Command.TRANSFER_RECEIPT,
                        SENT.minusDays(1), 5L, "member.transfer_started.v1"),
                new Case("receipt on the day of the transfer decision", inTransit(), Command.TRANSFER_RECEIPT, SENT,
                        null, null),
                new Case("transfer out before the member was received into the cell", transferred(),
                        Command.TRANSFER, RECEIVED.minusDays(1), 6L, "member.transfer_received.v1"),
                // Điều lệ Đảng, điều 5; QĐ 24-QĐ/TW, điểm 4.2.2: recognised after the probation, which starts
                // with the ceremony
                new Case("recognition before the ceremony", probationer(), Command.RECOGNITION,
                        SWORN_IN.minusDays(1), 2L, "member.sworn_in.v1"),
                // Điều lệ Đảng, điều 7: only an official member is exempted
                new Case("exemption before the recognition", official(), Command.EXEMPTION, RECOGNISED.minusDays(1),
                        4L, "member.recognized.v1"),
                new Case("exemption after the recognition", official(), Command.EXEMPTION, RECOGNISED.plusDays(1),
                        null, null),
                // a rating does not depend on another: late-entered ratings of earlier years fit
                new Case("a 2019 rating entered after the 2020 one", official().rated(2020, RatingLevel.GOOD),
                        Command.RATING, LocalDate.of(2019, 12, 15), null, null),
                new Case("a temporary stay in a year before a recorded rating", official()
                        .rated(2020, RatingLevel.GOOD), Command.TEMPORARY_TRANSFER, LocalDate.of(2019, 9, 1), null,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_decision_fits_the_members_history_in_effective_time_or_names_the_event_it_contradicts(Case c) {
        var conflict = EffectiveOrder.check(c.history().state(), c.command(), c.date());

        if (c.expectedSeq() == null) {
            assertThat(conflict).isEmpty();
        } else {
            assertThat(conflict).hasValueSatisfying(found -> {
                assertThat(found.event().seq()).isEqualTo(c.expectedSeq());
                assertThat(found.event().type()).isEqualTo(c.expectedType());
                assertThat(found.source()).isNotBlank();
            });
        }
    }

    @Test
    void the_end_of_a_temporary_stay_is_not_before_its_start() {
        MemberState member = official().then(SENT, new MemberTemporaryTransferStarted("CB-7", TemporaryReason.WORK,
                SENT.plusMonths(6))).state();

        assertThat(EffectiveOrder.check(member, Command.TEMPORARY_TRANSFER_END, SENT.minusDays(1)))
                .hasValueSatisfying(found -> assertThat(found.event().seq()).isEqualTo(5));
        assertThat(EffectiveOrder.check(member, Command.TEMPORARY_TRANSFER_END, SENT.plusMonths(3))).isEmpty();
    }

    @Test
    void an_annulled_event_no_longer_stands_in_the_way_nor_does_the_correction_that_annulled_it() {
        MemberState member = official().rated(2020, RatingLevel.GOOD)
                .then(LocalDate.of(2021, 2, 1), new MemberCorrected(UUID.randomUUID(), 5, "member.rated.v1",
                        CorrectionKind.ANNULLED, "entered for the wrong member"))
                .state();

        assertThat(EffectiveOrder.check(member, Command.DEATH, LocalDate.of(2020, 6, 1))).isEmpty();
    }

    /** {@link #transferred()}, then dead on 10/03/2025 (seq 7). */
    private static final LocalDate DIED = LocalDate.of(2025, 3, 10);

    private static MemberState deceased() {
        return transferred().then(DIED, new MemberDeceased(null)).state();
    }

    @Test
    void a_rating_or_discipline_dated_while_still_a_member_is_judged_on_the_member_as_they_were_then() {
        MemberState member = deceased();

        MemberState rated2024 = EffectiveOrder.asJudgedOn(member, Command.RATING, LocalDate.of(2024, 12, 20));
        MemberState disciplinedOnTheDay = EffectiveOrder.asJudgedOn(member, Command.DISCIPLINE, DIED);

        assertThat(member.status()).isEqualTo(MemberStatus.DECEASED);
        assertThat(rated2024.status()).isEqualTo(MemberStatus.OFFICIAL);
        assertThat(rated2024.leftOn()).isNull();
        assertThat(Transitions.ACTIVE.refusal(rated2024)).isNull();
        assertThat(disciplinedOnTheDay.status()).isEqualTo(MemberStatus.OFFICIAL);
        assertThat(Transitions.ACTIVE.refusal(member)).contains("ended on " + DIED);
        // nor does the rating contradict the recorded death, dated after it
        assertThat(EffectiveOrder.check(member, Command.RATING, LocalDate.of(2024, 12, 20))).isEmpty();
    }

    @Test
    void a_probationer_removed_is_judged_as_a_probationer_for_a_rating_of_the_probation_year() {
        MemberState removed = probationer().then(LocalDate.of(2019, 5, 2), new MemberProbationFailed(LocalDate.of(2019, 4, 25), "not fit"))
                .state();

        assertThat(EffectiveOrder.asJudgedOn(removed, Command.RATING, LocalDate.of(2018, 12, 15)).status())
                .isEqualTo(MemberStatus.PROBATIONARY);
    }

    @Test
    void decisions_after_the_end_and_other_decisions_before_it_see_the_member_as_recorded() {
        MemberState member = deceased();

        for (Command command : List.of(Command.TRANSFER, Command.TEMPORARY_TRANSFER, Command.RECOGNITION,
                Command.EXEMPTION, Command.REMOVAL, Command.RESIDENCE_LIAISON)) {
            assertThat(EffectiveOrder.asJudgedOn(member, command, LocalDate.of(2024, 1, 10))).as(command.name())
                    .isSameAs(member);
        }
        assertThat(EffectiveOrder.asJudgedOn(member, Command.RATING, DIED.plusDays(1))).isSameAs(member);
        assertThat(EffectiveOrder.asJudgedOn(member, Command.RATING, ADMITTED.minusDays(1))).isSameAs(member);
        MemberState alive = transferred().state();
        assertThat(EffectiveOrder.asJudgedOn(alive, Command.RATING, LocalDate.of(2020, 12, 1))).isSameAs(alive);
    }
}
