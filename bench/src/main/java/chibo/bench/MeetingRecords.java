package chibo.bench;

import chibo.localstack.ApiBodies;
import chibo.localstack.GeneratedProvince;
import chibo.testsupport.Http;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Every cell's monthly meetings of the last year, recorded over meeting-service's API as cell secretaries would
 * (there is no bulk import of meetings): cells side by side, each cell's meetings in order, the whole roster of the
 * day listed, now and then someone excused. Run once meeting-service has learnt the rosters from the import.
 */
final class MeetingRecords {

    static final int CLIENTS = 8;

    private final Http meeting;
    private final Tokens tokens;

    MeetingRecords(Http meeting, Tokens tokens) {
        this.meeting = meeting;
        this.tokens = tokens;
    }

    ObjectNode record(GeneratedProvince province, ObjectNode into) throws InterruptedException {
        Map<String, List<GeneratedProvince.Meeting>> byCell = province.meetings.stream()
                .collect(Collectors.groupingBy(GeneratedProvince.Meeting::cellId, LinkedHashMap::new,
                        Collectors.toList()));
        AtomicLong recorded = new AtomicLong();
        AtomicLong attendances = new AtomicLong();
        List<String> refused = new CopyOnWriteArrayList<>();
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        List<Runnable> cells = new ArrayList<>();
        byCell.values().forEach(meetings -> cells.add(() -> meetings.forEach(held -> {
            List<Map<String, Object>> attendance = attendance(province.rosterOn(held.cellId(), held.day()),
                    held.day().getMonthValue());
            long posted = System.nanoTime();
            Http.Response response = meeting.post("/cells/" + held.cellId() + "/meetings", tokens.writer(),
                    ApiBodies.meeting(held.id(), held.kind(), held.kind().equals("REGULAR") ? null
                                    : "Học tập chuyên đề và sinh hoạt tháng " + held.day().getMonthValue(),
                            held.day() + "T19:30:00", held.day() + "T21:45:00", attendance));
            if (response.status() == 201) {
                latencies.since("record", posted);
                recorded.incrementAndGet();
                attendances.addAndGet(attendance.size());
            } else {
                refused.add(held.id() + " -> " + response.toString().substring(0,
                        Math.min(300, response.toString().length())));
            }
        })));
        ProvinceSetup.inParallel(CLIENTS, cells);
        double seconds = BenchResults.seconds(started);
        into.put("ran", true);
        into.put("clients", CLIENTS);
        into.put("cells", byCell.size());
        into.put("meetings", province.meetings.size());
        into.put("recorded", recorded.get());
        into.put("refused", refused.size());
        refused.stream().limit(5).forEach(into.putArray("firstRefused")::add);
        into.put("attendanceLines", attendances.get());
        into.put("seconds", BenchResults.round(seconds));
        into.put("meetingsPerSecond", BenchResults.round(recorded.get() / seconds));
        latencies.summary(into.putObject("latency"), "record");
        return into;
    }

    /** Everyone on the roster present, but for one in seventeen (never the first, who chairs) excused. */
    private static List<Map<String, Object>> attendance(List<String> roster, int month) {
        List<Map<String, Object>> attendance = new ArrayList<>();
        for (int i = 0; i < roster.size(); i++) {
            attendance.add(i > 0 && (i + month) % 17 == 0
                    ? Map.of("memberId", roster.get(i), "status", "EXCUSED", "reason", "đi làm xa")
                    : Map.of("memberId", roster.get(i), "status", "PRESENT"));
        }
        return attendance;
    }
}
