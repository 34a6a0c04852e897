package chibo.bench;

import chibo.contracts.Topics;
import chibo.localstack.GeneratedProvince;
import chibo.testsupport.Http;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The province's whole history as one bulk import, end to end: from posting the NDJSON file until reporting's
 * figures for the province equal the file — its member count is the generator's, and the live projection has
 * caught up — with the times the file was accepted, its lines stored and their events published on the way.
 */
final class BulkImport {

    private final String membershipUrl;
    private final Http membership;
    private final Http reporting;
    private final Tokens tokens;
    private final Map<String, Object> kafka;
    private final Duration patience;

    BulkImport(String membershipUrl, Http reporting, Tokens tokens, Map<String, Object> kafka, Duration patience) {
        this.membershipUrl = membershipUrl;
        this.membership = new Http(membershipUrl);
        this.reporting = reporting;
        this.tokens = tokens;
        this.kafka = kafka;
        this.patience = patience;
    }

    /** The NDJSON file an agency would send: each member's lines in date order, written once, not held twice. */
    static long writeFile(GeneratedProvince province, Path file) throws IOException {
        long lines = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (GeneratedProvince.Member member : province.members) {
                for (GeneratedProvince.Step step : member.steps) {
                    out.write(step.line());
                    out.write('\n');
                    lines++;
                }
            }
        }
        return lines;
    }

    /** @param started when the bench started posting, {@link System#nanoTime()} */
    ObjectNode run(GeneratedProvince province, Path file, long lines, long started, ObjectNode into)
            throws Exception {
        long eventsBefore = ConsumerGroups.records(kafka, Topics.MEMBERSHIP);
        long expectedMembers = province.membersAtEnd();
        JsonNode job = post(file);
        double acceptedSeconds = BenchResults.seconds(started);
        progress("the file is accepted as import " + job.get("id").asString() + " after "
                + BenchResults.round(acceptedSeconds) + " s; applying its lines");
        JsonNode done = awaitDone("/imports/" + job.get("id").asString());
        double storedSeconds = BenchResults.seconds(started);
        long accepted = done.get("accepted").asLong();
        progress("every line applied and its events stored after " + BenchResults.round(storedSeconds) + " s ("
                + accepted + " accepted, " + done.get("rejected").asLong() + " rejected)");
        if (accepted != lines) {
            String refused = membership.get("/imports/" + job.get("id").asString() + "/results", tokens.writer())
                    .body().lines().filter(line -> !line.contains("\"ACCEPTED\"")).limit(3)
                    .collect(Collectors.joining("\n"));
            throw new IllegalStateException("the import accepted " + accepted + " of " + lines
                    + " lines; the first refused:\n" + refused);
        }
        ConsumerGroups.awaitRecords(kafka, Topics.MEMBERSHIP, eventsBefore + accepted, patience);
        double publishedSeconds = BenchResults.seconds(started);
        progress("every event published on " + Topics.MEMBERSHIP + " after " + BenchResults.round(publishedSeconds)
                + " s; waiting for reporting's figures");
        awaitFigures(province.id, expectedMembers);
        double figuresSeconds = BenchResults.seconds(started);
        into.put("lines", lines);
        into.put("fileMb", BenchResults.round(Files.size(file) / 1e6));
        into.put("accepted", accepted);
        into.put("membersExpected", expectedMembers);
        into.put("fileAcceptedSeconds", BenchResults.round(acceptedSeconds));
        into.put("linesStoredSeconds", BenchResults.round(storedSeconds));
        into.put("eventsPublishedSeconds", BenchResults.round(publishedSeconds));
        into.put("figuresEqualFileSeconds", BenchResults.round(figuresSeconds));
        into.put("linesStoredPerSecond", Math.round(lines / storedSeconds));
        into.put("eventsPublishedPerSecond", Math.round(accepted / publishedSeconds));
        into.put("linesPerSecondEndToEnd", Math.round(lines / figuresSeconds));
        return into;
    }

    private JsonNode post(Path file) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(membershipUrl + "/imports"))
                            .timeout(patience)
                            .header("Authorization", "Bearer " + tokens.writer())
                            .header("Content-Type", "application/x-ndjson")
                            .POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("import refused: " + response.statusCode() + " " + response.body());
            }
            return BenchResults.JSON.readTree(response.body());
        }
    }

    private JsonNode awaitDone(String location) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        int lastPercent = -1;
        while (System.nanoTime() < deadline) {
            JsonNode job = membership.get(location, tokens.writer()).json();
            if (job.hasNonNull("error")) {
                throw new IllegalStateException("import failed: " + job);
            }
            if (job.get("state").asString().equals("DONE")) {
                return job;
            }
            int percent = job.get("percent").asInt();
            if (percent / 10 != lastPercent / 10) {
                progress("import " + percent + " % (" + job.get("done").asLong() + " of " + job.get("total").asLong()
                        + " lines)");
                lastPercent = percent;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("the import did not finish within " + patience);
    }

    /** Until the province counts the members the file leaves and the live projection version has caught up. */
    private void awaitFigures(String provinceId, long expectedMembers) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (members(reporting, tokens, provinceId) == expectedMembers && liveCaughtUp()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("reporting did not count " + expectedMembers + " members in " + provinceId
                + " within " + patience + " (it counts " + members(reporting, tokens, provinceId) + ")");
    }

    private boolean liveCaughtUp() {
        String live = reporting.get("/projections", tokens.auditor()).json().get("live").asString();
        return reporting.get("/projections/" + live, tokens.auditor()).json().get("caughtUp").asBoolean();
    }

    /** The organisation's members now, as a dashboard reads them; 0 while reporting does not know it. */
    static long members(Http reporting, Tokens tokens, String orgId) {
        Http.Response counts = reporting.get("/organizations/" + orgId + "/counts", tokens.dashboard());
        return counts.status() == 200 ? counts.json().path("members").path("total").asLong() : 0;
    }

    private static void progress(String message) {
        StackBench.progress(message);
    }
}
