package chibo.reporting.audit;

import chibo.platform.security.Roles;
import chibo.platform.web.Problems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reports as they were: figures from only what had been recorded by a moment, against the same figures today. */
@RestController
@PreAuthorize("hasAuthority('" + Roles.AUDITOR + "')")
class AsReportedController {

    private final AsReportedReports reports;
    private final AuditStore store;

    AsReportedController(AsReportedReports reports, AuditStore store) {
        this.reports = reports;
        this.store = store;
    }

    /**
     * @param on   the moment the report was made (ISO instant, e.g. {@code 2024-06-30T23:59:59Z}): only events
     *             recorded by then count
     * @param asOf the date the figures are for (default: the date of {@code on}, UTC): only events in effect by
     *             then count, and the flows are those of its year up to it
     */
    @GetMapping("/audit/organizations/{orgId}/as-reported")
    AsReportedReports.AsReported asReported(@PathVariable String orgId, @RequestParam(required = false) String on,
                                            @RequestParam(required = false) String asOf) {
        if (on == null) {
            throw Problems.invalid("on", "required", "name the moment of the report, e.g. 2024-06-30T23:59:59Z");
        }
        Instant moment = instant(on);
        LocalDate date = asOf == null ? LocalDate.ofInstant(moment, ZoneOffset.UTC) : HistoryFilter.date(asOf, "asOf");
        if (store.org(orgId).isEmpty()) {
            throw Problems.notFound("organisation", orgId);
        }
        return reports.report(orgId, moment, date);
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalid("on", "iso-instant", "'" + text + "' is not a moment like 2024-06-30T23:59:59Z");
        }
    }
}
