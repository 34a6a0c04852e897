package chibo.platform.web;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProblemHandlerTest {

    record Inner(LocalDate birthDate) {
    }

    record Outer(List<Inner> people) {
    }

    @Test
    void rule_codes_read_as_kebab_case() {
        assertThat(ProblemHandler.kebab("NotBlank")).isEqualTo("not-blank");
        assertThat(ProblemHandler.kebab("PastOrPresent")).isEqualTo("past-or-present");
        assertThat(ProblemHandler.kebab("Size")).isEqualTo("size");
    }

    @Test
    void a_mapping_error_names_the_json_path_of_the_bad_value() {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> JsonMapper.builder().build()
                .readValue("{\"people\":[{\"birthDate\":\"2020-01-01\"},{\"birthDate\":\"yesterday\"}]}",
                        Outer.class));

        assertThat(ProblemHandler.path(e)).isEqualTo("people[1].birthDate");
    }
}
