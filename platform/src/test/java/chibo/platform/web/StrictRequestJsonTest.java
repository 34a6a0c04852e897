package chibo.platform.web;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a caller's JSON may hold, read by the same mapper set-up the services use. */
class StrictRequestJsonTest {

    private static final JsonMapper JSON = StrictRequestJson.configure(JsonMapper.builder()).build();

    enum Sex { MALE, FEMALE }

    record Person(String fullName, LocalDate birthDate, Sex sex, String ethnicity, String note, Integer children,
                  boolean sworn) {
    }

    record Meeting(LocalDateTime startedAt, List<String> topics) {
    }

    private static Person read(String json) {
        return JSON.readValue(json, Person.class);
    }

    private static String refusedRule(String json) {
        JacksonException e = catchThrowableOfType(JacksonException.class, () -> read(json));
        assertThat(e).as(json).isNotNull();
        return e instanceof StrictRequestJson.RefusedValue refused ? refused.rule() : e.getClass().getSimpleName();
    }

    @Test
    void a_well_formed_person_is_read_as_given() {
        Person person = read("{\"fullName\":\"Hoàng Thị Mai\",\"birthDate\":\"1998-04-12\",\"sex\":\"FEMALE\","
                + "\"ethnicity\":\"Tày\",\"note\":\"chuyển đến\\ntừ Hà Giang\",\"children\":2,\"sworn\":true}");

        assertThat(person).isEqualTo(new Person("Hoàng Thị Mai", LocalDate.of(1998, 4, 12), Sex.FEMALE, "Tày",
                "chuyển đến\ntừ Hà Giang", 2, true));
    }

    @Test
    void texts_are_one_value_however_their_accents_were_typed() {
        String composed = "T\u00e0y";
        String decomposed = "Ta\u0300y";

        assertThat(read("{\"ethnicity\":\"" + decomposed + "\"}").ethnicity()).isEqualTo(composed);
        assertThat(read("{\"fullName\":\"Nguye\u0302\u0303n\"}").fullName()).isEqualTo("Nguy\u1ec5n");
    }

    @Test
    void invisible_control_and_direction_characters_are_refused_naming_the_rule() {
        assertThat(refusedRule("{\"fullName\":\"Mai\\u0000\"}")).isEqualTo("no-control-characters");
        assertThat(refusedRule("{\"fullName\":\"Mai\\u0007\"}")).isEqualTo("no-control-characters");
        assertThat(refusedRule("{\"fullName\":\"Mai\\u0085\"}")).isEqualTo("no-control-characters");
        assertThat(refusedRule("{\"ethnicity\":\"T\u00e0\u200by\"}")).isEqualTo("no-invisible-characters");
        assertThat(refusedRule("{\"fullName\":\"\\ufeffMai\"}")).isEqualTo("no-invisible-characters");
        assertThat(refusedRule("{\"fullName\":\"Mai\\u202e\"}")).isEqualTo("no-bidi-controls");
        assertThat(refusedRule("{\"fullName\":\"Mai\\u2067x\"}")).isEqualTo("no-bidi-controls");
        assertThat(refusedRule("{\"fullName\":\"Mai\\ud800\"}")).isEqualTo("valid-unicode");
    }

    @Test
    void a_name_holds_one_line_while_a_note_may_hold_several() {
        assertThat(refusedRule("{\"fullName\":\"Hoàng\\nMai\"}")).isEqualTo("single-line");
        assertThat(refusedRule("{\"fullName\":\"Hoàng\\tMai\"}")).isEqualTo("single-line");
        assertThat(read("{\"note\":\"a\\r\\n\\tb\"}").note()).isEqualTo("a\r\n\tb");
    }

    @Test
    void nothing_is_coerced_into_a_text_a_number_a_choice_or_a_date() {
        for (String json : List.of("{\"fullName\":12}", "{\"fullName\":true}", "{\"fullName\":{}}",
                "{\"children\":\"2\"}", "{\"children\":2.5}", "{\"sworn\":\"true\"}", "{\"sworn\":1}",
                "{\"sex\":1}", "{\"sex\":\"1\"}", "{\"birthDate\":19980412}", "{\"birthDate\":[1998,4,12]}")) {
            assertThat(catchThrowableOfType(JacksonException.class, () -> read(json))).as(json).isNotNull();
        }
    }

    @Test
    void a_date_is_exactly_a_date() {
        assertThat(refusedRule("{\"birthDate\":\"1998-04-12T00:00:00\"}")).isEqualTo("format");
        assertThat(refusedRule("{\"birthDate\":\"1998-04-12\\u0000\"}")).isEqualTo("format");
        assertThat(refusedRule("{\"birthDate\":\" 1998-04-12\"}")).isEqualTo("format");
        assertThat(refusedRule("{\"birthDate\":\"1998-4-12\"}")).isEqualTo("format");
        assertThat(refusedRule("{\"birthDate\":\"1998-02-30\"}")).isEqualTo("format");
        assertThat(refusedRule("{\"birthDate\":\"+1998-04-12\"}")).isEqualTo("format");
    }

    @Test
    void a_meeting_time_is_a_local_date_and_time_without_a_zone() {
        Meeting meeting = JSON.readValue("{\"startedAt\":\"2026-03-05T19:30\",\"topics\":[\"Nghị quy\u1ebft\"]}",
                Meeting.class);
        assertThat(meeting.startedAt()).isEqualTo(LocalDateTime.of(2026, 3, 5, 19, 30));

        JacksonException zoned = catchThrowableOfType(JacksonException.class, () -> JSON.readValue(
                "{\"startedAt\":\"2026-03-05T19:30:00Z\"}", Meeting.class));
        assertThat(zoned).isInstanceOf(StrictRequestJson.RefusedValue.class);
        JacksonException hidden = catchThrowableOfType(JacksonException.class, () -> JSON.readValue(
                "{\"topics\":[\"ok\",\"x\\u200d\"]}", Meeting.class));
        assertThat(hidden).isInstanceOf(StrictRequestJson.RefusedValue.class);
    }

    @Test
    void a_key_given_twice_is_refused_rather_than_the_last_one_winning() {
        StreamReadException e = catchThrowableOfType(StreamReadException.class, () ->
                read("{\"sex\":\"MALE\",\"sex\":\"FEMALE\"}"));

        assertThat(e).isNotNull();
        assertThat(e.getOriginalMessage()).startsWith("Duplicate").contains("sex");
    }
}
