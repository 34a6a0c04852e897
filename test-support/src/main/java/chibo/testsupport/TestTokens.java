package chibo.testsupport;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Signs JWTs the way chibo's authorization server does (RS256, {@code roles} and {@code org} claims) with a key
 * made for this test JVM. Services under test verify them with the public key through Spring Security's real
 * resource-server path ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}).
 */
public final class TestTokens {

    public static final String ISSUER = "chibo-test";
    private static final KeyPair KEYS = generate();
    private static final NimbusJwtEncoder ENCODER = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
            new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).privateKey((RSAPrivateKey) KEYS.getPrivate())
                    .keyID("chibo-test").build())));
    private static Path publicKeyFile;

    private TestTokens() {
    }

    public static String writer(String org) {
        return token("agency-" + org, List.of("agency-writer"), org);
    }

    public static String reader(String org) {
        return token("dashboard-" + org, List.of("dashboard-reader"), org);
    }

    public static String auditor() {
        return token("auditor", List.of("auditor"), null);
    }

    /** Reads members' records and histories and the access log; bound to no subtree. */
    public static String dataProtection() {
        return token("data-protection", List.of("data-protection"), null);
    }

    /** Runs the figures (rebuilds, switches, re-drives); bound to no subtree. */
    public static String operator() {
        return token("operator", List.of("operator"), null);
    }

    public static String token(String subject, List<String> roles, String org) {
        return token(subject, roles, org, Instant.now().plus(Duration.ofHours(1)));
    }

    public static String token(String subject, List<String> roles, String org, Instant expiresAt) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(subject)
                .issuer(ISSUER)
                .issuedAt(expiresAt.minus(Duration.ofHours(2)))
                .expiresAt(expiresAt)
                .claim("roles", roles);
        if (org != null) {
            claims.claim("org", org);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("chibo-test").build();
        return ENCODER.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /** {@code file:} location of the PEM public key, for the services' resource-server configuration. */
    public static synchronized String publicKeyLocation() {
        if (publicKeyFile == null) {
            try {
                Path file = Files.createTempFile("chibo-test-jwt", ".pub");
                file.toFile().deleteOnExit();
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(file, pem);
                publicKeyFile = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return publicKeyFile.toUri().toString();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
