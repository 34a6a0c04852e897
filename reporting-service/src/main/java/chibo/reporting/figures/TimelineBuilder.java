package chibo.reporting.figures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An organisation's {@link Timeline} as the months sink keeps it between writes: each month already in its binary
 * form, so that a month that changes is encoded alone and the timeline is its months' bytes put together. The
 * province's timeline changes at nearly every commit; encoding its eleven years of months each time was most of the
 * sink's work. The bytes are exactly {@link Timeline#encode}'s form.
 */
public final class TimelineBuilder {

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> indexes = new HashMap<>();
    private final List<Boolean> inHeadline = new ArrayList<>();
    private final TreeMap<String, Segment> months = new TreeMap<>();
    private long revision;
    private long segmentBytes;

    /** One month: its version, and its bytes in the full timeline and in the headline (null: nothing to show). */
    private record Segment(long version, byte[] full, byte[] headline) {
    }

    /** A builder holding a stored timeline, at the stored document's revision. */
    public static TimelineBuilder of(Map<String, Timeline.Month> stored, long revision) {
        TimelineBuilder builder = new TimelineBuilder();
        stored.forEach((month, figures) -> builder.put(month, figures.version(), figures.counters()));
        builder.revision = revision;
        return builder;
    }

    /** The revision of the stored document this builder matches; it rises with every write. */
    public long revision() {
        return revision;
    }

    public void written() {
        revision++;
    }

    /** Puts a month unless the builder holds it at the same or a higher version; answers whether it did. */
    public boolean put(String month, long version, Map<String, Long> counters) {
        Segment current = months.get(month);
        if (current != null && current.version() >= version) {
            return false;
        }
        int monthIndex = Timeline.monthIndex(month);
        CompactBytes.Writer full = new CompactBytes.Writer(8 + 6 * counters.size());
        CompactBytes.Writer headline = new CompactBytes.Writer(32);
        full.varint(monthIndex).varlong(version).varint(counters.size());
        int shown = 0;
        CompactBytes.Writer pairs = new CompactBytes.Writer(32);
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            int index = index(counter.getKey());
            full.varint(index).signed(counter.getValue());
            if (inHeadline.get(index)) {
                pairs.varint(index).signed(counter.getValue());
                shown++;
            }
        }
        byte[] headlineBytes = null;
        if (shown > 0) {
            headline.varint(monthIndex).varlong(version).varint(shown).write(pairs.bytes());
            headlineBytes = headline.bytes();
        }
        Segment replaced = months.put(month, new Segment(version, full.bytes(), headlineBytes));
        segmentBytes += size(months.get(month)) - (replaced == null ? 0 : size(replaced));
        return true;
    }

    private static long size(Segment segment) {
        return segment.full().length + (segment.headline() == null ? 0 : segment.headline().length);
    }

    /**
     * About how many bytes of heap this builder holds: its months' bytes and, per month and per counter name, the
     * objects around them.
     */
    public long weight() {
        return segmentBytes + 120L * months.size() + 80L * names.size();
    }

    private int index(String name) {
        Integer index = indexes.get(name);
        if (index == null) {
            index = names.size();
            names.add(name);
            indexes.put(name, index);
            inHeadline.add(Timeline.inHeadline(name));
        }
        return index;
    }

    /** Every month, in {@link Timeline}'s form. */
    public byte[] full() {
        List<byte[]> segments = new ArrayList<>(months.size());
        months.values().forEach(segment -> segments.add(segment.full()));
        return assemble(segments);
    }

    /** The months with headline counters, in {@link Timeline}'s form. */
    public byte[] headline() {
        List<byte[]> segments = new ArrayList<>(months.size());
        months.values().forEach(segment -> {
            if (segment.headline() != null) {
                segments.add(segment.headline());
            }
        });
        return assemble(segments);
    }

    private byte[] assemble(List<byte[]> segments) {
        int size = 16 + segments.stream().mapToInt(segment -> segment.length).sum() + 24 * names.size();
        CompactBytes.Writer out = new CompactBytes.Writer(size);
        out.write(Timeline.FORMAT).varint(names.size());
        names.forEach(out::string);
        out.varint(segments.size());
        segments.forEach(out::write);
        return out.bytes();
    }
}
