package chibo.dashboard.figures;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FreshnessTest {

    @Test
    void reads_the_three_headers_reporting_service_sends() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Figures-State", "CATCHING_UP");
        headers.add("Figures-Current-To", "2026-12-03T01:02:03Z");
        headers.add("Figures-Lag", "42");

        Freshness freshness = Freshness.of(headers);

        assertThat(freshness.isCurrent()).isFalse();
        assertThat(freshness.currentTo()).isEqualTo(Instant.parse("2026-12-03T01:02:03Z"));
        assertThat(freshness.lag()).isEqualTo(42);
    }

    @Test
    void figures_without_a_state_are_not_taken_for_current() {
        Freshness freshness = Freshness.of(new HttpHeaders());

        assertThat(freshness.isCurrent()).isFalse();
        assertThat(freshness.currentTo()).isNull();
        assertThat(freshness.lag()).isEqualTo(-1);
    }

    @Test
    void current_figures_are_current() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Figures-State", "CURRENT");

        assertThat(Freshness.of(headers).isCurrent()).isTrue();
    }
}
