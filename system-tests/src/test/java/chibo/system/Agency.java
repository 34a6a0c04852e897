package chibo.system;

import chibo.localstack.ApiBodies;
import chibo.localstack.ApiClient;
import chibo.localstack.LocalStack;
import chibo.testsupport.Http;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        this(stack, 0);
    }

    /** An agency whose calls go to the {@code instance}th instance (from 0) of each service. */
    Agency(LocalStack stack, int instance) {
        membership = new Http(stack.urls(LocalStack.MEMBERSHIP).get(instance));
        meeting = new Http(stack.urls(LocalStack.MEETING).get(instance));
        reporting = new Http(stack.urls(LocalStack.REPORTING).get(instance));
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

    String auditor() {
        return ApiClient.token(authUrl, "auditor", "auditor-secret");
    }

    String dataProtection() {
        return ApiClient.token(authUrl, "data-protection", "data-protection-secret");
    }

    String operator() {
        return ApiClient.token(authUrl, "operator", "operator-secret");
    }

    Http.Response register(String token, String id, String name, String level, String parentId) {
        return membership.post("/organizations", token,
                ApiBodies.organization(id, name, level, parentId, "2025-07-01"));
    }

    /** Admits a member into the cell, introduced by its secretary (enrolled from the register first if needed). */
    Http.Response admit(String token, String memberId, String cellId, String decidingOrgId) {
        String secretary = cellId + "-BT";
        if (membership.get("/members/" + secretary, token).status() == 404) {
            Http.Response enrolled = membership.post("/members/enrolments", token,
                    ApiBodies.enrolment(secretary, "Ma Văn Sình", cellId, "Sổ đảng viên " + cellId));
            if (enrolled.status() != 201) {
                return enrolled;
            }
        }
        Map<String, Object> person = Map.of("fullName", "Nông Văn " + memberId, "birthDate", "2000-06-15",
                "sex", "MALE", "ethnicity", "Tày", "education", "UNIVERSITY");
        return membership.post("/members/admissions", token, ApiBodies.admission(memberId, person, cellId,
                "2025-09-01", "2025-09-15", "77-QĐ/ĐU", decidingOrgId, secretary));
    }

    /** Records the cell's October 2025 meeting with its secretary and the members given present. */
    Http.Response recordMeeting(String token, String cellId, List<String> present) {
        List<Map<String, Object>> attendance = Stream.concat(Stream.of(cellId + "-BT"),
                        present.stream())
                .<Map<String, Object>>map(id -> Map.of("memberId", id, "status", "PRESENT")).toList();
        return meeting.post("/cells/" + cellId + "/meetings", token, ApiBodies.meeting(null, "REGULAR",
                "Sinh hoạt tháng 10", "2025-10-05T19:30:00", "2025-10-05T21:10:00", attendance));
    }

    long members(String token, String orgId) {
        Http.Response counts = reporting.get("/organizations/" + orgId + "/counts", token);
        return counts.status() == 200 ? counts.json().get("members").get("total").asLong() : -1;
    }
}
