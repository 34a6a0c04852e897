package chibo.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * @param issuer   the issuer URL tokens carry and services trust
 * @param keyFile  where the signing key is kept so that tokens stay valid across restarts; a fresh key per run
 *                 when absent
 * @param tokenTtl how long an access token lives
 * @param clients  the client-credentials clients
 */
@Validated
@ConfigurationProperties("chibo.auth")
public record AuthProperties(@NotBlank String issuer, Path keyFile, @NotNull Duration tokenTtl,
                             @NotEmpty List<@Valid Client> clients) {

    public AuthProperties {
        if (tokenTtl == null) {
            tokenTtl = Duration.ofHours(1);
        }
    }

    /**
     * @param roles the {@code roles} claim: agency-writer, dashboard-reader, auditor, operator, data-protection,
     *              metrics-reader
     * @param org   the {@code org} claim: the root of the organisation subtree the client may act on, if any
     */
    public record Client(@NotBlank String id, @NotBlank String secret, @NotEmpty List<String> roles, String org) {
    }
}
