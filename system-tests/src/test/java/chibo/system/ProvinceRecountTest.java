package chibo.system;

import chibo.contracts.EventEnvelope;
import chibo.contracts.Topics;
import chibo.localstack.ApiBodies;
import chibo.localstack.GeneratedProvince;
import chibo.localstack.LocalStack;
import chibo.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A generated province the size of a real one — some 50,000 members in 600 village cells of 15 communes, their admissions,
 * recognitions, transfers, removals, lettings go, expulsions and deaths from 2015 to 2025, the 2025 reform (a
 * village cell moved to another commune, one commune merged into another) and a few hundred cell meetings — posted
 * through the public APIs: organisations and the reform over REST, the members' history through the bulk import,
 * meetings through meeting-service. Every figure reporting-service serves for every organisation of the province
 * (members by status and sex, cells, each year's flows, stock at each month's end, meetings) must equal a recount
 * made here, with plain code, from the events read back from the Kafka topics — the reporting service's process
 * killed outright while the history was flowing into it, and started again — before the reform and after it; and
 * again after every figure was rebuilt from offset zero into a new projection version while dashboards kept
 * reading, and switched to.
 *
 * <p>A district of the province, dissolved by the reform once its commune moved under the province, has its 2023–2025
 * decisions entered from paper registers only after the reform: accepted as the district stood on their dates, counted
 * in their months under the district, and one dated after the dissolution refused. Retired members transferred to
 * their place of residence change which villages have a resident member; the villages each organisation counts, and
 * those it lists without a cell or a resident member, equal the recount too.
 */
class ProvinceRecountTest {

