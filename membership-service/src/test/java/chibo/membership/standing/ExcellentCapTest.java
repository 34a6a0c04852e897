package chibo.membership.standing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The share of "hoàn thành xuất sắc nhiệm vụ" in a grassroots organisation's year (QĐ 366-QĐ/TW). */
class ExcellentCapTest {

    private final ExcellentCap twentyPercent = new ExcellentCap(20, "QĐ 366-QĐ/TW (30/08/2025)");

    private static ExcellentShare share(int excellent, int goodOrBetter, int added) {
        return new ExcellentShare("TQ-CS", 2026, excellent, goodOrBetter, added);
    }

    @Test
    void one_excellent_among_five_rated_good_or_better_stands_and_a_second_does_not() {
        assertThat(twentyPercent.check(share(1, 5, 1))).isEmpty();
        assertThat(twentyPercent.check(share(2, 5, 1))).hasValueSatisfying(v -> {
            assertThat(v.ruleId()).isEqualTo("rating.excellent-cap");
            assertThat(v.field()).isEqualTo("ratings");
            assertThat(v.source()).contains("QĐ 366-QĐ/TW");
            assertThat(v.message()).contains("2 of the 5").contains("20%").contains("TQ-CS").contains("2026");
        });
    }

    @Test
    void the_share_is_rounded_down_so_four_rated_good_or_better_allow_no_excellent() {
        assertThat(twentyPercent.check(share(1, 4, 1))).isPresent();
        assertThat(twentyPercent.check(share(1, 9, 1))).isEmpty();
        assertThat(twentyPercent.check(share(2, 9, 1))).isPresent();
        assertThat(twentyPercent.check(share(2, 10, 2))).isEmpty();
    }

    @Test
    void ratings_that_add_no_excellent_stand_even_where_the_share_was_already_exceeded() {
        assertThat(twentyPercent.check(share(3, 5, 0))).isEmpty();
        assertThat(twentyPercent.check(share(3, 5, 1))).isPresent();
    }

    @Test
    void the_share_is_configuration() {
        var half = new ExcellentCap(50, "QĐ 366-QĐ/TW (30/08/2025)");

        assertThat(half.check(share(2, 4, 2))).isEmpty();
        assertThat(half.check(share(3, 4, 1))).isPresent();
        assertThat(ExcellentCap.allowed(50, 5)).isEqualTo(2);
    }
}
