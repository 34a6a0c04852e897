package chibo.reporting.figures;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The small binary forms reporting keeps its own data in (changelogs, timelines): variable-length integers and
 * length-prefixed UTF-8 strings, a null flagged. Several times cheaper to write and read than JSON, which matters
 * for what is written at every commit.
 */
final class CompactBytes {

    /**
     * The UTF-8 of strings written again and again (counter names, months, organisation ids), up to a bound: written
     * at every commit for every organisation changed, encoding them each time was a fifth of the writing.
     */
    private static final int KEEP_ENCODED = 65_536;
    private static final Map<String, byte[]> ENCODED = new ConcurrentHashMap<>();

    /**
     * One instance of each counter name read back (a few hundred distinct names), up to a bound: the months and
     * organisations kept between commits hold maps keyed by them, and a new string per name and per object read
     * came to over two million strings, a third of the heap, at 200,000 members during a rebuild.
     */
    private static final int KEEP_NAMES = 16_384;
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    private CompactBytes() {
    }

    /** The one kept instance of a counter name equal to {@code name} (or {@code name} itself past the bound). */
    static String name(String name) {
        if (name == null) {
            return null;
        }
        String kept = NAMES.get(name);
        if (kept != null) {
            return kept;
        }
        if (NAMES.size() < KEEP_NAMES && name.length() <= 64) {
            kept = NAMES.putIfAbsent(name, name);
            return kept == null ? name : kept;
        }
        return name;
    }

    private static byte[] utf8(String value) {
        byte[] encoded = ENCODED.get(value);
        if (encoded == null) {
            encoded = value.getBytes(StandardCharsets.UTF_8);
            if (ENCODED.size() < KEEP_ENCODED && value.length() <= 64) {
                ENCODED.put(value, encoded);
            }
        }
        return encoded;
    }

    static final class Writer {
        private byte[] bytes;
        private int size;

        Writer(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        Writer write(byte[] values) {
            ensure(values.length);
            System.arraycopy(values, 0, bytes, size, values.length);
            size += values.length;
            return this;
        }

        Writer write(byte value) {
            ensure(1);
            bytes[size++] = value;
            return this;
        }

        Writer write(boolean value) {
            return write((byte) (value ? 1 : 0));
        }

        Writer varint(int value) {
            return varlong(value & 0xFFFFFFFFL);
        }

        Writer varlong(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
            return this;
        }

        /** A signed value, small in either direction. */
        Writer signed(long value) {
            return varlong((value << 1) ^ (value >> 63));
        }

        /** A string, or null. */
        Writer string(String value) {
            if (value == null) {
                return varint(0);
            }
            byte[] utf8 = utf8(value);
            varint(utf8.length + 1);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
            return this;
        }

        /** An instant, or null. */
        Writer instant(Instant value) {
            write(value != null);
            if (value != null) {
                signed(value.getEpochSecond());
                varint(value.getNano());
            }
            return this;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }

    static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        byte read() {
            return bytes[position++];
        }

        boolean bool() {
            return read() != 0;
        }

        int varint() {
            return (int) varlong();
        }

        long varlong() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
        }

        long signed() {
            long value = varlong();
            return (value >>> 1) ^ -(value & 1);
        }

        String string() {
            int length = varint() - 1;
            if (length < 0) {
                return null;
            }
            String value = new String(bytes, position, length, StandardCharsets.UTF_8);
            position += length;
            return value;
        }

        Instant instant() {
            return bool() ? Instant.ofEpochSecond(signed(), varint()) : null;
        }

        boolean done() {
            return position == bytes.length;
        }
    }
}
