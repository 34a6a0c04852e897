package chibo.meeting.compliance;

import chibo.contracts.EventDraft;
import chibo.contracts.VietnamTime;
import chibo.contracts.meeting.CellMeetingBreachDetected;
import chibo.meeting.cell.CellMeetings;
import chibo.meeting.cell.Quarter;
import chibo.meeting.roster.CellRoster;
import chibo.meeting.roster.Rosters;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.orgtree.OrgNode;
import chibo.platform.orgtree.OrgTreeProjection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The meeting-duty check: for every active cell, every closed month without a regular meeting and every closed
 * quarter without a thematic one becomes {@code cell.meeting_breach_detected}. It runs on a schedule and is safe to
 * run again at any time, on any instance, or after a crash half-way: each cell is decided on its own stored record
 * (one atomic append per cell), and a period that already has a breach is never reported again.
 */
@Service
public class ComplianceCheck {

    private static final Logger log = LoggerFactory.getLogger(ComplianceCheck.class);

    private final AggregateStore<CellMeetings> cells;
    private final Rosters rosters;
    private final OrgTreeProjection tree;
    private final ComplianceWindows windows;
    private final Clock clock;
    private final Counter detected;

    ComplianceCheck(AggregateStore<CellMeetings> cells, Rosters rosters, OrgTreeProjection tree,
                    ComplianceWindows windows, Clock clock, MeterRegistry meters) {
        this.cells = cells;
        this.rosters = rosters;
        this.tree = tree;
        this.windows = windows;
        this.clock = clock;
        this.detected = Counter.builder("chibo.meetings.breaches.detected")
                .description("months without a regular meeting and quarters without a thematic one found")
                .register(meters);
    }

    /** What one run did. */
    public record Report(LocalDate day, int cellsChecked, int breachesDetected) {
    }

    @Scheduled(cron = "${chibo.meetings.compliance.cron:0 30 1 * * *}", zone = VietnamTime.ZONE_ID)
    void scheduled() {
        Report report = run(VietnamTime.today(clock));
        log.info("meeting-duty check for {}: {} cells, {} breaches found", report.day(), report.cellsChecked(),
                report.breachesDetected());
    }

    public Report run(LocalDate today) {
        return run(today, cellId -> true, cellId -> {
        });
    }

    /**
     * @param scope         which cells to check
     * @param afterEachCell told the id of each cell once its breaches are stored
     */
    public Report run(LocalDate today, Predicate<String> scope, Consumer<String> afterEachCell) {
        AtomicInteger checked = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        rosters.forEachCell(roster -> {
            if (!scope.test(roster.cellId())
                    || tree.find(roster.cellId()).filter(OrgNode::active).filter(n -> n.level().holdsMembers())
                    .isEmpty()) {
                return;
            }
            checked.incrementAndGet();
            found.addAndGet(check(roster, today));
            afterEachCell.accept(roster.cellId());
        });
        return new Report(today, checked.get(), found.get());
    }

    /** One cell: the breaches of its closed periods not yet reported, stored in one append. */
    int check(CellRoster roster, LocalDate today) {
        YearMonth since = roster.firstExpectedDay().map(YearMonth::from).orElse(null);
        if (since == null) {
            return 0;
        }
        List<YearMonth> months = windows.closedMonths(today, since);
        List<Quarter> quarters = windows.closedQuarters(today, since);
        String cellId = roster.cellId();
        UUID correlation = UUID.randomUUID();
        var result = cells.execute(cellId, current -> {
            CellMeetings state = current.exists() ? current.state() : CellMeetings.empty(cellId);
            return Compliance.breaches(state, roster, months, quarters).stream()
                    .map(breach -> new EventDraft(cellId, Compliance.lastDayOf(breach), cellId, null, correlation,
                            null, breach))
                    .toList();
        });
        int count = (int) result.events().stream()
                .filter(event -> event.payload() instanceof CellMeetingBreachDetected).count();
        detected.increment(count);
        return count;
    }
}
