package chibo.platform.access;

import chibo.platform.security.Roles;
import chibo.platform.web.Problems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The access log for the data-protection role: the entries, paged in chain order, and the verification of the
 * chain. Reading the log is itself a look at who read whom, so it is logged too.
 */
@RestController
@PreAuthorize("hasAuthority('" + Roles.DATA_PROTECTION + "')")
@AccessLogged
class AccessLogController {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1_000;
    /** Entries looked at for one page at most, so that a rare subject never makes one request read the log whole. */
    static final int SCAN_LIMIT = 10_000;

    private final AccessLog accessLog;

    AccessLogController(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    /**
     * @param from    entries at or after this moment (ISO, e.g. {@code 2026-03-01T00:00:00Z})
     * @param to      entries before this moment
     * @param subject entries naming this person or subject
     * @param cursor  the {@code next} of the page before
     */
    @GetMapping("/access-log")
    AccessLog.Page entries(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                           @RequestParam(required = false) String subject,
                           @RequestParam(required = false) String size,
                           @RequestParam(required = false) String cursor) {
        Instant start = instant(from, "from");
        Instant end = instant(to, "to");
        if (start != null && end != null && !start.isBefore(end)) {
            throw Problems.invalid("to", "after-from", "'to' must come after 'from'");
        }
        return accessLog.page(start, end, subject == null || subject.isBlank() ? null : subject, cursor(cursor),
                size(size), SCAN_LIMIT);
    }

    @GetMapping("/access-log/verification")
    AccessLog.Verification verification() {
        return accessLog.verify();
    }

    private static Instant instant(String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "iso-instant", "'" + text + "' is not a moment like 2026-03-01T00:00:00Z");
        }
    }

    private static Long cursor(String text) {
        if (text == null) {
            return null;
        }
        if (!text.matches("[0-9]{1,18}")) {
            throw Problems.invalid("cursor", "cursor", "pass the 'next' of the page before");
        }
        return Long.parseLong(text);
    }

    private static int size(String text) {
        if (text == null) {
            return DEFAULT_SIZE;
        }
        if (!text.matches("[0-9]{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_SIZE) {
            throw Problems.invalid("size", "page-size", "a page holds 1 to " + MAX_SIZE + " entries");
        }
        return Integer.parseInt(text);
    }
}
