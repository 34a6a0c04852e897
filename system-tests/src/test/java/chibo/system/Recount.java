package chibo.system;

import chibo.contracts.CloudEventsKafka;
import chibo.contracts.EventEnvelope;
import chibo.contracts.meeting.MeetingHeld;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberResidenceChanged;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTransferReceived;
import chibo.contracts.organization.OrgLevel;
import chibo.contracts.organization.OrganizationDissolved;
import chibo.contracts.organization.OrganizationMerged;
import chibo.contracts.organization.OrganizationMoved;
import chibo.contracts.organization.OrganizationRegistered;
import chibo.contracts.organization.UnitCovered;
import chibo.contracts.organization.UnitRegistered;
import chibo.testsupport.Http;
import chibo.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The figures recounted from the events as reporting-service's README defines them, by walking the tree the
 * organisation events describe, month by month — not by folding deltas as reporting-service does. The stock of
 * an organisation at the end of a month is every member active then (after their events of that month and
 * before) whose cell lies under it in the tree of that month; a flow counts where the member's cell lay in the
 * month of its effective date. From the month it took effect, a moved cell lies under its new parent and a
 * merged organisation's subtree under its successor, the merged one keeping only what came before. A unit (a
 * village…) counts at the organisation that registered it, and so up its line: without a cell while no cell covers
 * it, without a member while no active member lives there at the month's end.
 */
final class Recount {

    /** Beyond every effective date: the figures now. */
    static final YearMonth NOW = YearMonth.of(2100, 1);
    static final YearMonth EVER = YearMonth.of(1900, 1);

    /** What a member event changes for the recount, in the month of its effective date. */
    enum Change {
        /** Admitted or enrolled into {@code cellId} with {@code status}. */
        JOINED,
        /** Now has {@code status}: recognised, or left (removed, let go, expelled, deceased, failed probation). */
        STATUS,
        /** Received into {@code cellId} by transfer; living in {@code residenceUnitId} from then, when named. */
        TRANSFERRED,
        /** Moved home: living in {@code residenceUnitId} (none: in no unit chibo registers). */
        MOVED_HOME,
        /** Nothing the figures count (sworn in, a transfer begun). */
        NONE
    }

    /**
     * A member event as the recount reads it: what changed, the flow it is, in which month. {@code recognizedIn}: for
     * an official member enrolled from a register, the month of the recognition the register gives — probationary
     * until then. {@code residenceUnitId}: the unit the member lives in from the event on (joining, moving home, a
     * receipt that names one).
     */
    record MemberFact(String memberId, long seq, YearMonth month, Change change, String flow, String cellId,
                      MemberStatus status, String sex, YearMonth recognizedIn, String residenceUnitId) {

        MemberFact(String memberId, long seq, YearMonth month, Change change, String flow, String cellId,
                   MemberStatus status, String sex) {
            this(memberId, seq, month, change, flow, cellId, status, sex, null, null);
        }

        /** The status the event gives the member in {@code asOf} (a month from the event's on). */
        MemberStatus statusIn(YearMonth asOf) {
            return recognizedIn != null && asOf.isBefore(recognizedIn) ? MemberStatus.PROBATIONARY : status;
        }

        static MemberFact of(EventEnvelope event) {
            String id = event.subject();
            long seq = event.seq();
            YearMonth month = YearMonth.from(event.effectiveDate());
            return switch (event.payload()) {
                case MemberAdmitted e -> new MemberFact(id, seq, month, Change.JOINED, "flow.admitted", e.cellId(),
                        MemberStatus.PROBATIONARY, e.person().sex().name().toLowerCase(), null,
                        e.person().residenceUnitId());
                case MemberEnrolledFromRegister e -> new MemberFact(id, seq, month, Change.JOINED, "flow.enrolled",
                        e.cellId(), e.status(), e.person().sex().name().toLowerCase(),
                        e.status() == MemberStatus.OFFICIAL && e.recognizedOn() != null
                                ? YearMonth.from(e.recognizedOn()) : null, e.person().residenceUnitId());
                case MemberRecognized e -> status(id, seq, month, "flow.recognized", MemberStatus.OFFICIAL);
                case MemberProbationFailed e ->
                        status(id, seq, month, "flow.probation_failed", MemberStatus.REMOVED);
                case MemberRemoved e -> status(id, seq, month, "flow.removed", MemberStatus.REMOVED);
                case MemberLetGo e -> status(id, seq, month, "flow.let_go", MemberStatus.LET_GO);
                case MemberExpelled e -> status(id, seq, month, "flow.expelled", MemberStatus.EXPELLED);
                case MemberDeceased e -> status(id, seq, month, "flow.deceased", MemberStatus.DECEASED);
                case MemberTransferReceived e -> new MemberFact(id, seq, month, Change.TRANSFERRED, null,
                        e.cellId(), null, null, null, e.residenceUnitId());
                case MemberResidenceChanged e -> new MemberFact(id, seq, month, Change.MOVED_HOME, null, null, null,
                        null, null, e.residenceUnitId());
                default -> new MemberFact(id, seq, month, Change.NONE, null, null, null, null);
            };
        }

        private static MemberFact status(String id, long seq, YearMonth month, String flow, MemberStatus status) {
            return new MemberFact(id, seq, month, Change.STATUS, flow, null, status, null);
        }
    }

