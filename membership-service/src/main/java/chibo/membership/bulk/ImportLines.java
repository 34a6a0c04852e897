package chibo.membership.bulk;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads a line of NDJSON into what the import needs to order and run it. */
final class ImportLines {

    /** Where a command's effective date is, by the field names of the request bodies. */
    private static final List<String> DATE_FIELDS = List.of("decisionDate", "ceremonyDate", "receivedOn", "endedOn",
            "registeredOn", "dateOfDeath", "admittedOn", "effectiveDate");

    /** Where request bodies name organisations. */
    private static final List<String> ORGANISATION_FIELDS = List.of("cellId", "decidingOrgId", "toCellId", "toOrgId");

    private ImportLines() {
    }

    static ParsedLine parse(JsonMapper json, long number, String raw) {
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (JacksonException e) {
            return new ParsedLine(number, null, null, null, null, raw, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return new ParsedLine(number, null, null, null, null, raw, "a line is a JSON object");
        }
        String command = text(node, "command");
        String memberId = text(node, "memberId");
        LocalDate effective = null;
        for (String field : DATE_FIELDS) {
            String value = text(node, field);
            if (value != null) {
                try {
                    effective = LocalDate.parse(value);
                } catch (DateTimeParseException ignored) {
                    // the command's own validation names the bad date
                }
                break;
            }
        }
        return new ParsedLine(number, command, memberId, effective, node, raw, null);
    }

    /**
     * The members a line names besides its own (its introducers, a readmitted member's earlier id), so that a bulk
     * import can read them with the line's member.
     */
    static List<String> referencedMembers(ParsedLine line) {
        if (line.body() == null) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        JsonNode introducers = line.body().get("introducers");
        if (introducers != null && introducers.isArray()) {
            introducers.forEach(introducer -> {
                String id = introducer.isObject() ? text(introducer, "memberId") : null;
                if (id != null) {
                    named.add(id);
                }
            });
        }
        String previous = text(line.body(), "previousMemberId");
        if (previous != null) {
            named.add(previous);
        }
        return named;
    }

    /** The organisations a line names (cells, deciding committees, a transfer's destination). */
    static List<String> referencedOrganisations(ParsedLine line) {
        if (line.body() == null) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (String field : ORGANISATION_FIELDS) {
            String id = text(line.body(), field);
            if (id != null) {
                named.add(id);
            }
        }
        return named;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
