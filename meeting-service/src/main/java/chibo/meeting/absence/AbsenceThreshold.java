package chibo.meeting.absence;

import chibo.contracts.meeting.AttendanceStatus;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.meeting.MemberAbsenceThresholdReached;
import chibo.meeting.cell.CellMeetings;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A member absent without good reason in {@code monthsInYear} months of a calendar year (Party Charter art. 8;
 * QĐ 24-QĐ/TW point 8.1, kept by QĐ 294-QĐ/TW: "bỏ sinh hoạt đảng 3 tháng trong năm không có lý do chính đáng")
 * is put before the cell for removal: reported once per member and year, by the meeting that reaches the
 * threshold. Several unexcused absences in one month count as one month.
 */
public final class AbsenceThreshold {

    public static final String SOURCE = "Điều lệ Đảng, điều 8; QĐ 24-QĐ/TW, điểm 8.1; QĐ 294-QĐ/TW";

    private final int monthsInYear;

    public AbsenceThreshold(int monthsInYear) {
        if (monthsInYear < 1) {
            throw new IllegalArgumentException("the absence threshold must be at least one month: " + monthsInYear);
        }
        this.monthsInYear = monthsInYear;
    }

    /**
     * @param after the cell's record with the meeting already in it
     * @return the thresholds this meeting makes members reach
     */
    public List<MemberAbsenceThresholdReached> reachedBy(CellMeetings after, MeetingHeld held) {
        int year = held.startedAt().getYear();
        List<MemberAbsenceThresholdReached> reached = new ArrayList<>();
        held.attendance().stream().filter(a -> a.status() == AttendanceStatus.UNEXCUSED).forEach(absent -> {
            if (after.absenceThresholdReported(absent.memberId(), year)) {
                return;
            }
            List<CellMeetings.Absence> absences = after.unexcused(absent.memberId(), year);
            long months = absences.stream().map(a -> YearMonth.from(a.date())).distinct().count();
            if (months >= monthsInYear) {
                reached.add(new MemberAbsenceThresholdReached(absent.memberId(), (int) months,
                        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                        absences.stream().map(CellMeetings.Absence::meetingId).toList()));
            }
        });
        return reached;
    }
}