    /** A meeting event: whether it is a meeting held, of which cell, in which month. */
    record MeetingFact(String cellId, YearMonth month, boolean held) {

        static MeetingFact of(EventEnvelope event) {
            return event.payload() instanceof MeetingHeld held
                    ? new MeetingFact(event.subject(), YearMonth.from(held.startedAt()), true)
                    : new MeetingFact(event.subject(), YearMonth.from(event.effectiveDate()), false);
        }
    }

    private final Map<String, Org> orgs = new LinkedHashMap<>();
    private final Map<String, Unit> units = new LinkedHashMap<>();
    private final List<List<MemberFact>> members;
    private final Map<YearMonth, Map<String, List<String>>> chains = new HashMap<>();
    private final Map<String, Map<YearMonth, Map<String, Long>>> flows = new HashMap<>();
    private final Map<YearMonth, Map<String, Map<String, Long>>> stocks = new HashMap<>();
    private final Map<YearMonth, Map<String, Uncovered>> uncovered = new HashMap<>();

    /** An organisation's place in the tree over time. */
    private static final class Org {
        final String id;
        final OrgLevel level;
        final YearMonth registered;
        final TreeMap<YearMonth, String> parents = new TreeMap<>();
        String successor;
        YearMonth mergedIn;
        YearMonth dissolvedIn;

        Org(String id, OrgLevel level, YearMonth registered) {
            this.id = id;
            this.level = level;
            this.registered = registered;
        }

        String parentIn(YearMonth month) {
            var entry = parents.floorEntry(month);
            return entry != null ? entry.getValue() : parents.firstEntry().getValue();
        }

        boolean mergedBy(YearMonth month) {
            return mergedIn != null && !month.isBefore(mergedIn);
        }

        /** Registered by the month and not merged or dissolved before it (the month it ended included). */
        boolean existedIn(YearMonth month) {
            return !registered.isAfter(month) && (mergedIn == null || !month.isAfter(mergedIn))
                    && (dissolvedIn == null || !month.isAfter(dissolvedIn));
        }
    }

    /** A unit registered by an organisation, and the cell covering it from each month on. */
    private static final class Unit {
        final String id;
        final String ownerId;
        final String kind;
        final YearMonth registered;
        final TreeMap<YearMonth, String> cells = new TreeMap<>();

        Unit(String id, String ownerId, String kind, YearMonth registered) {
            this.id = id;
            this.ownerId = ownerId;
            this.kind = kind;
            this.registered = registered;
        }

