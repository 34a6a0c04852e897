package chibo.membership.member;

import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberSwornIn;
import chibo.contracts.member.Person;
import chibo.contracts.member.Provenance;
import chibo.contracts.member.Sex;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.TransferKind;
import chibo.contracts.member.Vote;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's status on a day, in effective time: what an introducer was on the day they introduced, or a member on
 * the date of a decision about them. Điều lệ Đảng, điều 4 (a member from the admission decision) and điều 5 (official
 * once the committee recognises them); a register's member is probationary until the recognition it gives.
 */
class MemberStatusOnDateTest {

    private static final LocalDate ADMITTED = LocalDate.of(2023, 3, 20);
    private static final LocalDate SWORN_IN = LocalDate.of(2023, 4, 10);
    private static final LocalDate RECOGNISED = LocalDate.of(2024, 5, 6);
    private static final Person PERSON = new Person("Lò Thị Mai", LocalDate.of(1995, 1, 9), Sex.FEMALE, "Thái",
            Education.UPPER_SECONDARY, null);

    private static MemberHistory admittedSwornAndRecognised() {
        return MemberHistory.of("m-1", "CB-1")
                .then(ADMITTED, new MemberAdmitted(PERSON, "CB-1", ADMITTED.minusDays(20), new Vote(9, 0, 0, 9),
                        List.of(), false, null))
                .then(SWORN_IN, new MemberSwornIn(SWORN_IN.plusYears(1)))
                .then(RECOGNISED, new MemberRecognized(SWORN_IN.plusYears(1), RECOGNISED.minusDays(10), "TQ-9"));
    }

    @Test
    void a_member_is_none_before_the_admission_probationary_until_recognised_and_official_from_the_recognition() {
        MemberState member = admittedSwornAndRecognised().state();

        assertThat(member.statusOn(ADMITTED.minusDays(1))).isNull();
        assertThat(member.statusOn(ADMITTED)).isEqualTo(MemberStatus.PROBATIONARY);
        // the 12 months have run (10/04/2024) but the committee has not decided yet: still probationary
        assertThat(member.statusOn(RECOGNISED.minusDays(1))).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(member.statusOn(RECOGNISED)).isEqualTo(MemberStatus.OFFICIAL);
    }

    @Test
    void a_member_who_has_died_since_was_official_before_the_death() {
        LocalDate died = LocalDate.of(2025, 9, 2);
        MemberState member = admittedSwornAndRecognised().then(died, new MemberDeceased(null)).state();

        assertThat(member.status()).isEqualTo(MemberStatus.DECEASED);
        assertThat(member.statusOn(died.minusDays(1))).isEqualTo(MemberStatus.OFFICIAL);
        assertThat(member.statusOn(died)).isEqualTo(MemberStatus.DECEASED);
    }

    @Test
    void a_member_from_a_register_was_probationary_between_the_admission_and_recognition_dates_it_gives() {
        MemberState member = MemberHistory.of("m-2", "CB-1").then(LocalDate.of(2015, 5, 19),
                new MemberEnrolledFromRegister(PERSON, MemberStatus.OFFICIAL, "CB-1", LocalDate.of(2015, 5, 19),
                        LocalDate.of(2016, 5, 19), "TQ-1", false, new Provenance("Sổ đảng viên 2015", "test")))
                .state();

        assertThat(member.statusOn(LocalDate.of(2015, 5, 18))).isNull();
        assertThat(member.statusOn(LocalDate.of(2016, 5, 18))).isEqualTo(MemberStatus.PROBATIONARY);
        assertThat(member.statusOn(LocalDate.of(2016, 5, 19))).isEqualTo(MemberStatus.OFFICIAL);
    }

    @Test
    void the_cell_a_member_was_in_on_a_day_is_placed_by_the_entry_or_the_last_receipt_before_it() {
        MemberState member = admittedSwornAndRecognised()
                .then(LocalDate.of(2025, 3, 1), new MemberTransferStarted(TransferKind.OFFICIAL, "CB-1", "DB-2", "CB-2",
                        null))
                .then(LocalDate.of(2025, 3, 15), new MemberTransferReceived("CB-2"))
                .state();

        assertThat(member.placedOn(ADMITTED.minusDays(1))).isEmpty();
        assertThat(member.placedOn(LocalDate.of(2024, 12, 20))).hasValueSatisfying(placed -> {
            assertThat(placed.seq()).isEqualTo(1);
            assertThat(placed).isNotEqualTo(member.placedNow().orElseThrow());
        });
        // in transit the sender still holds the member
        assertThat(member.placedOn(LocalDate.of(2025, 3, 10)).orElseThrow().seq()).isEqualTo(1);
        assertThat(member.placedOn(LocalDate.of(2025, 3, 15))).isEqualTo(member.placedNow());
    }
}
