package chibo.membership.member;

import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberSwornIn;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Party age (tuổi đảng): it exists once the member is recognised as official, counts from the date of the admission
 * decision (not from the ceremony, the end of probation or the recognition), and leaves out the time outside the
 * party before a readmission. Điều lệ Đảng, điều 5.4; HD 01-HD/TW (2021), điểm 5.3.
 */
class PartyAgeTest {

    private static final LocalDate ADMITTED = LocalDate.of(2023, 3, 20);
    private static final LocalDate SWORN_IN = LocalDate.of(2023, 4, 10);
    private static final LocalDate RECOGNISED = LocalDate.of(2024, 5, 6);
    private static final Person PERSON = new Person("Hà Văn Chiến", LocalDate.of(1990, 6, 1), Sex.MALE, "Tày",
            Education.UPPER_SECONDARY, null);

    private static MemberHistory admittedAndSwornIn() {
        return MemberHistory.of("m-1", "CB-1")
                .then(ADMITTED, new MemberAdmitted(PERSON, "CB-1", ADMITTED.minusDays(20), new Vote(9, 0, 0, 9),
                        List.of(), false, null))
                .then(SWORN_IN, new MemberSwornIn(SWORN_IN.plusYears(1)));
    }

    @Test
    void a_probationer_has_no_party_age_yet() {
        MemberState probationer = admittedAndSwornIn().state();

        assertThat(MemberView.partyAge(probationer, LocalDate.of(2024, 4, 30))).isNull();
        assertThat(MemberView.of(probationer, 2, LocalDate.of(2024, 4, 30)).partyAge()).isNull();
    }

    @Test
    void once_recognised_party_age_counts_from_the_admission_decision_not_from_the_recognition() {
        MemberState official = admittedAndSwornIn()
                .then(RECOGNISED, new MemberRecognized(SWORN_IN.plusYears(1), RECOGNISED.minusDays(10), "TQ-9"))
                .state();

        // 20/03/2023 → 25/09/2026: three years and six months, though official only from 10/04/2024
        assertThat(MemberView.partyAge(official, LocalDate.of(2026, 9, 25)))
                .isEqualTo(new MemberView.PartyAge(3, 6));
    }

    @Test
    void a_member_removed_after_failing_probation_never_had_a_party_age() {
        MemberState removed = admittedAndSwornIn()
                .then(LocalDate.of(2024, 5, 6), new MemberProbationFailed(LocalDate.of(2024, 4, 25), "not qualified"))
                .state();

        assertThat(MemberView.partyAge(removed, LocalDate.of(2026, 1, 1))).isNull();
    }

    @Test
    void the_party_age_of_a_member_who_left_stops_at_the_day_they_left() {
        MemberState expelled = admittedAndSwornIn()
                .then(RECOGNISED, new MemberRecognized(SWORN_IN.plusYears(1), RECOGNISED.minusDays(10), "TQ-9"))
                .then(LocalDate.of(2025, 1, 20), new MemberExpelled("serious violation"))
                .state();

        assertThat(MemberView.partyAge(expelled, LocalDate.of(2026, 9, 25)))
                .isEqualTo(new MemberView.PartyAge(1, 10));
    }

    @Test
    void a_readmitted_member_counts_from_the_first_admission_less_the_years_outside_the_party_once_recognised() {
        LocalDate firstAdmitted = LocalDate.of(2010, 3, 15);
        LocalDate left = LocalDate.of(2015, 3, 15);
        LocalDate readmitted = LocalDate.of(2019, 3, 15);
        LocalDate swornIn = LocalDate.of(2019, 4, 1);
        MemberHistory history = MemberHistory.of("m-2", "CB-1")
                .then(readmitted, new MemberReadmitted("m-old", PERSON, "CB-1", readmitted.minusDays(30),
                        new Vote(9, 0, 0, 9), List.of(), "TU-123", firstAdmitted, left))
                .then(swornIn, new MemberSwornIn(swornIn.plusYears(1)));

        assertThat(MemberView.partyAge(history.state(), LocalDate.of(2020, 3, 1)))
                .as("on a new probation: none yet, though a member for five years before").isNull();

        MemberState recognised = history.then(LocalDate.of(2020, 4, 10),
                new MemberRecognized(swornIn.plusYears(1), LocalDate.of(2020, 4, 6), "TQ-77")).state();
        // 15/03/2010 → 15/03/2026 is sixteen years, less the four outside the party (15/03/2015 → 15/03/2019)
        assertThat(MemberView.partyAge(recognised, LocalDate.of(2026, 3, 15)))
                .isEqualTo(new MemberView.PartyAge(12, 0));
    }
}
