package chibo.reporting;

import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberResidenceChanged;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.UnitCovered;
import chibo.contracts.organization.UnitKind;
import chibo.contracts.organization.UnitRegistered;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The units of a subtree that no cell covers or where no member resides, by name, inside the reader's subtree. */
class UncoveredUnitsApiTest extends ReportingComponentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final LocalDate FOUNDED = LocalDate.of(2015, 1, 1);

    private String province;
    private String commune;
    private String otherProvince;
    private String covered;
    private String school;
    private String station;
    private String elsewhere;

    @BeforeEach
    void province() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        province = "P-" + suffix;
        commune = "X-" + suffix;
        String cell = "C-" + suffix;
        otherProvince = "Q-" + suffix;
        String otherCommune = "Y-" + suffix;
        covered = "thon.na-hec-" + suffix;
        school = "truong-" + suffix;
        station = "tram.y-te-" + suffix;
        elsewhere = "thon-khac-" + suffix;
        register(province, "Tỉnh ủy", OrgLevel.PROVINCE, null);
        register(commune, "Đảng bộ xã Minh Quang", OrgLevel.COMMUNE, province);
        register(cell, "Chi bộ thôn Nà Héc", OrgLevel.CELL, commune);
        register(otherProvince, "Tỉnh ủy khác", OrgLevel.PROVINCE, null);
        register(otherCommune, "Đảng bộ xã khác", OrgLevel.COMMUNE, otherProvince);
        publisher.publish(commune, FOUNDED, commune, new UnitRegistered(covered, "Thôn Nà Héc", UnitKind.VILLAGE));
        publisher.publish(commune, FOUNDED, commune, new UnitRegistered(school, "Trường <b>Tiểu học</b>",
                UnitKind.SCHOOL));
        publisher.publish(commune, FOUNDED, commune, new UnitRegistered(station, "Trạm y tế xã",
                UnitKind.HEALTH_STATION));
        publisher.publish(otherCommune, FOUNDED, otherCommune, new UnitRegistered(elsewhere, "Thôn Khác",
                UnitKind.VILLAGE));
        publisher.publish(commune, FOUNDED, commune, new UnitCovered(covered, cell));
        publisher.publish(commune, FOUNDED, commune, new UnitCovered(station, cell));
        String member = "m-" + suffix;
        publisher.publish(member, LocalDate.of(2020, 3, 10), cell, new MemberAdmitted(new Person("Đảng viên",
                LocalDate.of(1990, 1, 15), Sex.FEMALE, "Tày", Education.UNIVERSITY, null), cell, null,
                new Vote(8, 0, 0, 8), List.of(), true, null));
        publisher.publish(member, LocalDate.of(2020, 4, 1), cell, new MemberResidenceChanged(covered, commune));
        String reader = TestTokens.reader(province);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode villages = http.get("/organizations/" + province + "/summary", reader).json()
                    .get("units").get("village");
            assertThat(villages.get("total").asLong()).isEqualTo(1);
            assertThat(villages.get("withoutMember").asLong()).isZero();
            assertThat(ids(uncovered(province, reader))).containsExactly(school, station);
            // the other province is folded on its own partitions: waited for too, not raced by the tests
            assertThat(ids(uncovered(otherProvince, TestTokens.reader(otherProvince)))).containsExactly(elsewhere);
        });
    }

    @Test
    void the_units_without_a_cell_or_a_resident_member_are_listed_with_their_names_and_commune() {
        JsonNode units = uncovered(province, TestTokens.reader(province)).json().get("units");

        JsonNode first = units.get(0);
        assertThat(first.get("unitId").asString()).isEqualTo(school);
        assertThat(first.get("name").asString()).isEqualTo("Trường <b>Tiểu học</b>");
        assertThat(first.get("kind").asString()).isEqualTo("SCHOOL");
        assertThat(first.get("ownerId").asString()).isEqualTo(commune);
        assertThat(first.get("ownerName").asString()).isEqualTo("Đảng bộ xã Minh Quang");
        assertThat(first.get("withoutCell").asBoolean()).isTrue();
        assertThat(first.get("withoutMember").asBoolean()).isTrue();
        JsonNode second = units.get(1);
        assertThat(second.get("name").asString()).isEqualTo("Trạm y tế xã");
        assertThat(second.get("kind").asString()).isEqualTo("HEALTH_STATION");
        assertThat(second.get("withoutCell").asBoolean()).isFalse();
        assertThat(second.get("withoutMember").asBoolean()).isTrue();
    }

    @Test
    void a_commune_reader_gets_its_own_units_and_the_other_province_none_of_them() {
        assertThat(ids(uncovered(commune, TestTokens.reader(commune)))).containsExactly(school, station);
        Http.Response refused = uncovered(province, TestTokens.reader(otherProvince));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Tiểu học");
        assertThat(ids(uncovered(otherProvince, TestTokens.reader(otherProvince)))).containsExactly(elsewhere);
    }

    @Test
    void an_organisation_reporting_has_not_seen_is_not_found() {
        assertThat(uncovered("NO-SUCH-ORG", TestTokens.auditor()).status()).isEqualTo(404);
    }

    private Http.Response uncovered(String orgId, String token) {
        return http.get("/organizations/" + orgId + "/uncovered-units", token);
    }

    private static List<String> ids(Http.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("units").valueStream().map(unit -> unit.get("unitId").asString()).toList();
    }

    private void register(String orgId, String name, OrgLevel level, String parentId) {
        publisher.publish(orgId, FOUNDED, parentId == null ? orgId : parentId,
                new OrganizationRegistered(name, level, parentId));
    }
}
