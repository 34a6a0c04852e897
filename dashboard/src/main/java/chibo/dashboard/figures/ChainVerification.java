package chibo.dashboard.figures;

import java.time.Instant;
import java.util.List;

/**
 * Whether a subject's hash chains hold, as reporting-service's archive read them off Kafka: each chain verified
 * through which seq, or where it first breaks. An organisation that is a cell has two chains (its own events and its
 * meetings).
 */
public record ChainVerification(String subject, boolean intact, List<Chain> chains) {

    /** The first broken link of the first chain that does not hold, or null when every chain holds. */
    public BrokenLink firstBreak() {
        return chains.stream().filter(chain -> !chain.intact() && chain.firstBrokenLink() != null)
                .map(Chain::firstBrokenLink).findFirst().orElse(null);
    }

    /**
     * @param verifiedThrough every link from seq 1 to this one holds
     * @param firstBrokenLink the first link that fails, or null when none does
     */
    public record Chain(String stream, long events, long lastSeq, long verifiedThrough, boolean intact,
                        long brokenLinks, BrokenLink firstBrokenLink, Instant lastRecordedAt) {
    }

    /**
     * @param seq    the seq of the link that fails (for a gap: the first missing seq)
     * @param reason {@code seq-gap}, {@code previous-hash-mismatch}, {@code hash-mismatch},
     *               {@code conflicting-record}, {@code out-of-order} or {@code unreadable}
     */
    public record BrokenLink(long seq, String reason, String detail, String expected, String found) {
    }
}
