package chibo.reporting.search;

import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Folding Vietnamese names and finding organisations by them, with no Spring and no store. */
class OrgNameIndexTest {

    private final OrgNameIndex index = new OrgNameIndex();

    @BeforeEach
    void tree() {
        put("TQ", "Tỉnh ủy Tuyên Quang", "PROVINCE", null);
        put("TQ-MQ", "Đảng bộ xã Minh Quang", "COMMUNE", "TQ");
        put("TQ-MQ-NH", "Chi bộ thôn Nà Héc", "CELL", "TQ-MQ");
        put("TQ-MQ-NN", "Chi bộ thôn Nà Nưa", "CELL", "TQ-MQ");
        put("TQ-DD", "Đảng bộ xã Đồng Đăng", "COMMUNE", "TQ");
        put("TQ-QM", "Đảng bộ phường Quang Minh", "COMMUNE", "TQ");
        put("HG", "Tỉnh ủy Hà Giang", "PROVINCE", null);
        put("HG-MQ", "Đảng bộ xã Minh Quang", "COMMUNE", "HG");
        put("HG-NH", "Chi bộ thôn Nà Héc", "CELL", "HG-MQ");
    }

    private void put(String orgId, String name, String level, String parentId) {
        index.put(OrgNameIndex.Entry.of(orgId, name, level, parentId, true, 1));
    }

    private List<String> found(String query, String within) {
        return index.search(query, within, 50).matches().stream().map(m -> m.organisation().orgId()).toList();
    }

    @Test
    void folding_drops_case_tone_and_vowel_marks_and_reads_d_with_stroke_as_d() {
        assertThat(NameFolding.fold("Chi bộ thôn Nà Héc")).isEqualTo("chi bo thon na hec");
        assertThat(NameFolding.fold("ĐẢNG BỘ XÃ Đồng Đăng")).isEqualTo("dang bo xa dong dang");
        assertThat(NameFolding.fold("  Tổ dân phố   số 5, phường \"Tân Quang\" ")).isEqualTo(
                "to dan pho so 5 phuong tan quang");
    }

