package chibo.reporting.figures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every month of an organisation's figures in one compact binary value, so that a query reads an organisation's
 * whole history with one {@code _id} lookup instead of one document per month: counter names once, then per month
 * its version and each counter as a name index and a value, as variable-length integers. A province's eleven years
 * take tens of kilobytes and decode in well under a millisecond.
 *
 * <p>The <em>headline</em> is the same months with only what a comparison of organisations shows (members by
 * status, women, Kinh and unknown ethnicity, and the lifecycle flows): a parent's children are read with it.
 */
public final class Timeline {

    /** One month of figures with the version of the stored month it came from. */
    public record Month(long version, Map<String, Long> counters) {
    }

    static final byte FORMAT = 1;
    private static final Set<String> HEADLINE_STOCK = Set.of(Counters.MEMBERS, "members.official",
            "members.probationary", Counters.EXEMPTED, "members.sex.female", "members.ethnicity.kinh",
            "members.ethnicity.unknown");

    private Timeline() {
    }

    /** Whether a comparison of organisations shows the counter. */
    public static boolean inHeadline(String counter) {
        return HEADLINE_STOCK.contains(counter) || counter.startsWith(Counters.FLOW);
    }

    /** The months with only the headline counters (months left with none are left out). */
    public static Map<String, Month> headline(Map<String, Month> months) {
        Map<String, Month> headline = new TreeMap<>();
        months.forEach((month, figures) -> {
            Map<String, Long> counters = new HashMap<>();
            figures.counters().forEach((name, value) -> {
                if (inHeadline(name)) {
                    counters.put(name, value);
                }
            });
            if (!counters.isEmpty()) {
                headline.put(month, new Month(figures.version(), counters));
            }
        });
        return headline;
    }

    public static byte[] encode(Map<String, Month> months) {
        Map<String, Integer> names = new HashMap<>();
        List<String> dictionary = new ArrayList<>();
        months.values().forEach(month -> month.counters().keySet().forEach(name -> names.computeIfAbsent(name,
                n -> {
                    dictionary.add(n);
                    return dictionary.size() - 1;
                })));
        CompactBytes.Writer out = new CompactBytes.Writer(64 + 16 * months.size() * 8);
        out.write(FORMAT).varint(dictionary.size());
        dictionary.forEach(out::string);
        out.varint(months.size());
        new TreeMap<>(months).forEach((month, figures) -> {
            out.varint(monthIndex(month)).varlong(figures.version()).varint(figures.counters().size());
            figures.counters().forEach((name, value) -> out.varint(names.get(name)).signed(value));
        });
        return out.bytes();
    }

    /** The months, each with its version. */
    public static Map<String, Month> decode(byte[] bytes) {
        CompactBytes.Reader in = new CompactBytes.Reader(bytes);
        byte format = in.read();
        if (format != FORMAT) {
            throw new IllegalArgumentException("not a timeline: format " + format);
        }
        String[] dictionary = new String[in.varint()];
        for (int i = 0; i < dictionary.length; i++) {
            dictionary[i] = CompactBytes.name(in.string());
        }
        int count = in.varint();
        Map<String, Month> months = new TreeMap<>();
        for (int m = 0; m < count; m++) {
            String month = monthName(in.varint());
            long version = in.varlong();
            int size = in.varint();
            Map<String, Long> counters = HashMap.newHashMap(size);
            for (int c = 0; c < size; c++) {
                counters.put(dictionary[in.varint()], in.signed());
            }
            months.put(month, new Month(version, counters));
        }
        return months;
    }

    /** The months' counters alone, by month. */
    public static Map<String, Map<String, Long>> counters(byte[] bytes) {
        Map<String, Map<String, Long>> counters = new TreeMap<>();
        decode(bytes).forEach((month, figures) -> counters.put(month, figures.counters()));
        return counters;
    }

    static int monthIndex(String month) {
        return Integer.parseInt(month.substring(0, 4)) * 12 + Integer.parseInt(month.substring(5, 7)) - 1;
    }

    /** {@code 2025-07} from its index, without a formatter: children are decoded by the thousand months. */
    private static String monthName(int index) {
        int year = index / 12;
        int month = index % 12 + 1;
        return new String(new char[]{digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), '-',
                digit(month / 10), digit(month)});
    }

    private static char digit(int value) {
        return (char) ('0' + value % 10);
    }
}
