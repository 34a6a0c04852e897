package chibo.reporting.audit;

import chibo.platform.web.Problems;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * Where the next page of a history starts, opaque to clients: after a seq for a subject's history, after an
 * event's place in history order for an organisation's.
 */
final class HistoryCursor {

    private static final String SEQ = "s";
    private static final String ORDER = "o";

    private HistoryCursor() {
    }

    static String afterSeq(long seq) {
        return encode(SEQ + "|" + seq);
    }

    static String after(IndexEntry entry) {
        return encode(ORDER + "|" + entry.effectiveDate() + "|" + entry.recordedAt().toEpochMilli() + "|"
                + entry.stream().label() + "|" + entry.id());
    }

    /** @return the last seq already listed: 0 without a cursor */
    static long seq(String cursor) {
        if (cursor == null) {
            return 0;
        }
        String[] parts = decode(cursor).split("\\|", -1);
        try {
            if (parts.length == 2 && parts[0].equals(SEQ)) {
                long seq = Long.parseLong(parts[1]);
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid();
    }

    /** @return the last entry already listed (its place in history order), or null without a cursor */
    static IndexEntry entry(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = decode(cursor).split("\\|", 5);
        try {
            if (parts.length == 5 && parts[0].equals(ORDER)) {
                return new IndexEntry(EventStream.ofLabel(parts[3]), parts[4], null, LocalDate.parse(parts[1]),
                        Instant.ofEpochMilli(Long.parseLong(parts[2])));
            }
        } catch (RuntimeException e) {
            // refused below
        }
        throw invalid();
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return Problems.invalid("cursor", "valid-cursor", "not a cursor this history gave out; start without one");
    }
}
