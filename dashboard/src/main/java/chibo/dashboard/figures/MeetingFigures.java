package chibo.dashboard.figures;

import java.util.Map;

/**
 * An organisation's meetings over the months of a year to date, from reporting-service's summary: how many were
 * held against the one regular meeting each cell owes each month, attendance, grades and breaches of the duty.
 */
public record MeetingFigures(String orgId, String name, String level, String parentId, Summary.Period period,
                             Meetings meetings) {

    /**
     * @param regularRequired one regular meeting per cell per month (cells counted at each month's end)
     * @param grades          meetings by grade ({@code good}, {@code fair}, {@code average}, {@code poor})
     * @param breaches        breaches of the meeting duty by kind ({@code no_regular_meeting},
     *                        {@code no_thematic_meeting})
     */
    public record Meetings(long held, long regular, long thematic, long regularRequired, Double regularHeldPercent,
                           long attendanceExpected, long present, long excused, long unexcused,
                           Double attendancePercent, long higherLevelVisits, long qualityMet,
                           Map<String, Long> grades, Map<String, Long> breaches) {

        public long grade(String grade) {
            return grades == null ? 0 : grades.getOrDefault(grade, 0L);
        }

        public long breach(String kind) {
            return breaches == null ? 0 : breaches.getOrDefault(kind, 0L);
        }
    }
}
