package chibo.dashboard.pages;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** In English, each of the 54 ethnic groups is named in English; in Vietnamese, by the name the figures carry. */
class EthnicGroupLabelsTest {

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void the_groups_read_in_english_including_names_with_spaces_and_hyphens() {
        ResourceBundleMessageSource messages = messages();

        assertThat(messages.getMessage("ethnicity.Mông", null, null, Locale.ENGLISH)).isEqualTo("Hmong");
        assertThat(messages.getMessage("ethnicity.Sán Chay", null, null, Locale.ENGLISH)).isEqualTo("San Chay");
        assertThat(messages.getMessage("ethnicity.Bru-Vân Kiều", null, null, Locale.ENGLISH))
                .isEqualTo("Bru-Van Kieu");
        assertThat(messages.getMessage("ethnicity.Ơ Đu", null, null, Locale.ENGLISH)).isEqualTo("O Du");
    }

    @Test
    void in_vietnamese_a_group_has_no_label_of_its_own_and_shows_its_name() {
        assertThat(messages().getMessage("ethnicity.Mông", null, null, Locale.forLanguageTag("vi-VN"))).isNull();
    }
}
