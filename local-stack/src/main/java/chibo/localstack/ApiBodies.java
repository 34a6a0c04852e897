package chibo.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the public APIs, as agency systems send them. */
public final class ApiBodies {

    private ApiBodies() {
    }

    /** {@code POST /organizations} on membership-service. */
    public static Map<String, Object> organization(String id, String name, String level, String parentId,
                                                   String effectiveDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("level", level);
        body.put("parentId", parentId);
        body.put("effectiveDate", effectiveDate);
        return body;
    }

    /**
     * {@code POST /members/admissions} on membership-service: the Youth Union committee and one official member
     * (who has known the applicant for years) introduce, 9 of 10 official members vote in favour, and the
     * awareness-course certificate is half a year old.
     */
    public static Map<String, Object> admission(String memberId, Map<String, Object> person, String cellId,
                                                String cellResolutionDate, String decisionDate,
                                                String decisionNumber, String decidingOrgId, String introducerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("person", person);
        body.put("cellId", cellId);
        body.put("cellResolutionDate", cellResolutionDate);
        body.put("vote", Map.of("officialMembers", 10, "temporarilyTransferredOut", 0, "exemptedAbsent", 0,
                "inFavour", 9));
        body.put("introducers", List.of(Map.of("memberId", introducerId, "workedWithSince", "2015-01-01")));
        body.put("youthUnionIntroduced", true);
        body.put("awarenessCertificate", Map.of("number", "NT-" + memberId,
                "issuedOn", java.time.LocalDate.parse(cellResolutionDate).minusMonths(6).toString()));
        body.put("decisionDate", decisionDate);
        body.put("decisionNumber", decisionNumber);
        body.put("decidingOrgId", decidingOrgId);
        return body;
    }

    /** {@code POST /members/enrolments} on membership-service: an official member taken over from a register. */
    public static Map<String, Object> enrolment(String memberId, String fullName, String cellId, String register) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("person", Map.of("fullName", fullName, "birthDate", "1968-08-19", "sex", "MALE",
                "ethnicity", "Tày", "education", "UPPER_SECONDARY"));
        body.put("status", "OFFICIAL");
        body.put("cellId", cellId);
        body.put("admittedOn", "1995-05-19");
        body.put("recognizedOn", "1996-05-19");
        body.put("register", register);
        return body;
    }

    /**
     * {@code POST /cells/{cellId}/meetings} on meeting-service: a meeting ({@code REGULAR}, {@code THEMATIC} or
     * {@code COMBINED}), as prepared as it gets, chaired by the first member present who also keeps the minutes.
     */
    public static Map<String, Object> meeting(String meetingId, String kind, String topic, String startedAt,
                                              String endedAt, List<Map<String, Object>> attendance) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (meetingId != null) {
            body.put("meetingId", meetingId);
        }
        body.put("kind", kind);
        body.put("topic", topic);
        body.put("startedAt", startedAt);
        body.put("endedAt", endedAt);
        String chair = attendance.stream().filter(a -> "PRESENT".equals(a.get("status")))
                .map(a -> (String) a.get("memberId")).findFirst().orElse(null);
        body.put("chairMemberId", chair);
        body.put("secretaryMemberId", chair);
        body.put("attendance", attendance);
        body.put("preparation", Map.of("contentBySecretary", true, "committeeMetBeforehand", true,
                "draftResolution", true));
        body.put("minutesComplete", true);
        return body;
    }
}
