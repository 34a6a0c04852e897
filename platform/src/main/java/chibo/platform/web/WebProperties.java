package chibo.platform.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * @param maxBodySize       the largest request body accepted, unless a path prefix says otherwise
 * @param maxBodySizeByPath larger (or smaller) limits for path prefixes, e.g. {@code /imports: 512MB}
 * @param idempotencyKeysKept how long an {@code Idempotency-Key} and its answer are kept (a MongoDB TTL index)
 * @param idempotencyLease  how long a running request holds its key without renewing it (it renews it every third
 *                          of this while it runs): a retry after it ran out runs the request again, finding what
 *                          the first run stored; sooner, it is told to retry later
 */
@Validated
@ConfigurationProperties("chibo.web")
public record WebProperties(@NotNull DataSize maxBodySize, Map<String, DataSize> maxBodySizeByPath,
                            @NotNull Duration idempotencyKeysKept, @NotNull Duration idempotencyLease) {

    public WebProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofKilobytes(256);
        }
        maxBodySizeByPath = maxBodySizeByPath == null ? Map.of() : Map.copyOf(maxBodySizeByPath);
        if (idempotencyKeysKept == null) {
            idempotencyKeysKept = Duration.ofDays(7);
        }
        if (idempotencyLease == null) {
            idempotencyLease = Duration.ofSeconds(30);
        }
        if (idempotencyLease.toMillis() < 300) {
            throw new IllegalArgumentException("chibo.web.idempotency-lease must be at least 300 ms, not "
                    + idempotencyLease);
        }
    }

    /** The limit for a request path: the longest matching prefix, else the default. */
    public long limitFor(String path) {
        return maxBodySizeByPath.entrySet().stream()
                .filter(e -> path.startsWith(e.getKey()))
                .max(java.util.Comparator.comparingInt(e -> e.getKey().length()))
                .map(e -> e.getValue().toBytes())
                .orElse(maxBodySize.toBytes());
    }
}
