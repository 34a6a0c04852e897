package chibo.reporting.audit;

import chibo.contracts.HashChain;

/**
 * One subject's hash chain as read off Kafka, record after record in the order Kafka holds them (per key, the
 * order they were published). A fold: {@code state = records.reduce(EMPTY, ChainState::accept)}. Only the first
 * broken link is kept (the lowest seq); reading carries on after it, so later breaks are counted.
 *
 * @param lastSeq     the highest seq read
 * @param lastHash    the hash the record at {@code lastSeq} carries (empty when it could not be read)
 * @param events      records taken into the chain
 * @param brokenLinks how many links failed, the first included
 * @param firstBroken the lowest failing link, or null while the chain holds
 */
record ChainState(long lastSeq, String lastHash, long events, long brokenLinks, BrokenLink firstBroken) {

    static final ChainState EMPTY = new ChainState(0, HashChain.GENESIS, 0, 0, null);

    boolean intact() {
        return firstBroken == null;
    }

    /** Every link from seq 1 to this one holds. */
    long verifiedThrough() {
        return firstBroken == null ? lastSeq : Math.min(lastSeq, firstBroken.seq() - 1);
    }

    /** Whether a record with this seq is the chain's next news rather than one already read. */
    boolean isAhead(long seq) {
        return seq > lastSeq;
    }

    /** Takes the next record read into the chain: it must be ahead of the last one. */
    ChainState accept(ChainLink link) {
        if (!isAhead(link.seq())) {
            throw new IllegalArgumentException("seq " + link.seq() + " is not after " + lastSeq);
        }
        BrokenLink broken = null;
        if (link.seq() != lastSeq + 1) {
            broken = BrokenLink.of(BrokenLink.Reason.SEQ_GAP, lastSeq + 1, "seq " + (lastSeq + 1)
                    + (link.seq() == lastSeq + 2 ? "" : " to " + (link.seq() - 1)) + " missing: seq " + link.seq()
                    + " followed seq " + lastSeq, Long.toString(lastSeq + 1), Long.toString(link.seq()), link);
        } else if (!link.previousHash().equals(lastHash)) {
            broken = BrokenLink.of(BrokenLink.Reason.PREVIOUS_HASH_MISMATCH, link.seq(), "seq " + link.seq()
                    + " does not link to the event before it", lastHash, link.previousHash(), link);
        } else if (!link.contentIntact()) {
            broken = BrokenLink.of(BrokenLink.Reason.HASH_MISMATCH, link.seq(), "the content of seq " + link.seq()
                    + " does not match its hash: it was changed after it was sealed", link.recomputedHash(),
                    link.hash(), link);
        }
        return new ChainState(link.seq(), link.hash(), events + 1, brokenLinks + (broken == null ? 0 : 1),
                earliest(firstBroken, broken));
    }

    /** A seq already read came again with content other than the record read first. */
    ChainState conflicting(ChainLink link, String firstHash) {
        return broken(BrokenLink.of(BrokenLink.Reason.CONFLICTING_RECORD, link.seq(), "seq " + link.seq()
                + " was read again with other content", firstHash, link.hash(), link));
    }

    /** A seq that was missing arrived after later ones. */
    ChainState late(ChainLink link) {
        return broken(BrokenLink.of(BrokenLink.Reason.OUT_OF_ORDER, link.seq(), "seq " + link.seq()
                + " arrived after seq " + lastSeq, Long.toString(link.seq()), Long.toString(lastSeq), link));
    }

    /**
     * A record of this subject that cannot be read as an event. Its seq counts as read, and since its hash is
     * unknown, the next link fails as well.
     */
    ChainState unreadable(long seq, String detail, int partition, long offset) {
        BrokenLink broken = new BrokenLink(seq, BrokenLink.Reason.UNREADABLE.code(), detail, null, null, partition,
                offset);
        if (seq <= lastSeq) {
            return broken(broken);
        }
        return new ChainState(seq, "", events, brokenLinks + 1, earliest(firstBroken, broken));
    }

    private ChainState broken(BrokenLink broken) {
        return new ChainState(lastSeq, lastHash, events, brokenLinks + 1, earliest(firstBroken, broken));
    }

    private static BrokenLink earliest(BrokenLink first, BrokenLink next) {
        if (first == null) {
            return next;
        }
        return next != null && next.seq() < first.seq() ? next : first;
    }
}
