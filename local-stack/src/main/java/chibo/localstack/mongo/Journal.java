package chibo.localstack.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The write-ahead journal of the {@link JournaledBackend}: every change to a document, as its whole new state, is
 * appended to one file before it is applied in memory, so that whatever the server acknowledged survives the
 * process (the write is in the operating system's hands when the command answers; the file is forced to the disk
 * every second and on close, as MongoDB's own journal commits at an interval).
 *
 * <p>A record is {@code [length:int][crc32c:int][op:byte][namespace:cstring][payload]}: {@link #PUT} carries the
 * document (BSON), {@link #REMOVE} the document's key wrapped as {@code {k: key}}, {@link #DROP} nothing and
 * {@link #RENAME} the new namespace. Reading stops at the first record that is short or fails its checksum (a
 * write cut by a crash); nothing after it is read.
 *
 * <p>On opening, the journal is read into the {@link State} it describes and rewritten as one {@code PUT} per live
 * document (written beside it, forced, then moved over it), so a restart costs the live data, not the history.
 * While it runs, the journal is rewritten the same way whenever it has grown to twice its size after the last
 * rewrite (and at least {@code compactAbove} bytes): the live documents are written beside it while writes go on,
 * then, with writes held for a moment, the records appended meanwhile are copied after them and the new file is moved
 * over the old. Every record holds a document's whole state, so the records copied after a document's snapshot
 * bring it to its latest state whenever the snapshot caught it.
 */
final class Journal implements AutoCloseable {

    static final byte PUT = 1;
    static final byte REMOVE = 2;
    static final byte DROP = 3;
    static final byte RENAME = 4;

    private static final Logger log = LoggerFactory.getLogger(Journal.class);
    private static final int MAX_RECORD = 64 * 1024 * 1024;
    private static final String KEY = "k";

    private final Path file;
    private FileChannel channel;
    private final ByteBuf buffer = Unpooled.buffer(16 * 1024);
    private final CRC32C crc = new CRC32C();
    private ScheduledExecutorService forcing;
    private boolean dirty;
    private long compactAbove = Long.MAX_VALUE;
    private long compactAt = Long.MAX_VALUE;
    private boolean compacting;
    private Consumer<Journal> snapshot;
    /** Held by the one rewrite that may run at a time (writes go on beside it). */
    private final Object rewriting = new Object();

    private Journal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    private Journal forcedEverySecond() {
        forcing = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mongo-journal-force");
            thread.setDaemon(true);
            return thread;
        });
        forcing.scheduleWithFixedDelay(this::force, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    /**
     * Reads the journal at {@code file} (if any), rewrites it as the live documents only and opens it for appending.
     *
     * @param keys for each namespace, the field that keys its documents (their id field), or {@code null} where the
     *             whole document is its own key
     */
    static Opened open(Path file, KeyFields keys) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            State state = Files.exists(file) ? read(file, keys) : new State();
            write(file, state.namespaces);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return new Opened(new Journal(file, channel).forcedEverySecond(), state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the MongoDB journal " + file, e);
        }
    }

    /**
     * Writes a journal holding exactly {@code namespaces}' documents (beside {@code file}, forced to the disk, then
     * moved over it).
     */
    static void write(Path file, Map<String, ? extends Map<?, Document>> namespaces) throws IOException {
        Path written = file.resolveSibling(file.getFileName() + ".writing");
        try (FileChannel out = FileChannel.open(written, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            Journal writer = new Journal(written, out);
            namespaces.forEach((namespace, documents) ->
                    documents.values().forEach(document -> writer.put(namespace, document)));
            out.force(true);
        }
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Rewrites the journal as {@code snapshot} writes the live documents (into the journal it is given) once it has
     * grown past twice its size after the last rewrite, and at least {@code compactAbove} bytes.
     */
    synchronized void compactWhenGrown(long compactAbove, Consumer<Journal> snapshot) {
        this.compactAbove = compactAbove;
        this.snapshot = snapshot;
        this.compactAt = nextCompaction();
    }

    private long nextCompaction() {
        long size = size();
        return size > compactAbove / 2 ? 2 * size : compactAbove;
    }

    /** Rewrites the journal as the live documents now, while writes go on (see the class comment). */
    void compact() {
        synchronized (rewriting) {
            rewrite();
        }
    }

    private void rewrite() {
        Consumer<Journal> writeLive;
        long from;
        synchronized (this) {
            writeLive = snapshot;
            from = size();
        }
        Path rewritten = file.resolveSibling(file.getFileName() + ".compacting");
        try (FileChannel out = FileChannel.open(rewritten, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            writeLive.accept(new Journal(rewritten, out));
            synchronized (this) {
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    long to = channel.size();
                    for (long at = from; at < to; ) {
                        at += in.transferTo(at, to - at, out);
                    }
                }
                out.force(true);
                Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                channel.close();
                channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                dirty = false;
                compactAt = nextCompaction();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the MongoDB journal " + file, e);
        } finally {
            synchronized (this) {
                compacting = false;
            }
        }
    }

    private void compactQuietly() {
        try {
            long started = System.nanoTime();
            long before = size();
            compact();
            log.info("MongoDB journal {} rewritten as the live documents: {} → {} bytes in {} ms", file, before,
                    size(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            synchronized (this) {
                // not again at the next write: once the journal has doubled again, or at the next start
                compactAt = nextCompaction();
            }
            log.warn("cannot rewrite the MongoDB journal {}; it is tried again once it has doubled, and rewritten at"
                    + " the next start", file, e);
        }
    }

    record Opened(Journal journal, State state) {
    }

    /** Which field keys the documents of a namespace. */
    @FunctionalInterface
    interface KeyFields {
        /** The id field of the namespace's documents, or {@code null} where a document is its own key. */
        String of(String namespace);
    }

    /** The documents the journal describes: namespace → key → document, in the order they were first written. */
    static final class State {
        final Map<String, Map<Object, Document>> namespaces = new LinkedHashMap<>();
        long records;
        boolean cut;

        private void apply(byte op, String namespace, Document payload, String renamedTo, KeyFields keys) {
            switch (op) {
                case PUT -> namespaces.computeIfAbsent(namespace, n -> new LinkedHashMap<>())
                        .put(key(payload, keys.of(namespace)), payload);
                case REMOVE -> {
                    Map<Object, Document> documents = namespaces.get(namespace);
                    if (documents != null) {
                        documents.remove(payload.get(KEY));
                    }
                }
                case DROP -> namespaces.remove(namespace);
                case RENAME -> {
                    Map<Object, Document> documents = namespaces.remove(namespace);
                    if (documents != null) {
                        namespaces.put(renamedTo, documents);
                    }
                }
                default -> throw new IllegalStateException("unknown journal record " + op);
            }
        }
    }

    static Object key(Document document, String idField) {
        return idField == null ? document : document.get(idField);
    }

    synchronized void put(String namespace, Document document) {
        append(PUT, namespace, body -> BsonEncoder.encodeDocument(document, body));
    }

    synchronized void remove(String namespace, Object key) {
        Document wrapped = new Document(KEY, key);
        append(REMOVE, namespace, body -> BsonEncoder.encodeDocument(wrapped, body));
    }

    synchronized void drop(String namespace) {
        append(DROP, namespace, body -> {
        });
    }

    synchronized void rename(String namespace, String renamedTo) {
        append(RENAME, namespace, body -> writeCString(body, renamedTo));
    }

    private void append(byte op, String namespace, Consumer<ByteBuf> payload) {
        buffer.clear();
        buffer.writeInt(0).writeInt(0).writeByte(op);
        writeCString(buffer, namespace);
        payload.accept(buffer);
        int length = buffer.writerIndex() - 8;
        crc.reset();
        crc.update(buffer.nioBuffer(8, length));
        buffer.setInt(0, length).setInt(4, (int) crc.getValue());
        ByteBuffer bytes = buffer.nioBuffer();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the MongoDB journal " + file, e);
        }
        dirty = true;
        if (!compacting && forcing != null && snapshot != null && size() > compactAt) {
            compacting = true;
            forcing.execute(this::compactQuietly);
        }
    }

    private static void writeCString(ByteBuf buffer, String text) {
        buffer.writeBytes(text.getBytes(StandardCharsets.UTF_8)).writeByte(0);
    }

    /** Forces what was appended to the disk. */
    void force() {
        FileChannel forced;
        synchronized (this) {
            if (!dirty || !channel.isOpen()) {
                return;
            }
            dirty = false;
            forced = channel;
        }
        try {
            forced.force(false);
        } catch (ClosedChannelException e) {
            // moved over by a rewrite, which forced it first
        } catch (IOException e) {
            log.warn("cannot force the MongoDB journal {} to the disk", file, e);
        }
    }

    synchronized long size() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (forcing != null) {
            forcing.shutdown();
            try {
                if (!forcing.awaitTermination(1, TimeUnit.MINUTES)) {
                    log.warn("the MongoDB journal {} was still being rewritten after a minute; closing it", file);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            try {
                channel.force(true);
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the MongoDB journal " + file, e);
            }
        }
    }

    static State read(Path file, KeyFields keys) throws IOException {
        State state = new State();
        long good = 0;
        try (InputStream stream = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 20))) {
            CRC32C check = new CRC32C();
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                if (length <= 0 || length > MAX_RECORD) {
                    state.cut = true;
                    break;
                }
                int expected;
                byte[] body = new byte[length];
                try {
                    expected = in.readInt();
                    in.readFully(body);
                } catch (EOFException cut) {
                    state.cut = true;
                    break;
                }
                check.reset();
                check.update(body);
                if ((int) check.getValue() != expected) {
                    state.cut = true;
                    break;
                }
                ByteBuf record = Unpooled.wrappedBuffer(body);
                byte op = record.readByte();
                String namespace = BsonDecoder.decodeCString(record);
                Document payload = op == PUT || op == REMOVE ? BsonDecoder.decodeBson(record) : null;
                String renamedTo = op == RENAME ? BsonDecoder.decodeCString(record) : null;
                state.apply(op, namespace, payload, renamedTo, keys);
                state.records++;
                good += 8 + length;
            }
        }
        if (state.cut) {
            Path kept = file.resolveSibling(file.getFileName() + ".cut-" + System.currentTimeMillis());
            Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
            log.warn("the MongoDB journal {} ends in a record cut short or damaged after {} good records ({} bytes);"
                    + " what follows is not applied, the whole file is kept as {}", file, state.records, good, kept);
        }
        return state;
    }
}
