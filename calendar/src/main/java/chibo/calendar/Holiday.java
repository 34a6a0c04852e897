package chibo.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of the holiday data: a day off work, or (kind {@link Kind#WORKED}) a weekly rest day worked instead.
 *
 * @param date   the day off
 * @param name   the holiday's Vietnamese name, e.g. "Quốc khánh"; a compensation day is named
 *               "Nghỉ bù " followed by the holiday it makes up for
 * @param kind   whether this is the holiday itself, a compensation day or a swapped day
 * @param source the legal basis, e.g. "Bộ luật Lao động 2019, điều 112"; rows not yet confirmed by an official
 *               notice say "verify"
 */
public record Holiday(LocalDate date, String name, Kind kind, String source) {

    /** The name every day of the lunar new year break carries in the data. */
    public static final String TET = "Tết Nguyên đán";

    public enum Kind {
        /**
         * A day the law names as a holiday (Bộ luật Lao động 2019, điều 112; before 2021 Bộ luật Lao động 2012,
         * điều 115), including every day of the Tết break the government's yearly notice sets, weekends within
         * it too.
         */
        HOLIDAY,
        /**
         * "Nghỉ bù": a holiday fell on a Saturday or Sunday, so the next working day is off instead
         * (Bộ luật Lao động 2019, điều 111 khoản 3; before 2021 Bộ luật Lao động 2012, điều 115 khoản 3).
         */
        COMPENSATION,
        /**
         * "Nghỉ hoán đổi": a working day the civil service has off because the government's yearly notice swapped
         * it with a weekly rest day (the {@link #WORKED} day), to join a holiday to a weekend.
         */
        SWAP,
        /**
         * "Làm bù": a weekly rest day the civil service works, in exchange for a {@link #SWAP} day off. Not a day
         * off: {@link WorkingDayCalendar#holidays(int)} does not list it, and it counts as a working day.
         */
        WORKED
    }

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A holiday on " + date + " needs a name");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("The holiday on " + date + " needs a source citing the law");
        }
    }

    /** True for a day of the lunar new year break, which meeting rules treat specially. */
    public boolean isTet() {
        return kind == Kind.HOLIDAY && TET.equals(name);
    }
}
