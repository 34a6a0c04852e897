package chibo.membership;

import chibo.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates from 1930 to today are decided by the rules, whatever the year; a date outside the working-day calendar
 * (1930-01-01 to 2100-12-31) is a 422 naming the field and the rule, never a 500.
 */
class CalendarRangeTest extends MembershipComponentTest {

    @ParameterizedTest(name = "an admission dated {0} is decided by the rules")
    @ValueSource(ints = {1930, 1968, 2010})
    void an_admission_of_any_year_from_1930_is_decided_by_the_rules(int year) {
        Requests.Tree tree = Requests.Tree.create(http);
        var introducers = tree.introducersOfficialIn(http, year);

        Http.Response response = http.post("/members/admissions", tree.provinceWriter(),
                tree.admissionIn(year).with("introducers", introducers).build());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("admittedOn").asString()).isEqualTo(year + "-03-20");
    }

    @Test
    void a_decision_dated_1929_0001_or_9999_is_refused_naming_the_field() {
        Requests.Tree tree = Requests.Tree.create(http);
        for (String date : new String[]{"1929-12-31", "0001-01-01", "9999-12-31"}) {
            Map<String, Object> admission = tree.admission().with("decisionDate", date).build();

            Http.Response response = http.post("/members/admissions", tree.provinceWriter(), admission);

            assertThat(response.status()).as(date + ": " + response.body()).isEqualTo(422);
            JsonNode problem = response.json();
            assertThat(problem.get("type").asString()).isEqualTo("urn:chibo:problem:rule:date.within-calendar");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("decisionDate");
            assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("date.within-calendar");
            assertThat(problem.get("detail").asString()).contains(date);
        }
    }

    @Test
    void a_cell_resolution_of_year_1_is_refused_naming_the_field() {
        Requests.Tree tree = Requests.Tree.create(http);
        Map<String, Object> admission = tree.admission().with("cellResolutionDate", "0001-03-03").build();

        Http.Response response = http.post("/members/admissions", tree.provinceWriter(), admission);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").values().stream()
                .map(error -> error.get("field").asString() + ":" + error.get("rule").asString()))
                .contains("cellResolutionDate:date.within-calendar");
    }

    @Test
    void a_ceremony_dated_9999_is_refused_naming_the_field() {
        Requests.Tree tree = Requests.Tree.create(http);
        String memberId = Requests.created(http.post("/members/admissions", tree.provinceWriter(),
                tree.admissionIn(2020).build())).json().get("id").asString();

        Http.Response response = http.post("/members/" + memberId + "/swearing-in", tree.provinceWriter(),
                Map.of("ceremonyDate", "9999-01-05"));

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("ceremonyDate");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:chibo:problem:rule:date.within-calendar");
    }

    @Test
    void an_enrolment_from_a_register_of_1925_is_refused_naming_the_field() {
        Requests.Tree tree = Requests.Tree.create(http);
        Map<String, Object> enrolment = new java.util.LinkedHashMap<>(Requests.enrolment("old-" + tree.cell(),
                tree.cell()));
        enrolment.put("admittedOn", "1925-05-19");
        enrolment.put("recognizedOn", "1926-05-19");

        Http.Response response = http.post("/members/enrolments", tree.provinceWriter(), enrolment);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("admittedOn");
    }
}