        boolean coveredIn(YearMonth month) {
            var entry = cells.floorEntry(month);
            return entry != null && entry.getValue() != null;
        }
    }

    Recount(List<EventEnvelope> organisationEvents, List<MemberFact> memberEvents, List<MeetingFact> meetings) {
        // every organisation and unit first, then what changed, in order of effect
        Predicate<EventEnvelope> registration = event -> event.payload() instanceof OrganizationRegistered
                || event.payload() instanceof UnitRegistered;
        organisationEvents.stream().filter(registration).forEach(this::organisation);
        organisationEvents.stream().filter(registration.negate())
                .sorted(Comparator.comparing(EventEnvelope::effectiveDate).thenComparing(EventEnvelope::subject)
                        .thenComparingLong(EventEnvelope::seq))
                .forEach(this::organisation);
        members = List.copyOf(memberEvents.stream().collect(Collectors.groupingBy(MemberFact::memberId,
                Collectors.collectingAndThen(Collectors.toList(), events -> events.stream()
                        .sorted(Comparator.comparingLong(MemberFact::seq)).toList()))).values());
        members.forEach(this::countFlows);
        meetings.stream().filter(MeetingFact::held)
                .forEach(meeting -> count(meeting.cellId(), meeting.month(), "meetings.held"));
    }

    private void organisation(EventEnvelope event) {
        YearMonth month = YearMonth.from(event.effectiveDate());
        switch (event.payload()) {
            case OrganizationRegistered e -> {
                Org org = new Org(event.subject(), e.level(), month);
                if (e.parentId() != null) {
                    org.parents.put(month, e.parentId());
                }
                orgs.put(org.id, org);
            }
            case OrganizationMoved e -> orgs.get(event.subject()).parents.put(month, e.newParentId());
            case OrganizationMerged e -> e.sourceIds().forEach(source -> {
                orgs.get(source).successor = event.subject();
                orgs.get(source).mergedIn = month;
            });
            case OrganizationDissolved e -> orgs.get(event.subject()).dissolvedIn = month;
            case UnitRegistered e -> units.put(e.unitId(), new Unit(e.unitId(), event.subject(),
                    e.kind().name().toLowerCase(), month));
            case UnitCovered e -> units.get(e.unitId()).cells.put(month, e.cellId());
            default -> {
            }
        }
    }

    /** The organisations that count what happens in {@code orgId} in {@code month}: it and those above. */
    synchronized List<String> chain(String orgId, YearMonth month) {
        return chains.computeIfAbsent(month, m -> new HashMap<>()).computeIfAbsent(orgId, id -> {
            List<String> chain = new ArrayList<>();
            Org org = orgs.get(id);
            while (org != null) {
                if (org.mergedBy(month)) {
                    org = orgs.get(org.successor);
                    continue;
                }
                chain.add(org.id);
                org = org.parents.isEmpty() ? null : orgs.get(org.parentIn(month));
            }
            return chain;
        });
    }

    /** Each flow where the member's cell lay in its month; a transfer out of the old cell, into the new. */
    private void countFlows(List<MemberFact> events) {
        String cell = null;
        for (MemberFact event : events) {
            switch (event.change()) {
                case JOINED -> {
                    cell = event.cellId();
                    count(cell, event.month(), event.flow());
                }
                case STATUS -> count(cell, event.month(), event.flow());
                case TRANSFERRED -> {
                    count(cell, event.month(), "flow.transferred_out");
                    cell = event.cellId();
                    count(cell, event.month(), "flow.transferred_in");
                }
                case MOVED_HOME, NONE -> {
                }
            }
        }
    }

    private void count(String cellId, YearMonth month, String counter) {
        for (String orgId : chain(cellId, month)) {
            flows.computeIfAbsent(orgId, id -> new HashMap<>()).computeIfAbsent(month, m -> new HashMap<>())
                    .merge(counter, 1L, Long::sum);
        }
    }

