package chibo.dashboard.figures;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One page of a member's or an organisation's history from reporting-service's archive (the events as read off
 * Kafka), in the order the archive lists them.
 *
 * @param next the cursor of the following page, or null on the last one
 */
public record History(List<Entry> items, int size, String next) {

    /**
     * One event: when it took effect and when chibo recorded it, the organisation that decided it, its place in its
     * subject's hash chain, and whether its content still matched its hash when it was read.
     */
    public record Entry(String id, String stream, String type, String subject, long seq, LocalDate effectiveDate,
                        Instant recordedAt, String actingOrg, String decisionNumber, String previousHash, String hash,
                        boolean contentIntact, JsonNode payload) {

        /** The type without its version ({@code member.admitted.v1} → {@code member.admitted}), to name it by. */
        public String fact() {
            return type == null ? "" : type.replaceFirst("\\.v\\d+$", "");
        }

        public boolean aboutMember() {
            return "membership".equals(stream);
        }
    }
}
