package chibo.reporting.audit;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;

/**
 * What one record read off Kafka says about its place in its subject's chain: its seq, the previous hash it
 * claims, the hash it carries, and the hash recomputed from its headers and its payload exactly as received.
 *
 * @param partition where it was read, for the report of a broken link
 * @param offset    where it was read, for the report of a broken link
 */
record ChainLink(long seq, String previousHash, String hash, String recomputedHash, int partition, long offset) {

    static ChainLink of(CloudEventsKafka.ReceivedEvent received, int partition, long offset) {
        // the hash covers the wire type and the payload as sent, before any upcasting
        EventEnvelope e = received.envelope();
        String recomputed = received.recomputedHash();
        return new ChainLink(e.seq(), e.previousHash(), e.hash(), recomputed, partition, offset);
    }

    /** Whether the record's content still matches the hash it was sealed with. */
    boolean contentIntact() {
        return recomputedHash.equals(hash);
    }
}
