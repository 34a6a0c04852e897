package chibo.reporting.figures;

import chibo.contracts.EventJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A change to an organisation's counters, travelling on the org-deltas topic keyed by the organisation it is for.
 * Member, meeting and unit facts make deltas for their organisation; each organisation forwards what it applied to
 * its parent.
 *
 * <p>On that topic, internal to one projection version, a delta travels in a compact binary form ({@link #bytes()},
 * {@link #read(byte[])}): every event becomes a delta at each level of the tree, and reading them as JSON records
 * was a fifth of the topology's work.
 *
 * @param counters   the change of each counter
 * @param month      the month of the effective date the change belongs to ({@code 2025-07}); stock as of a date
 *                   and flows of a period are summed from these
 * @param cause      the id of the event that caused it
 * @param recordedAt when that event was recorded, for freshness
 * @param mergeInto  set on the instruction to an organisation that it was merged into this one: it hands its
 *                   stock over and passes on whatever still reaches it
 * @param child      set when {@code childAdded} says a child organisation joined ({@code true}) or left
 *                   ({@code false}) this one
 */
public record OrgDelta(Map<String, Long> counters, String month, String cause, Instant recordedAt, String mergeInto,
                       String child, boolean childAdded) {

    public OrgDelta {
        counters = counters == null ? Map.of() : counters instanceof Owned ? counters : Map.copyOf(counters);
    }

    /**
     * A change of counters whose map nobody else holds (a sum just sent, a delta just read): kept read-only as it
     * is instead of copied. The same change passed on up the tree ({@link #counting()}) keeps it too: every event
     * reaches every level above its cell, and copying its counters at each was a tenth of a rebuild's fold.
     */
    static OrgDelta ofOwned(Map<String, Long> counters, String month, String cause, Instant recordedAt) {
        return of(new Owned(counters), month, cause, recordedAt);
    }

    public static OrgDelta of(Map<String, Long> counters, String month, String cause, Instant recordedAt) {
        return new OrgDelta(counters, month, cause, recordedAt, null, null, false);
    }

    public static OrgDelta mergeInto(String targetId, String month, String cause, Instant recordedAt) {
        return new OrgDelta(Map.of(), month, cause, recordedAt, targetId, null, false);
    }

    public static OrgDelta child(String childId, boolean added, String cause, Instant recordedAt) {
        return new OrgDelta(Map.of(), null, cause, recordedAt, null, childId, added);
    }

    private static final byte FORMAT = 1;

    /** The binary form: a format byte, the counters, then each field (strings and the time flagged when absent). */
    public byte[] bytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(64 + 32 * counters.size());
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(FORMAT);
            out.writeInt(counters.size());
            for (Map.Entry<String, Long> counter : counters.entrySet()) {
                out.writeUTF(counter.getKey());
                out.writeLong(counter.getValue());
            }
            writeNullable(out, month);
            writeNullable(out, cause);
            out.writeBoolean(recordedAt != null);
            if (recordedAt != null) {
                out.writeLong(recordedAt.getEpochSecond());
                out.writeInt(recordedAt.getNano());
            }
            writeNullable(out, mergeInto);
            writeNullable(out, child);
            out.writeBoolean(childAdded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * Reads the binary form, or the JSON form earlier versions wrote (so a topic written before an upgrade still
     * reads); anything else is an {@link IllegalArgumentException}.
     */
    public static OrgDelta read(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == '{') {
            try {
                return EventJson.mapper().readValue(bytes, OrgDelta.class);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not an org delta: " + e.getMessage(), e);
            }
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("not an org delta: format " + format);
            }
            int size = in.readInt();
            Map<String, Long> counters = new HashMap<>(Math.max(4, size * 2));
            for (int i = 0; i < size; i++) {
                counters.put(CompactBytes.name(in.readUTF()), in.readLong());
            }
            String month = readNullable(in);
            String cause = readNullable(in);
            Instant recordedAt = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            String mergeInto = readNullable(in);
            String child = readNullable(in);
            boolean childAdded = in.readBoolean();
            if (in.available() > 0) {
                throw new IllegalArgumentException("not an org delta: " + in.available() + " bytes left over");
            }
            return new OrgDelta(new Owned(counters), month, cause, recordedAt, mergeInto, child, childAdded);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an org delta: " + e, e);
        }
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** The same change, passed on to the parent. */
    OrgDelta counting() {
        return of(counters, month, cause, recordedAt);
    }

    /** Counters handed over by whoever built them, read-only from then on. */
    private static final class Owned extends AbstractMap<String, Long> {
        private final Map<String, Long> counters;

        Owned(Map<String, Long> counters) {
            this.counters = counters;
        }

        @Override
        public Set<Entry<String, Long>> entrySet() {
            return Collections.unmodifiableMap(counters).entrySet();
        }

        @Override
        public int size() {
            return counters.size();
        }

        @Override
        public Long get(Object name) {
            return counters.get(name);
        }

        @Override
        public boolean containsKey(Object name) {
            return counters.containsKey(name);
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Long> action) {
            counters.forEach(action);
        }
    }
}
