package chibo.platform.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PurposesTest {

    @Test
    void a_purpose_is_kept_without_control_invisible_or_bidirectional_characters() {
        assertThat(Purposes.kept("  thanh tra\u0000 định kỳ\u202E\u200B\r\n ")).isEqualTo("thanh tra định kỳ");
    }

    @Test
    void a_percent_encoded_purpose_is_kept_decoded_and_a_badly_encoded_one_as_sent() {
        assertThat(Purposes.kept("h%E1%BB%93%20s%C6%A1+1%2B1")).isEqualTo("hồ sơ+1+1");
        assertThat(Purposes.kept("100% audit")).isEqualTo("100% audit");
    }

    @Test
    void a_purpose_is_kept_in_nfc() {
        assertThat(Purposes.kept("kie\u0302\u0309m tra")).isEqualTo("ki\u1EC3m tra");
    }

    @Test
    void a_long_purpose_is_cut_at_two_hundred_characters_and_an_empty_one_is_none() {
        assertThat(Purposes.kept("ệ".repeat(250))).isEqualTo("ệ".repeat(200));
        assertThat(Purposes.kept(" \u200B ")).isNull();
        assertThat(Purposes.kept(null)).isNull();
    }
}
