package chibo.meeting.cell;

import java.time.LocalDate;
import java.time.YearMonth;

/** A calendar quarter, written {@code 2025-Q3} as breach periods are. */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("no quarter " + quarter);
        }
    }

    public static Quarter of(YearMonth month) {
        return new Quarter(month.getYear(), (month.getMonthValue() - 1) / 3 + 1);
    }

    public static Quarter of(LocalDate day) {
        return of(YearMonth.from(day));
    }

    public YearMonth firstMonth() {
        return YearMonth.of(year, (quarter - 1) * 3 + 1);
    }

    public LocalDate firstDay() {
        return firstMonth().atDay(1);
    }

    public LocalDate lastDay() {
        return firstMonth().plusMonths(2).atEndOfMonth();
    }

    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(quarter, other.quarter);
    }

    @Override
    public String toString() {
        return year + "-Q" + quarter;
    }
}
