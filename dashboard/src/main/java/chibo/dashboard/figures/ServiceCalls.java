package chibo.dashboard.figures;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The one request path to chibo's services, with the reader's own token: a 4xx is a refusal about a subject (with
 * the service's problem as its text), anything else that goes wrong means the service is unavailable.
 */
final class ServiceCalls {

    /** The header a caller names the reason for a read of personal data in (kept in the service's access log). */
    static final String PURPOSE = "Purpose";

    private ServiceCalls() {
    }

    static <R> R exchange(String service, String token, String subject, RestClient.RequestHeadersSpec<?> request,
                          Function<RestClient.ResponseSpec, R> answer) {
        try {
            return answer.apply(request.headers(headers -> headers.setBearerAuth(token)).retrieve()
                    .onStatus(HttpStatusCode::is4xxClientError, (sent, refused) -> {
                        throw new FiguresRefused(refused.getStatusCode().value(), subject,
                                new String(refused.getBody().readAllBytes(), StandardCharsets.UTF_8));
                    }));
        } catch (FiguresRefused refused) {
            throw refused;
        } catch (RestClientResponseException e) {
            throw new FiguresUnavailable(service + " answered " + e.getStatusCode(), e);
        } catch (RestClientException e) {
            throw new FiguresUnavailable(service + " did not answer", e);
        }
    }

    /**
     * A purpose as the header carries it: percent-encoded UTF-8 (headers are ASCII), a space as {@code %20} — the
     * services read a {@code +} as itself.
     */
    static String purpose(String purpose) {
        return URLEncoder.encode(purpose.strip(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
