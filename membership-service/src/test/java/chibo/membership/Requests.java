package chibo.membership;

import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Builders of request bodies, and a small organisation tree to act in. */
final class Requests {

    private Requests() {
    }

    /** A JSON object from keys and values in turn, in that order. */
    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** A decision's body: its date (also its number's), the deciding organisation, and the fields given. */
    static Map<String, Object> decision(String date, String decidingOrgId, Object... more) {
        Map<String, Object> body = map(more);
        body.put("decisionDate", date);
        body.put("decisionNumber", "QĐ-" + date);
        body.put("decidingOrgId", decidingOrgId);
        return body;
    }

    /**
     * A readmission of {@code earlier} (let go at their request for exceptional family hardship) as
     * {@code memberId} into the tree's cell, decided by the province on 15/09/2025.
     */
    static Map<String, Object> readmission(Tree tree, String memberId, String earlier) {
        return decision("2025-09-15", tree.province(), "memberId", memberId, "previousMemberId", earlier,
                "cellId", tree.cell(),
                "person", map("fullName", "Ma Văn Sình", "birthDate", "1970-02-03", "sex", "MALE", "ethnicity", "Tày",
                        "education", "UPPER_SECONDARY"),
                "cellResolutionDate", "2025-09-01",
                "vote", map("officialMembers", 10, "temporarilyTransferredOut", 0, "exemptedAbsent", 0, "inFavour", 9),
                "introducers", List.of(map("memberId", tree.introducer(), "workedWithSince", "2022-01-01"),
                        map("memberId", tree.secondIntroducer(), "workedWithSince", "2022-01-01")),
                "provincialConsentNumber", "12-CV/TU",
                "declarations", map("leftForExceptionalFamilyHardship", true));
    }

    static Map<String, Object> organization(String id, String name, String level, String parentId) {
        return organization(id, name, level, parentId, "2025-08-01");
    }

    /** An organisation's founding on {@code foundedOn}. */
    static Map<String, Object> organization(String id, String name, String level, String parentId,
                                            String foundedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("level", level);
        body.put("parentId", parentId);
        body.put("effectiveDate", foundedOn);
        return body;
    }

    /** An official member taken over from the register, admitted in 2015 and recognised in 2016. */
    static Map<String, Object> enrolment(String memberId, String cellId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("person", Map.of("fullName", "Ma Văn Sình", "birthDate", "1970-02-03", "sex", "MALE",
                "ethnicity", "Tày", "education", "UPPER_SECONDARY"));
        body.put("status", "OFFICIAL");
        body.put("cellId", cellId);
        body.put("admittedOn", "2015-05-19");
        body.put("recognizedOn", "2016-05-19");
        body.put("partyCardNumber", "TQ-" + memberId);
        body.put("register", "Sổ đảng viên 2015");
        return body;
    }

    /**
     * A fresh tree for one test: a central root, a province, a commune committee, a grassroots committee and
     * two cells, founded in 1930, with unique ids so tests never collide.
     */
    record Tree(String central, String province, String commune, String grassroots, String cell, String otherCell,
                String introducer, String secondIntroducer) {

        /**
         * The tree's organisations stand from the Party's founding day, so that every decision a test dates (the
         * calendar reaches back to 1930) finds them standing.
         */
        static final String FOUNDED = "1930-02-03";

        static Tree create(Http http) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            Tree tree = new Tree("TW-" + suffix, "TQ-" + suffix, "TQ-XA-" + suffix, "TQ-CS-" + suffix,
                    "TQ-CB1-" + suffix, "TQ-CB2-" + suffix, "intro-a-" + suffix, "intro-b-" + suffix);
            String root = TestTokens.writer(tree.central());
            created(http.post("/organizations", root,
                    organization(tree.central(), "Trung ương", "CENTRAL", null, FOUNDED)));
            created(http.post("/organizations", root,
                    organization(tree.province(), "Tỉnh ủy Tuyên Quang", "PROVINCE", tree.central(), FOUNDED)));
            created(http.post("/organizations", root,
                    organization(tree.commune(), "Đảng ủy xã Minh Quang", "COMMUNE", tree.province(), FOUNDED)));
            created(http.post("/organizations", root,
                    organization(tree.grassroots(), "Đảng bộ xã Minh Quang", "GRASSROOTS", tree.commune(),
                            FOUNDED)));
            created(http.post("/organizations", root,
                    organization(tree.cell(), "Chi bộ thôn Nà Tông", "CELL", tree.grassroots(), FOUNDED)));
            created(http.post("/organizations", root,
                    organization(tree.otherCell(), "Chi bộ thôn Khuổi Xoan", "CELL", tree.grassroots(), FOUNDED)));
            created(http.post("/members/enrolments", root, enrolment(tree.introducer(), tree.cell())));
            created(http.post("/members/enrolments", root, enrolment(tree.secondIntroducer(), tree.cell())));
            return tree;
        }

        /** An admission into the tree's cell by the grassroots committee, introduced by the cell's two officials. */
        AdmissionBuilder admission() {
            return new AdmissionBuilder(cell, grassroots, introducer, secondIntroducer);
        }

        /**
         * As {@link #admission()}, with every date in {@code year}'s era: resolved on 3 March, decided on 20 March,
         * certificate of the year before, introducers since two years before, born 25 years before (at the latest
         * in 2000, so that the birth date is past).
         */
        AdmissionBuilder admissionIn(int year) {
            return admission()
                    .personWith("birthDate", Math.min(year - 25, 2000) + "-04-12")
                    .with("cellResolutionDate", year + "-03-03")
                    .with("decisionDate", year + "-03-20")
                    .with("awarenessCertificate", Map.of("number", "NT-" + year, "issuedOn", (year - 1) + "-05-02"))
                    .with("introducers", List.of(
                            Map.of("memberId", introducer, "workedWithSince", (year - 2) + "-01-10"),
                            Map.of("memberId", secondIntroducer, "workedWithSince", (year - 2) + "-06-01")));
        }

        /**
         * Two introducers who were official members by March of {@code year} (the tree's own joined in 2015):
         * enrolled from a register as admitted on 2 January and recognised on 1 February of that year.
         */
        List<Map<String, Object>> introducersOfficialIn(Http http, int year) {
            List<Map<String, Object>> introducers = new ArrayList<>();
            for (String name : new String[]{"elder-a-" + year + "-", "elder-b-" + year + "-"}) {
                String memberId = name + cell;
                Map<String, Object> enrolment = enrolment(memberId, cell);
                enrolment.put("person", Map.of("fullName", "Hoàng Văn Thụ", "birthDate", (year - 30) + "-02-03",
                        "sex", "MALE", "ethnicity", "Tày", "education", "LOWER_SECONDARY"));
                enrolment.put("admittedOn", year + "-01-02");
                enrolment.put("recognizedOn", year + "-02-01");
                created(http.post("/members/enrolments", provinceWriter(), enrolment));
                introducers.add(Map.of("memberId", memberId, "workedWithSince", (year - 2) + "-01-10"));
            }
            return introducers;
        }

        String provinceWriter() {
            return TestTokens.writer(province);
        }
    }

    static Http.Response created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    static final class AdmissionBuilder {
        private final Map<String, Object> body = new LinkedHashMap<>();
        private final Map<String, Object> person = new LinkedHashMap<>();

        private AdmissionBuilder(String cellId, String decidingOrgId, String introducer, String secondIntroducer) {
            person.put("fullName", "Hoàng Thị Mai");
            person.put("birthDate", "1998-04-12");
            person.put("sex", "FEMALE");
            person.put("ethnicity", "Tày");
            person.put("education", "UNIVERSITY");
            body.put("person", person);
            body.put("cellId", cellId);
            body.put("cellResolutionDate", "2025-09-02");
            body.put("vote", Map.of("officialMembers", 12, "temporarilyTransferredOut", 1, "exemptedAbsent", 0,
                    "inFavour", 11));
            body.put("introducers", List.of(
                    Map.of("memberId", introducer, "workedWithSince", "2023-01-10"),
                    Map.of("memberId", secondIntroducer, "workedWithSince", "2022-06-01")));
            body.put("youthUnionIntroduced", false);
            body.put("awarenessCertificate", Map.of("number", "NT-115", "issuedOn", "2024-05-02"));
            body.put("decisionDate", "2025-09-20");
            body.put("decisionNumber", "115-QĐ/ĐU");
            body.put("decidingOrgId", decidingOrgId);
        }

        AdmissionBuilder memberId(String id) {
            body.put("memberId", id);
            return this;
        }

        AdmissionBuilder with(String field, Object value) {
            body.put(field, value);
            return this;
        }

        AdmissionBuilder without(String field) {
            body.remove(field);
            return this;
        }

        AdmissionBuilder personWith(String field, Object value) {
            person.put(field, value);
            return this;
        }

        AdmissionBuilder personWithout(String field) {
            person.remove(field);
            return this;
        }

        Map<String, Object> build() {
            Map<String, Object> copy = new LinkedHashMap<>(body);
            copy.put("person", new LinkedHashMap<>(person));
            copy.computeIfPresent("introducers", (k, v) -> new ArrayList<>((List<?>) v));
            return copy;
        }
    }
}
