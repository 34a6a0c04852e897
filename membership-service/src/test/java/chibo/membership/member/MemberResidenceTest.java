package chibo.membership.member;

import chibo.contracts.member.Education;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberResidenceChanged;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.member.MemberTransferStarted;
import chibo.contracts.member.Person;
import chibo.contracts.member.Provenance;
import chibo.contracts.member.Sex;
import chibo.contracts.member.TransferKind;
import chibo.membership.rules.Command;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's place of residence is a fact with history: the unit given at the entry, then each change of residence
 * or transfer receipt that names a new one; the person shows the latest, and moves are recorded in effective order.
 */
class MemberResidenceTest {

    private static final LocalDate ENROLLED = LocalDate.of(2016, 5, 19);
    private static final LocalDate MOVED = LocalDate.of(2024, 3, 1);

    /** Enrolled (seq 1) living in thôn Nà Tông. */
    private static MemberHistory livingInNaTong() {
        return MemberHistory.of("m-1", "CB-1").then(ENROLLED, new MemberEnrolledFromRegister(
                new Person("Ma Văn Sình", LocalDate.of(1970, 2, 3), Sex.MALE, "Tày", Education.UPPER_SECONDARY,
                        "thon-na-tong"), MemberStatus.OFFICIAL, "CB-1", LocalDate.of(2015, 5, 19), ENROLLED, "TQ-1",
                false, new Provenance("Sổ đảng viên 2015", "test")));
    }

    @Test
    void the_entry_sets_the_residence_and_starts_its_history() {
        MemberState member = livingInNaTong().state();

        assertThat(member.residenceUnitId()).isEqualTo("thon-na-tong");
        assertThat(member.residences()).containsExactly(new MemberState.Residence(1, "thon-na-tong", null, ENROLLED));
    }

    @Test
    void a_change_of_residence_moves_the_member_and_keeps_where_they_lived() {
        MemberState member = livingInNaTong()
                .then(MOVED, new MemberResidenceChanged("thon-khuoi-xoan", "XA-1"))
                .then(MOVED.plusYears(1), new MemberResidenceChanged(null, null)).state();

        assertThat(member.residenceUnitId()).as("moved out of every registered unit").isNull();
        assertThat(member.person().fullName()).isEqualTo("Ma Văn Sình");
        assertThat(member.residences()).extracting(MemberState.Residence::unitId)
                .containsExactly("thon-na-tong", "thon-khuoi-xoan", null);
        assertThat(member.residences().get(1)).isEqualTo(new MemberState.Residence(2, "thon-khuoi-xoan", "XA-1",
                MOVED));
    }

    @Test
    void a_receipt_naming_the_place_of_residence_moves_the_member_and_one_without_it_does_not() {
        MemberState member = livingInNaTong()
                .then(MOVED, new MemberTransferStarted(TransferKind.TO_RESIDENCE, "CB-1", "XA-2", "CB-2", "retired"))
                .then(MOVED.plusDays(10), new MemberTransferReceived("CB-2", "thon-ban-ca")).state();

        assertThat(member.cellId()).isEqualTo("CB-2");
        assertThat(member.residenceUnitId()).isEqualTo("thon-ban-ca");
        assertThat(member.residences().getLast()).isEqualTo(new MemberState.Residence(3, "thon-ban-ca", null,
                MOVED.plusDays(10)));

        MemberState unchanged = livingInNaTong()
                .then(MOVED, new MemberTransferStarted(TransferKind.OFFICIAL, "CB-1", "XA-2", "CB-2", "new job"))
                .then(MOVED.plusDays(10), new MemberTransferReceived("CB-2")).state();
        assertThat(unchanged.residenceUnitId()).isEqualTo("thon-na-tong");
        assertThat(unchanged.residences()).hasSize(1);
    }

    @Test
    void a_move_dated_before_the_last_move_is_out_of_effective_order_and_names_it() {
        MemberState member = livingInNaTong().then(MOVED, new MemberResidenceChanged("thon-khuoi-xoan", "XA-1"))
                .state();

        assertThat(EffectiveOrder.check(member, Command.RESIDENCE_CHANGE, MOVED.minusDays(1)))
                .hasValueSatisfying(conflict -> {
                    assertThat(conflict.event().type()).isEqualTo("member.residence_changed.v1");
                    assertThat(conflict.event().seq()).isEqualTo(2);
                    assertThat(conflict.source()).startsWith("chibo: register consistency");
                });
        assertThat(EffectiveOrder.check(member, Command.RESIDENCE_CHANGE, MOVED)).as("on the same day").isEmpty();
    }

    @Test
    void the_first_move_may_be_dated_any_day_of_the_membership_but_not_before_it() {
        MemberState member = livingInNaTong().state();

        assertThat(EffectiveOrder.check(member, Command.RESIDENCE_CHANGE, ENROLLED)).isEmpty();
        assertThat(EffectiveOrder.check(member, Command.RESIDENCE_CHANGE, ENROLLED.minusDays(1)))
                .hasValueSatisfying(conflict -> assertThat(conflict.event().seq()).isEqualTo(1));
    }
}
