package chibo.membership.rules;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;

/** Age and durations the way the regulations count them: in whole months. */
public final class Ages {

    private Ages() {
    }

    public static long months(LocalDate from, LocalDate to) {
        return ChronoUnit.MONTHS.between(from, to);
    }

    public static Period between(LocalDate from, LocalDate to) {
        return Period.between(from, to);
    }
}
