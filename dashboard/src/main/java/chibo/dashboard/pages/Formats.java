package chibo.dashboard.pages;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Numbers and dates as the reader's language writes them: {@code 1.234} and {@code 31/12/2024} in Vietnamese,
 * {@code 1,234} and {@code 31 Dec 2024} in English. Templates reach it as {@code fmt}.
 */
public final class Formats {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Locale locale;
    private final ZoneId zone;

    Formats(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A share such as {@code 87.5} as {@code 87,5 %} (Vietnamese) or {@code 87.5 %}; none as a dash. */
    public String percent(Double value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(value) + " %";
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(vietnamese() ? VI_DATE : EN_DATE);
    }

    /** A moment as a date and time in the figures' zone: {@code 14:05 03/12/2026}. */
    public String moment(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(zone);
        return local.format(DateTimeFormatter.ofPattern("HH:mm")) + " " + date(local.toLocalDate());
    }

    /** A month such as {@code 2025-07} as {@code 07/2025} (Vietnamese) or {@code Jul 2025}. */
    public String month(String yearMonth) {
        if (yearMonth == null) {
            return "";
        }
        var month = java.time.YearMonth.parse(yearMonth);
        return vietnamese() ? month.format(DateTimeFormatter.ofPattern("MM/yyyy"))
                : month.format(DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH));
    }

    private boolean vietnamese() {
        return "vi".equals(locale.getLanguage());
    }
}
