package chibo.platform.eventstore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeptStatesTest {

    private record State(long seq, String label) {
    }

    @Test
    void a_kept_state_is_replaced_only_by_a_later_one() {
        KeptStates<State> kept = new KeptStates<>(10);
        kept.put("m-1", new State(3, "third"), State::seq);

        kept.put("m-1", new State(2, "second, read by a slow reader"), State::seq);
        assertThat(kept.get("m-1").label()).isEqualTo("third");

        kept.put("m-1", new State(4, "fourth"), State::seq);
        assertThat(kept.get("m-1").label()).isEqualTo("fourth");
    }

    @Test
    void past_its_bound_the_least_recently_used_subject_goes() {
        KeptStates<State> kept = new KeptStates<>(2);
        kept.put("m-1", new State(1, "a"), State::seq);
        kept.put("m-2", new State(1, "b"), State::seq);
        kept.get("m-1");

        kept.put("m-3", new State(1, "c"), State::seq);

        assertThat(kept.size()).isEqualTo(2);
        assertThat(kept.get("m-2")).isNull();
        assertThat(kept.get("m-1")).isNotNull();
        assertThat(kept.get("m-3")).isNotNull();
    }

    @Test
    void a_bound_of_zero_keeps_nothing_and_a_negative_one_is_refused() {
        KeptStates<State> none = new KeptStates<>(0);
        none.put("m-1", new State(1, "a"), State::seq);

        assertThat(none.get("m-1")).isNull();
        assertThatThrownBy(() -> new KeptStates<State>(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
