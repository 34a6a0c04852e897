package chibo.reporting.audit;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventJson;
import chibo.contracts.InvalidEventException;
import chibo.contracts.TrustedSigners;
import chibo.contracts.UntrustedEventException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Re-reads the topics from offset 0 with a plain consumer of its own (no group, nothing committed) and recomputes
 * the chain of every subject in an organisation's subtree, trusting nothing the archive or a producing service
 * holds. It reads up to the end offsets it finds when it starts, in three passes:
 *
 * <ol>
 *   <li>the organisation topic: the tree (hence the subtree) and every organisation's chain;</li>
 *   <li>the membership and meeting topics, headers mostly: which members were ever in a cell of the subtree (from
 *   admissions, enrolments, readmissions and transfers received) and which cells have meetings, with the offset of
 *   each one's last record, so that the total is known and each subject is done when its last record is;</li>
 *   <li>the same two topics again: the chains of those members and cells.</li>
 * </ol>
 *
 * Memory holds the tree, every organisation's chain, and the chains of the subtree's members and cells only.
 */
final class ChainRereader {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(1);
    private static final Duration STALLED_AFTER = Duration.ofMinutes(2);
    private static final List<String> CELL_TYPES = List.of("member.admitted.", "member.enrolled_from_register.",
            "member.readmitted.", "member.transfer_received.");

    /** Receives the job's progress, at most about once a second, and once at the end of each phase. */
    interface Progress {
        void report(String phase, Long subjectsTotal, long subjectsDone, long recordsRead);
    }

    /** A subject's chain as recomputed, identified by stream and subject. */
    record Chain(EventStream stream, String subject, ChainState state) {
    }

    /**
     * @param known   whether the organisation was found on the organisation topic
     * @param refused the records of the subtree's subjects whose signature does not hold: they take no place in
     *                any chain
     */
    record Result(boolean known, long subjects, List<Chain> broken, List<Refused> refused) {

        boolean signaturesHold() {
            return refused.isEmpty();
        }
    }

    /** A record refused for its signature, and why. */
    record Refused(EventStream stream, String subject, Long seq, String reason, int partition, long offset) {

        Document toDocument() {
            return new Document("stream", stream.label()).append("subject", subject).append("seq", seq)
                    .append("reason", reason).append("partition", partition).append("offset", offset);
        }
    }

    private final Map<String, Object> consumerProperties;
    private final Clock clock;
    private final TrustedSigners signers;

    ChainRereader(Map<String, Object> kafkaConsumerProperties, String clientId, Clock clock,
                  TrustedSigners signers) {
        this.signers = signers;
        Map<String, Object> properties = new HashMap<>(kafkaConsumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        this.consumerProperties = properties;
        this.clock = clock;
    }

    Result verify(String orgId, Progress progress) {
        // a plain consumer, not a binding: a verification re-reads the partitions from offset 0 on demand, in no group
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties,
                new StringDeserializer(), new ByteArrayDeserializer())) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            Map<EventStream, List<TopicPartition>> partitions = new HashMap<>();
            for (EventStream stream : EventStream.values()) {
                List<TopicPartition> ofStream = consumer.partitionsFor(stream.topic(), Duration.ofSeconds(30))
                        .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                partitions.put(stream, ofStream);
                ends.putAll(consumer.endOffsets(ofStream, Duration.ofSeconds(30)));
            }
            Counts counts = new Counts(progress);

            counts.phase("organizations");
            OrgLinks tree = new OrgLinks();
            Map<String, ChainState> orgChains = new HashMap<>();
            List<Refused> refusedOrgRecords = new ArrayList<>();
            read(consumer, partitions.get(EventStream.ORGANIZATION), ends, counts, record -> {
                if (record.key() == null) {
                    return;
                }
                ChainState before = orgChains.getOrDefault(record.key(), ChainState.EMPTY);
                orgChains.put(record.key(), next(before, record, signers, refusedOrgRecords::add));
                try {
                    var event = signers.read(record.topic(), record.headers(), record.value()).envelope();
                    TreeChange.of(event.subject(), event.payload()).forEach(tree::apply);
                } catch (InvalidEventException e) {
                    // its chain or the refused records say so
                }
            });
            if (!tree.knows(orgId)) {
                return new Result(false, 0, List.of(), List.of());
            }
            Set<String> subtree = tree.subtree(orgId);
            List<Refused> refused = new ArrayList<>(refusedOrgRecords.stream()
                    .filter(record -> subtree.contains(record.subject())).toList());
            List<Chain> chains = new ArrayList<>();
            subtree.stream().filter(orgChains::containsKey)
                    .forEach(org -> chains.add(new Chain(EventStream.ORGANIZATION, org, orgChains.get(org))));
            counts.done = chains.size();

            counts.phase("scope");
            Map<String, Long> lastOffsetOfMember = new HashMap<>();
            Map<String, Long> lastOffsetOfCell = new HashMap<>();
            List<TopicPartition> rest = new ArrayList<>(partitions.get(EventStream.MEMBERSHIP));
            rest.addAll(partitions.get(EventStream.MEETING));
            read(consumer, rest, ends, counts, record -> {
                if (record.key() == null) {
                    return;
                }
                if (record.topic().equals(EventStream.MEETING.topic())) {
                    if (subtree.contains(record.key())) {
                        lastOffsetOfCell.put(record.key(), record.offset());
                    }
                } else if (lastOffsetOfMember.containsKey(record.key())
                        || joinsCellOf(record, subtree)) {
                    lastOffsetOfMember.put(record.key(), record.offset());
                }
            });
            counts.total = (long) chains.size() + lastOffsetOfMember.size() + lastOffsetOfCell.size();

