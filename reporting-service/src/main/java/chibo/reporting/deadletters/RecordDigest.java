package chibo.reporting.deadletters;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The digest of a Kafka record that a re-drive's audit record names for what was there before and what was sent:
 * SHA-256, hex, over the key, the number of headers, each header's name and value in order, and the value; each
 * byte string is preceded by its length as a 4-byte big-endian integer, -1 for an absent one (so no two records
 * share an input). Anyone holding the record (kcat, a console consumer) can recompute it.
 */
final class RecordDigest {

    private RecordDigest() {
    }

    static String of(String key, Headers headers, byte[] value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(out, key == null ? null : key.getBytes(StandardCharsets.UTF_8));
            Header[] all = headers.toArray();
            out.writeInt(all.length);
            for (Header header : all) {
                field(out, header.key().getBytes(StandardCharsets.UTF_8));
                field(out, header.value());
            }
            field(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(DataOutputStream out, byte[] bytes) throws IOException {
        if (bytes == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }
}
