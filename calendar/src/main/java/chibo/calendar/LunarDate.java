package chibo.calendar;

/**
 * A day of the Vietnamese lunar calendar (âm lịch): {@code year} is the Gregorian year in which the lunar year
 * begins (its Tết), {@code month} 1 to 12, {@code day} 1 to 30, and {@code leap} for the repeated month (tháng
 * nhuận) of a thirteen-month year.
 */
public record LunarDate(int year, int month, int day, boolean leap) {

    public LunarDate {
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("a lunar month is 1 to 12, not " + month);
        }
        if (day < 1 || day > 30) {
            throw new IllegalArgumentException("a lunar day is 1 to 30, not " + day);
        }
    }

    /** A day of an ordinary (not leap) month. */
    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(year, month, day, false);
    }

    @Override
    public String toString() {
        return day + "/" + month + (leap ? " nhuận" : "") + "/" + year + " âm lịch";
    }
}
