package chibo.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * One signature for events published together. Their signed messages ({@link CanonicalForm#signed}) are the leaves of
 * a Merkle tree built as RFC 9162 (section 2.1) builds it, and the service signs one statement naming the tree's size
 * and root; each record carries that signature and, in {@value #HEADER}, where it sits in the tree and the hashes
 * that lead from it to the root (its inclusion proof). A consumer recomputes the root from its record and the proof,
 * and checks the signature over the statement once for the whole batch: changing any record, or moving it into
 * another batch, gives another root that the signature does not cover.
 *
 * <p>Header: {@code <index>/<size>/<Base64 of the proof's hashes, in order>}, e.g. {@code 2/64/q8P…}. Leaf hash
 * {@code SHA-256(0x00 ‖ message)}, node hash {@code SHA-256(0x01 ‖ left ‖ right)}, statement
 * {@code "chibo-event-batch" LF size LF root-in-lower-case-hex}, UTF-8. See docs/event-integrity.md.
 */
public final class BatchProof {

    /** The header that carries a record's place in its batch and its inclusion proof. */
    public static final String HEADER = "ce_batchproof";
    /** Most events one statement covers: a record's proof grows by 32 bytes each time this doubles. */
    public static final int MAX_BATCH = 64;
    private static final String STATEMENT = "chibo-event-batch";
    private static final int HASH_BYTES = 32;

    /** Where a record sits in its batch, and the hashes from its leaf up to the root. */
    public record Proof(int index, int size, List<byte[]> path) {

        public Proof {
            path = List.copyOf(path);
        }

        /** The header's text. */
        public String header() {
            byte[] hashes = new byte[path.size() * HASH_BYTES];
            for (int i = 0; i < path.size(); i++) {
                System.arraycopy(path.get(i), 0, hashes, i * HASH_BYTES, HASH_BYTES);
            }
            return index + "/" + size + "/" + Base64.getEncoder().encodeToString(hashes);
        }

        /** The root this record's message leads to, or null when the proof cannot be a proof for a tree its size. */
        public byte[] root(byte[] message) {
            return rootFromPath(index, size, leafHash(message), path);
        }
    }

    private BatchProof() {
    }

    /** Reads the header, or says what is wrong with it. */
    public static Proof parse(String header) {
        String[] parts = header.split("/", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not <index>/<size>/<hashes>");
        }
        int index;
        int size;
        try {
            index = Integer.parseInt(parts[0]);
            size = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("index and size must be whole numbers");
        }
        if (size < 1 || index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not within a batch of " + size);
        }
        byte[] hashes;
        try {
            hashes = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the hashes are not Base64");
        }
        if (hashes.length % HASH_BYTES != 0) {
            throw new IllegalArgumentException("the hashes are not whole SHA-256 values");
        }
        List<byte[]> path = new ArrayList<>(hashes.length / HASH_BYTES);
        for (int offset = 0; offset < hashes.length; offset += HASH_BYTES) {
            byte[] hash = new byte[HASH_BYTES];
            System.arraycopy(hashes, offset, hash, 0, HASH_BYTES);
            path.add(hash);
        }
        return new Proof(index, size, path);
    }

    /** What the service signs for a batch: the tree's size and root. */
    public static byte[] statement(int size, byte[] root) {
        return (STATEMENT + "\n" + size + "\n" + HexFormat.of().formatHex(root)).getBytes(StandardCharsets.UTF_8);
    }

    /** A tree over these signed messages: its root and each leaf's inclusion proof. */
    public static Tree tree(List<byte[]> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one event");
        }
        List<byte[]> leaves = new ArrayList<>(messages.size());
        messages.forEach(message -> leaves.add(leafHash(message)));
        return new Tree(leaves);
    }

    /** A Merkle tree over a batch's leaves; subtree hashes are computed once. */
    public static final class Tree {

        private final List<byte[]> leaves;
        private final Map<Long, byte[]> subtrees = new HashMap<>();

        private Tree(List<byte[]> leaves) {
            this.leaves = leaves;
        }

        public int size() {
            return leaves.size();
        }

        public byte[] root() {
            return hash(0, leaves.size());
        }

        public Proof proof(int index) {
            List<byte[]> path = new ArrayList<>();
            path(index, 0, leaves.size(), path);
            return new Proof(index, leaves.size(), path);
        }

        /** RFC 9162, 2.1.3.1: PATH(m, D[from:to]), the sibling hashes from the leaf up. */
        private void path(int m, int from, int to, List<byte[]> path) {
            int n = to - from;
            if (n <= 1) {
                return;
            }
            int k = split(n);
            if (m < k) {
                path(m, from, from + k, path);
                path.add(hash(from + k, to));
            } else {
                path(m - k, from + k, to, path);
                path.add(hash(from, from + k));
            }
        }

        /** RFC 9162, 2.1.1: MTH(D[from:to]). */
        private byte[] hash(int from, int to) {
            if (to - from == 1) {
                return leaves.get(from);
            }
            long key = (long) from << 32 | to;
            byte[] known = subtrees.get(key);
            if (known == null) {
                int k = split(to - from);
                known = nodeHash(hash(from, from + k), hash(from + k, to));
                subtrees.put(key, known);
            }
            return known;
        }
    }

    /** The largest power of two smaller than n (n > 1). */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** RFC 9162, 2.1.3.2: the root a leaf and its proof lead to, or null when the proof's length cannot fit. */
    static byte[] rootFromPath(int index, int size, byte[] leafHash, List<byte[]> path) {
        if (index < 0 || index >= size) {
            return null;
        }
        long fn = index;
        long sn = size - 1L;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    static byte[] leafHash(byte[] message) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(message);
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
