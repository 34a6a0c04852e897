package chibo.reporting.figures;

import chibo.contracts.EventJson;
import chibo.contracts.organization.OrgLevel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of an organisation's figures and months on the topology's changelogs (written at every commit
 * for every organisation changed, and read by the MongoDB sinks): several times cheaper than the JSON that earlier
 * versions wrote, which is still read, so a changelog written before an upgrade restores and materialises.
 */
public final class FiguresCodec {

    /** An organisation's figures as written before they carried its registration and dissolution months. */
    private static final byte AGGREGATE_WITHOUT_LIFESPAN = 2;
    private static final byte MONTH = 3;
    /** An organisation's figures with the months of its registration and dissolution, after its placements. */
    private static final byte AGGREGATE = 4;

    private FiguresCodec() {
    }

    public static byte[] bytes(OrgFigures a) {
        CompactBytes.Writer out = new CompactBytes.Writer(128 + 24 * a.counters().size() + 12 * a.months().size()
                + 16 * a.children().size());
        out.write(AGGREGATE).string(a.orgId()).string(a.name()).string(a.level() == null ? null : a.level().name())
                .string(a.parentId()).write(a.active()).varlong(a.orgSeq()).string(a.mergedInto())
                .string(a.mergedMonth());
        counters(out, a.counters());
        strings(out, a.months());
        strings(out, a.children());
        out.varint(a.placements().size());
        a.placements().forEach(placement -> out.string(placement.fromMonth()).string(placement.parentId()));
        out.string(a.registeredMonth()).string(a.dissolvedMonth());
        return out.varlong(a.version()).instant(a.lastRecordedAt()).bytes();
    }

    public static OrgFigures readFigures(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return EventJson.mapper().readValue(bytes, OrgFigures.class);
        }
        CompactBytes.Reader in = new CompactBytes.Reader(bytes);
        byte kind = bytes.length == 0 ? 0 : in.read();
        if (kind != AGGREGATE && kind != AGGREGATE_WITHOUT_LIFESPAN) {
            throw notExpected(kind, AGGREGATE);
        }
        String orgId = in.string();
        String name = in.string();
        String level = in.string();
        String parentId = in.string();
        boolean active = in.bool();
        long orgSeq = in.varlong();
        String mergedInto = in.string();
        String mergedMonth = in.string();
        Map<String, Long> counters = counters(in);
        List<String> months = strings(in);
        List<String> children = strings(in);
        int placementCount = in.varint();
        List<OrgFigures.Placement> placements = new ArrayList<>(placementCount);
        for (int i = 0; i < placementCount; i++) {
            placements.add(new OrgFigures.Placement(in.string(), in.string()));
        }
        // a state written before the lifespan was kept: registered when unknown (always there), never dissolved
        String registeredMonth = kind == AGGREGATE ? in.string() : null;
        String dissolvedMonth = kind == AGGREGATE ? in.string() : null;
        return new OrgFigures(orgId, name, level == null ? null : OrgLevel.valueOf(level), parentId, active, orgSeq,
                mergedInto, mergedMonth, counters, months, children, placements, registeredMonth, dissolvedMonth,
                in.varlong(), in.instant());
    }

    public static byte[] bytes(OrgMonth month) {
        return month(month.orgId(), month.month(), month.counters(), month.version());
    }

    /** A month being worked on in its stored form, as {@link #bytes(OrgMonth)} of its {@link MonthState#toMonth()}. */
    public static byte[] bytes(MonthState month) {
        return month.encoded();
    }

    static byte[] month(String orgId, String month, Map<String, Long> counters, long version) {
        CompactBytes.Writer out = new CompactBytes.Writer(32 + 24 * counters.size());
        out.write(MONTH).string(orgId).string(month);
        counters(out, counters);
        return out.varlong(version).bytes();
    }

    public static OrgMonth readMonth(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return EventJson.mapper().readValue(bytes, OrgMonth.class);
        }
        CompactBytes.Reader in = reader(bytes, MONTH);
        return new OrgMonth(in.string(), in.string(), counters(in), in.varlong());
    }

    /** A stored month read to be worked on, as {@link MonthState#of} of {@link #readMonth}, without the copies. */
    public static MonthState readMonthState(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            return MonthState.of(readMonth(bytes));
        }
        CompactBytes.Reader in = reader(bytes, MONTH);
        return MonthState.read(in.string(), in.string(), counters(in), in.varlong());
    }

    private static CompactBytes.Reader reader(byte[] bytes, byte expected) {
        CompactBytes.Reader in = new CompactBytes.Reader(bytes);
        byte kind = bytes.length == 0 ? 0 : in.read();
        if (kind != expected) {
            throw notExpected(kind, expected);
        }
        return in;
    }

    private static IllegalArgumentException notExpected(byte kind, byte expected) {
        return new IllegalArgumentException("not the binary form expected: kind " + kind + ", not " + expected);
    }

    private static void counters(CompactBytes.Writer out, Map<String, Long> counters) {
        out.varint(counters.size());
        counters.forEach((name, value) -> out.string(name).signed(value));
    }

    private static HashMap<String, Long> counters(CompactBytes.Reader in) {
        int size = in.varint();
        HashMap<String, Long> counters = HashMap.newHashMap(size);
        for (int i = 0; i < size; i++) {
            counters.put(CompactBytes.name(in.string()), in.signed());
        }
        return counters;
    }

    private static void strings(CompactBytes.Writer out, List<String> values) {
        out.varint(values.size());
        values.forEach(out::string);
    }

    private static List<String> strings(CompactBytes.Reader in) {
        int size = in.varint();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.string());
        }
        return values;
    }
}
