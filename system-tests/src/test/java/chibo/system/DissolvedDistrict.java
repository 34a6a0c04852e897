package chibo.system;

import chibo.localstack.ApiBodies;
import chibo.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A district of the generated province that the 2025 reform dissolves — its commune moves under the province on
 * 01/07/2025 — and the villages of its commune, of the province's first commune and of the commune the reform merges
 * away, with the members who live there. Its agency enters the district's 2023–2025 decisions from the paper
 * registers only after the reform (admissions, recognitions, a removal, all by the district), and then transfers two
 * retired members to their place of residence: one village gains its first resident, another loses its only one.
 */
final class DissolvedDistrict {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String EXISTED_ON_DATE = "urn:chibo:problem:rule:organization.existed-on-date";

    final String district;
    final String commune;
    final List<String> cells;
    /**
     * Villages of the district's commune: the first three covered one each by its cells, the fourth by none, the
     * fifth by the second cell.
     */
    final List<String> villages;
    /** A village of the province's first commune, covered by its first cell, where no member lives until a transfer. */
    final String otherVillage;
    final String otherCommune;
    final String otherCell;
    /** A village of the commune the reform merges away, covered by its first cell, where no member lives. */
    final String mergedVillage;
    final String mergedCommune;
    private final String province;
    private final Map<String, String> secretaries = new LinkedHashMap<>();
    private final List<String> registerLines;
    private int sequence;

    /** Retired members who move to their place of residence: the first village's only resident, one of the second's. */
    final String retiredInFirstVillage;
    final String retiredInSecondVillage;
    /** The only resident of the fifth village, removed from the rolls by the district in 2024. */
    final String onlyResidentOfFifthVillage;
    /** Admitted by the district in 2023–2024, the third living in the fourth village, the last recognised in 2025. */
    final List<String> admitted;

    DissolvedDistrict(String province, String firstCommune, String mergedCommune) {
        this.province = province;
        this.district = province + "-H01";
        this.commune = district + "-X01";
        this.cells = List.of(commune + "-C01", commune + "-C02", commune + "-C03");
        this.villages = List.of(commune + "-V01", commune + "-V02", commune + "-V03", commune + "-V04",
                commune + "-V05");
        this.otherCommune = firstCommune;
        this.otherCell = firstCommune + "-C01";
        this.otherVillage = firstCommune + "-V01";
        this.mergedCommune = mergedCommune;
        this.mergedVillage = mergedCommune + "-V01";
        cells.forEach(cell -> secretaries.put(cell, memberId()));
        retiredInFirstVillage = memberId();
        retiredInSecondVillage = memberId();
        onlyResidentOfFifthVillage = memberId();
        admitted = List.of(memberId(), memberId(), memberId(), memberId());
        registerLines = fromRegister();
    }

    private String memberId() {
        return province + "-h" + String.format("%04d", ++sequence);
    }

    /** The district, its commune and cells (from 2010), under the province. */
    List<String> organisations() {
        List<String> all = new ArrayList<>(List.of(district, commune));
        all.addAll(cells);
        return all;
    }

    List<String> parents() {
        return List.of(district, commune);
    }

    /**
     * Registers the district, its commune and cells, and the villages with the cells covering them, as they stood
     * since 2010; the number of organisation events this makes.
     */
    long register(Agency agency, String writer) {
        long events = 0;
        events += created(agency.membership.post("/organizations", writer, ApiBodies.organization(district,
                "Huyện ủy " + district, "DISTRICT", province, "2010-01-01")));
        events += created(agency.membership.post("/organizations", writer, ApiBodies.organization(commune,
                "Đảng ủy xã " + commune, "COMMUNE", district, "2010-01-01")));
        for (String cell : cells) {
            events += created(agency.membership.post("/organizations", writer, ApiBodies.organization(cell,
                    "Chi bộ thôn " + cell, "CELL", commune, "2010-01-01")));
        }
        for (int v = 0; v < villages.size(); v++) {
            events += village(agency, writer, commune, villages.get(v), "Thôn " + (v + 1));
        }
        events += cover(agency, writer, commune, villages.get(0), cells.get(0));
        events += cover(agency, writer, commune, villages.get(1), cells.get(1));
        events += cover(agency, writer, commune, villages.get(2), cells.get(2));
        events += cover(agency, writer, commune, villages.get(4), cells.get(1));
        events += village(agency, writer, otherCommune, otherVillage, "Thôn Nà Hang");
        events += cover(agency, writer, otherCommune, otherVillage, otherCell);
        events += village(agency, writer, mergedCommune, mergedVillage, "Thôn Bản Mới");
        events += cover(agency, writer, mergedCommune, mergedVillage, mergedCommune + "-C01");
        return events;
    }

