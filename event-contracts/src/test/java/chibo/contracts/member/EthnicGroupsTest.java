package chibo.contracts.member;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EthnicGroupsTest {

    @Test
    void fifty_four_groups_coded_01_to_54_kinh_first_each_name_once() {
        assertThat(EthnicGroups.all()).hasSize(54);
        for (int i = 0; i < 54; i++) {
            assertThat(EthnicGroups.all().get(i).code()).isEqualTo(String.format("%02d", i + 1));
        }
        assertThat(EthnicGroups.all().getFirst().name()).isEqualTo("Kinh");
        Set<String> names = new HashSet<>(EthnicGroups.names());
        assertThat(names).hasSize(54);
        assertThat(names).allSatisfy(name -> assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue());
    }

    @Test
    void a_group_is_found_by_code_by_its_vietnamese_or_english_name_or_a_common_other_spelling() {
        assertThat(EthnicGroups.find("02")).get().extracting(EthnicGroups.EthnicGroup::name).isEqualTo("Tày");
        assertThat(EthnicGroups.find("2")).get().extracting(EthnicGroups.EthnicGroup::name).isEqualTo("Tày");
        assertThat(EthnicGroups.find("Tày")).get().extracting(EthnicGroups.EthnicGroup::code).isEqualTo("02");
        assertThat(EthnicGroups.find("tày")).get().extracting(EthnicGroups.EthnicGroup::code).isEqualTo("02");
        assertThat(EthnicGroups.find("Tay")).get().extracting(EthnicGroups.EthnicGroup::code).isEqualTo("02");
        assertThat(EthnicGroups.find("H'Mông")).get().extracting(EthnicGroups.EthnicGroup::name).isEqualTo("Mông");
        assertThat(EthnicGroups.find("Hmong")).get().extracting(EthnicGroups.EthnicGroup::name).isEqualTo("Mông");
        assertThat(EthnicGroups.find("Khmer")).get().extracting(EthnicGroups.EthnicGroup::name).isEqualTo("Khơ-me");
        assertThat(EthnicGroups.find("Ba Na")).get().extracting(EthnicGroups.EthnicGroup::name).isEqualTo("Ba-na");
        assertThat(EthnicGroups.find("Ê Đê")).get().extracting(EthnicGroups.EthnicGroup::name).isEqualTo("Ê-đê");
        assertThat(EthnicGroups.find("Rhade")).get().extracting(EthnicGroups.EthnicGroup::name).isEqualTo("Ê-đê");
        assertThat(EthnicGroups.find("Bru - Vân Kiều")).get().extracting(EthnicGroups.EthnicGroup::code)
                .isEqualTo("23");
        assertThat(EthnicGroups.find("  rơ  măm ")).get().extracting(EthnicGroups.EthnicGroup::code).isEqualTo("54");
    }

    @Test
    void the_same_name_in_decomposed_unicode_is_the_same_group() {
        String decomposed = Normalizer.normalize("Sán Dìu", Normalizer.Form.NFD);

        assertThat(decomposed).isNotEqualTo("Sán Dìu");
        assertThat(EthnicGroups.find(decomposed)).get().extracting(EthnicGroups.EthnicGroup::code).isEqualTo("18");
    }

    @Test
    void what_is_not_one_of_the_54_is_not_found() {
        assertThat(EthnicGroups.find("Việt kiều")).isEmpty();
        assertThat(EthnicGroups.find("55")).isEmpty();
        assertThat(EthnicGroups.find("00")).isEmpty();
        assertThat(EthnicGroups.find("")).isEmpty();
        assertThat(EthnicGroups.find(null)).isEmpty();
        assertThat(EthnicGroups.find("T\u00e0\u200by")).as("a zero-width space is not ignored").isEmpty();
    }

    @Test
    void a_recorded_name_reads_in_english_and_an_unknown_one_as_it_is() {
        assertThat(EthnicGroups.englishName("Mông")).isEqualTo("Hmong");
        assertThat(EthnicGroups.englishName("Kinh")).isEqualTo("Kinh (Viet)");
        assertThat(EthnicGroups.englishName("Tay cũ")).isEqualTo("Tay cũ");
    }
}
