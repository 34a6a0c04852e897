package chibo.membership.bulk;

import tools.jackson.databind.JsonNode;

import java.time.LocalDate;

/**
 * One line of an import: its number (from 1), the command, the member it is about (null for organisations),
 * the date it takes effect (to order a member's lines) and the body. A line that is not even JSON has a
 * {@code parseError}.
 */
record ParsedLine(long number, String command, String memberId, LocalDate effectiveDate, JsonNode body,
                  String raw, String parseError) {
}
