package chibo.calendar;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The Vietnamese lunar calendar (âm lịch), computed: a month begins on the day (local time) of a new moon; month 11
 * is the one that holds the winter solstice; a year with thirteen months between two months 11 repeats the first
 * month that holds no major solar term (trung khí) as its leap month. This is the astronomical method of the
 * Vietnamese calendar as published by Hồ Ngọc Đức ("Âm lịch Việt Nam" / "Vietnamese calendar rules",
 * informatik.uni-leipzig.de/~duc/amlich), with the new-moon and sun-longitude series of J. Meeus, "Astronomical
 * Algorithms" (1998), accurate to minutes for the years chibo meets.
 *
 * <p>The day a new moon falls on depends on the meridian. Vietnam reckoned the lunar calendar at UTC+8 (the
 * Chinese reckoning) until the Government of the Democratic Republic of Viet Nam adopted a calendar computed at
 * UTC+7 on 08/08/1967; the year Mậu Thân (1968) is the first the North reckoned at UTC+7 (its Tết fell on
 * 29/01/1968, the South's, still at UTC+8, on 30/01/1968; the South followed in 1975). {@link #vietnam()} uses UTC+8
 * for lunar years before 1968 and UTC+7 from 1968. {@link #at(ZoneOffset)} reckons at one fixed meridian, e.g. UTC+8
 * for the Chinese dates.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class VietnameseLunarCalendar {

    /** The first lunar year the calendar of 08/08/1967 reckons at UTC+7. */
    static final int FIRST_YEAR_AT_UTC_PLUS_7 = 1968;
    private static final ZoneOffset UTC_PLUS_7 = ZoneOffset.ofHours(7);
    private static final ZoneOffset UTC_PLUS_8 = ZoneOffset.ofHours(8);
    /** Tết Mậu Thân at UTC+7: from this day solar dates are read at UTC+7. */
    private static final LocalDate SWITCH_TO_UTC_PLUS_7 = LocalDate.of(1968, 1, 29);
    private static final VietnameseLunarCalendar VIETNAM = new VietnameseLunarCalendar(null);

    /** Julian day number of 1970-01-01, to move between {@link LocalDate#toEpochDay()} and Julian days. */
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588;
    /** Julian day of the new moon of 1900-01-01 13:52 UTC, the origin of the lunation count k. */
    private static final double LUNATION_ZERO = 2_415_021.076998695;
    private static final double SYNODIC_MONTH = 29.530588853;
    private static final long NO_SUCH_DAY = Long.MIN_VALUE;

    private final ZoneOffset fixedZone;

    private VietnameseLunarCalendar(ZoneOffset fixedZone) {
        this.fixedZone = fixedZone;
    }

    /** Vietnam's lunar calendar: UTC+8 for lunar years before 1968, UTC+7 from 1968. */
    public static VietnameseLunarCalendar vietnam() {
        return VIETNAM;
    }

    /** The lunar calendar reckoned at one meridian for every year, e.g. UTC+8 for China's dates. */
    public static VietnameseLunarCalendar at(ZoneOffset zone) {
        return new VietnameseLunarCalendar(Objects.requireNonNull(zone, "zone"));
    }

    /** The meridian the months of lunar year {@code lunarYear} are reckoned at. */
    public ZoneOffset zoneOf(int lunarYear) {
        if (fixedZone != null) {
            return fixedZone;
        }
        return lunarYear < FIRST_YEAR_AT_UTC_PLUS_7 ? UTC_PLUS_8 : UTC_PLUS_7;
    }

    /** Mùng 1 Tết: the first day of lunar year {@code year}. */
    public LocalDate newYear(int year) {
        return toSolar(LunarDate.of(year, 1, 1));
    }

    /**
     * The month that lunar year {@code year} repeats (its leap month is called by the number it repeats), or 0 when
     * the year has twelve months.
     */
    public int leapMonth(int year) {
        for (int month = 1; month <= 12; month++) {
            if (hasLeap(year, month)) {
                return month;
            }
        }
        return 0;
    }

    private boolean hasLeap(int year, int month) {
        return julianDayOf(new LunarDate(year, month, 1, true), hours(zoneOf(year))) != NO_SUCH_DAY;
    }

    /**
     * The Gregorian date of a lunar date.
     *
     * @throws IllegalArgumentException if the date does not exist: a leap month the year does not have
     */
    public LocalDate toSolar(LunarDate date) {
        long day = julianDayOf(date, hours(zoneOf(date.year())));
        if (day == NO_SUCH_DAY) {
            int leapMonth = leapMonth(date.year());
            throw new IllegalArgumentException(date + " does not exist: " + (leapMonth == 0
                    ? "that year has no leap month" : "the leap month of that year is " + leapMonth));
        }
        return fromJulianDay(day);
    }

    /** The Julian day of a lunar date, or {@link #NO_SUCH_DAY} for a leap month the year does not have. */
    private static long julianDayOf(LunarDate date, double zone) {
        long a11;
        long b11;
        if (date.month() < 11) {
            a11 = month11(date.year() - 1, zone);
            b11 = month11(date.year(), zone);
        } else {
            a11 = month11(date.year(), zone);
            b11 = month11(date.year() + 1, zone);
        }
        int offset = date.month() - 11;
        if (offset < 0) {
            offset += 12;
        }
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11, zone);
            int leapMonth = leapOffset - 2;
            if (leapMonth < 0) {
                leapMonth += 12;
            }
            if (date.leap() && date.month() != leapMonth) {
                return NO_SUCH_DAY;
            }
            if (date.leap() || offset >= leapOffset) {
                offset++;
            }
        } else if (date.leap()) {
            return NO_SUCH_DAY;
        }
        long k = (long) Math.floor(0.5 + (a11 - LUNATION_ZERO) / SYNODIC_MONTH);
        return newMoonDay(k + offset, zone) + date.day() - 1;
    }

    /** The lunar date of a Gregorian date. */
    public LunarDate toLunar(LocalDate date) {
        double zone = hours(fixedZone != null ? fixedZone
                : date.isBefore(SWITCH_TO_UTC_PLUS_7) ? UTC_PLUS_8 : UTC_PLUS_7);
        long day = julianDay(date);
        // the mean lunation is only a first guess: a new moon a few hours from midnight can put the month that
        // holds the day one lunation either side of it
        long k = (long) Math.floor((day - LUNATION_ZERO) / SYNODIC_MONTH);
        while (newMoonDay(k + 1, zone) <= day) {
            k++;
        }
        while (newMoonDay(k, zone) > day) {
            k--;
        }
        long monthStart = newMoonDay(k, zone);
        int year = date.getYear();
        long a11 = month11(year, zone);
        long b11 = a11;
        int lunarYear;
        if (a11 >= monthStart) {
            lunarYear = year;
            a11 = month11(year - 1, zone);
        } else {
            lunarYear = year + 1;
            b11 = month11(year + 1, zone);
        }
        int lunarDay = (int) (day - monthStart + 1);
        int diff = (int) Math.floor((monthStart - a11) / 29.0);
        boolean leap = false;
        int month = diff + 11;
        if (b11 - a11 > 365) {
            int leapOffset = leapMonthOffset(a11, zone);
            if (diff >= leapOffset) {
                month = diff + 10;
                leap = diff == leapOffset;
            }
        }
        if (month > 12) {
            month -= 12;
        }
        if (month >= 11 && diff < 4) {
            lunarYear--;
        }
        return new LunarDate(lunarYear, month, lunarDay, leap);
    }

    /** The day (local) on which the month holding the winter solstice of Gregorian year {@code year} begins. */
    private static long month11(int year, double zone) {
        long off = julianDay(LocalDate.of(year, 12, 31)) - 2_415_021;
        long k = (long) Math.floor(off / SYNODIC_MONTH);
        long newMoon = newMoonDay(k, zone);
        if (sunSector(newMoon, zone) >= 9) {
            newMoon = newMoonDay(k - 1, zone);
        }
        return newMoon;
    }

    /**
     * Which month after month 11 (starting at {@code a11}) is the leap month: the first that holds no major solar
     * term, i.e. whose start and the next month's start lie in the same 30° sector of the sun's longitude.
     */
    private static int leapMonthOffset(long a11, double zone) {
        long k = (long) Math.floor((a11 - LUNATION_ZERO) / SYNODIC_MONTH + 0.5);
        int i = 1;
        int arc = sunSector(newMoonDay(k + i, zone), zone);
        int last;
        do {
            last = arc;
            i++;
            arc = sunSector(newMoonDay(k + i, zone), zone);
        } while (arc != last && i < 14);
        return i - 1;
    }

    /** The local day of the k-th new moon after that of 1900-01-01. */
    private static long newMoonDay(long k, double zone) {
        return (long) Math.floor(newMoon(k) + 0.5 + zone / 24);
    }

    /** The sun's longitude at the start of a local day, as a sector 0..11 of 30° (0: from the spring equinox). */
    private static int sunSector(long day, double zone) {
        return (int) Math.floor(sunLongitude(day - 0.5 - zone / 24) / Math.PI * 6);
    }

    /** Julian day (UT) of the k-th new moon after that of 1900-01-01 (Meeus, ch. 49, abridged). */
    private static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double dr = Math.PI / 180;
        double jd = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
                + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m)
                - 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr)
                - 0.0004 * Math.sin(dr * 3 * mpr)
                + 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr))
                - 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m))
                - 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr))
                + 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
        double deltaT = t < -11
                ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                : -0.000278 + 0.000265 * t + 0.000262 * t2;
        return jd + c1 - deltaT;
    }

    /** The sun's apparent longitude in radians, 0 to 2π, at Julian day {@code jd} (Meeus, ch. 25, abridged). */
    private static double sunLongitude(double jd) {
        double t = (jd - 2_451_545.0) / 36_525;
        double t2 = t * t;
        double dr = Math.PI / 180;
        double m = 357.52910 + 35_999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        double l0 = 280.46645 + 36_000.76983 * t + 0.0003032 * t2;
        double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m)
                + (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
        double l = (l0 + dl) * dr;
        return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
    }

    private static double hours(ZoneOffset zone) {
        return zone.getTotalSeconds() / 3600.0;
    }

    private static long julianDay(LocalDate date) {
        return date.toEpochDay() + JULIAN_DAY_OF_EPOCH;
    }

    private static LocalDate fromJulianDay(long day) {
        return LocalDate.ofEpochDay(day - JULIAN_DAY_OF_EPOCH);
    }
}
