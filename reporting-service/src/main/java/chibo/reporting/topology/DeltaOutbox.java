package chibo.reporting.topology;

import chibo.reporting.figures.DeltaSums;
import chibo.reporting.figures.OrgDelta;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;

/**
 * The changes of counters a processor sends to organisations between two commits, summed per organisation and
 * month and sent when the task commits. A commune or the province takes a change for nearly every event; summed,
 * it takes one per month touched per commit, and so does every level above it. What reaches an organisation is
 * the same sum, in the same transaction as the input it comes from: the task's commit sends these before it sends
 * anything else of the transaction (a store's commit hook, {@link ObjectStore#beforeCommit}, which Kafka Streams
 * calls while it prepares the commit, as it does for its own record caches).
 *
 * <p>Other deltas (a merger's instruction, a child joining or leaving) go out at once, after what was summed
 * before them, so that an organisation sees them in the order they were decided.
 */
final class DeltaOutbox {

    private final String sink;
    private final DeltaSums sums = new DeltaSums();
    private ProcessorContext<String, byte[]> context;
    private ProcessorNode<?, ?, ?, ?> node;

    DeltaOutbox(String sink) {
        this.sink = sink;
    }

    /** Called from the processor's {@code init}: the processor's node forwards what is sent at commit. */
    void init(ProcessorContext<String, byte[]> context, ObjectStore<?> committing) {
        this.context = context;
        this.node = context instanceof InternalProcessorContext<String, byte[]> internal ? internal.currentNode()
                : null;
        sums.clear();
        committing.beforeCommit(this::flush);
    }

    /** A change to an organisation's counters: summed with the others for the same organisation and month. */
    void add(String orgId, OrgDelta delta) {
        sums.add(orgId, delta);
    }

    /** An instruction, sent now, after everything summed so far. */
    void sendNow(String orgId, OrgDelta delta) {
        flush();
        forward(orgId, delta);
    }

    /** Sends what was summed, organisation by organisation in the order first touched. */
    void flush() {
        sums.sendAll(this::forward);
    }

    private void forward(String orgId, OrgDelta delta) {
        Record<String, byte[]> record = new Record<>(orgId, delta.bytes(),
                delta.recordedAt() == null ? 0 : delta.recordedAt().toEpochMilli());
        if (!(context instanceof InternalProcessorContext<String, byte[]> internal) || node == null) {
            context.forward(record, sink);
            return;
        }
        // at commit no record is being processed: forward as this processor, as a punctuation would
        ProcessorNode<?, ?, ?, ?> previousNode = internal.currentNode();
        ProcessorRecordContext previousContext = internal.recordContext();
        try {
            internal.setCurrentNode(node);
            if (previousContext == null) {
                internal.setRecordContext(new ProcessorRecordContext(record.timestamp(), -1L, -1, null,
                        new RecordHeaders()));
            }
            context.forward(record, sink);
        } finally {
            internal.setCurrentNode(previousNode);
            internal.setRecordContext(previousContext);
        }
    }
}
