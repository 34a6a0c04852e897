package chibo.reporting.topology;

import chibo.contracts.EventEnvelope;
import chibo.contracts.EventPayload;
import chibo.contracts.Topics;
import chibo.platform.tracing.EventTracing;
import chibo.contracts.member.Education;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.Person;
import chibo.contracts.member.Sex;
import chibo.contracts.member.Vote;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.reporting.figures.FiguresCodec;
import chibo.reporting.figures.FiguresFold;
import chibo.reporting.figures.OrgFigures;
import chibo.reporting.figures.OrgMonth;
import chibo.reporting.query.OrgFiguresView;
import chibo.testsupport.EventChains;
import chibo.testsupport.TestEventKeys;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the reporting topology without a broker: events in as their producers publish them, figures out. */
final class TopologyHarness implements AutoCloseable {

    static final LocalDate DAY = LocalDate.of(2025, 3, 1);

    final ReportingTopics topics = new ReportingTopics("test");
    final List<String> deadLetters = new ArrayList<>();
    final List<String> parked = new ArrayList<>();
    final List<String> duplicates = new ArrayList<>();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> membership;
    private final TestInputTopic<String, byte[]> organizations;
    private final TestInputTopic<String, byte[]> meetings;
    private final TestOutputTopic<String, byte[]> meetingDlt;
    private final TestOutputTopic<String, byte[]> counts;
    private final TestOutputTopic<String, byte[]> months;
    private final Map<String, OrgMonth> latestMonths = new HashMap<>();
    private final TestOutputTopic<String, byte[]> membershipDlt;
    private final Map<String, OrgFigures> latest = new HashMap<>();
    final EventChains membershipChains = new EventChains("/chibo/membership-service");

    private final Path stateDir = temporaryDirectory();
    /** Every event piped that the topology may apply, in the order piped: what the one-pass fold is given. */
    private final List<EventEnvelope> oneFold = new ArrayList<>();

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("chibo-topology-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TopologyHarness() {
        this(EventTracing.OFF);
    }

