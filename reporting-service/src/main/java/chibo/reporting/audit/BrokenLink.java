package chibo.reporting.audit;

/**
 * The first place a subject's chain, as read off Kafka, stops holding together.
 *
 * @param seq      the seq of the link that fails (for a gap: the first missing seq)
 * @param reason   one of {@link Reason}'s codes
 * @param expected what the chain required there (a hash, or a seq)
 * @param found    what the record carried instead
 */
record BrokenLink(long seq, String reason, String detail, String expected, String found, Integer partition,
                  Long offset) {

    enum Reason {
        /** A seq is missing: the next record read carried a later one. */
        SEQ_GAP("seq-gap"),
        /** The record's previous hash is not the hash of the subject's event before it. */
        PREVIOUS_HASH_MISMATCH("previous-hash-mismatch"),
        /** The hash recomputed from the record's headers and payload is not the hash it carries. */
        HASH_MISMATCH("hash-mismatch"),
        /** A seq already read came again with other content. */
        CONFLICTING_RECORD("conflicting-record"),
        /** A missing seq arrived after later ones. */
        OUT_OF_ORDER("out-of-order"),
        /** The record cannot be read as an event. */
        UNREADABLE("unreadable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    static BrokenLink of(Reason reason, long seq, String detail, String expected, String found, ChainLink where) {
        return new BrokenLink(seq, reason.code(), detail, expected, found,
                where == null ? null : where.partition(), where == null ? null : where.offset());
    }
}
