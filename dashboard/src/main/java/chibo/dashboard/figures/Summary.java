package chibo.dashboard.figures;

import java.util.Map;

/**
 * An organisation's summary as reporting-service gives it ({@code /organizations/{id}/summary}, and as reported on a
 * past day in {@code /audit/organizations/{id}/as-reported}): the parts the dashboard shows.
 *
 * @param ratings members' and cells' ratings: {@code members} or {@code cells} → year → level → how many
 */
public record Summary(String orgId, String name, String level, String parentId, boolean active, String mergedInto,
                      String stockAt, Members members, Map<String, Long> bySex, Map<String, Long> byEthnicity,
                      Map<String, Long> byAgeBand, Map<String, Long> byEducation, long cells,
                      Map<String, UnitCoverage> units, Map<String, PositionCoverage> positions, Period period,
                      Map<String, Long> flows, MeetingFigures.Meetings meetings,
                      Map<String, Map<String, Map<String, Long>>> ratings) {

    public Summary {
        units = units == null ? Map.of() : units;
        positions = positions == null ? Map.of() : positions;
        flows = flows == null ? Map.of() : flows;
        ratings = ratings == null ? Map.of() : ratings;
    }

    /** Units of a kind (villages, schools, health stations …) registered in the subtree: without a cell covering
     *  them, and without an active party member residing there. */
    public record UnitCoverage(long total, long withoutCell, long withoutMember) {
    }

    /** Key positions of a kind held in the subtree's units, and how many by party members. */
    public record PositionCoverage(long held, long heldByMembers, Double memberSharePercent) {
    }

    /** Active members; {@code ethnicMinority}: of an ethnicity other than Kinh. */
    public record Members(long total, long probationary, long official, long exempted, long women,
                          long ethnicMinority) {
    }

    /** Months, {@code 2025-01} to {@code 2025-07}. */
    public record Period(String from, String to) {
    }
}