    /** @param tracing where the topology records the consumer spans of records of a sampled trace */
    TopologyHarness(EventTracing tracing) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, topics.applicationId());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // a directory of its own: two test runs at once (two checkouts on one machine) would lock each other's stores
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        TopologyEvents events = new TopologyEvents() {
            public void duplicate(String topic) {
                duplicates.add(topic);
            }

            public void parked(String topic) {
                parked.add(topic);
            }

            public void deadLettered(String topic, String reason) {
                deadLetters.add(reason);
            }

            @Override
            public EventTracing tracing() {
                return tracing;
            }
        };
        driver = new TopologyTestDriver(ReportingTopology.build(topics, events, TestEventKeys.trusted()), config);
        membership = driver.createInputTopic(Topics.MEMBERSHIP, new StringSerializer(), new ByteArraySerializer());
        organizations = driver.createInputTopic(Topics.ORGANIZATION, new StringSerializer(),
                new ByteArraySerializer());
        meetings = driver.createInputTopic(Topics.MEETING, new StringSerializer(), new ByteArraySerializer());
        meetingDlt = driver.createOutputTopic(topics.deadLetter(Topics.MEETING), new StringDeserializer(),
                new ByteArrayDeserializer());
        months = driver.createOutputTopic(topics.orgMonths(), new StringDeserializer(),
                new ByteArrayDeserializer());
        counts = driver.createOutputTopic(topics.orgCounts(), new StringDeserializer(), new ByteArrayDeserializer());
        membershipDlt = driver.createOutputTopic(topics.deadLetter(Topics.MEMBERSHIP), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** Registers organisations given as (id, level, parentId) triples, in order. */
    void tree(String... idLevelParent) {
        for (int i = 0; i < idLevelParent.length; i += 3) {
            organization(idLevelParent[i], new OrganizationRegistered(idLevelParent[i],
                    OrgLevel.valueOf(idLevelParent[i + 1]), idLevelParent[i + 2]));
        }
    }

    final EventChains organizationChains = new EventChains("/chibo/membership-service");

    EventEnvelope organization(String orgId, EventPayload payload) {
        return organization(orgId, DAY, payload);
    }

    EventEnvelope organization(String orgId, LocalDate effective, EventPayload payload) {
        EventEnvelope event = organizationChains.next(orgId, effective, orgId, payload);
        pipe(event);
        return event;
    }

    EventEnvelope member(String memberId, EventPayload payload) {
        return member(memberId, DAY, payload);
    }

    EventEnvelope member(String memberId, LocalDate effective, EventPayload payload) {
        EventEnvelope event = membershipChains.next(memberId, effective, "org", payload,
                Instant.parse("2025-03-01T03:00:00Z"));
        pipe(event);
        return event;
    }

    private final EventChains meetingChains = new EventChains("/chibo/meeting-service");

    EventEnvelope meeting(String cellId, LocalDate effective, EventPayload payload) {
        EventEnvelope event = meetingChains.next(cellId, effective, cellId, payload);
        pipe(event);
        return event;
    }

    EventEnvelope admit(String memberId, String cellId) {
        return member(memberId, admitted(cellId));
    }

    static MemberAdmitted admitted(String cellId) {
        return new MemberAdmitted(new Person("Member", LocalDate.of(1990, 5, 1), Sex.FEMALE, "Kinh",
                Education.UNIVERSITY, null), cellId, DAY.minusDays(10), new Vote(10, 0, 0, 10), List.of(), true, null);
    }

    void pipe(EventEnvelope event) {
        pipe(TestEventKeys.signed(event));
    }

    void pipe(ProducerRecord<String, byte[]> record) {
        try {
            // what the topology may apply, the one-pass fold gets too; what it must dead-letter, neither applies
            oneFold.add(TestEventKeys.trusted().read(record.topic(), record.headers(), record.value()).envelope());
        } catch (RuntimeException unreadableOrUntrusted) {
            // the topology dead-letters it
        }
        TestRecord<String, byte[]> test = new TestRecord<>(record.key(), record.value(), record.headers(),
                Instant.parse("2025-03-01T03:00:00Z"));
        if (record.topic().equals(Topics.MEMBERSHIP)) {
            membership.pipeInput(test);
        } else if (record.topic().equals(Topics.MEETING)) {
            meetings.pipeInput(test);
        } else {
            organizations.pipeInput(test);
        }
    }

    /** The latest figures of an organisation, as the org-counts topic last said them. */
    OrgFigures figures(String orgId) {
        counts.readKeyValuesToList().forEach(kv -> latest.put(kv.key, FiguresCodec.readFigures(kv.value)));
        return latest.get(orgId);
    }

    long count(String orgId, String counter) {
        OrgFigures aggregate = figures(orgId);
        return aggregate == null ? 0 : aggregate.counters().getOrDefault(counter, 0L);
    }

    /** The latest figures of an organisation as the query side reads them: totals and the months listed. */
    OrgFiguresView counts(String orgId) {
        OrgFigures a = figures(orgId);
        months.readKeyValuesToList().forEach(kv -> latestMonths.put(kv.key, FiguresCodec.readMonth(kv.value)));
        Map<String, Map<String, Long>> byMonth = new java.util.TreeMap<>();
        for (String month : a.months()) {
            OrgMonth stored = latestMonths.get(OrgMonth.key(orgId, month));
            byMonth.put(month, stored == null ? Map.of() : stored.counters());
        }
        return new OrgFiguresView(a.orgId(), a.name(), a.level() == null ? null : a.level().name(), a.parentId(),
                a.active(), a.mergedInto(), a.counters(), byMonth, a.children(), a.placementHistory(), a.version(),
                a.lastRecordedAt());
    }

    /** A counter's change (stock) or count (flow) in a month. */
    long inMonth(String orgId, String month, String counter) {
        if (figures(orgId) == null) {
            return 0;
        }
        return counts(orgId).months().getOrDefault(month, Map.of()).getOrDefault(counter, 0L);
    }

    List<TestRecord<String, byte[]>> meetingDeadLetters() {
        return meetingDlt.readRecordsToList();
    }

    List<TestRecord<String, byte[]>> membershipDeadLetters() {
        return membershipDlt.readRecordsToList();
    }

    /**
     * The figures the one-pass fold ({@link FiguresFold}) makes of every event piped so far equal the topology's:
     * each organisation's totals, months, place in the tree and children.
     */
    void assertOnePassFoldAgrees() {
        assertOnePassFoldAgrees(new FiguresFold());
        // sums sent up the tree after every event: the same figures whenever the fold sends them
        assertOnePassFoldAgrees(new FiguresFold(1));
    }

    private void assertOnePassFoldAgrees(FiguresFold fold) {
        oneFold.forEach(fold::apply);
        counts.readKeyValuesToList().forEach(kv -> latest.put(kv.key, FiguresCodec.readFigures(kv.value)));
        assertThat(fold.organisations()).as("organisations the one-pass fold has figures of")
                .containsExactlyInAnyOrderElementsOf(latest.keySet());
        latest.keySet().forEach(orgId -> {
            OrgFiguresView topology = counts(orgId);
            OrgFigures folded = fold.organisation(orgId).orElseThrow();
            assertThat(nonZero(folded.counters())).as("totals of %s", orgId)
                    .isEqualTo(nonZero(topology.counters()));
            Map<String, Map<String, Long>> foldedMonths = new java.util.TreeMap<>();
            fold.months(orgId).forEach((month, counters) -> foldedMonths.put(month, nonZero(counters)));
            foldedMonths.values().removeIf(Map::isEmpty);
            Map<String, Map<String, Long>> topologyMonths = new java.util.TreeMap<>();
            topology.months().forEach((month, counters) -> topologyMonths.put(month, nonZero(counters)));
            topologyMonths.values().removeIf(Map::isEmpty);
            assertThat(foldedMonths).as("months of %s", orgId).isEqualTo(topologyMonths);
            assertThat(folded.parentId()).as("parent of %s", orgId).isEqualTo(topology.parentId());
            assertThat(folded.active()).as("%s active", orgId).isEqualTo(topology.active());
            assertThat(folded.mergedInto()).as("%s merged into", orgId).isEqualTo(topology.mergedInto());
            assertThat(folded.children()).as("children of %s", orgId)
                    .containsExactlyInAnyOrderElementsOf(topology.children());
        });
    }

    private static Map<String, Long> nonZero(Map<String, Long> counters) {
        Map<String, Long> kept = new java.util.TreeMap<>(counters);
        kept.values().removeIf(value -> value == 0L);
        return kept;
    }

    @Override
    public void close() {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
