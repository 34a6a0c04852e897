package chibo.membership;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static chibo.membership.Requests.map;

/**
 * A generated history file, as an agency system migrating its records would send it: for each member five lines
 * (admission, ceremony, recognition, annual rating, a reprimand), shuffled so that the importer has to put each
 * member's lines back in effective-date order. Every {@code badEvery}-th member's recognition comes before
 * probation ends (a rule violation), and a few lines are not JSON at all.
 */
final class HistoryFile {

    static final int LINES_PER_MEMBER = 5;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final Path path;
    final int members;
    final int badRecognitions;
    final int malformed;

    private HistoryFile(Path path, int members, int badRecognitions, int malformed) {
        this.path = path;
        this.members = members;
        this.badRecognitions = badRecognitions;
        this.malformed = malformed;
    }

    int lines() {
        return members * LINES_PER_MEMBER + malformed;
    }

    int validLines() {
        return lines() - badRecognitions - malformed;
    }

    static HistoryFile generate(Requests.Tree tree, String prefix, int members, int badEvery, int malformed) {
        List<String> lines = new ArrayList<>(members * LINES_PER_MEMBER + malformed);
        int bad = 0;
        for (int i = 0; i < members; i++) {
            String id = prefix + "-" + i;
            LocalDate decision = LocalDate.of(2020, 1, 6).plusDays(i % 1500);
            LocalDate ceremony = decision.plusDays(20);
            boolean early = badEvery > 0 && i % badEvery == 0;
            bad += early ? 1 : 0;
            LocalDate resolution = early ? ceremony.plusMonths(11) : ceremony.plusMonths(12).plusDays(5);
            LocalDate recognized = resolution.plusDays(10);
            LocalDate rated = LocalDate.of(recognized.getYear(), 12, 15);
            lines.add(line("admit", id, map("memberId", id,
                    "person", Map.of("fullName", "Người " + i, "birthDate", LocalDate.of(1990 + i % 10, 1 + i % 12, 5)
                            .toString(), "sex", i % 2 == 0 ? "MALE" : "FEMALE", "ethnicity", "Kinh",
                            "education", "UNIVERSITY"),
                    "cellId", tree.cell(), "cellResolutionDate", decision.minusDays(14).toString(),
                    "vote", Map.of("officialMembers", 12, "temporarilyTransferredOut", 1, "exemptedAbsent", 0,
                            "inFavour", 11),
                    "introducers", List.of(Map.of("memberId", tree.introducer(), "workedWithSince", "2015-06-01"),
                            Map.of("memberId", tree.secondIntroducer(), "workedWithSince", "2015-06-01")),
                    "youthUnionIntroduced", false,
                    "awarenessCertificate", Map.of("number", "NT-" + i, "issuedOn",
                            decision.minusMonths(4).toString()),
                    "decisionDate", decision.toString(), "decisionNumber", i + "-QĐ/ĐU",
                    "decidingOrgId", tree.grassroots())));
            lines.add(line("swear-in", id, Map.of("ceremonyDate", ceremony.toString())));
            lines.add(line("recognize", id, Map.of("cellResolutionDate", resolution.toString(),
                    "decisionDate", recognized.toString(), "decisionNumber", "CN-" + i,
                    "decidingOrgId", tree.grassroots())));
            lines.add(line("rate", id, Map.of("year", rated.getYear(), "level", "GOOD", "points", 82,
                    "decisionDate", rated.toString(), "decidingOrgId", tree.grassroots())));
            lines.add(line("discipline", id, Map.of("level", "REPRIMAND", "reason", "late dues",
                    "selfReportedAndRemedied", false, "decisionDate", rated.plusDays(30).toString(),
                    "decisionNumber", "KL-" + i, "decidingOrgId", tree.grassroots())));
        }
        for (int i = 0; i < malformed; i++) {
            lines.add("{\"command\": \"admit\", \"memberId\": " + i + ",");
        }
        Collections.shuffle(lines, new Random(7));
        try {
            Path file = Files.createTempFile("chibo-import", ".ndjson");
            file.toFile().deleteOnExit();
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (String line : lines) {
                    writer.write(line);
                    writer.write('\n');
                }
            }
            return new HistoryFile(file, members, bad, malformed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One import line: the command, the member and the fields of its request. */
    static String line(String command, String memberId, Map<String, Object> body) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("command", command);
        line.put("memberId", memberId);
        line.putAll(body);
        return JSON.writeValueAsString(line);
    }
}