    @Test
    void a_name_typed_with_decomposed_accents_folds_as_the_composed_one() {
        String composed = "Nà Héc Nưa Ủy";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);
        assertThat(NameFolding.fold(decomposed)).isEqualTo(NameFolding.fold(composed)).isEqualTo("na hec nua uy");
        assertThat(found(Normalizer.normalize("Nà Héc", Normalizer.Form.NFD), "TQ")).containsExactly("TQ-MQ-NH");
    }

    @Test
    void a_name_is_found_with_or_without_diacritics_and_in_any_case() {
        assertThat(found("Minh Quang", "TQ")).startsWith("TQ-MQ");
        assertThat(found("minh quang", "TQ")).startsWith("TQ-MQ");
        assertThat(found("Nà Héc", "TQ")).containsExactly("TQ-MQ-NH");
        assertThat(found("na hec", "TQ")).containsExactly("TQ-MQ-NH");
        assertThat(found("NA HEC", "TQ")).containsExactly("TQ-MQ-NH");
        assertThat(found("dong dang", "TQ")).containsExactly("TQ-DD");
        assertThat(found("Đồng", "TQ")).containsExactly("TQ-DD");
    }

    @Test
    void every_word_of_the_query_must_be_in_the_name_in_any_order() {
        assertThat(found("thon na", "TQ")).containsExactlyInAnyOrder("TQ-MQ-NH", "TQ-MQ-NN");
        assertThat(found("hec thon", "TQ")).containsExactly("TQ-MQ-NH");
        assertThat(found("thon na hanoi", "TQ")).isEmpty();
    }

    @Test
    void the_whole_name_then_its_beginning_then_a_word_beginning_rank_before_words_found_elsewhere() {
        put("TQ-X", "Minh Quang", "CELL", "TQ");
        put("TQ-Y", "Minh Quang Hai", "CELL", "TQ");
        put("TQ-Z", "Chi bộ Aminh Quangx", "CELL", "TQ");

        assertThat(found("minh quang", "TQ")).containsExactly("TQ-X", "TQ-Y", "TQ-MQ", "TQ-QM", "TQ-Z");
        assertThat(OrgNameIndex.rank("minh quang", "minh quang", new String[]{"minh", "quang"})).isZero();
        assertThat(OrgNameIndex.rank("chi bo quang minh", "minh quang", new String[]{"minh", "quang"})).isEqualTo(3);
    }

    @Test
    void only_organisations_inside_the_subtree_are_found() {
        assertThat(found("Nà Héc", "TQ")).containsExactly("TQ-MQ-NH");
        assertThat(found("Nà Héc", "HG")).containsExactly("HG-NH");
        assertThat(found("Nà Héc", "TQ-MQ-NN")).isEmpty();
        assertThat(found("Nà Héc", null)).containsExactlyInAnyOrder("TQ-MQ-NH", "HG-NH");
        assertThat(found("Tỉnh ủy", "TQ")).containsExactly("TQ");
    }

    @Test
    void each_match_carries_its_path_down_from_the_root_of_the_search_and_no_higher() {
        put("TW", "Ban Chấp hành Trung ương", "CENTRAL", null);
        put("TQ", "Tỉnh ủy Tuyên Quang", "PROVINCE", "TW");
        OrgNameIndex.Match match = index.search("na hec", "TQ", 50).matches().getFirst();
        assertThat(match.path()).extracting(OrgNameIndex.Entry::name)
                .containsExactly("Tỉnh ủy Tuyên Quang", "Đảng bộ xã Minh Quang");
        assertThat(match.organisation().level()).isEqualTo("CELL");
        assertThat(index.search("na hec", "TQ-MQ", 50).matches().getFirst().path())
                .extracting(OrgNameIndex.Entry::orgId).containsExactly("TQ-MQ");
        assertThat(index.search("minh quang", "TQ-MQ", 50).matches().getFirst().path()).isEmpty();
        assertThat(index.search("na hec", null, 50).matches()).extracting(m -> m.path().getFirst().orgId())
                .contains("TW", "HG");
    }

    @Test
    void results_are_capped_and_the_total_says_how_many_matched() {
        for (int i = 0; i < 60; i++) {
            put("TQ-C" + i, "Chi bộ thôn Khuổi " + i, "CELL", "TQ-MQ");
        }
        OrgNameIndex.Found found = index.search("khuoi", "TQ", 50);
        assertThat(found.matches()).hasSize(50);
        assertThat(found.total()).isEqualTo(60);
    }

    @Test
    void a_renamed_organisation_keeps_its_newest_name_whatever_order_the_names_arrive_in() {
        index.put(OrgNameIndex.Entry.of("TQ-DD", "Đảng bộ phường Đồng Đăng", "COMMUNE", "TQ", true, 5));
        index.put(OrgNameIndex.Entry.of("TQ-DD", "Đảng bộ xã Đồng Đăng", "COMMUNE", "TQ", true, 3));
        assertThat(found("phuong dong", "TQ")).containsExactly("TQ-DD");
        assertThat(found("xa dong dang", "TQ")).isEmpty();
    }

    @Test
    void a_zero_width_space_in_the_query_is_refused_not_folded_into_a_match() {
        assertThatThrownBy(() -> SearchController.checked("Nà\u200BHéc"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.errors())
                        .extracting(FieldProblem::field, FieldProblem::rule)
                        .containsExactly(tuple("q", "no-invisible-characters")));
        assertThatThrownBy(() -> SearchController.checked("\u200B\u200Bx")).isInstanceOf(ProblemException.class);
    }

    @Test
    void a_query_of_fewer_than_two_letters_or_digits_is_refused() {
        assertThatThrownBy(() -> SearchController.checked("x"))
                .isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(problem.errors())
                        .extracting(FieldProblem::field, FieldProblem::rule)
                        .containsExactly(tuple("q", "min-length")));
        assertThatThrownBy(() -> SearchController.checked(" ,. ")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> SearchController.checked(null)).isInstanceOf(ProblemException.class);
        assertThat(SearchController.checked(" xã ")).isEqualTo("xã");
    }
}
