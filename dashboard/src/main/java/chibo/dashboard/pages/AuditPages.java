package chibo.dashboard.pages;

import chibo.dashboard.DashboardProperties;
import chibo.dashboard.figures.AsReported;
import chibo.dashboard.figures.AuditTrail;
import chibo.dashboard.figures.ChainVerification;
import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.History;
import chibo.dashboard.figures.IssuedFile;
import chibo.dashboard.figures.Reporting;
import chibo.dashboard.login.Reader;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * For auditors: a member's or an organisation's history as a timeline, under the verdict on its hash chains, both
 * from reporting-service's archive and read with the auditor's own token (reporting refuses anyone else, and writes
 * every read to its access log with the purpose the auditor gave).
 */
@Controller
class AuditPages {

    /** An id as agencies choose them: 1–64 letters, digits, {@code .}, {@code _} or {@code -}, from a letter or digit. */
    static final Pattern ID = Pattern.compile("[\\p{Alnum}][\\p{Alnum}._-]{0,63}");

    private final AuditTrail audit;
    private final Reporting reporting;
    private final DashboardProperties properties;

    AuditPages(AuditTrail audit, Reporting reporting, DashboardProperties properties) {
        this.audit = audit;
        this.reporting = reporting;
        this.properties = properties;
    }

    @GetMapping("/audit")
    String search() {
        return "audit-search";
    }

    /** The search box: to the member's (or organisation's) history, or back to the box saying what is wrong. */
    @GetMapping("/audit/find")
    String find(@RequestParam(defaultValue = "") String memberId, @RequestParam(defaultValue = "") String orgId,
                @RequestParam(defaultValue = "") String purpose, Model model, HttpServletResponse response) {
        String member = memberId.strip();
        String org = orgId.strip();
        String wanted = member.isEmpty() ? org : member;
        if (wanted.isEmpty() || !ID.matcher(wanted).matches()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("badId", wanted);
            model.addAttribute("memberId", member);
            model.addAttribute("orgId", org);
            model.addAttribute("purpose", purpose);
            return "audit-search";
        }
        UriComponentsBuilder target = UriComponentsBuilder
                .fromPath(member.isEmpty() ? "/audit/organisations/{id}" : "/audit/members/{id}");
        if (!purpose.isBlank()) {
            target.queryParam("purpose", purpose.strip());
        }
        return "redirect:" + target.encode().buildAndExpand(wanted).toUriString();
    }

    @GetMapping("/audit/members/{memberId}")
    String member(@PathVariable String memberId, @RequestParam(required = false) String cursor,
                  @RequestParam(required = false) String purpose,
                  @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client, Model model) {
        String token = client.getAccessToken().getTokenValue();
        try {
            show(model, memberId, purpose, audit.verification(token, memberId, purpose),
                    audit.memberHistory(token, memberId, cursor, purpose));
        } catch (FiguresRefused refused) {
            throw refused.about("member");
        }
        return "member-history";
    }

    /**
     * The member's history as a file reporting-service issues and registers, passed on byte for byte with its digest,
     * so that the copy an auditor prints or forwards can be checked against the register.
     */
    @GetMapping("/audit/members/{memberId}/history.csv")
    ResponseEntity<byte[]> memberFile(@PathVariable String memberId, @RequestParam(required = false) String purpose,
                                      @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client) {
        IssuedFile file;
        try {
            file = audit.memberHistoryFile(client.getAccessToken().getTokenValue(), memberId, purpose);
        } catch (FiguresRefused refused) {
            throw refused.about("member");
        }
        ResponseEntity.BodyBuilder answer = Downloads.attachment(
                file.filename() != null ? file.filename() : "lich-su-dang-vien.csv", Downloads.CSV);
        if (file.reprDigest() != null) {
            answer.header(IssuedFile.REPR_DIGEST, file.reprDigest());
        }
        return answer.body(file.bytes());
    }

    @GetMapping("/audit/organisations/{orgId}")
    String organisation(@PathVariable String orgId, @RequestParam(required = false) String cursor,
                        @RequestParam(required = false) String purpose,
                        @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client, Model model) {
        String token = client.getAccessToken().getTokenValue();
        show(model, orgId, purpose, audit.verification(token, orgId, purpose),
                audit.organisationHistory(token, orgId, cursor, purpose));
        return "organisation-history";
    }

    /**
     * "The report as it was on T": the organisation's figures replayed from only what had been recorded by the end
     * of day T (in the dashboard's time zone), beside the same figures today, then its whole summary both ways
     * (when it had been registered by then). Without T, only the form.
     */
    @GetMapping("/audit/organisations/{orgId}/as-reported")
    String asReported(@PathVariable String orgId, @RequestParam(defaultValue = "") String on,
                      @RequestParam(defaultValue = "") String asOf,
                      @RegisteredOAuth2AuthorizedClient("chibo") OAuth2AuthorizedClient client,
                      @AuthenticationPrincipal OidcUser user, Model model, HttpServletResponse response) {
        if (!Reader.of(user).audits()) {
            throw new FiguresRefused(HttpServletResponse.SC_FORBIDDEN, orgId,
                    "only auditors read reports as they were");
        }
        String token = client.getAccessToken().getTokenValue();
        model.addAttribute("org", reporting.headline(token, orgId));
        model.addAttribute("on", on.strip());
        model.addAttribute("asOf", asOf.strip());
        if (on.isBlank()) {
            return "as-reported";
        }
        Optional<LocalDate> reportedOn = date(on);
        Optional<LocalDate> figuresAt = asOf.isBlank() ? reportedOn : date(asOf);
        if (reportedOn.isEmpty() || figuresAt.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("badDate", reportedOn.isEmpty() ? "on" : "asOf");
            return "as-reported";
        }
        ZoneId zone = ZoneId.of(properties.zone());
        Instant endOfDay = reportedOn.get().plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
        AsReported report = audit.asReported(token, orgId, endOfDay, figuresAt.get());
        model.addAttribute("report", report);
        if (report.summaryAsReported() != null && report.summaryNow() != null) {
            model.addAttribute("comparison", SummaryComparison.of(report.summaryAsReported(), report.summaryNow()));
        }
        return "as-reported";
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static void show(Model model, String subject, String purpose, ChainVerification verification,
                             History history) {
        model.addAttribute("subject", subject);
        model.addAttribute("purpose", purpose);
        model.addAttribute("verification", verification);
        model.addAttribute("history", history);
    }
}
