package chibo.platform.mongo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldKeysTest {

    @Test
    void keys_keep_letters_digits_hyphens_and_underscores_and_write_everything_else_in_hex() {
        assertThat(FieldKeys.encode("TQ-m_0001")).isEqualTo("TQ-m_0001");
        assertThat(FieldKeys.encode("a.b")).isEqualTo("a%2Eb");
        assertThat(FieldKeys.encode("$x%")).isEqualTo("%24x%25");
        assertThat(FieldKeys.encode("đ")).isEqualTo("%C4%91");
    }

    @Test
    void ids_that_differ_only_where_a_character_is_escaped_keep_different_keys() {
        // a literal "%2E" in an id is escaped too, so it cannot meet the key of a dot
        assertThat(FieldKeys.encode("a%2Eb")).isNotEqualTo(FieldKeys.encode("a.b")).isEqualTo("a%252Eb");
    }
}
