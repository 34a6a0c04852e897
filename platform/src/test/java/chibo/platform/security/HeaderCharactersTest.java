package chibo.platform.security;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Security's strict firewall checks headers with these expressions; the loop must answer as they do. */
class HeaderCharactersTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void printable_text_in_any_script_passes_and_control_characters_do_not() {
        assertThat(HeaderCharacters.allowedValue("Bearer eyJhbGciOi.x-y_z")).isTrue();
        assertThat(HeaderCharacters.allowedValue("Tuyên Quang 😀")).isTrue();
        assertThat(HeaderCharacters.allowedValue("a\tb")).as("a tab in a value").isTrue();
        assertThat(HeaderCharacters.allowedName("a\tb")).as("a tab in a name").isFalse();
        assertThat(HeaderCharacters.allowedValue("a\u0000b")).isFalse();
        assertThat(HeaderCharacters.allowedValue("line\r\nInjected: yes")).isFalse();
        assertThat(HeaderCharacters.allowedValue("\u0378")).as("unassigned").isFalse();
    }

    @Test
    void on_thousands_of_random_strings_they_answer_as_the_firewalls_expressions() {
        Random random = new Random(7);
        int[] pool = {'a', 'Z', '9', ' ', '\t', '\n', 0, 0x7f, 0x85, 0xe9, 0x0378, 0x200b, 0x202e, 0xd83d, 0xde00,
                0x1f600, 0xe000, 0xfffe, 0x10ffff, 0x3000};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int length = random.nextInt(6); length > 0; length--) {
                text.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String s = text.toString();
            assertThat(HeaderCharacters.allowedName(s)).as("name %s", s.codePoints().boxed().toList())
                    .isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderCharacters.allowedValue(s)).as("value %s", s.codePoints().boxed().toList())
                    .isEqualTo(VALUES.matcher(s).matches());
        }
    }
}