            counts.phase("chains");
            Map<String, ChainState> memberChains = new HashMap<>();
            Map<String, ChainState> cellChains = new HashMap<>();
            read(consumer, rest, ends, counts, record -> {
                boolean meeting = record.topic().equals(EventStream.MEETING.topic());
                Long last = (meeting ? lastOffsetOfCell : lastOffsetOfMember).get(record.key());
                if (last == null) {
                    return;
                }
                Map<String, ChainState> states = meeting ? cellChains : memberChains;
                states.put(record.key(), next(states.getOrDefault(record.key(), ChainState.EMPTY), record, signers,
                        refused::add));
                if (record.offset() == last) {
                    counts.done++;
                }
            });
            memberChains.forEach((member, state) -> chains.add(new Chain(EventStream.MEMBERSHIP, member, state)));
            cellChains.forEach((cell, state) -> chains.add(new Chain(EventStream.MEETING, cell, state)));
            counts.phase("done");
            List<Chain> broken = chains.stream().filter(chain -> !chain.state().intact())
                    .sorted(Comparator.comparing(Chain::stream).thenComparing(Chain::subject)).toList();
            return new Result(true, chains.size(), broken, refused);
        }
    }

    /**
     * A record of the subject taken into its chain as read off Kafka. Without an archive to compare with, a seq
     * read twice is a repeat when it carries the hash read before, a conflict otherwise; an older seq arriving
     * after a newer one is out of order. A record whose signature does not hold is refused: it takes no place in
     * the chain, as it takes none in the archive or the figures.
     */
    static ChainState next(ChainState state, ConsumerRecord<String, byte[]> record, TrustedSigners signers,
                           Consumer<Refused> refused) {
        CloudEventsKafka.ReceivedEvent received;
        try {
            received = signers.read(record.topic(), record.headers(), record.value());
        } catch (UntrustedEventException e) {
            EventStream.ofTopic(record.topic()).ifPresent(stream -> refused.accept(new Refused(stream, record.key(),
                    headerSeq(record), e.getMessage(), record.partition(), record.offset())));
            return state;
        } catch (InvalidEventException e) {
            Long seq = headerSeq(record);
            return state.unreadable(seq == null ? state.lastSeq() + 1 : seq, e.getMessage(), record.partition(),
                    record.offset());
        }
        ChainLink link = ChainLink.of(received, record.partition(), record.offset());
        if (state.isAhead(link.seq())) {
            return state.accept(link);
        }
        if (link.seq() == state.lastSeq()) {
            return link.hash().equals(state.lastHash()) ? state : state.conflicting(link, state.lastHash());
        }
        return state.late(link);
    }

    private static boolean joinsCellOf(ConsumerRecord<String, byte[]> record, Set<String> subtree) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null || record.value() == null) {
            return false;
        }
        String name = new String(type.value(), StandardCharsets.UTF_8);
        if (CELL_TYPES.stream().noneMatch(name::startsWith)) {
            return false;
        }
        try {
            JsonNode cell = EventJson.mapper().readTree(record.value()).path("cellId");
            return cell.isString() && subtree.contains(cell.asString());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Long headerSeq(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_seq");
        try {
            return header == null ? null : Long.parseLong(new String(header.value(), StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Reads the partitions from their beginning up to the end offsets found at the start. */
    private void read(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                      Map<TopicPartition, Long> ends, Counts counts, Consumer<ConsumerRecord<String, byte[]>> each) {
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, Duration.ofSeconds(30));
        List<TopicPartition> toRead = partitions.stream()
                .filter(partition -> ends.getOrDefault(partition, 0L) > beginnings.getOrDefault(partition, 0L))
                .toList();
        consumer.assign(toRead);
        consumer.seekToBeginning(toRead);
        List<TopicPartition> remaining = new ArrayList<>(toRead);
        Instant lastProgress = clock.instant();
        while (!remaining.isEmpty()) {
            var records = consumer.poll(POLL);
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                    counts.records++;
                }
            }
            boolean advanced = !records.isEmpty();
            advanced |= remaining.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            Instant now = clock.instant();
            if (advanced) {
                lastProgress = now;
            } else if (Duration.between(lastProgress, now).compareTo(STALLED_AFTER) > 0) {
                throw new IllegalStateException("reading " + remaining + " made no progress for " + STALLED_AFTER);
            }
            counts.maybeReport(now);
        }
    }

    /** The running totals, reported now and then. */
    private final class Counts {
        final Progress progress;
        String phase;
        Long total;
        long done;
        long records;
        Instant lastReport = Instant.EPOCH;

        Counts(Progress progress) {
            this.progress = progress;
        }

        void phase(String next) {
            phase = next;
            report();
        }

        void maybeReport(Instant now) {
            if (Duration.between(lastReport, now).compareTo(REPORT_EVERY) >= 0) {
                report();
            }
        }

        void report() {
            lastReport = clock.instant();
            progress.report(phase, total, done, records);
        }
    }
}
