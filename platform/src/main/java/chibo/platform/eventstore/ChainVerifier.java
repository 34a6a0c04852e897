package chibo.platform.eventstore;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventJson;
import chibo.contracts.HashChain;

import java.util.List;

/**
 * Recomputes a subject's hash chain from its events as stored and reports the first broken link: an event whose
 * content no longer matches its hash, or whose link to its predecessor is wrong, or a gap in the seqs.
 */
public final class ChainVerifier {

    private ChainVerifier() {
    }

    /** @param firstBrokenSeq the first event that fails, or null when the chain is intact */
    public record Report(String subject, boolean intact, int eventsChecked, Long firstBrokenSeq, String problem,
                         String lastHash) {
    }

    public static Report verify(String subject, List<EventStore.StoredEvent> history) {
        String previous = HashChain.GENESIS;
        long expectedSeq = 1;
        for (EventStore.StoredEvent stored : history) {
            EventEnvelope event = stored.envelope();
            if (event.seq() != expectedSeq) {
                return broken(subject, expectedSeq - 1, event.seq(), "seq " + expectedSeq + " is missing");
            }
            if (!event.previousHash().equals(previous)) {
                return broken(subject, expectedSeq - 1, event.seq(), "it does not link to the event before it");
            }
            if (!HashChain.holds(event, EventJson.canonical(stored.storedPayload()))) {
                return broken(subject, expectedSeq - 1, event.seq(), "its content does not match its hash: it was"
                        + " changed after it was recorded");
            }
            previous = event.hash();
            expectedSeq++;
        }
        return new Report(subject, true, history.size(), null, null, previous);
    }

    private static Report broken(String subject, long checked, long seq, String problem) {
        return new Report(subject, false, (int) checked, seq, "event " + seq + ": " + problem, null);
    }
}
