package chibo.membership.member;

import chibo.contracts.member.MemberStatus;
import chibo.membership.rules.Command;
import chibo.platform.web.ProblemException;
import chibo.platform.web.Problems;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One consistent history per member in effective time: a new decision must fit between the member's recorded
 * events by effective date, whatever order they were entered in. Every decision on a member is checked here, before
 * the rules of its command:
 * <ol>
 *   <li>nothing is dated before the membership starts (the admission, readmission or enrolment from a register);</li>
 *   <li>a decision that ends the membership (removal, failed probation, letting go, expulsion, death) is dated on or
 *       after every event that stands on the member's record: a later-dated event would be a decision on someone
 *       who was no longer a member (a correction is no such event: it speaks of an earlier one, and an erroneous
 *       record may be annulled after the member died);</li>
 *   <li>a decision that acts on what an earlier event set up is not dated before that event: a receipt before its
 *       transfer decision, a transfer or temporary stay before the member was received into their present cell,
 *       the end of a temporary stay before it started, a recognition or failed probation before the probation
 *       started (the ceremony), an exemption before the recognition, a change of residence before the member's
 *       last one.</li>
 * </ol>
 * A decision other than a correction dated after the membership ended never gets here: the member's state refuses it
 * first. Other decisions may be entered in any order (a 2019 rating after a 2020 one).
 *
 * <p>A rating or a discipline of a year the member was still a member may be recorded after the membership ended
 * (a 2023 rating entered after a 2025 death): its state precondition is judged on the member as they were on its date
 * ({@link #asJudgedOn}). Other decisions dated before a recorded ending are still refused by the member's state now.
 */
public final class EffectiveOrder {

    public static final String RULE = "history.in-effective-order";

    private static final Set<Command> ENDING = EnumSet.of(Command.REMOVAL, Command.PROBATION_FAILURE,
            Command.LET_GO, Command.EXPULSION, Command.DEATH);

    /**
     * Decisions that record what happened while the member was a member and change neither their status nor where
     * they are counted: they may be recorded after the membership ended, dated before its end.
     */
    private static final Set<Command> RECORDED_AFTER_THE_END = EnumSet.of(Command.RATING, Command.DISCIPLINE);

    private static final String ENDED_SOURCE = "Điều lệ Đảng, điều 8 (xóa tên, cho ra khỏi Đảng) và điều 35"
            + " (khai trừ)";

    private static final String RESIDENCE_SOURCE = "chibo: register consistency (one place of residence at a time,"
            + " in effective order)";

    private EffectiveOrder() {
    }

    /** The recorded event a decision dated {@code date} would contradict, and why. */
    public record Conflict(MemberState.Recorded event, String source, String message) {
    }

    /** The first way a decision of {@code command} dated {@code date} breaks the member's history, if any. */
    public static Optional<Conflict> check(MemberState member, Command command, LocalDate date) {
        Optional<Conflict> beforeEntry = latest(member, MemberState.Step.ENTRY)
                .filter(entry -> date.isBefore(entry.effectiveDate()))
                .map(entry -> new Conflict(entry, "Điều lệ Đảng, điều 4 (đảng viên từ ngày kết nạp)",
                        "the membership starts on " + entry.effectiveDate() + " (" + describe(entry)
                                + "); nothing on it can be dated " + date + ", before then"));
        if (beforeEntry.isPresent()) {
            return beforeEntry;
        }
        if (ENDING.contains(command)) {
            return member.timeline().stream()
                    .filter(recorded -> recorded.step() != MemberState.Step.CORRECTION
                            && recorded.effectiveDate().isAfter(date))
                    .max(Comparator.comparing(MemberState.Recorded::effectiveDate)
                            .thenComparing(MemberState.Recorded::seq))
                    .map(later -> new Conflict(later, ENDED_SOURCE, "this would end the membership on " + date
                            + ", but " + describe(later) + " is recorded on " + later.effectiveDate()
                            + ", when the member was still a member; it must be dated on or after "
                            + later.effectiveDate()));
        }
        return switch (command) {
            case TRANSFER_RECEIPT -> notBefore(member, MemberState.Step.TRANSFER_STARTED, date,
                    "QĐ 24-QĐ/TW và QĐ 294-QĐ/TW, điểm 6.3.1 (chuyển sinh hoạt đảng chính thức)",
                    "the member cannot be received before the transfer decision");
            case TRANSFER, TEMPORARY_TRANSFER -> notBefore(member, MemberState.Step.TRANSFER_RECEIVED, date,
                    "QĐ 24-QĐ/TW và QĐ 294-QĐ/TW, điểm 6.3 (chuyển sinh hoạt đảng)",
                    "the member joined their present cell then, so cannot be sent on from it before");
            case TEMPORARY_TRANSFER_END -> notBefore(member, MemberState.Step.TEMPORARY_TRANSFER_STARTED, date,
                    "QĐ 24-QĐ/TW và QĐ 294-QĐ/TW, điểm 6.3.2 (sinh hoạt đảng tạm thời)",
                    "a temporary stay cannot end before it started");
            case RECOGNITION -> notBefore(member, MemberState.Step.SWORN_IN, date,
                    "Điều lệ Đảng, điều 5; QĐ 24-QĐ/TW và QĐ 294-QĐ/TW, điểm 4.2.2",
                    "the probation starts with the ceremony; the member cannot be recognised before it");
            case EXEMPTION -> notBefore(member, MemberState.Step.RECOGNIZED, date, "Điều lệ Đảng, điều 7",
                    "only an official member is exempted, and the member became official then");
            case RESIDENCE_CHANGE -> lastMoveAfter(member, date);
            default -> Optional.empty();
        };
    }

    /**
     * The member as the state preconditions of a decision of {@code command} dated {@code date} judge them: as
     * recorded, except that a rating or discipline dated on or before the recorded end of the membership sees the
     * member with the status they had then (on the day before the end, for one dated on that very day).
     */
    public static MemberState asJudgedOn(MemberState member, Command command, LocalDate date) {
        if (date == null || member.status().isActive() || !RECORDED_AFTER_THE_END.contains(command)) {
            return member;
        }
        Optional<MemberState.Recorded> end = latest(member, MemberState.Step.ENDED);
        if (end.isEmpty() || date.isAfter(end.get().effectiveDate())) {
            return member;
        }
        LocalDate lastDayAsMember = date.isBefore(end.get().effectiveDate()) ? date
                : end.get().effectiveDate().minusDays(1);
        MemberStatus then = member.statusOn(lastDayAsMember);
        return then != null && then.isActive() ? member.stillMember(then) : member;
    }

    /**
     * As {@link #check}, refusing the decision with a problem that names the request's date field and the recorded
     * event it contradicts ({@code conflictsWith}: its type, seq and effective date).
     */
    public static void require(MemberState member, Command command, LocalDate date, String field) {
        check(member, command, date).ifPresent(conflict -> {
            throw refusal(conflict, field);
        });
    }

    static ProblemException refusal(Conflict conflict, String field) {
        MemberState.Recorded event = conflict.event();
        return Problems.ruleViolation(RULE, conflict.source(), field, conflict.message(),
                Map.of("conflictsWith", Map.of("type", event.type(), "seq", event.seq(),
                        "effectiveDate", event.effectiveDate().toString())));
    }

    /**
     * As {@link #require}, for a decision that also records where the member lives (a transfer receipt naming the
     * place of residence): it may not be dated before the member's last move.
     */
    public static void requireNotBeforeLastMove(MemberState member, LocalDate date, String field) {
        lastMoveAfter(member, date).ifPresent(conflict -> {
            throw refusal(conflict, field);
        });
    }

    /** The member's last move (a change of residence, or a receipt that named one) when it is dated after the day. */
    private static Optional<Conflict> lastMoveAfter(MemberState member, LocalDate date) {
        Optional<MemberState.Recorded> entry = latest(member, MemberState.Step.ENTRY);
        return member.residences().reversed().stream()
                .filter(residence -> entry.isEmpty() || residence.seq() != entry.get().seq())
                .findFirst()
                .flatMap(residence -> member.timeline().stream().filter(recorded -> recorded.seq() == residence.seq())
                        .findFirst())
                .filter(move -> date.isBefore(move.effectiveDate()))
                .map(move -> new Conflict(move, RESIDENCE_SOURCE, describe(move) + " is dated " + move.effectiveDate()
                        + ": the member lived elsewhere from then, so a move is dated on or after it, not on " + date));
    }

    private static Optional<Conflict> notBefore(MemberState member, MemberState.Step step, LocalDate date,
                                                String source, String why) {
        return latest(member, step)
                .filter(earlier -> date.isBefore(earlier.effectiveDate()))
                .map(earlier -> new Conflict(earlier, source, describe(earlier) + " is dated "
                        + earlier.effectiveDate() + ": " + why + ", not on " + date));
    }

    /** The most recently recorded event of that step: the one the member's present state rests on. */
    private static Optional<MemberState.Recorded> latest(MemberState member, MemberState.Step step) {
        return member.timeline().reversed().stream().filter(recorded -> recorded.step() == step).findFirst();
    }

    private static String describe(MemberState.Recorded event) {
        return event.type() + " (seq " + event.seq() + ")";
    }
}
