package chibo.reporting.figures;

import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.Sex;
import chibo.contracts.organization.UnitKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountersTest {

    @Test
    void counter_names_carry_the_value_in_lower_case_and_unknown_for_none() {
        assertThat(Counters.status(MemberStatus.LET_GO)).isEqualTo("members.let_go");
        assertThat(Counters.status(MemberStatus.PROBATIONARY)).isEqualTo("members.probationary");
        assertThat(Counters.sex(Sex.FEMALE)).isEqualTo("members.sex.female");
        assertThat(Counters.sex(null)).isEqualTo("members.sex.unknown");
        assertThat(Counters.unitsWithoutMember(UnitKind.VILLAGE)).isEqualTo("units.village.without_member");
    }

    @Test
    void constants_of_different_kinds_at_the_same_place_keep_their_own_names() {
        // PROBATIONARY, MALE and VILLAGE are each the first of their kind
        assertThat(Counters.status(MemberStatus.PROBATIONARY)).isEqualTo("members.probationary");
        assertThat(Counters.sex(Sex.MALE)).isEqualTo("members.sex.male");
        assertThat(Counters.units(UnitKind.VILLAGE)).isEqualTo("units.village");
        assertThat(Counters.unitsWithoutCell(UnitKind.HEALTH_STATION)).isEqualTo("units.health_station.without_cell");
    }
}
