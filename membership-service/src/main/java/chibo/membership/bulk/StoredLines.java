package chibo.membership.bulk;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An import's file as stored ({@code import_lines}, one document per non-blank line, {@code _id}
 * {@code <job>:<line number>}), so that a job survives a restart; a running job keeps a small index of its lines in
 * memory, with the lines themselves while they fit in {@code heldBytes}, and reads the others back by {@code _id}.
 */
final class StoredLines {

    private static final int BATCH = 500;
    /**
     * Lines (or their results) asked for per round trip when a job's are read in order: without a batch size the
     * embedded MongoDB-wire server answers a find with every document in one reply, which for a file of a quarter
     * of a million lines passes the driver's 48 MB limit.
     */
    static final int LINES_PER_BATCH = 2_000;

    private final MongoCollection<Document> lines;
    private final JsonMapper json;
    private final long heldBytes;

    StoredLines(MongoCollection<Document> lines, JsonMapper json, long heldBytes) {
        this.lines = lines;
        this.json = json;
        this.heldBytes = heldBytes;
    }

    /**
     * What the job keeps of a line while it runs: enough to group and order it, and the line itself (UTF-8) when
     * it is {@code held}.
     */
    record LineRef(long number, String memberId, LocalDate effectiveDate, byte[] held) {
        static LineRef of(ParsedLine line, byte[] held) {
            return new LineRef(line.number(), line.parseError() == null ? line.memberId() : null,
                    line.effectiveDate(), held);
        }
    }

    /** Stores the file's non-blank lines under the job; returns how many there were. */
    long store(String jobId, InputStream ndjson) throws IOException {
        long total = 0;
        List<Document> batch = new ArrayList<>(BATCH);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8))) {
            for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
                if (raw.isBlank()) {
                    continue;
                }
                total++;
                batch.add(new Document("_id", lineId(jobId, total)).append("raw", raw));
                if (batch.size() == BATCH) {
                    lines.insertMany(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            lines.insertMany(batch);
        }
        return total;
    }

    /** The job's lines in file order, each held while the lines so far fit in {@code heldBytes}. */
    List<LineRef> index(String jobId) {
        List<LineRef> refs = new ArrayList<>();
        long[] held = {0};
        lines.find(ofJob(jobId)).sort(Sorts.ascending("_id")).batchSize(LINES_PER_BATCH).forEach(line -> {
            String raw = line.getString("raw");
            byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
            held[0] += bytes.length;
            refs.add(LineRef.of(ImportLines.parse(json, number(line.getString("_id")), raw),
                    held[0] <= heldBytes ? bytes : null));
        });
        return refs;
    }

    ParsedLine read(String jobId, LineRef ref) {
        if (ref.held() != null) {
            return ImportLines.parse(json, ref.number(), new String(ref.held(), StandardCharsets.UTF_8));
        }
        Document line = lines.find(Filters.eq("_id", lineId(jobId, ref.number()))).first();
        return ImportLines.parse(json, ref.number(), line == null ? "" : line.getString("raw"));
    }

    /** Once the job is done: its results stay, its file goes. */
    void delete(String jobId) {
        lines.deleteMany(ofJob(jobId));
    }

    /** The documents of a job in a collection keyed {@code <job>:…} (its lines, its results). */
    static Bson ofJob(String jobId) {
        return Filters.and(Filters.gte("_id", jobId + ":"), Filters.lt("_id", jobId + ";"));
    }

    static String lineId(String jobId, long number) {
        return jobId + ":" + String.format("%010d", number);
    }

    private static long number(String lineId) {
        return Long.parseLong(lineId.substring(lineId.indexOf(':') + 1));
    }
}
