package chibo.reporting.audit;

import chibo.contracts.EventPayload;
import chibo.contracts.member.CorrectionKind;
import chibo.contracts.member.MemberAdmitted;
import chibo.contracts.member.MemberCorrected;
import chibo.contracts.member.MemberDeceased;
import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.MemberExpelled;
import chibo.contracts.member.MemberLetGo;
import chibo.contracts.member.MemberProbationFailed;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.MemberRecognized;
import chibo.contracts.member.MemberRemoved;
import chibo.contracts.member.MemberStatus;
import chibo.contracts.member.MemberTransferReceived;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One member's history replayed bitemporally: only the events recorded by a moment and in effect by a date, in
 * the order they were recorded. Plain Java, the fold reads like the table of statuses:
 *
 * <ul>
 *   <li>admitted, readmitted: PROBATIONARY in the cell named; enrolled from the register: the status it names;</li>
 *   <li>recognized: OFFICIAL; probation failed, removed: REMOVED; let go, expelled, deceased: the same;</li>
 *   <li>transfer received: the member now belongs to the new cell;</li>
 *   <li>corrected (APPEAL_UPHELD or ANNULLED) naming the last status event: that event never stood, the status
 *   before it is back (none, for an annulled admission), and its flow is taken back.</li>
 * </ul>
 *
 * Flows are counted in the period when the member's cell is in the subtree; a transfer across the subtree's edge
 * is a transfer in or out, one inside it is neither.
 */
final class MembershipReplay {

    static final String TRANSFERRED_IN = "transferred_in";
    static final String TRANSFERRED_OUT = "transferred_out";

    private MembershipReplay() {
    }

    /**
     * Which events count: recorded by {@code recordedBy} (every one when null) and in effect by {@code asOf}; flows
     * are counted from {@code periodFrom} to {@code asOf}.
     */
    record Window(Instant recordedBy, LocalDate asOf, LocalDate periodFrom) {

        static Window yearOf(Instant recordedBy, LocalDate asOf) {
            return new Window(recordedBy, asOf, asOf.withDayOfYear(1));
        }

        boolean includes(ArchivedEvent event) {
            return (recordedBy == null || !event.recordedAt().isAfter(recordedBy))
                    && !event.effectiveDate().isAfter(asOf);
        }

        boolean inPeriod(LocalDate effectiveDate) {
            return !effectiveDate.isBefore(periodFrom) && !effectiveDate.isAfter(asOf);
        }
    }

    /**
     * What the member adds to the subtree's figures.
     *
     * @param status the member's status if counted among the subtree's members (an active member in one of its
     *               cells), else null
     * @param flows  the member's flows in the period, by name ({@code admitted}, {@code expelled}…)
     */
    record Contribution(MemberStatus status, Map<String, Long> flows) {
    }

    /** An event the replay took, and whether it changed what the member adds to the figures. */
    record Step(ArchivedEvent event, boolean changed) {
    }

    record Replay(Contribution contribution, List<Step> steps) {
    }

    /** @param history the member's events in seq order */
    static Replay replay(List<ArchivedEvent> history, Window window, Set<String> subtree) {
        Fold fold = new Fold(window, subtree);
        List<Step> steps = new ArrayList<>();
        for (ArchivedEvent event : history) {
            if (window.includes(event)) {
                Contribution before = fold.contribution();
                fold.apply(event);
                steps.add(new Step(event, !fold.contribution().equals(before)));
            }
        }
        return new Replay(fold.contribution(), steps);
    }

    /** The member's state as the replay goes. */
    private static final class Fold {

        private final Window window;
        private final Set<String> subtree;
        private final Deque<StatusDecision> decisions = new ArrayDeque<>();
        private final Map<String, Long> flows = new TreeMap<>();
        private String cellId;

        /** A decision that set the status; {@code counted}: whether its flow was counted. */
        private record StatusDecision(long seq, MemberStatus status, String flow, boolean counted) {
        }

        Fold(Window window, Set<String> subtree) {
            this.window = window;
            this.subtree = subtree;
        }

        void apply(ArchivedEvent event) {
            EventPayload payload = event.typedPayload();
            switch (payload) {
                case MemberAdmitted e -> join(event, e.cellId(), MemberStatus.PROBATIONARY, "admitted");
                case MemberReadmitted e -> join(event, e.cellId(), MemberStatus.PROBATIONARY, "readmitted");
                case MemberEnrolledFromRegister e -> join(event, e.cellId(), e.status(), "enrolled");
                case MemberRecognized e -> decide(event, MemberStatus.OFFICIAL, "recognized");
                case MemberProbationFailed e -> decide(event, MemberStatus.REMOVED, "probation_failed");
                case MemberRemoved e -> decide(event, MemberStatus.REMOVED, "removed");
                case MemberLetGo e -> decide(event, MemberStatus.LET_GO, "let_go");
                case MemberExpelled e -> decide(event, MemberStatus.EXPELLED, "expelled");
                case MemberDeceased e -> decide(event, MemberStatus.DECEASED, "deceased");
                case MemberTransferReceived e -> move(event, e.cellId());
                case MemberCorrected e -> correct(e);
                default -> {
                }
            }
        }

        private void join(ArchivedEvent event, String cell, MemberStatus status, String flow) {
            cellId = cell;
            decide(event, status, flow);
        }

        private void decide(ArchivedEvent event, MemberStatus status, String flow) {
            boolean counted = window.inPeriod(event.effectiveDate()) && inSubtree();
            decisions.push(new StatusDecision(event.seq(), status, flow, counted));
            if (counted) {
                flows.merge(flow, 1L, Long::sum);
            }
        }

        private void move(ArchivedEvent event, String newCell) {
            boolean wasIn = inSubtree();
            cellId = newCell;
            MemberStatus status = status();
            if (status == null || !status.isActive() || !window.inPeriod(event.effectiveDate())
                    || wasIn == inSubtree()) {
                return;
            }
            flows.merge(wasIn ? TRANSFERRED_OUT : TRANSFERRED_IN, 1L, Long::sum);
        }

        private void correct(MemberCorrected correction) {
            boolean reverses = correction.kind() == CorrectionKind.APPEAL_UPHELD
                    || correction.kind() == CorrectionKind.ANNULLED;
            if (!reverses || decisions.isEmpty() || decisions.peek().seq() != correction.correctedSeq()) {
                return;
            }
            StatusDecision reversed = decisions.pop();
            if (reversed.counted()) {
                flows.merge(reversed.flow(), -1L, Long::sum);
            }
        }

        private MemberStatus status() {
            return decisions.isEmpty() ? null : decisions.peek().status();
        }

        private boolean inSubtree() {
            return cellId != null && subtree.contains(cellId);
        }

        Contribution contribution() {
            MemberStatus status = status();
            Map<String, Long> nonZero = new TreeMap<>(flows);
            nonZero.values().removeIf(count -> count == 0L);
            return new Contribution(status != null && status.isActive() && inSubtree() ? status : null,
                    Map.copyOf(nonZero));
        }
    }
}
