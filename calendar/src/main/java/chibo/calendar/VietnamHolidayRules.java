package chibo.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Vietnam's public holidays for a year the holiday data does not list, computed by the labour rules in force that
 * year. The government fixes the exact Tết and National Day breaks by a yearly notice; where none is on file the
 * break follows the law's wording, and every row computed that way says "verify" in its source.
 *
 * <ul>
 *   <li>from 01/01/2021, Bộ luật Lao động 2019, điều 112: 1/1; Tết 5 days; Giỗ Tổ Hùng Vương 10/3 âm lịch; 30/4;
 *       1/5; 2/9 and one adjacent day; a holiday on a weekly rest day is made up on the next working day
 *       (điều 111 khoản 3);</li>
 *   <li>from 01/05/2013, Bộ luật Lao động 2012, điều 115: the same with 2/9 one day; made up per khoản 3;</li>
 *   <li>from 02/04/2007, Bộ luật Lao động 1994, điều 73 as amended by Luật 84/2007/QH11: Tết 4 days (the last day of
 *       the lunar year and the first three of the new), Giỗ Tổ Hùng Vương added; made up "vào ngày tiếp theo";</li>
 *   <li>from 01/01/1995, Bộ luật Lao động 1994, điều 73: the same without Giỗ Tổ Hùng Vương;</li>
 *   <li>before 1995: chibo has no earlier holiday rules on file and applies the 1994 set, without a day that
 *       commemorates an event before its first anniversary (2/9 from 1946, 30/4 from 1976). Rows say so.</li>
 * </ul>
 *
 * <p>Weekly rest days: Sunday; Saturday too from 02/10/1999 for the civil service (Quyết định 188/1999/QĐ-TTg,
 * 17/09/1999, the 40-hour five-day week). Before that Saturday was a working day.
 */
final class VietnamHolidayRules {

    /** The first day of the five-day week in public bodies (Quyết định 188/1999/QĐ-TTg). */
    static final LocalDate FIVE_DAY_WEEK = LocalDate.of(1999, 10, 2);

    private static final String NEW_YEAR = "Tết Dương lịch";
    private static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương";
    private static final String VICTORY = "Ngày Chiến thắng";
    private static final String LABOUR = "Ngày Quốc tế lao động";
    private static final String NATIONAL = "Quốc khánh";
    private static final String COMPUTED = "computed by chibo from the law (verify against the Prime Minister's notice)";

    /** The labour rules on holidays, by the day they took effect. */
    enum Code {
        BEFORE_1995(null, 4, false, 1, "Bộ luật Lao động 1994, điều 73 — applied by chibo to years before it took "
                + "effect (01/01/1995): no earlier holiday rules on file (verify)",
                "Bộ luật Lao động 1994, điều 73 (nghỉ bù) — applied by chibo before 01/01/1995 (verify)"),
        LC_1994(LocalDate.of(1995, 1, 1), 4, false, 1, "Bộ luật Lao động 1994, điều 73",
                "Bộ luật Lao động 1994, điều 73 (nghỉ bù)"),
        LC_1994_AMENDED_2007(LocalDate.of(2007, 4, 2), 4, true, 1,
                "Bộ luật Lao động 1994, điều 73, sửa đổi bởi Luật 84/2007/QH11",
                "Bộ luật Lao động 1994, điều 73, sửa đổi bởi Luật 84/2007/QH11 (nghỉ bù)"),
        LC_2012(LocalDate.of(2013, 5, 1), 5, true, 1, "Bộ luật Lao động 2012, điều 115",
                "Bộ luật Lao động 2012, điều 115 khoản 3 (nghỉ bù)"),
        LC_2019(LocalDate.of(2021, 1, 1), 5, true, 2, "Bộ luật Lao động 2019, điều 112",
                "Bộ luật Lao động 2019, điều 111 khoản 3 (nghỉ bù)");

        private final LocalDate from;
        final int tetDays;
        final boolean hungKings;
        final int nationalDays;
        final String source;
        final String compensationSource;

        Code(LocalDate from, int tetDays, boolean hungKings, int nationalDays, String source,
             String compensationSource) {
            this.from = from;
            this.tetDays = tetDays;
            this.hungKings = hungKings;
            this.nationalDays = nationalDays;
            this.source = source;
            this.compensationSource = compensationSource;
        }

