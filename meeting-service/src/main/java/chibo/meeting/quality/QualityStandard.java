package chibo.meeting.quality;

import chibo.contracts.meeting.MeetingKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The central "đạt chất lượng" verdict on a cell meeting (Hướng dẫn 12-HD/BTCTW, 2018): attendance above 85% with
 * no unexcused absence, prepared (content by the secretary, the committee met beforehand, a draft resolution),
 * at least 90 minutes, complete minutes. From 23/07/2025 (Chỉ thị 50-CT/TW; Hướng dẫn 42-HD/BTCTW, 28/10/2025) a
 * thematic and a regular meeting held together need at least 120 minutes. That the conclusions are carried out is
 * judged later and is not part of the verdict recorded with the meeting.
 */
public final class QualityStandard {

    public static final String SOURCE = "HD 12-HD/BTCTW (2018)";
    public static final String COMBINED_SOURCE = "Chỉ thị 50-CT/TW (23/07/2025); HD 42-HD/BTCTW (28/10/2025)";

    private final MeetingsProperties.Quality settings;

    public QualityStandard(MeetingsProperties.Quality settings) {
        this.settings = settings;
    }

    /** The verdict, and what fell short when it is not met. */
    public record Verdict(boolean met, List<String> shortfalls) {
    }

    public Verdict judge(MeetingFacts facts) {
        List<String> shortfalls = new ArrayList<>();
        if (!attendanceMet(facts)) {
            shortfalls.add(String.format("attendance %d of %d (%.0f%%), not above %d%% (%s)",
                    facts.presentOfExpected(), facts.expected(), 100 * facts.attendanceRate(),
                    settings.minAttendancePercent(), SOURCE));
        }
        if (facts.unexcused() > 0) {
            shortfalls.add(facts.unexcused() + " unexcused absence(s) (" + SOURCE + ")");
        }
        if (!facts.prepared()) {
            shortfalls.add("not fully prepared: content by the secretary, a committee meeting beforehand and a"
                    + " draft resolution are all needed (" + SOURCE + ")");
        }
        int minimum = minimumMinutes(facts.kind(), facts.date());
        if (facts.minutes() < minimum) {
            shortfalls.add(facts.minutes() + " minutes, under " + minimum + " ("
                    + (minimum == settings.minMinutes() ? SOURCE : COMBINED_SOURCE) + ")");
        }
        if (!facts.minutesComplete()) {
            shortfalls.add("minutes incomplete (" + SOURCE + ")");
        }
        return new Verdict(shortfalls.isEmpty(), List.copyOf(shortfalls));
    }

    /** Attendance above the minimum share (85%): exactly the minimum is not enough. */
    public boolean attendanceMet(MeetingFacts facts) {
        return facts.attendanceRate() > settings.minAttendancePercent() / 100.0;
    }

    public int minimumAttendancePercent() {
        return settings.minAttendancePercent();
    }

    /** 90 minutes; 120 for a combined thematic and regular meeting held on or after 23/07/2025. */
    public int minimumMinutes(MeetingKind kind, LocalDate date) {
        return kind == MeetingKind.COMBINED && !date.isBefore(settings.combinedMinimumFrom())
                ? settings.minMinutesCombined() : settings.minMinutes();
    }
}
