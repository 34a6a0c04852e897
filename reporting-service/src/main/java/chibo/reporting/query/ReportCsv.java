package chibo.reporting.query;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * The form of the reports chibo issues: CSV (RFC 4180, lines ending CRLF), UTF-8 with a byte-order mark so that
 * spreadsheets read Vietnamese right, downloaded as a file whose {@code Repr-Digest} (RFC 9530) is the digest under
 * which the register of issued reports ({@link IssuedReports}) keeps it.
 */
public final class ReportCsv {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final String BYTE_ORDER_MARK = "\uFEFF";
    public static final String LINE_END = "\r\n";

    private ReportCsv() {
    }

    /** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; formula starts neutralised. */
    public static String quoted(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /**
     * The issued report as a download: its bytes, its digest header and a file name of {@code nameParts} joined by
     * dashes, each kept to letters, digits, {@code _} and {@code -}.
     */
    public static ResponseEntity<byte[]> download(byte[] report, String reprDigest, String... nameParts) {
        StringBuilder name = new StringBuilder();
        for (String part : nameParts) {
            name.append(name.isEmpty() ? "" : "-").append(part.replaceAll("[^A-Za-z0-9_-]", "_"));
        }
        return ResponseEntity.ok().contentType(CSV).header("Repr-Digest", reprDigest)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"").body(report);
    }
}