        /** The rules in force on {@code day}. */
        static Code inForceOn(LocalDate day) {
            Code inForce = BEFORE_1995;
            for (Code code : values()) {
                if (code.from != null && !day.isBefore(code.from)) {
                    inForce = code;
                }
            }
            return inForce;
        }
    }

    private final VietnameseLunarCalendar lunar;

    VietnamHolidayRules(VietnameseLunarCalendar lunar) {
        this.lunar = lunar;
    }

    /** Whether {@code day} is a weekly rest day of the civil service. */
    static boolean isWeeklyRestDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SUNDAY || weekday == DayOfWeek.SATURDAY && !day.isBefore(FIVE_DAY_WEEK);
    }

    /**
     * The days off of Gregorian year {@code year}: holidays, then a compensation day for each that falls on a weekly
     * rest day. Tết never falls before 21 January, so its break lies within the year.
     */
    List<Holiday> holidays(int year) {
        TreeMap<LocalDate, Holiday> days = new TreeMap<>();
        fixed(days, LocalDate.of(year, 1, 1), NEW_YEAR, null);
        tet(days, year);
        LocalDate hungKings = lunar.toSolar(LunarDate.of(year, 3, 10));
        if (Code.inForceOn(hungKings).hungKings) {
            fixed(days, hungKings, HUNG_KINGS, "10/3 âm lịch");
        }
        if (year >= 1976) {
            fixed(days, LocalDate.of(year, 4, 30), VICTORY, null);
        }
        fixed(days, LocalDate.of(year, 5, 1), LABOUR, null);
        if (year >= 1946) {
            LocalDate nationalDay = LocalDate.of(year, 9, 2);
            Code code = Code.inForceOn(nationalDay);
            if (code.nationalDays == 2) {
                days.put(nationalDay.minusDays(1), new Holiday(nationalDay.minusDays(1), NATIONAL,
                        Holiday.Kind.HOLIDAY, code.source + "; adjacent day 1/9 " + COMPUTED));
            }
            fixed(days, nationalDay, NATIONAL, null);
        }
        compensate(days);
        return days.values().stream().sorted(Comparator.comparing(Holiday::date)).toList();
    }

    private static void fixed(TreeMap<LocalDate, Holiday> days, LocalDate date, String name, String note) {
        String source = Code.inForceOn(date).source + (note == null ? "" : "; " + note);
        days.put(date, new Holiday(date, name, Holiday.Kind.HOLIDAY, source));
    }

    /** The last day of the lunar year before and the first days of the new one, as many as the code gives. */
    private void tet(TreeMap<LocalDate, Holiday> days, int year) {
        LocalDate newYear = lunar.newYear(year);
        Code code = Code.inForceOn(newYear);
        String source = code.source + "; mùng 1 Tết " + newYear + " by the Vietnamese lunar calendar; "
                + (code.tetDays == 4 ? "the last day of the lunar year and the first three of the new"
                : "the last day of the lunar year and the first four of the new, " + COMPUTED);
        for (int day = -1; day < code.tetDays - 1; day++) {
            LocalDate date = newYear.plusDays(day);
            days.put(date, new Holiday(date, Holiday.TET, Holiday.Kind.HOLIDAY, source));
        }
    }

    /**
     * One compensation day ("nghỉ bù") for each holiday on a weekly rest day, on the next day that is neither a rest
     * day nor a day off already: after a run of holidays, not inside it.
     */
    private static void compensate(TreeMap<LocalDate, Holiday> days) {
        List<Holiday> owed = days.values().stream().filter(holiday -> isWeeklyRestDay(holiday.date())).toList();
        for (Holiday holiday : owed) {
            LocalDate day = holiday.date().plusDays(1);
            while (isWeeklyRestDay(day) || days.containsKey(day)) {
                day = day.plusDays(1);
            }
            days.put(day, new Holiday(day, "Nghỉ bù " + holiday.name(), Holiday.Kind.COMPENSATION,
                    Code.inForceOn(holiday.date()).compensationSource));
        }
    }
}
