package chibo.system;

import chibo.localstack.ApiClient;
import chibo.localstack.LocalStack;
import chibo.testsupport.Http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What agency systems and dashboards do against a running stack: get tokens from the real authorization server
 * for the demo clients, and call the services' public APIs.
 */
final class Agency {

    final Http membership;
    final Http meeting;
    final Http reporting;
    private final String authUrl;

    Agency(LocalStack stack) {
        membership = new Http(stack.url(LocalStack.MEMBERSHIP));
        meeting = new Http(stack.url(LocalStack.MEETING));
        reporting = new Http(stack.url(LocalStack.REPORTING));
        authUrl = stack.url(LocalStack.AUTH);
    }

    String centralWriter() {
        return ApiClient.token(authUrl, "central-agency", "central-secret");
    }

    String provinceWriter() {
        return ApiClient.token(authUrl, "province-agency", "province-secret");
    }

    String otherProvinceWriter() {
        return ApiClient.token(authUrl, "other-province-agency", "other-province-secret");
    }

    String provinceDashboard() {
        return ApiClient.token(authUrl, "province-dashboard", "province-dashboard-secret");
    }

    String nationalDashboard() {
        return ApiClient.token(authUrl, "dashboard", "dashboard-secret");
    }

    Http.Response register(String token, String id, String name, String level, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("level", level);
        body.put("parentId", parentId);
        body.put("effectiveDate", "2025-07-01");
        return membership.post("/organizations", token, body);
    }

    Http.Response admit(String token, String memberId, String cellId, String decidingOrgId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("person", Map.of("fullName", "Nông Văn " + memberId, "birthDate", "1996-06-15", "sex", "MALE",
                "ethnicity", "Tày", "education", "UNIVERSITY"));
        body.put("cellId", cellId);
        body.put("cellResolutionDate", "2025-09-01");
        body.put("vote", Map.of("officialMembers", 9, "temporarilyTransferredOut", 0, "exemptedAbsent", 0,
                "inFavour", 9));
        body.put("introducers", List.of());
        body.put("youthUnionIntroduced", true);
        body.put("decisionDate", "2025-09-15");
        body.put("decisionNumber", "77-QĐ/ĐU");
        body.put("decidingOrgId", decidingOrgId);
        return membership.post("/members/admissions", token, body);
    }

    Http.Response recordMeeting(String token, String cellId, List<String> present) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "REGULAR");
        body.put("topic", "Sinh hoạt tháng 10");
        body.put("startedAt", "2025-10-05T19:30:00");
        body.put("endedAt", "2025-10-05T21:10:00");
        body.put("attendance", present.stream().map(id -> Map.of("memberId", id, "status", "PRESENT")).toList());
        body.put("minutesComplete", true);
        return meeting.post("/cells/" + cellId + "/meetings", token, body);
    }

    long members(String token, String orgId) {
        Http.Response counts = reporting.get("/organizations/" + orgId + "/counts", token);
        return counts.status() == 200 ? counts.json().get("members").get("total").asLong() : -1;
    }
}