    private static final long SEED = 20_250_701L;
    private static final Duration IMPORT = Duration.ofMinutes(20);
    private static final Duration CATCH_UP = Duration.ofMinutes(10);
    private static final Duration SETTLED = Duration.ofMinutes(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void every_figure_equals_a_recount_of_the_events_after_a_crash_mid_stream_and_after_a_rebuild() {
        // MongoDB in memory, in this JVM (the module gives it the heap): the H2 file backend is several times slower
        try (LocalStack stack = LocalStack.start(Stacks.inMemory(dataDir))) {
            Agency agency = new Agency(stack);
            String writer = agency.centralWriter();
            GeneratedProvince province = GeneratedProvince.generate(new Random(SEED),
                    "PR" + UUID.randomUUID().toString().substring(0, 6));
            DissolvedDistrict district = new DissolvedDistrict(province.id, province.communes.getFirst(),
                    province.mergedCommune);
            Tree tree = new Tree(province, district);
            List<String> history = new ArrayList<>(province.lines(true));
            history.addAll(district.registerLines());
            List<String> sinceReform = province.lines(false);
            progress("generated " + province.members.size() + " members, " + history.size() + " + "
                    + sinceReform.size() + " import lines, " + province.meetings.size() + " meetings");

            Posted posted = new Posted();

            registerOrganisations(agency, writer, province, posted);
            posted.organisationEvents += district.register(agency, writer);
            runImport(stack, agency, writer, history, posted, () -> killReportingMidStream(stack, agency));
            recordMeetings(agency, writer, province, province.meetings(true), posted);
            Recount beforeReform = awaitCaughtUp(stack, agency, province, posted);
            assertThat(beforeReform.stockAt(province.id, Recount.NOW).get("members"))
                    .as("members of the province as it stood before the reform").isGreaterThanOrEqualTo(50_000L);
            assertThat(beforeReform.uncoveredUnder(district.commune, Recount.NOW))
                    .as("before: the third village has no resident, the fourth neither a cell nor a resident")
                    .containsOnlyKeys(district.villages.get(2), district.villages.get(3));
            assertThat(beforeReform.uncoveredUnder(district.otherCommune, Recount.NOW)).as("no member lives there yet")
                    .containsOnlyKeys(district.otherVillage);
            await().atMost(SETTLED).pollInterval(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(differences(agency, tree, beforeReform)).isEmpty());

            applyReform(agency, writer, province, posted);
            posted.organisationEvents += district.applyReform(agency, writer);
            runImport(stack, agency, writer, sinceReform, posted, null);
            recordMeetings(agency, writer, province, province.meetings(false), posted);
            posted.memberEvents += district.enterLateHistory(agency, writer);
            posted.memberEvents += district.transferToPlacesOfResidence(agency, writer);
            progress("entered the dissolved district " + district.district + "'s decisions of 2023-2025 after the"
                    + " reform, and transferred two retired members to their place of residence");
            Recount afterReform = awaitCaughtUp(stack, agency, province, posted);
            assertThat(afterReform.stockAt(province.mergeTarget, Recount.NOW).get("members"))
                    .as("the merged commune's members count with its successor")
                    .isGreaterThan(afterReform.stockAt(province.mergeTarget, YearMonth.of(2025, 6)).get("members"));
            assertLateHistoryCountsUnderTheDistrict(afterReform, district);
            await().atMost(SETTLED).pollInterval(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(differences(agency, tree, afterReform)).isEmpty());

            rebuildWhileDashboardsRead(agency, province);
            assertThat(differences(agency, tree, afterReform)).as("the rebuilt version against the recount")
                    .isEmpty();
        }
    }

    /** The organisations compared: the generated province's and the dissolved district's. */
    private record Tree(List<String> organisations, List<String> parents) {

        Tree(GeneratedProvince province, DissolvedDistrict district) {
            this(concat(province.organisations(), district.organisations()),
                    concat(province.parents(), district.parents()));
        }

        private static List<String> concat(List<String> first, List<String> second) {
            List<String> all = new ArrayList<>(first);
            all.addAll(second);
            return List.copyOf(all);
        }
    }

    /**
     * What the recount makes of the late-entered history and the transfers (reporting is held to the same by
     * {@link #differences}): the district's decisions of 2023 to June 2025 count under it, in their months; the
     * recognition it could no longer decide, decided by the commune, counts under the commune alone; the village
     * whose only resident left lacks a member, those the transfers moved into have one.
     */
    private static void assertLateHistoryCountsUnderTheDistrict(Recount recount, DissolvedDistrict district) {
        assertThat(Recount.family(recount.flowsBetween(district.district, YearMonth.of(2023, 1),
                YearMonth.of(2025, 6)), "flow.", true)).as("the district's decisions entered after its dissolution")
                .isEqualTo(Map.of("admitted", 4L, "recognized", 3L, "removed", 1L));
        assertThat(recount.flowsBetween(district.district, YearMonth.of(2023, 3), YearMonth.of(2023, 3)))
                .as("an admission of March 2023").containsEntry("flow.admitted", 1L);
        assertThat(recount.flowsBetween(district.district, YearMonth.from(GeneratedProvince.REFORM),
                Recount.NOW)).as("nothing counts under the district once dissolved")
                .isEmpty();
        assertThat(recount.flowsBetween(district.commune, YearMonth.of(2025, 8), YearMonth.of(2025, 8)))
                .containsEntry("flow.recognized", 1L);
        assertThat(recount.stockAt(district.district, YearMonth.of(2024, 12)).get("members"))
                .as("the district's members at the end of 2024: 3 secretaries, 18, 4 retired or residents, 4"
                        + " admitted, less the one removed").isEqualTo(28L);
        Map<String, Recount.Uncovered> uncovered = recount.uncoveredUnder(district.commune, Recount.NOW);
        assertThat(uncovered).containsOnlyKeys(district.villages.get(0), district.villages.get(3),
                district.villages.get(4));
        assertThat(uncovered.get(district.villages.get(0)).withoutMember()).as("its only resident moved").isTrue();
        assertThat(uncovered.get(district.villages.get(3)).withoutMember())
                .as("a member admitted in 2024 lives there").isFalse();
        assertThat(recount.uncoveredUnder(district.otherCommune, Recount.NOW)).as("a retired member moved in")
                .isEmpty();
    }

    /**
     * Rebuilds every figure from offset zero into a new projection version while dashboards keep reading the live
     * one — none of their queries may fail, before, during or after the switch — and switches once the new version
     * has caught up with no difference from the live one.
     */
    private static void rebuildWhileDashboardsRead(Agency agency, GeneratedProvince province) {
        String auditor = agency.auditor();
        String operator = agency.operator();
        String dashboard = agency.nationalDashboard();
        String liveBefore = agency.reporting.get("/projections", auditor).json().get("live").asString();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger queries = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean reading = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<String> paths = List.of("/organizations/" + province.id + "/summary",
                "/organizations/" + province.id + "/counts",
                "/organizations/" + province.mergeTarget + "/children?asOf=2025-12-31&from=2025-01&to=2025-12",
                "/organizations/" + province.id + "/series?metric=members&from=2015-01&to=2025-12");
        Thread reader = Thread.ofVirtual().start(() -> {
            while (reading.get()) {
                for (String path : paths) {
                    Http.Response response = agency.reporting.get(path, dashboard);
                    queries.incrementAndGet();
                    if (response.status() != 200) {
                        failures.add(path + " -> " + response);
                    }
                }
            }
        });
        Instant started = Instant.now();
        String version = "v-recount-" + UUID.randomUUID().toString().substring(0, 6);
        Http.Response rebuild = agency.reporting.post("/projections/rebuilds", operator, Map.of("version", version));
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode progress = agency.reporting.get("/projections/" + version, auditor).json();
            assertThat(progress.get("caughtUp").asBoolean()).as(progress.toString()).isTrue();
        });
        JsonNode progress = agency.reporting.get("/projections/" + version, auditor).json();
        assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong());
        // folded in one pass and handed to the version's topology: what follows checks those figures against the recount
        JsonNode onePass = progress.get("onePass");
        assertThat(onePass.get("handedOver").asBoolean()).as(progress.toString()).isTrue();
        await().atMost(SETTLED).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(
                agency.reporting.get("/projections/" + version + "/differences", auditor).json()).isEmpty());
        Http.Response switched = agency.reporting.post("/projections/" + version + "/switch", operator, Map.of());
        assertThat(switched.status()).as(switched.body()).isEqualTo(200);
        assertThat(switched.json().get("from").asString()).isEqualTo(liveBefore);
        int atSwitch = queries.get();
        await().atMost(SETTLED).until(() -> queries.get() > atSwitch + 40);
        reading.set(false);
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(failures).as("dashboard queries that failed during the rebuild and switch").isEmpty();
        assertThat(agency.reporting.get("/projections", auditor).json().get("live").asString()).isEqualTo(version);
        progress("rebuilt " + progress.get("total").asLong() + " events into " + version + " in "
                + Duration.between(started, Instant.now()).toSeconds() + " s while dashboards made " + queries.get()
                + " queries, none failed (one pass: " + onePass.get("events").asLong() + " events folded and handed over"
                + " in " + onePass.get("millis").asLong() + " ms); switched from " + liveBefore);
    }

    // ---------------------------------------------------------------------------------------------------------
    // posting through the public APIs

    /** What has been posted so far: once the topics hold as many of the province's events, they hold them all. */
    private static final class Posted {
        /** One per import line. */
        long memberEvents;
        long organisationEvents;
        long meetings;
    }

    private static void registerOrganisations(Agency agency, String writer, GeneratedProvince province,
                                              Posted posted) {
        Http.Response central = agency.membership.post("/organizations", writer,
                ApiBodies.organization("TW", "Ban Chấp hành Trung ương", "CENTRAL", null, "1930-02-03"));
        assertThat(central.status()).as(central.body()).isIn(201, 409);
        register(agency, writer, province.id, "Tỉnh ủy " + province.id, "PROVINCE", "TW");
        for (String commune : province.communes) {
            register(agency, writer, commune, "Đảng bộ xã " + commune, "COMMUNE", province.id);
        }
        inParallel(province.communeOfCell.entrySet().stream().<Runnable>map(cell -> () ->
                register(agency, writer, cell.getKey(), "Chi bộ thôn " + cell.getKey(), "CELL", cell.getValue()))
                .toList());
        posted.organisationEvents += province.organisations().size();
        progress("registered " + province.organisations().size() + " organisations");
    }

    private static void register(Agency agency, String writer, String id, String name, String level, String parent) {
        Http.Response registered = agency.membership.post("/organizations", writer,
                ApiBodies.organization(id, name, level, parent, GeneratedProvince.FOUNDED.toString()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    /** The 2025 reform, effective 01/07/2025: a village cell goes to another commune, two communes become one. */
    private static void applyReform(Agency agency, String writer, GeneratedProvince province, Posted posted) {
        Http.Response moved = agency.membership.post("/organizations/" + province.movedCell + "/move", writer,
                Map.of("newParentId", province.movedTo, "effectiveDate", GeneratedProvince.REFORM.toString(),
                        "decisionNumber", "1656-NQ/UBTVQH15"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Http.Response merged = agency.membership.post("/organizations/" + province.mergeTarget + "/merge", writer,
                Map.of("sourceIds", List.of(province.mergedCommune), "effectiveDate",
                        GeneratedProvince.REFORM.toString(), "decisionNumber", "1656-NQ/UBTVQH15"));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        // the move; the merger, recorded by the target, and the merged commune's dissolution
        posted.organisationEvents += 3;
        progress("moved " + province.movedCell + " to " + province.movedTo + ", merged " + province.mergedCommune
                + " into " + province.mergeTarget);
    }

    /**
     * Posts the lines as one import and waits until it is done, every line accepted. {@code midway}, when given,
     * runs as soon as the import is posted, while it runs.
     */
    private static void runImport(LocalStack stack, Agency agency, String writer, List<String> lines, Posted posted,
                                  Runnable midway) {
        Instant started = Instant.now();
        JsonNode job = postImport(stack.url(LocalStack.MEMBERSHIP), writer, lines);
        String jobId = job.get("id").asString();
        assertThat(job.get("total").asLong()).isEqualTo(lines.size());
        if (midway != null) {
            midway.run();
        }
        await().atMost(IMPORT).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode progress = agency.membership.get("/imports/" + jobId, writer).json();
            assertThat(progress.hasNonNull("error")).as(progress.toString()).isFalse();
            return progress.get("state").asString().equals("DONE");
        });
        JsonNode done = agency.membership.get("/imports/" + jobId, writer).json();
        if (done.get("accepted").asLong() != lines.size()) {
            String rejected = agency.membership.get("/imports/" + jobId + "/results", writer).body().lines()
                    .filter(line -> !line.contains("\"ACCEPTED\"")).limit(5).collect(Collectors.joining("\n"));
            assertThat(done.get("accepted").asLong()).as("lines accepted; the first refused:\n" + rejected)
                    .isEqualTo(lines.size());
        }
        posted.memberEvents += lines.size();
        progress("imported " + lines.size() + " lines in " + Duration.between(started, Instant.now()).toSeconds()
                + " s");
    }

    private static JsonNode postImport(String membershipUrl, String writer, List<String> lines) {
        ByteArrayOutputStream ndjson = new ByteArrayOutputStream();
        lines.forEach(line -> ndjson.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(membershipUrl + "/imports"))
                .timeout(Duration.ofMinutes(3))
                .header("Authorization", "Bearer " + writer)
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson.toByteArray())).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records each meeting with the cell's whole roster of its day present, once meeting-service (which learns
     * rosters from membership's events) lists exactly that roster.
     */
    private static void recordMeetings(Agency agency, String writer, GeneratedProvince province,
                                       List<GeneratedProvince.Meeting> meetings, Posted posted) {
        Instant started = Instant.now();
        Map<String, List<GeneratedProvince.Meeting>> byCell = meetings.stream()
                .collect(Collectors.groupingBy(GeneratedProvince.Meeting::cellId, LinkedHashMap::new,
                        Collectors.toList()));
        // cells in parallel, each cell's meetings in order
        inParallel(byCell.values().stream().<Runnable>map(cellMeetings -> () -> cellMeetings
                .forEach(meeting -> recordMeeting(agency, writer, province, meeting))).toList());
        posted.meetings += meetings.size();
        progress("recorded " + meetings.size() + " meetings in " + Duration.between(started, Instant.now())
                .toSeconds() + " s");
    }

    private static void recordMeeting(Agency agency, String writer, GeneratedProvince province,
                                      GeneratedProvince.Meeting meeting) {
        List<String> roster = province.rosterOn(meeting.cellId(), meeting.day());
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> roster.equals(expectedOnRoster(agency, writer, meeting.cellId(), meeting.day())));
        List<Map<String, Object>> attendance = roster.stream()
                .<Map<String, Object>>map(id -> Map.of("memberId", id, "status", "PRESENT")).toList();
        boolean thematic = meeting.kind().equals("THEMATIC");
        Http.Response recorded = agency.meeting.post("/cells/" + meeting.cellId() + "/meetings", writer,
                ApiBodies.meeting(meeting.id(), meeting.kind(), thematic ? "Học tập chuyên đề" : null,
                        meeting.day() + "T19:30:00", meeting.day() + "T21:45:00", attendance));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    private static List<String> expectedOnRoster(Agency agency, String token, String cellId, LocalDate day) {
        Http.Response roster = agency.meeting.get("/cells/" + cellId + "/roster?asOf=" + day, token);
        if (roster.status() != 200) {
            return List.of();
        }
        List<String> expected = new ArrayList<>();
        roster.json().get("lines").forEach(line -> {
            if (line.get("presence").asString().equals("EXPECTED")) {
                expected.add(line.get("memberId").asString());
            }
        });
        return expected.stream().sorted().toList();
    }

    /**
     * Kills the reporting service's process outright — no shutdown, no last commit, as a crash or an OOM kill
     * would — and starts it again on the same data.
     */
    /**
     * Kills reporting-service (as kill -9 would) while it is folding the import's events: once its live version has
     * taken some of them and not yet all, and starts it again on the same data.
     */
    private static void killReportingMidStream(LocalStack stack, Agency agency) {
        String auditor = agency.auditor();
        String live = agency.reporting.get("/projections", auditor).json().get("live").asString();
        long before = agency.reporting.get("/projections/" + live, auditor).json().get("done").asLong();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            JsonNode progress = agency.reporting.get("/projections/" + live, auditor).json();
            assertThat(progress.get("caughtUp").asBoolean()).as("reporting caught up before it could be killed"
                    + " mid-stream: " + progress).isFalse();
            assertThat(progress.get("done").asLong()).as("reporting has taken some of the import's events")
                    .isGreaterThan(before);
        });
        killAndRestartReporting(stack);
    }

    private static void killAndRestartReporting(LocalStack stack) {
        String jar = stack.config().serviceJar(LocalStack.REPORTING).toString();
        String port = "--server.port=" + URI.create(stack.url(LocalStack.REPORTING)).getPort();
        ProcessHandle reporting = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine()
                        .filter(line -> line.contains(jar) && line.contains(port)).isPresent())
                .findFirst().orElseThrow(() -> new IllegalStateException("no reporting-service process"));
        Instant killed = Instant.now();
        reporting.destroyForcibly();
        reporting.onExit().join();
        stack.restart(LocalStack.REPORTING);
        progress("killed reporting-service (pid " + reporting.pid() + ") and started it again in "
                + Duration.between(killed, Instant.now()).toSeconds() + " s");
    }

    // ---------------------------------------------------------------------------------------------------------
    // reading back and waiting

    /**
     * Reads the province's events back from the topics once every posted event is there, recounts them, and waits
     * until reporting-service shows the province's recounted totals, unchanged for a few seconds.
     */
    private static Recount awaitCaughtUp(LocalStack stack, Agency agency, GeneratedProvince province,
                                         Posted posted) {
        Instant started = Instant.now();
        Predicate<String> ours = key -> key != null && key.startsWith(province.id);
        List<Recount.MemberFact> members = new ArrayList<>();
        List<EventEnvelope> organisations = new ArrayList<>();
        List<Recount.MeetingFact> meetings = new ArrayList<>();
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(2)).until(() -> {
            members.clear();
            members.addAll(Recount.readEachEventOnce(stack, Topics.MEMBERSHIP, ours, Recount.MemberFact::of));
            return members.size() == posted.memberEvents;
        });
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(2)).until(() -> {
            organisations.clear();
            organisations.addAll(Recount.readEachEventOnce(stack, Topics.ORGANIZATION, ours, event -> event));
            meetings.clear();
            meetings.addAll(Recount.readEachEventOnce(stack, Topics.MEETING, ours, Recount.MeetingFact::of));
            return organisations.size() == posted.organisationEvents
                    && meetings.stream().filter(Recount.MeetingFact::held).count() == posted.meetings;
        });
        Recount recount = new Recount(organisations, members, meetings);
        long membersNow = recount.stockAt(province.id, Recount.NOW).get("members");
        long meetingsHeld = recount.flowsBetween(province.id, Recount.EVER, Recount.NOW).get("meetings.held");
        String dashboard = agency.nationalDashboard();
        long[] version = {-1};
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(3)).until(() -> {
            Http.Response response = agency.reporting.get("/organizations/" + province.id + "/counts", dashboard);
            if (response.status() != 200) {
                return false;
            }
            JsonNode counts = response.json();
            long now = counts.get("version").asLong();
            boolean same = Recount.number(counts.get("members").get("total")) == membersNow
                    && Recount.number(counts.get("counters").get("meetings.held")) == meetingsHeld && now == version[0];
            version[0] = now;
            return same;
        });
        progress("read " + members.size() + " member, " + organisations.size() + " organisation and "
                + meetings.size() + " meeting events; reporting caught up after "
                + Duration.between(started, Instant.now()).toSeconds() + " s");
        return recount;
    }

    // ---------------------------------------------------------------------------------------------------------
    // comparing

    private static final List<YearMonth> AS_OF = List.of(YearMonth.of(2014, 12), YearMonth.of(2015, 12),
            YearMonth.of(2016, 12), YearMonth.of(2017, 12), YearMonth.of(2018, 12), YearMonth.of(2019, 12),
            YearMonth.of(2020, 12), YearMonth.of(2021, 12), YearMonth.of(2022, 12), YearMonth.of(2023, 12),
            YearMonth.of(2024, 12), YearMonth.of(2025, 6), YearMonth.of(2025, 7), YearMonth.of(2025, 12));
    private static final YearMonth SERIES_FROM = YearMonth.of(2014, 12);
    private static final YearMonth SERIES_TO = YearMonth.of(2025, 12);

    /** Every way the figures reporting-service serves differ from the recount; empty when they all agree. */
    private static List<String> differences(Agency agency, Tree tree, Recount expected) {
        Instant started = Instant.now();
        String token = agency.nationalDashboard();
        List<String> differences = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Runnable> comparisons = new ArrayList<>();
        for (String orgId : tree.organisations()) {
            comparisons.add(() -> Recount.compareCounts(agency, token, orgId, expected, differences));
        }
        for (String parentId : tree.parents()) {
            comparisons.add(() -> Recount.compareUncoveredUnits(agency, token, parentId, expected, differences));
            for (YearMonth asOf : AS_OF) {
                comparisons.add(() -> compareChildren(agency, token, parentId, asOf, expected, differences));
            }
            for (String metric : List.of("members", "members.official", "cells", "meetings.held", "units.village",
                    "units.village.without_member")) {
                comparisons.add(() -> compareSeries(agency, token, parentId, metric, expected, differences));
            }
        }
        inParallel(comparisons);
        progress("compared every figure in " + Duration.between(started, Instant.now()).toSeconds() + " s: "
                + differences.size() + " difference(s)" + (differences.isEmpty() ? "" : ", the first: "
                + differences.getFirst()));
        return differences.size() > 50 ? differences.subList(0, 50) : differences;
    }

    /**
     * The parent and its children side by side: members at the end of {@code asOf}, flows from the start of its
     * year to then; and the children are exactly the organisations under the parent then, each with its members if
     * under the parent at {@code asOf} and its flows of the months it was.
     */
    private static void compareChildren(Agency agency, String token, String parentId, YearMonth asOf,
                                        Recount expected, List<String> differences) {
        YearMonth from = asOf.equals(YearMonth.of(2025, 7)) ? asOf : asOf.withMonth(1);
        Http.Response response = agency.reporting.get("/organizations/" + parentId + "/children?asOf="
                + asOf.atEndOfMonth() + "&from=" + from + "&to=" + asOf, token);
        if (response.status() != 200) {
            differences.add(parentId + " children at " + asOf + ": " + response);
            return;
        }
        JsonNode comparison = response.json();
        List<JsonNode> rows = new ArrayList<>();
        rows.add(comparison.get("total"));
        Set<String> children = new TreeSet<>();
        comparison.get("children").forEach(row -> {
            rows.add(row);
            children.add(row.get("orgId").asString());
        });
        Set<String> expectedChildren = expected.childrenOf(parentId, from, asOf);
        if (!children.equals(expectedChildren)) {
            differences.add(parentId + " children from " + from + " to " + asOf + ": expected " + expectedChildren
                    + " but reporting lists " + children);
        }
        for (JsonNode row : rows) {
            String orgId = row.get("orgId").asString();
            boolean total = orgId.equals(parentId);
            String what = orgId + " at " + asOf.atEndOfMonth();
            Map<String, Long> stock = total ? expected.stockAt(orgId, asOf) : expected.stockUnder(orgId, parentId,
                    asOf);
            JsonNode members = row.get("members");
            Recount.compare(differences, what + " members", stock.get("members"), members.get("total"));
            Recount.compare(differences, what + " probationary", stock.get("members.probationary"),
                    members.get("probationary"));
            Recount.compare(differences, what + " official", stock.get("members.official"), members.get("official"));
            Recount.compare(differences, what + " women", stock.get("members.sex.female"), members.get("women"));
            Map<String, Long> expectedFlows = Recount.family(total ? expected.flowsBetween(orgId, from, asOf)
                    : expected.flowsUnder(orgId, parentId, from, asOf), "flow.", true);
            Map<String, Long> servedFlows = new TreeMap<>();
            row.get("flows").properties().forEach(entry -> servedFlows.put(entry.getKey(), entry.getValue().asLong()));
            if (!expectedFlows.equals(servedFlows)) {
                differences.add(what + " flows since " + from + ": expected " + expectedFlows + " but reporting says "
                        + servedFlows);
            }
            String mergedInto = row.get("mergedInto").isNull() ? null : row.get("mergedInto").asString();
            if (!Objects.equals(expected.mergedInto(orgId), mergedInto)) {
                differences.add(orgId + " merged into: expected " + expected.mergedInto(orgId) + " but reporting says "
                        + mergedInto);
            }
        }
    }

    /** One value per month: a stock at each month's end, a flow's count in each month. */
    private static void compareSeries(Agency agency, String token, String orgId, String metric, Recount expected,
                                      List<String> differences) {
        Http.Response response = agency.reporting.get("/organizations/" + orgId + "/series?metric=" + metric
                + "&from=" + SERIES_FROM + "&to=" + SERIES_TO, token);
        if (response.status() != 200) {
            differences.add(orgId + " series of " + metric + ": " + response);
            return;
        }
        boolean flow = metric.startsWith("meetings.");
        response.json().get("points").forEach(point -> {
            YearMonth month = YearMonth.parse(point.get("month").asString());
            Long value = flow ? expected.flowsBetween(orgId, month, month).get(metric)
                    : expected.stockAt(orgId, month).get(metric);
            Recount.compare(differences, orgId + " " + metric + " in " + month, value, point.get("value"));
        });
    }

    /** Runs the tasks a few at a time, as several dashboards would ask; the first failure fails the test. */
    private static void inParallel(List<Runnable> tasks) {
        try (java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<?>> running = tasks.stream()
                    .<java.util.concurrent.Future<?>>map(pool::submit).toList();
            for (java.util.concurrent.Future<?> task : running) {
                task.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void progress(String message) {
        System.out.println(Instant.now() + " ProvinceRecountTest: " + message);
    }

    // ---------------------------------------------------------------------------------------------------------
}
