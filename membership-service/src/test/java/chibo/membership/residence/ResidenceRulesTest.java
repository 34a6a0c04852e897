package chibo.membership.residence;

import chibo.contracts.organization.OrgLevel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ResidenceRulesTest {

    private static final ResidenceRules.AnotherPlace ANOTHER_PLACE = new ResidenceRules.AnotherPlace();

    private static ResidenceFacts move(String from, String to) {
        LocalDate day = LocalDate.of(2025, 3, 1);
        return new ResidenceFacts(from, to, day, OrgLevel.CELL, true, day);
    }

    @Test
    void a_move_to_another_unit_or_out_of_every_unit_holds() {
        assertThat(ANOTHER_PLACE.check(move("thon-na-tong", "thon-khuoi-xoan"))).isEmpty();
        assertThat(ANOTHER_PLACE.check(move("thon-na-tong", null))).isEmpty();
        assertThat(ANOTHER_PLACE.check(move(null, "thon-na-tong"))).isEmpty();
    }

    @Test
    void rejects_a_move_to_the_unit_the_member_already_lives_in() {
        assertThat(ANOTHER_PLACE.check(move("thon-na-tong", "thon-na-tong"))).hasValueSatisfying(violation ->
                assertThat(violation.field()).isEqualTo("residenceUnitId"));
        assertThat(ANOTHER_PLACE.check(move(null, null))).as("already in no registered unit").isPresent();
    }

    @Test
    void the_rule_is_chibos_own() {
        assertThat(ANOTHER_PLACE.id()).isEqualTo("residence.another-place");
        assertThat(ANOTHER_PLACE.source()).isEqualTo("chibo: register consistency");
    }
}
