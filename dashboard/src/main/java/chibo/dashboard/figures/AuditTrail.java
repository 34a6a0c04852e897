package chibo.dashboard.figures;

import chibo.dashboard.DashboardProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * reporting-service's archive, for auditors: a member's or an organisation's history and whether their hash chains
 * hold, read with the auditor's own token. Each read names a person, so reporting writes it to its access log,
 * with the purpose the auditor gave when they gave one.
 */
@Component
public class AuditTrail {

    /** Events per page: a member's whole history is rarely longer; reporting allows at most 500. */
    static final int PAGE = 100;

    private final RestClient http;

    public AuditTrail(RestClient.Builder builder, DashboardProperties properties) {
        this.http = builder.baseUrl(properties.reportingUrl()).build();
    }

    /** The member's events in the order they were recorded, from {@code cursor} on (the first page without one). */
    public History memberHistory(String token, String memberId, String cursor, String purpose) {
        return get(token, memberId, purpose, http.get().uri(uri -> uri.path("/audit/members/{memberId}/history")
                .queryParam("size", PAGE).queryParamIfPresent("cursor", Optional.ofNullable(cursor))
                .build(memberId)), History.class);
    }

    /** The organisation's own events and its subtree's, by effective date, from {@code cursor} on. */
    public History organisationHistory(String token, String orgId, String cursor, String purpose) {
        return get(token, orgId, purpose, http.get().uri(uri -> uri.path("/audit/organizations/{orgId}/history")
                .queryParam("subtree", true).queryParam("size", PAGE)
                .queryParamIfPresent("cursor", Optional.ofNullable(cursor)).build(orgId)), History.class);
    }

    /**
     * The member's history as reporting-service issues it — a file whose SHA-256 it keeps in its register of issued
     * reports — byte for byte, with that digest ({@code Repr-Digest}) and the file's name.
     */
    public IssuedFile memberHistoryFile(String token, String memberId, String purpose) {
        RestClient.RequestHeadersSpec<?> request = http.get().uri(uri -> uri
                .path("/audit/members/{memberId}/history.csv").build(memberId));
        if (purpose != null && !purpose.isBlank()) {
            request.header(ServiceCalls.PURPOSE, ServiceCalls.purpose(purpose));
        }
        return ServiceCalls.exchange("reporting-service", token, memberId, request, answer -> {
            var entity = answer.toEntity(byte[].class);
            return new IssuedFile(entity.getBody() == null ? new byte[0] : entity.getBody(),
                    entity.getHeaders().getFirst(IssuedFile.REPR_DIGEST),
                    entity.getHeaders().getContentDisposition().getFilename());
        });
    }

    /** Each hash chain of the member or organisation: verified through which seq, or its first broken link. */
    public ChainVerification verification(String token, String subjectId, String purpose) {
        return get(token, subjectId, purpose, http.get().uri(uri -> uri
                .path("/audit/subjects/{subjectId}/verification").build(subjectId)), ChainVerification.class);
    }

    /**
     * The organisation's report as it was at the moment {@code on}: its figures at {@code asOf} from only the events
     * recorded by then, beside the same figures today.
     */
    public AsReported asReported(String token, String orgId, Instant on, LocalDate asOf) {
        return get(token, orgId, null, http.get().uri(uri -> uri.path("/audit/organizations/{orgId}/as-reported")
                .queryParam("on", on.toString()).queryParam("asOf", asOf).build(orgId)), AsReported.class);
    }

    private <T> T get(String token, String subject, String purpose, RestClient.RequestHeadersSpec<?> request,
                      Class<T> type) {
        if (purpose != null && !purpose.isBlank()) {
            request.header(ServiceCalls.PURPOSE, ServiceCalls.purpose(purpose));
        }
        return ServiceCalls.exchange("reporting-service", token, subject, request, answer -> answer.body(type));
    }
}