    private static long village(Agency agency, String writer, String commune, String unitId, String name) {
        return created(agency.membership.post("/organizations/" + commune + "/units", writer,
                Map.of("unitId", unitId, "name", name, "kind", "VILLAGE", "effectiveDate", "2010-01-01")));
    }

    private static long cover(Agency agency, String writer, String commune, String unitId, String cellId) {
        return created(agency.membership.post("/organizations/" + commune + "/units/" + unitId + "/coverage", writer,
                Map.of("cellId", cellId, "effectiveDate", "2010-01-01")));
    }

    private static long created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return 1;
    }

    /**
     * The district's members from the paper register, as import lines: each cell's secretary and a few members, the
     * retired members living in the first and second villages, another of the second's, the fifth's only resident.
     */
    List<String> registerLines() {
        return registerLines;
    }

    private List<String> fromRegister() {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (String cell : cells) {
            lines.add(enrolment(secretaries.get(cell), cell, "1992-03-10", "MALE", null));
            for (int i = 0; i < 6; i++) {
                lines.add(enrolment(memberId(), cell, (1996 + i) + "-0" + (1 + i) + "-1" + i, ++n % 3 == 0
                        ? "FEMALE" : "MALE", null));
            }
        }
        lines.add(enrolment(retiredInFirstVillage, cells.get(0), "1988-05-19", "MALE", villages.get(0)));
        lines.add(enrolment(retiredInSecondVillage, cells.get(1), "1987-09-02", "FEMALE", villages.get(1)));
        lines.add(enrolment(memberId(), cells.get(1), "2001-11-07", "MALE", villages.get(1)));
        lines.add(enrolment(onlyResidentOfFifthVillage, cells.get(1), "2005-04-15", "MALE", villages.get(4)));
        return lines;
    }

    private static String enrolment(String memberId, String cell, String admittedOn, String sex, String residence) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("command", "enrol");
        line.put("memberId", memberId);
        line.put("person", person("Hoàng Văn " + memberId.substring(memberId.length() - 4),
                LocalDate.parse(admittedOn).minusYears(25).toString(), sex, residence));
        line.put("status", "OFFICIAL");
        line.put("cellId", cell);
        line.put("admittedOn", admittedOn);
        line.put("recognizedOn", LocalDate.parse(admittedOn).plusYears(1).toString());
        line.put("register", "Sổ đảng viên " + cell);
        return JSON.writeValueAsString(line);
    }

    private static Map<String, Object> person(String fullName, String birthDate, String sex, String residence) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("fullName", fullName);
        person.put("birthDate", birthDate);
        person.put("sex", sex);
        person.put("ethnicity", "Tày");
        person.put("education", "UPPER_SECONDARY");
        if (residence != null) {
            person.put("residenceUnitId", residence);
        }
        return person;
    }

    /** The reform for the district, effective 01/07/2025: its commune answers to the province, and it is dissolved. */
    long applyReform(Agency agency, String writer) {
        Http.Response moved = agency.membership.post("/organizations/" + commune + "/move", writer,
                Map.of("newParentId", province, "effectiveDate", "2025-07-01", "decisionNumber", "1656-NQ/UBTVQH15"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Http.Response dissolved = agency.membership.post("/organizations/" + district + "/dissolution", writer,
                Map.of("reason", "sắp xếp đơn vị hành chính, không tổ chức cấp huyện (QĐ 294-QĐ/TW)",
                        "effectiveDate", "2025-07-01", "decisionNumber", "1656-NQ/UBTVQH15"));
        assertThat(dissolved.status()).as(dissolved.body()).isEqualTo(200);
        return 2;
    }

    /**
     * After the reform, the agency enters the district's decisions from its paper registers: four admissions of 2023
     * and 2024, their swearings-in, three recognitions before the reform and a removal in 2024, each decided by the
     * dissolved district — accepted, as it stood on their dates. The fourth recognition, due in August 2025, named
     * for the district is refused (it no longer stood), and stands decided by the commune. The number of member
     * events this makes.
     */
    long enterLateHistory(Agency agency, String writer) {
        // cell, resolution, admission, ceremony, residence
        String[][] admissions = {
                {cells.get(1), "2023-02-20", "2023-03-13", "2023-03-20", villages.get(1)},
                {cells.get(0), "2023-05-22", "2023-06-12", "2023-06-19", null},
                {cells.get(2), "2024-01-15", "2024-02-05", "2024-02-26", villages.get(3)},
                {cells.get(1), "2024-07-22", "2024-08-12", "2024-08-19", null}};
        for (int i = 0; i < admissions.length; i++) {
            String[] a = admissions[i];
            String memberId = admitted.get(i);
            Map<String, Object> person = person("Lý Thị " + memberId.substring(memberId.length() - 4),
                    LocalDate.parse(a[1]).minusYears(22).toString(), i % 2 == 0 ? "FEMALE" : "MALE", a[4]);
            ok(agency.membership.post("/members/admissions", writer, ApiBodies.admission(memberId, person, a[0], a[1],
                    a[2], (300 + i) + "-QĐ/HU", district, secretaries.get(a[0]))), 201);
            ok(agency.membership.post("/members/" + memberId + "/swearing-in", writer, Map.of("ceremonyDate", a[3])),
                    200);
        }
        for (int i = 0; i < 3; i++) {
            ok(agency.membership.post("/members/" + admitted.get(i) + "/recognition", writer,
                    recognition(admissions[i][3], (400 + i) + "-QĐ/HU", district)), 200);
        }
        ok(agency.membership.post("/members/" + onlyResidentOfFifthVillage + "/removal", writer, Map.of(
                "ground", "ABSENT_OR_UNPAID_THREE_MONTHS", "cellResolutionDate", "2024-04-02",
                "decisionDate", "2024-04-15", "decisionNumber", "88-QĐ/HU", "decidingOrgId", district)), 200);

        String last = admitted.get(3);
        Http.Response refused = agency.membership.post("/members/" + last + "/recognition", writer,
                recognition(admissions[3][3], "403-QĐ/HU", district));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).isEqualTo(EXISTED_ON_DATE);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("decidingOrgId");
        assertThat(problem.get("errors").get(0).get("rule").asString()).isEqualTo("organization.existed-on-date");
        assertThat(problem.get("organization").get("dissolvedOn").asString()).isEqualTo("2025-07-01");
        assertThat(member(agency, writer, last).get("status").asString()).as("nothing stored for the refusal")
                .isEqualTo("PROBATIONARY");
        ok(agency.membership.post("/members/" + last + "/recognition", writer,
                recognition(admissions[3][3], "51-QĐ/ĐU", commune)), 200);

        List<String> touched = new ArrayList<>(admitted);
        touched.add(onlyResidentOfFifthVillage);
        // the removed member's enrolment was counted with the import
        return touched.stream().mapToLong(id -> member(agency, writer, id).get("version").asLong()).sum() - 1;
    }

    /** Recognised a year and a day after the ceremony by the cell, five days later by the committee. */
    private static Map<String, Object> recognition(String ceremony, String number, String decidingOrgId) {
        LocalDate resolved = LocalDate.parse(ceremony).plusYears(1).plusDays(1);
        return Map.of("cellResolutionDate", resolved.toString(), "decisionDate", resolved.plusDays(5).toString(),
                "decisionNumber", number, "decidingOrgId", decidingOrgId);
    }

    /**
     * Two retired members transferred to their place of residence in autumn 2025 by the commune: the first
     * village's only resident to the province's first commune, where the receipt gives a village no member lived
     * in; one of the second village's residents to the third cell, covering the third village, where none lived.
     * The number of member events this makes.
     */
    long transferToPlacesOfResidence(Agency agency, String writer) {
        long before = member(agency, writer, retiredInFirstVillage).get("version").asLong()
                + member(agency, writer, retiredInSecondVillage).get("version").asLong();
        transfer(agency, writer, retiredInFirstVillage, "RETIRED", otherCommune, otherCell, "2025-09-10",
                "2025-11-05", otherVillage);
        transfer(agency, writer, retiredInSecondVillage, "UNEMPLOYED", commune, cells.get(2), "2025-09-15",
                "2025-10-06", villages.get(2));
        return member(agency, writer, retiredInFirstVillage).get("version").asLong()
                + member(agency, writer, retiredInSecondVillage).get("version").asLong() - before;
    }

    private void transfer(Agency agency, String writer, String memberId, String circumstance, String toOrgId,
                          String toCellId, String decided, String received, String residence) {
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("kind", "TO_RESIDENCE");
        start.put("circumstance", circumstance);
        start.put("toOrgId", toOrgId);
        start.put("toCellId", toCellId);
        start.put("reason", "nghỉ hưu, về sinh hoạt nơi cư trú");
        start.put("decisionDate", decided);
        start.put("decisionNumber", "61-QĐ/ĐU");
        start.put("decidingOrgId", commune);
        ok(agency.membership.post("/members/" + memberId + "/transfers", writer, start), 200);
        ok(agency.membership.post("/members/" + memberId + "/transfers/receipt", writer, Map.of("cellId", toCellId,
                "receivedOn", received, "residenceUnitId", residence)), 200);
        assertThat(member(agency, writer, memberId).get("person").get("residenceUnitId").asString())
                .isEqualTo(residence);
    }

    private static JsonNode member(Agency agency, String writer, String memberId) {
        Http.Response member = agency.membership.get("/members/" + memberId, writer);
        assertThat(member.status()).as(member.body()).isEqualTo(200);
        return member.json();
    }

    private static void ok(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
