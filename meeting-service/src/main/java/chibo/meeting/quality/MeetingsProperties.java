package chibo.meeting.quality;

import chibo.contracts.member.RatingLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * meeting-service's rules that are figures ({@code chibo.meetings.*}); the defaults are DOMAIN.md's. A figure
 * marked "(verify)" there is configuration here.
 *
 * @param grading per-province point scales by province id; {@code default} for provinces without their own
 */
@ConfigurationProperties("chibo.meetings")
public record MeetingsProperties(@DefaultValue Quality quality, Map<String, GradingScale> grading,
                                 @DefaultValue Compliance compliance, @DefaultValue Absence absence,
                                 @DefaultValue Ratings ratings) {

    public MeetingsProperties {
        grading = grading == null ? Map.of() : Map.copyOf(grading);
        grading.forEach((name, scale) -> scale.validate(name));
    }

    /** The scale of the province, else the configured default, else DOMAIN.md's. */
    public GradingScale scaleFor(String provinceId) {
        GradingScale scale = provinceId == null ? null : grading.get(provinceId);
        if (scale != null) {
            return scale;
        }
        return grading.getOrDefault("default", GradingScale.standard());
    }

    /** HD 12-HD/BTCTW (2018); Chỉ thị 50-CT/TW (2025) for combined meetings. */
    public record Quality(@DefaultValue("85") int minAttendancePercent, @DefaultValue("90") int minMinutes,
                          @DefaultValue("120") int minMinutesCombined,
                          @DefaultValue("2025-07-23") LocalDate combinedMinimumFrom) {
    }

    /**
     * @param from             the first month checked (earlier months predate the cells' records in chibo)
     * @param graceWorkingDays a month or quarter is checked once this many working days have passed after its
     *                         last day, so that a meeting recorded a few days late does not raise and retract
     *                         a breach
     * @param cron             when the check runs (Vietnam time); {@code -} turns the schedule off
     */
    public record Compliance(@DefaultValue("2025-07") YearMonth from, @DefaultValue("5") int graceWorkingDays,
                             @DefaultValue("0 30 1 * * *") String cron) {
    }

    /**
     * @param monthsInYear months of a calendar year with an unexcused absence that put a member's removal on the
     *                     agenda (Party Charter art. 8: "bỏ sinh hoạt đảng 3 tháng trong năm")
     */
    public record Absence(@DefaultValue("3") int monthsInYear) {
    }

    /**
     * The "Chi bộ 4 tốt" title (an emulation title each province awards on its own criteria; these defaults are
     * chibo's reading, verify with the province): the cell rated at least {@code fourGoodMinLevel}, no compliance
     * breach of the year left standing, and at least {@code fourGoodMinQualityPercent}% of its meetings that year
     * "đạt chất lượng".
     */
    public record Ratings(@DefaultValue("GOOD") RatingLevel fourGoodMinLevel,
                          @DefaultValue("80") int fourGoodMinQualityPercent) {
    }
}
