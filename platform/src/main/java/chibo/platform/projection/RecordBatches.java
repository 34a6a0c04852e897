package chibo.platform.projection;

import chibo.contracts.EventEnvelope;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Hands a consumer's poll of records to a batch handler, with the effect of handling them one by one: the records
 * before an unreadable one are handled, then the unreadable one is named to the container (by a
 * {@link BatchListenerFailedException} with its index), which commits what came before, dead-letters it and
 * goes on with the rest. Should the batch handler fail, the records are handled one by one instead, so that the
 * one that fails is the one named.
 */
public final class RecordBatches {

    private RecordBatches() {
    }

    /**
     * @param read   reads a record as an event; throws for one that cannot be read
     * @param batch  handles readable events as a batch
     * @param single handles one event, with the same effect
     */
    public static <R> void handle(List<R> records, Function<R, EventEnvelope> read,
                                  Consumer<List<EventEnvelope>> batch, Consumer<EventEnvelope> single) {
        List<EventEnvelope> events = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            EventEnvelope event;
            try {
                event = read.apply(records.get(index));
            } catch (RuntimeException unreadable) {
                handleReadable(events, batch, single);
                throw new BatchListenerFailedException("record " + index + " of the batch cannot be read: "
                        + unreadable.getMessage(), unreadable, index);
            }
            events.add(event);
        }
        handleReadable(events, batch, single);
    }

    private static void handleReadable(List<EventEnvelope> events, Consumer<List<EventEnvelope>> batch,
                                       Consumer<EventEnvelope> single) {
        if (events.isEmpty()) {
            return;
        }
        try {
            batch.accept(events);
        } catch (RuntimeException batchFailed) {
            for (int index = 0; index < events.size(); index++) {
                try {
                    single.accept(events.get(index));
                } catch (RuntimeException failed) {
                    throw new BatchListenerFailedException("record " + index + " of the batch failed: "
                            + failed.getMessage(), failed, index);
                }
            }
        }
    }
}
