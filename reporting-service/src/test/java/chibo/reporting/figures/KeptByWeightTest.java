package chibo.reporting.figures;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeptByWeightTest {

    @Test
    void a_value_heavier_than_the_budget_is_not_kept_and_takes_out_the_one_it_replaces_but_no_other() {
        KeptByWeight<String> kept = new KeptByWeight<>(100);
        kept.keep("cell", "cell months", 40);
        kept.keep("province", "province months", 50);

        kept.keep("province", "ten years of a province", 101);

        assertThat(kept.get("province")).isNull();
        assertThat(kept.get("cell")).isEqualTo("cell months");
        assertThat(kept.bytes()).isEqualTo(40);
        assertThat(kept.size()).isEqualTo(1);
    }
}
