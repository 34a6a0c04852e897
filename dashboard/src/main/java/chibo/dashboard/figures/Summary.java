package chibo.dashboard.figures;

import java.util.Map;

/**
 * An organisation's summary as reporting-service gives it ({@code /organizations/{id}/summary}): the parts the
 * dashboard shows.
 */
public record Summary(String orgId, String name, String level, String parentId, boolean active, String mergedInto,
                      String stockAt, Members members, Map<String, Long> bySex, Map<String, Long> byEthnicity,
                      Map<String, Long> byAgeBand, Map<String, Long> byEducation, long cells, Period period,
                      Map<String, Long> flows) {

    /** Active members; {@code ethnicMinority}: of an ethnicity other than Kinh. */
    public record Members(long total, long probationary, long official, long exempted, long women,
                          long ethnicMinority) {
    }

    /** Months, {@code 2025-01} to {@code 2025-07}. */
    public record Period(String from, String to) {
    }
}
