package chibo.reporting.audit;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventPayload;
import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.RemovalGround;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.reporting.ReportingComponentTest;
import chibo.testsupport.Http;
import chibo.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static chibo.reporting.audit.MemberHistory.admittedTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "What did the report say on 30/06/2024 about 2023": only what had been recorded by then, against the same figures
 * from everything recorded since — backdated decisions recorded later make the difference, and are named.
 */
class AsReportedTest extends ReportingComponentTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String ON = "2024-06-30T23:59:59Z";

    private final SealedEvents events = new SealedEvents("/chibo/membership-service");
    private final String auditor = TestTokens.auditor();
    private String province;
    private String cell;
    private EventEnvelope expulsion;
    private EventEnvelope appeal;

    private EventEnvelope send(String subject, String effectiveDate, String recordedAt, EventPayload payload) {
        EventEnvelope event = events.next(subject, LocalDate.parse(effectiveDate), cell, "QĐ-" + effectiveDate,
                Instant.parse(recordedAt), payload);
        publisher.send(event);
        return event;
    }

    @BeforeEach
    void membersWithDecisionsRecordedLate() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        province = "RP-" + suffix;
        String commune = "RX-" + suffix;
        cell = "RC-" + suffix;
        String founded = "2015-01-01T00:00:00Z";
        send(province, "2015-01-01", founded, new OrganizationRegistered("Tỉnh ủy", OrgLevel.PROVINCE, null));
        send(commune, "2015-01-01", founded, new OrganizationRegistered("Đảng bộ xã", OrgLevel.COMMUNE, province));
        send(cell, "2015-01-01", founded, new OrganizationRegistered("Chi bộ", OrgLevel.CELL, commune));

        // official since early 2023; expelled in November 2023, but the decision was recorded only in August 2024
        String official = "ro-" + suffix;
        send(official, "2022-01-10", "2022-01-15T03:00:00Z", admittedTo(cell));
        send(official, "2023-01-10", "2023-01-20T03:00:00Z", new MemberRecognized(LocalDate.parse("2023-01-10"),
                null, "R-1"));
        expulsion = send(official, "2023-11-20", "2024-08-01T03:00:00Z", new MemberExpelled("vi phạm"));

        // admitted and removed in 2023; the appeal upheld in October 2023 was recorded only in September 2024
        String appealing = "ra-" + suffix;
        send(appealing, "2023-03-01", "2023-03-05T03:00:00Z", admittedTo(cell));
        EventEnvelope removal = send(appealing, "2023-09-01", "2023-09-10T03:00:00Z",
                new MemberRemoved(RemovalGround.NO_PROGRESS_AFTER_HELP, null, null));
        appeal = send(appealing, "2023-10-15", "2024-09-01T03:00:00Z", new MemberCorrected(removal.id(),
                removal.seq(), removal.type(), CorrectionKind.APPEAL_UPHELD, "kháng nghị được chấp nhận"));

        // admitted in 2024: in no figure as of the end of 2023
        send("rn-" + suffix, "2024-02-01", "2024-02-02T03:00:00Z", admittedTo(cell));

        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(http.get("/audit/organizations/"
                + province + "/history?subtree=true&type=member.admitted.v1,member.expelled.v1,member.corrected.v1",
                auditor).json().get("items")).hasSize(5));
    }

    private Http.Response asReported(String query) {
        return http.get("/audit/organizations/" + province + "/as-reported" + query, auditor);
    }

    @Test
    void the_report_as_made_differs_from_todays_and_the_late_decisions_are_named() {
        Http.Response response = asReported("?on=" + ON + "&asOf=2023-12-31");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();

        assertThat(report.get("period").get("from").asString()).isEqualTo("2023-01-01");
        JsonNode then = report.get("asReported");
        assertThat(then.get("members").get("total").asLong()).isEqualTo(1);
        assertThat(then.get("members").get("official").asLong()).isEqualTo(1);
        assertThat(then.get("members").get("probationary").asLong()).isZero();
        assertThat(then.get("flows").get("admitted").asLong()).isEqualTo(1);
        assertThat(then.get("flows").get("recognized").asLong()).isEqualTo(1);
        assertThat(then.get("flows").get("removed").asLong()).isEqualTo(1);
        assertThat(then.get("flows").has("expelled")).isFalse();

        JsonNode now = report.get("now");
        assertThat(now.get("members").get("total").asLong()).isEqualTo(1);
        assertThat(now.get("members").get("official").asLong()).isZero();
        assertThat(now.get("members").get("probationary").asLong()).isEqualTo(1);
        assertThat(now.get("flows").get("expelled").asLong()).isEqualTo(1);
        assertThat(now.get("flows").has("removed")).isFalse();

        JsonNode difference = report.get("difference");
        assertThat(difference.get("members.official").asLong()).isEqualTo(-1);
        assertThat(difference.get("members.probationary").asLong()).isEqualTo(1);
        assertThat(difference.get("flows.expelled").asLong()).isEqualTo(1);
        assertThat(difference.get("flows.removed").asLong()).isEqualTo(-1);
        assertThat(difference.has("members.total")).isFalse();

        List<String> changedBy = new ArrayList<>();
        report.get("changedBy").forEach(event -> changedBy.add(event.get("id").asString()));
        assertThat(changedBy).containsExactly(expulsion.id().toString(), appeal.id().toString());
        JsonNode first = report.get("changedBy").get(0);
        assertThat(first.get("type").asString()).isEqualTo("member.expelled.v1");
        assertThat(first.get("effectiveDate").asString()).isEqualTo("2023-11-20");
        assertThat(first.get("recordedAt").asString()).startsWith("2024-08-01T03:00");
        assertThat(first.get("subject").asString()).isEqualTo(expulsion.subject());
    }

    @Test
    void the_whole_summary_as_reported_is_folded_from_what_had_been_recorded_by_then() {
        JsonNode report = asReported("?on=" + ON + "&asOf=2023-12-31").json();

        JsonNode then = report.get("summaryAsReported");
        assertThat(then.get("stockAt").asString()).isEqualTo("2023-12-31");
        assertThat(then.get("members").get("total").asLong()).isEqualTo(1);
        assertThat(then.get("members").get("official").asLong()).isEqualTo(1);
        assertThat(then.get("members").get("women").asLong()).isEqualTo(1);
        assertThat(then.get("members").get("ethnicMinority").asLong()).isEqualTo(1);
        assertThat(then.get("byEthnicity").get("tày").asLong()).isEqualTo(1);
        assertThat(then.get("cells").asLong()).isEqualTo(1);
        assertThat(then.get("flows").get("removed").asLong()).isEqualTo(1);
        assertThat(then.get("flows").has("expelled")).isFalse();

        JsonNode now = report.get("summaryNow");
        assertThat(now.get("members").get("total").asLong()).isEqualTo(1);
        assertThat(now.get("members").get("official").asLong()).isZero();
        assertThat(now.get("members").get("probationary").asLong()).isEqualTo(1);
        assertThat(now.get("flows").get("expelled").asLong()).isEqualTo(1);
        assertThat(now.get("flows").has("removed")).isFalse();
        assertThat(now.get("cells").asLong()).isEqualTo(1);
    }

    @Test
    void the_whole_summary_is_at_the_end_of_the_month_the_date_falls_in() {
        JsonNode report = asReported("?on=" + ON).json();

        assertThat(report.get("summaryAsReported").get("stockAt").asString()).isEqualTo("2024-06-30");
        assertThat(report.get("summaryAsReported").get("members").get("official").asLong()).isEqualTo(1);
        JsonNode midMonth = asReported("?on=" + ON + "&asOf=2024-02-10").json();
        assertThat(midMonth.get("summaryAsReported").get("stockAt").asString()).isEqualTo("2024-02-29");
        assertThat(midMonth.get("summaryNow").get("members").get("probationary").asLong()).isEqualTo(2);
    }

    @Test
    void a_report_made_before_the_organisation_was_recorded_has_no_summary() {
        JsonNode report = asReported("?on=2014-12-31T00:00:00Z&asOf=2014-12-31").json();

        JsonNode then = report.path("summaryAsReported");
        assertThat(then.isNull() || then.isMissingNode()).as(report.toString()).isTrue();
        assertThat(report.get("summaryNow").get("members").get("total").asLong()).isZero();
    }

    @Test
    void a_report_made_after_every_decision_was_recorded_is_todays() {
        JsonNode report = asReported("?on=2025-01-01T00:00:00Z&asOf=2023-12-31").json();

        assertThat(report.get("asReported")).isEqualTo(report.get("now"));
        assertThat(report.get("summaryAsReported").get("members")).isEqualTo(report.get("summaryNow").get("members"));
        assertThat(report.get("summaryAsReported").get("flows")).isEqualTo(report.get("summaryNow").get("flows"));
        assertThat(report.get("changedBy")).isEmpty();
        assertThat(report.get("difference").isEmpty()).isTrue();
    }

    @Test
    void without_as_of_the_figures_are_for_the_day_of_the_report() {
        JsonNode report = asReported("?on=" + ON).json();

        assertThat(report.get("asOf").asString()).isEqualTo("2024-06-30");
        assertThat(report.get("period").get("from").asString()).isEqualTo("2024-01-01");
        JsonNode then = report.get("asReported").get("members");
        assertThat(then.get("official").asLong()).isEqualTo(1);
        assertThat(then.get("probationary").asLong()).isEqualTo(1);
        JsonNode now = report.get("now").get("members");
        assertThat(now.get("official").asLong()).isZero();
        assertThat(now.get("probationary").asLong()).isEqualTo(2);
        assertThat(report.get("asReported").get("flows").get("admitted").asLong()).isEqualTo(1);
        assertThat(report.get("now").get("flows").get("admitted").asLong()).isEqualTo(1);
    }

    @Test
    void bad_parameters_are_refused_naming_the_field() {
        assertField(asReported(""), "on");
        assertField(asReported("?on=yesterday"), "on");
        assertField(asReported("?on=" + ON + "&asOf=31-12-2023"), "asOf");
        assertThat(http.get("/audit/organizations/nowhere-" + province + "/as-reported?on=" + ON, auditor).status())
                .isEqualTo(404);
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
