package chibo.platform.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One look at a person's data, as the access log keeps it: entry {@code seq} of the service's one chain, sealed
 * with the SHA-256 of the entry before it and its own canonical form, so that changing, removing or reordering an
 * entry breaks every later link.
 *
 * <p>The canonical form ({@link #canonical()}) is UTF-8 text, one line per field joined by a line feed, no final
 * line feed:
 * <pre>
 * chibo-access-log-v1
 * previous hash (64 hex digits; the first entry's is 64 zeros)
 * seq (decimal)
 * at (UTC, always milliseconds: 2026-03-01T08:15:30.120Z)
 * service
 * who (the token's subject)
 * number of roles, then one role per line, sorted
 * org (empty when the token names none)
 * method
 * path (as requested, still percent-encoded)
 * query (as requested; empty when none)
 * subject (the person or subject the path names; empty when none)
 * number of persons, then one person id per line, in the order the answer named them
 * outcome (served or refused)
 * status (HTTP status code)
 * purpose (the Purpose header as kept; empty when none)
 * </pre>
 * In every text value a backslash is written {@code \\}, a line feed {@code \n} and a carriage return {@code \r},
 * so no value can pass for another line.
 */
public record AccessEntry(long seq, Instant at, String service, String who, List<String> roles, String org,
                          String method, String path, String query, String subject, List<String> persons,
                          Outcome outcome, int status, String purpose, String previousHash, String hash) {

    /** The previous hash of a log's first entry. */
    public static final String GENESIS = "0".repeat(64);
    static final String FORMAT = "chibo-access-log-v1";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** Whether the person's data was given out: {@code served} for a 2xx answer, {@code refused} for any other. */
    public enum Outcome {
        SERVED, REFUSED;

        static Outcome of(int status) {
            return status >= 200 && status < 300 ? SERVED : REFUSED;
        }

        String canonical() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AccessEntry {
        roles = roles.stream().sorted().toList();
        persons = List.copyOf(persons);
    }

    /** Seals what a request read as entry {@code seq}, linked to {@code previousHash}, at {@code at} (ms kept). */
    static AccessEntry seal(AccessRead read, String service, long seq, String previousHash, Instant at) {
        AccessEntry unsealed = new AccessEntry(seq, at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), service,
                read.who(), read.roles(), read.org(), read.method(), read.path(), read.query(), read.subject(),
                read.persons(), Outcome.of(read.status()), read.status(), read.purpose(), previousHash, null);
        return unsealed.withHash(sha256(unsealed.canonical()));
    }

    /** The hash this entry should carry, recomputed from its fields. */
    public String expectedHash() {
        return sha256(canonical());
    }

    /** The text the hash is taken over; see the class description. */
    public String canonical() {
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT);
        lines.add(previousHash);
        lines.add(Long.toString(seq));
        lines.add(AT.format(at));
        lines.add(text(service));
        lines.add(text(who));
        list(lines, roles);
        lines.add(text(org));
        lines.add(text(method));
        lines.add(text(path));
        lines.add(text(query));
        lines.add(text(subject));
        list(lines, persons);
        lines.add(outcome.canonical());
        lines.add(Integer.toString(status));
        lines.add(text(purpose));
        return String.join("\n", lines);
    }

    /** The storage key: the seq zero-padded to 19 digits, so that keys sort as the chain runs. */
    public static String id(long seq) {
        return String.format("%019d", seq);
    }

    AccessEntry withHash(String hash) {
        return new AccessEntry(seq, at, service, who, roles, org, method, path, query, subject, persons, outcome,
                status, purpose, previousHash, hash);
    }

    private static void list(List<String> lines, List<String> values) {
        lines.add(Integer.toString(values.size()));
        values.forEach(value -> lines.add(text(value)));
    }

    private static String text(String value) {
        return Objects.toString(value, "").replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
