package chibo.dashboard.pages;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/** A file the dashboard hands the browser to save: its type and its name, as an attachment. */
final class Downloads {

    /** CSV in UTF-8 (the files keep a byte-order mark, so that spreadsheets read the diacritics). */
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Downloads() {
    }

    /** An answer saved as {@code name}; the caller adds any other header, then the body. */
    static ResponseEntity.BodyBuilder attachment(String name, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                        .toString());
    }
}
