package chibo.membership.standing;

import chibo.contracts.member.RatingLevel;
import chibo.membership.MembershipComponentTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The tally on the MongoDB wire: each member counted once per organisation and year, however often told. */
class RatingTallyTest extends MembershipComponentTest {

    @Autowired
    RatingTally tally;

    @Test
    void a_rating_counted_again_by_the_topic_or_a_redelivery_is_counted_once() {
        String org = "CS-" + UUID.randomUUID();

        tally.count(org, 2025, "m-1", RatingLevel.GOOD);
        tally.count(org, 2025, "m-1", RatingLevel.GOOD);
        tally.count(org, 2025, "m-2", RatingLevel.EXCELLENT);
        tally.count(org, 2025, "m-2", RatingLevel.EXCELLENT);
        tally.count(org, 2026, "m-1", RatingLevel.NOT_COMPLETED);

        RatingTally.Counts year2025 = tally.counts(org, 2025);
        assertThat(year2025.of(RatingLevel.GOOD)).isEqualTo(1);
        assertThat(year2025.of(RatingLevel.EXCELLENT)).isEqualTo(1);
        assertThat(year2025.goodOrBetter()).isEqualTo(2);
        assertThat(tally.counts(org, 2026).of(RatingLevel.NOT_COMPLETED)).isEqualTo(1);
        assertThat(tally.counts(org, 2024).goodOrBetter()).isZero();
    }

    @Test
    void counts_plus_a_batch_add_each_level() {
        String org = "CS-" + UUID.randomUUID();
        tally.count(org, 2025, "m-1", RatingLevel.EXCELLENT);

        RatingTally.Counts withBatch = tally.counts(org, 2025).plus(List.of(RatingLevel.GOOD, RatingLevel.GOOD,
                RatingLevel.COMPLETED));

        assertThat(withBatch.of(RatingLevel.EXCELLENT)).isEqualTo(1);
        assertThat(withBatch.goodOrBetter()).isEqualTo(3);
        assertThat(withBatch.of(RatingLevel.COMPLETED)).isEqualTo(1);
    }
}
