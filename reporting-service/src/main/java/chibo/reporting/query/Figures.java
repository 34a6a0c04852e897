package chibo.reporting.query;


import chibo.reporting.figures.Counters;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Arithmetic on an organisation's stored figures: the stock at the end of a month is the sum of the monthly changes
 * up to it, a period's flows the sum of its months — never a replay of events.
 */
public final class Figures {

    /** Age bands of the party statistics report, by age reached in the year counted. */
    static final int[][] AGE_BANDS = {{0, 30}, {31, 40}, {41, 50}, {51, 60}, {61, 70}, {71, 200}};

    private Figures() {
    }

    /** The stock counters now ({@code month} null), or at the end of {@code month}. */
    public static Map<String, Long> stockAt(OrgFiguresView counts, YearMonth month) {
        if (month == null) {
            return Counters.stock(counts.counters());
        }
        Map<String, Long> stock = new HashMap<>();
        String last = month.toString();
        counts.months().forEach((key, changes) -> {
            if (key.compareTo(last) <= 0) {
                changes.forEach((name, value) -> {
                    if (Counters.isStock(name)) {
                        stock.merge(name, value, Long::sum);
                    }
                });
            }
        });
        stock.values().removeIf(value -> value == 0L);
        return new TreeMap<>(stock);
    }

    /** The flow counters summed over the months from {@code from} to {@code to}, both included. */
    public static Map<String, Long> flowsBetween(OrgFiguresView counts, YearMonth from, YearMonth to) {
        Map<String, Long> flows = new HashMap<>();
        String first = from.toString();
        String last = to.toString();
        counts.months().forEach((key, changes) -> {
            if (key.compareTo(first) >= 0 && key.compareTo(last) <= 0) {
                changes.forEach((name, value) -> {
                    if (!Counters.isStock(name)) {
                        flows.merge(name, value, Long::sum);
                    }
                });
            }
        });
        flows.values().removeIf(value -> value == 0L);
        return new TreeMap<>(flows);
    }

    /**
     * A metric's value in each month of a period, in one pass over the organisation's months: the stock at each
     * month's end (a running sum), or the flow's count in each month.
     */
    public static long[] series(OrgFiguresView counts, String metric, List<YearMonth> period) {
        long[] values = new long[period.size()];
        boolean stock = Counters.isStock(metric);
        Iterator<Map.Entry<String, Map<String, Long>>> months = new TreeMap<>(counts.months()).entrySet().iterator();
        Map.Entry<String, Map<String, Long>> next = months.hasNext() ? months.next() : null;
        long running = 0;
        for (int i = 0; i < period.size(); i++) {
            String month = period.get(i).toString();
            long inMonth = 0;
            while (next != null && next.getKey().compareTo(month) <= 0) {
                long value = next.getValue().getOrDefault(metric, 0L);
                running += value;
                if (next.getKey().equals(month)) {
                    inMonth = value;
                }
                next = months.hasNext() ? months.next() : null;
            }
            values[i] = stock ? running : inMonth;
        }
        return values;
    }

    /** A metric's value for one month: the stock at its end, or the flow's count in it. */
    public static long valueIn(OrgFiguresView counts, String metric, YearMonth month) {
        if (Counters.isStock(metric)) {
            return stockAt(counts, month).getOrDefault(metric, 0L);
        }
        Map<String, Long> changes = counts.months().get(month.toString());
        return changes == null ? 0 : changes.getOrDefault(metric, 0L);
    }

    /** The counters of a family ({@code members.sex.}), by the rest of their name. */
    public static Map<String, Long> family(Map<String, Long> counters, String prefix) {
        Map<String, Long> family = new TreeMap<>();
        counters.forEach((name, value) -> {
            String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : null;
            if (rest != null && !rest.contains(".")) {
                family.put(rest, value);
            }
        });
        return family;
    }

    /**
     * Members by age band in {@code year} ({@code 18-30} … {@code 71+}, and {@code unknown} without a birth date),
     * from the members counted by year of birth: the age is the one reached during the year.
     */
    public static Map<String, Long> ageBands(Map<String, Long> stock, int year) {
        Map<String, Long> bands = new LinkedHashMap<>();
        for (int[] band : AGE_BANDS) {
            bands.put(bandName(band), 0L);
        }
        family(stock, "members.born.").forEach((born, count) -> {
            if (born.equals("unknown")) {
                bands.merge("unknown", count, Long::sum);
                return;
            }
            int age = year - Integer.parseInt(born);
            for (int[] band : AGE_BANDS) {
                if (age >= band[0] && age <= band[1]) {
                    bands.merge(bandName(band), count, Long::sum);
                    return;
                }
            }
        });
        return bands;
    }

    private static String bandName(int[] band) {
        return band[0] == 0 ? "up-to-30" : band[1] >= 200 ? band[0] + "+" : band[0] + "-" + band[1];
    }

    /** {@code part} of {@code whole} in percent with one decimal, or null when there is no whole. */
    public static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
