package chibo.dashboard.figures;

import org.springframework.http.HttpHeaders;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * How current reporting-service says its figures are ({@code Figures-State}, {@code Figures-Current-To},
 * {@code Figures-Lag}): a reader must know when a figure may still be missing recent events.
 *
 * @param currentTo the recorded time of the latest event counted; null when none has been counted
 * @param lag       events not yet counted, as last measured; -1 when not said
 */
public record Freshness(String state, Instant currentTo, long lag) {

    static final String STATE = "Figures-State";
    static final String CURRENT_TO = "Figures-Current-To";
    static final String LAG = "Figures-Lag";

    public static Freshness of(HttpHeaders headers) {
        String state = headers.getFirst(STATE);
        return new Freshness(state == null ? "UNKNOWN" : state, instant(headers.getFirst(CURRENT_TO)),
                number(headers.getFirst(LAG)));
    }

    public boolean isCurrent() {
        return "CURRENT".equals(state);
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long number(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
