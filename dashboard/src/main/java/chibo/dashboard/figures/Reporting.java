package chibo.dashboard.figures;

import chibo.dashboard.DashboardProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * reporting-service, read with the reader's own access token: the service keeps each reader inside their subtree,
 * so the dashboard never decides what a reader may see.
 */
@Component
public class Reporting {

    private final RestClient http;

    public Reporting(RestClient.Builder builder, DashboardProperties properties) {
        this.http = builder.baseUrl(properties.reportingUrl()).build();
    }

    /** The summary now, or at {@code asOf} (a month's last day) when given. */
    public Answer<Summary> summary(String token, String orgId, LocalDate asOf) {
        return read(token, orgId, Summary.class, uri -> uri.path("/organizations/{orgId}/summary")
                .queryParamIfPresent("asOf", java.util.Optional.ofNullable(asOf)).build(orgId));
    }

    /** The children side by side: members now or at {@code asOf}, flows of this year. */
    public Answer<Comparison> children(String token, String orgId, LocalDate asOf) {
        return read(token, orgId, Comparison.class, uri -> uri.path("/organizations/{orgId}/children")
                .queryParamIfPresent("asOf", java.util.Optional.ofNullable(asOf)).build(orgId));
    }

    /** One figure month by month over {@code from}–{@code to}. */
    public Answer<Series> series(String token, String orgId, String metric, java.time.YearMonth from,
                                 java.time.YearMonth to) {
        return read(token, orgId, Series.class, uri -> uri.path("/organizations/{orgId}/series")
                .queryParam("metric", metric).queryParam("from", from).queryParam("to", to).build(orgId));
    }

    /** The versions of the figures, for auditors and operators. */
    public ProjectionVersions projections(String token) {
        return read(token, "projections", ProjectionVersions.class, uri -> uri.path("/projections").build())
                .figures();
    }

    /** Starts a rebuild of every figure into a new version (the operator's); a refusal names why. */
    public void rebuild(String token, String version) {
        try {
            http.post().uri("/projections/rebuilds").headers(headers -> headers.setBearerAuth(token))
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body(java.util.Map.of("version", version))
                    .retrieve()
                    .onStatus(HttpStatusCode::is4xxClientError, (request, refused) -> {
                        throw new FiguresRefused(refused.getStatusCode().value(), "projections",
                                new String(refused.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    })
                    .toBodilessEntity();
        } catch (FiguresRefused refused) {
            throw refused;
        } catch (RestClientResponseException e) {
            throw new FiguresUnavailable("reporting-service answered " + e.getStatusCode(), e);
        } catch (RestClientException e) {
            throw new FiguresUnavailable("reporting-service did not answer", e);
        }
    }

    public OrgHeadline headline(String token, String orgId) {
        return read(token, orgId, OrgHeadline.class, uri -> uri.path("/organizations/{orgId}/counts").build(orgId))
                .figures();
    }

    private <T> Answer<T> read(String token, String orgId, Class<T> type,
                               Function<org.springframework.web.util.UriBuilder, java.net.URI> uri) {
        try {
            ResponseEntity<T> response = http.get().uri(uri).headers(headers -> headers.setBearerAuth(token))
                    .retrieve()
                    .onStatus(HttpStatusCode::is4xxClientError, (request, refused) -> {
                        throw new FiguresRefused(refused.getStatusCode().value(), orgId,
                                new String(refused.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    })
                    .toEntity(type);
            return new Answer<>(response.getBody(), Freshness.of(response.getHeaders()));
        } catch (FiguresRefused refused) {
            throw refused;
        } catch (RestClientResponseException e) {
            throw new FiguresUnavailable("reporting-service answered " + e.getStatusCode(), e);
        } catch (RestClientException e) {
            throw new FiguresUnavailable("reporting-service did not answer", e);
        }
    }
}