    /** The flows counted at the organisation in the months from {@code from} to {@code to}. */
    synchronized Map<String, Long> flowsBetween(String orgId, YearMonth from, YearMonth to) {
        Map<String, Long> sum = new TreeMap<>();
        flows.getOrDefault(orgId, Map.of()).forEach((month, counters) -> {
            if (!month.isBefore(from) && !month.isAfter(to)) {
                counters.forEach((name, value) -> sum.merge(name, value, Long::sum));
            }
        });
        return sum;
    }

    /** Members by status and sex, cells, and units by kind with those lacking a cell or a member, at month's end. */
    synchronized Map<String, Long> stockAt(String orgId, YearMonth month) {
        return stocks.computeIfAbsent(month, this::stocksAt).getOrDefault(orgId, Map.of());
    }

    /**
     * Every member as their events up to the month leave them, counted where their cell then lies; every unit
     * registered by then, counted where its organisation then lies.
     */
    private Map<String, Map<String, Long>> stocksAt(YearMonth month) {
        Map<String, Map<String, Long>> stock = new HashMap<>();
        for (Org org : orgs.values()) {
            boolean standing = !org.registered.isAfter(month)
                    && (org.dissolvedIn == null || month.isBefore(org.dissolvedIn));
            if (org.level.holdsMembers() && standing) {
                add(stock, org.id, month, "cells");
            }
        }
        Map<String, Long> residents = new HashMap<>();
        for (List<MemberFact> events : members) {
            String cell = null;
            MemberStatus status = null;
            String sex = null;
            String residence = null;
            for (MemberFact event : events) {
                if (event.month().isAfter(month)) {
                    break;
                }
                switch (event.change()) {
                    case JOINED -> {
                        cell = event.cellId();
                        status = event.statusIn(month);
                        sex = event.sex();
                        residence = event.residenceUnitId();
                    }
                    case STATUS -> status = event.status();
                    case TRANSFERRED -> {
                        cell = event.cellId();
                        residence = event.residenceUnitId() != null ? event.residenceUnitId() : residence;
                    }
                    case MOVED_HOME -> residence = event.residenceUnitId();
                    case NONE -> {
                    }
                }
            }
            if (status != null && status.isActive()) {
                add(stock, cell, month, "members", "members." + status.name().toLowerCase(),
                        "members.sex." + sex);
                if (residence != null) {
                    residents.merge(residence, 1L, Long::sum);
                }
            }
        }
        for (Unit unit : units.values()) {
            if (unit.registered.isAfter(month)) {
                continue;
            }
            List<String> counters = new ArrayList<>(List.of("units." + unit.kind));
            if (!unit.coveredIn(month)) {
                counters.add("units." + unit.kind + ".without_cell");
            }
            if (residents.getOrDefault(unit.id, 0L) == 0) {
                counters.add("units." + unit.kind + ".without_member");
            }
            add(stock, unit.ownerId, month, counters.toArray(String[]::new));
        }
        uncovered.put(month, uncoveredUnits(month, residents));
        return stock;
    }

    /** The units registered by the month that no cell covers or where no active member lives, by id. */
    private Map<String, Uncovered> uncoveredUnits(YearMonth month, Map<String, Long> residents) {
        Map<String, Uncovered> found = new TreeMap<>();
        for (Unit unit : units.values()) {
            boolean withoutCell = !unit.coveredIn(month);
            boolean withoutMember = residents.getOrDefault(unit.id, 0L) == 0;
            if (!unit.registered.isAfter(month) && (withoutCell || withoutMember)) {
                found.put(unit.id, new Uncovered(unit.ownerId, withoutCell, withoutMember));
            }
        }
        return found;
    }

    /** A unit lacking a cell or a resident member, and the organisation that registered it. */
    record Uncovered(String ownerId, boolean withoutCell, boolean withoutMember) {
    }

