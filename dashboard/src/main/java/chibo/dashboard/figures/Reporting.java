package chibo.dashboard.figures;

import chibo.dashboard.DashboardProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
                .queryParamIfPresent("asOf", Optional.ofNullable(asOf)).build(orgId));
    }

    /** The meetings of the year to now, or to {@code asOf} (a month's last day) when given. */
    public Answer<MeetingFigures> meetings(String token, String orgId, LocalDate asOf) {
        return read(token, orgId, MeetingFigures.class, uri -> uri.path("/organizations/{orgId}/summary")
                .queryParamIfPresent("asOf", Optional.ofNullable(asOf)).build(orgId));
    }

    /** The units of the subtree, now, that no cell covers or where no active member resides. */
    public UncoveredUnits uncoveredUnits(String token, String orgId) {
        return read(token, orgId, UncoveredUnits.class, uri -> uri.path("/organizations/{orgId}/uncovered-units")
                .build(orgId)).figures();
    }

    /** The children side by side: members now or at {@code asOf}, flows of this year. */
    public Answer<Comparison> children(String token, String orgId, LocalDate asOf) {
        return read(token, orgId, Comparison.class, uri -> uri.path("/organizations/{orgId}/children")
                .queryParamIfPresent("asOf", Optional.ofNullable(asOf)).build(orgId));
    }

    /** One figure month by month over {@code from}–{@code to}. */
    public Answer<Series> series(String token, String orgId, String metric, YearMonth from,
                                 YearMonth to) {
        return read(token, orgId, Series.class, uri -> uri.path("/organizations/{orgId}/series")
                .queryParam("metric", metric).queryParam("from", from).queryParam("to", to).build(orgId));
    }

    /**
     * The party statistics report (HD 11 shape) over the months {@code from}–{@code to}, as reporting-service writes
     * it: CSV, one row per child organisation, then the organisation's own total.
     */
    public Answer<String> statistics(String token, String orgId, YearMonth from, YearMonth to) {
        return read(token, orgId, String.class, uri -> uri.path("/organizations/{orgId}/statistics.csv")
                .queryParam("from", from).queryParam("to", to).build(orgId));
    }

    /** The live version's dead letters of an input topic, oldest first (auditors and operators). */
    public List<DeadLetter> deadLetters(String token, String topic) {
        return List.of(read(token, topic, DeadLetter[].class, uri -> uri.path("/dead-letters/{topic}")
                .queryParam("limit", DeadLetter.MOST_LISTED).build(topic)).figures());
    }

    /** The versions of the figures, for auditors and operators. */
    public ProjectionVersions projections(String token) {
        return read(token, "projections", ProjectionVersions.class, uri -> uri.path("/projections").build())
                .figures();
    }

    /** Starts a rebuild of every figure into a new version (the operator's); a refusal names why. */
    public void rebuild(String token, String version) {
        exchange(token, "projections", http.post().uri("/projections/rebuilds")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("version", version)),
                RestClient.ResponseSpec::toBodilessEntity);
    }

    /**
     * Organisations whose names hold every word of {@code query}, with or without diacritics, inside the reader's
     * subtree (reporting-service decides it from the token).
     */
    public Answer<OrgMatches> search(String token, String query) {
        return read(token, "search", OrgMatches.class, uri -> uri.path("/organizations/search")
                .queryParam("q", "{q}").build(query));
    }

    public OrgHeadline headline(String token, String orgId) {
        return read(token, orgId, OrgHeadline.class, uri -> uri.path("/organizations/{orgId}/counts").build(orgId))
                .figures();
    }

    private <T> Answer<T> read(String token, String orgId, Class<T> type, Function<UriBuilder, URI> uri) {
        return exchange(token, orgId, http.get().uri(uri), answer -> {
            ResponseEntity<T> response = answer.toEntity(type);
            return new Answer<>(response.getBody(), Freshness.of(response.getHeaders()));
        });
    }

    private <R> R exchange(String token, String subject, RestClient.RequestHeadersSpec<?> request,
                           Function<RestClient.ResponseSpec, R> answer) {
        return ServiceCalls.exchange("reporting-service", token, subject, request, answer);
    }
}