    /**
     * The units of the organisation's subtree at the month's end that lack a cell or a resident member: those whose
     * registering organisation lies under it then (a merged one's under its successor).
     */
    synchronized Map<String, Uncovered> uncoveredUnder(String orgId, YearMonth month) {
        stockAt(orgId, month);
        Map<String, Uncovered> under = new TreeMap<>();
        uncovered.get(month).forEach((unitId, unit) -> {
            if (chain(unit.ownerId(), month).contains(orgId)) {
                under.put(unitId, unit);
            }
        });
        return under;
    }

    private void add(Map<String, Map<String, Long>> stock, String cellId, YearMonth month, String... counters) {
        for (String orgId : chain(cellId, month)) {
            Map<String, Long> org = stock.computeIfAbsent(orgId, id -> new HashMap<>());
            for (String counter : counters) {
                org.merge(counter, 1L, Long::sum);
            }
        }
    }

    /**
     * The children of {@code parentId} in the months {@code from}..{@code to} as they stood then: the organisations
     * under it in one of those months while they existed, and any whose members or flows counted under it then
     * (a backdated event of an organisation registered later).
     */
    synchronized Set<String> childrenOf(String parentId, YearMonth from, YearMonth to) {
        Set<String> children = new TreeSet<>();
        for (Org org : orgs.values()) {
            if (org.parents.isEmpty()) {
                continue;
            }
            for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
                if (parentId.equals(org.parentIn(month)) && org.existedIn(month)) {
                    children.add(org.id);
                    break;
                }
            }
            if (stockUnder(org.id, parentId, to).getOrDefault("members", 0L) != 0
                    || !family(flowsUnder(org.id, parentId, from, to), "flow.", true).isEmpty()) {
                children.add(org.id);
            }
        }
        return children;
    }

    /** A child's stock at the end of the month if it lay under {@code parentId} then, else nothing. */
    synchronized Map<String, Long> stockUnder(String orgId, String parentId, YearMonth month) {
        return parentId.equals(orgs.get(orgId).parentIn(month)) ? stockAt(orgId, month) : Map.of();
    }

    /** A child's flows over the months of {@code from}..{@code to} it lay under {@code parentId}. */
    synchronized Map<String, Long> flowsUnder(String orgId, String parentId, YearMonth from, YearMonth to) {
        Map<String, Long> sum = new TreeMap<>();
        Org org = orgs.get(orgId);
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            if (parentId.equals(org.parentIn(month))) {
                flowsBetween(orgId, month, month).forEach((name, value) -> sum.merge(name, value, Long::sum));
            }
        }
        return sum;
    }

    synchronized String mergedInto(String orgId) {
        Org org = orgs.get(orgId);
        return org == null ? null : org.successor;
    }

    // reading the topics and comparing what reporting serves, for every test that recounts

    /**
     * Every record of the topic whose key passes, read as any Kafka client would (committed records only) and
     * turned into what the recount needs of it.
     */
    static <T> List<T> readTopic(LocalStack stack, String topic, Predicate<String> keep,
                                 Function<EventEnvelope, T> read) {
        // the stack's broker takes authenticated clients only: read as its administrator
        Map<String, Object> config = new java.util.HashMap<>(stack.kafkaClientProperties());
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config,
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<T> events = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (keep.test(record.key())) {
                        events.add(read.apply(CloudEventsKafka.read(record.headers(), record.value()).envelope()));
                    }
                }
            }
            return events;
        }
    }

    /**
     * As {@link #readTopic}, each event once: delivery to Kafka is at least once (a relay cut off before it marked an
     * event published, or a sweep taking over a slow relay's events, sends it again), and every consumer skips an
     * event it has seen by (subject, seq), so a recount does too.
     */
    static <T> List<T> readEachEventOnce(LocalStack stack, String topic, Predicate<String> keep,
                                         Function<EventEnvelope, T> read) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return readTopic(stack, topic, keep, event -> event).stream()
                .filter(event -> seen.add(event.storageId()))
                .map(read)
                .toList();
    }

    /** Now: members by status, women, cells, meetings, and every flow counted ever. */
    static void compareCounts(Agency agency, String token, String orgId, Recount expected,
                                      List<String> differences) {
        Http.Response response = agency.reporting.get("/organizations/" + orgId + "/counts", token);
        if (response.status() != 200) {
            differences.add(orgId + " counts: " + response);
            return;
        }
        JsonNode counts = response.json();
        Map<String, Long> stock = expected.stockAt(orgId, Recount.NOW);
        Map<String, Long> flows = expected.flowsBetween(orgId, Recount.EVER, Recount.NOW);
        compare(differences, orgId + " members now", stock.get("members"), counts.get("members").get("total"));
        compare(differences, orgId + " probationary now", stock.get("members.probationary"),
                counts.get("members").get("probationary"));
        compare(differences, orgId + " official now", stock.get("members.official"),
                counts.get("members").get("official"));
        JsonNode counters = counts.get("counters");
        for (String counter : List.of("members.sex.female", "cells")) {
            compare(differences, orgId + " " + counter + " now", stock.get(counter), counters.get(counter));
        }
        compare(differences, orgId + " meetings held ever", flows.get("meetings.held"),
                counters.get("meetings.held"));
        Map<String, Long> servedFlows = new TreeMap<>();
        counters.properties().forEach(entry -> {
            if (entry.getKey().startsWith("flow.") && entry.getValue().asLong() != 0) {
                servedFlows.put(entry.getKey(), entry.getValue().asLong());
            }
        });
        Map<String, Long> expectedFlows = family(flows, "flow.", false);
        if (!expectedFlows.equals(servedFlows)) {
            differences.add(orgId + " flows ever: expected " + expectedFlows + " but reporting says " + servedFlows);
        }
        Map<String, Long> servedUnits = new TreeMap<>();
        counters.properties().forEach(entry -> {
            if (entry.getKey().startsWith("units.") && entry.getValue().asLong() != 0) {
                servedUnits.put(entry.getKey(), entry.getValue().asLong());
            }
        });
        Map<String, Long> expectedUnits = family(stock, "units.", false);
        if (!expectedUnits.equals(servedUnits)) {
            differences.add(orgId + " units now: expected " + expectedUnits + " but reporting says " + servedUnits);
        }
    }

    /** Now: the units of the subtree that no cell covers or where no active member lives, as reporting lists them. */
    static void compareUncoveredUnits(Agency agency, String token, String orgId, Recount expected,
                                      List<String> differences) {
        Http.Response response = agency.reporting.get("/organizations/" + orgId + "/uncovered-units", token);
        if (response.status() != 200) {
            differences.add(orgId + " uncovered units: " + response);
            return;
        }
        Map<String, Uncovered> served = new TreeMap<>();
        response.json().get("units").forEach(unit -> served.put(unit.get("unitId").asString(), new Uncovered(
                unit.get("ownerId").asString(), unit.get("withoutCell").asBoolean(),
                unit.get("withoutMember").asBoolean())));
        Map<String, Uncovered> want = expected.uncoveredUnder(orgId, NOW);
        if (!want.equals(served)) {
            differences.add(orgId + " uncovered units now: expected " + want + " but reporting lists " + served);
        }
    }

    static void compare(List<String> differences, String what, Long expected, JsonNode served) {
        long want = expected == null ? 0 : expected;
        long got = number(served);
        if (want != got) {
            differences.add(what + ": expected " + want + " but reporting says " + got);
        }
    }

    /** A count as served: absent is zero. */
    static long number(JsonNode served) {
        return served == null || served.isNull() || served.isMissingNode() ? 0 : served.asLong();
    }

    /** The counters named {@code prefix…}, without zeros, with or without the prefix. */
    static Map<String, Long> family(Map<String, Long> counters, String prefix, boolean strip) {
        Map<String, Long> family = new TreeMap<>();
        counters.forEach((name, value) -> {
            if (name.startsWith(prefix) && value != 0) {
                family.put(strip ? name.substring(prefix.length()) : name, value);
            }
        });
        return family;
    }
}
