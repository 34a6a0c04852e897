package chibo.membership.standing;

import chibo.contracts.member.RatingLevel;
import chibo.membership.member.MemberDecisions;
import chibo.membership.member.MemberState;
import chibo.membership.member.MemberView;
import chibo.membership.organization.Organization;
import chibo.membership.organization.Organizations;
import chibo.membership.rules.Regulations;
import chibo.membership.rules.RuleBook;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Correlation;
import chibo.platform.security.Caller;
import chibo.platform.security.SubtreeGuard;
import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemException;
import chibo.platform.web.ProblemTypes;
import chibo.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Annual ratings as agencies send them: one member at a time, or a grassroots organisation's year as a batch that
 * is recorded whole or not at all. Every rating is checked by the rating rules of its decision date, and the share
 * of "xuất sắc" in the grassroots organisation by {@link ExcellentCap}, counting the ratings recorded there for the
 * year. Ratings of one organisation and year take turns in this instance, and the tally counts each as soon as it
 * is stored, so the next one is checked with it counted.
 */
@Service
public class Ratings {

    private static final int LOCK_STRIPES = 64;
    private static final int DETAILS_SHOWN = 10;

    private final Standing standing;
    private final MemberDecisions decisions;
    private final AggregateStore<MemberState> members;
    private final Organizations organizations;
    private final SubtreeGuard guard;
    private final RatingTally tally;
    private final ExcellentShares shares;
    private final RuleBook rules;
    private final Regulations regulations;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    Ratings(Standing standing, MemberDecisions decisions, AggregateStore<MemberState> members,
            Organizations organizations, SubtreeGuard guard, RatingTally tally, ExcellentShares shares,
            RuleBook rules, Regulations regulations) {
        this.standing = standing;
        this.decisions = decisions;
        this.members = members;
        this.organizations = organizations;
        this.guard = guard;
        this.tally = tally;
        this.shares = shares;
        this.rules = rules;
        this.regulations = regulations;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** One member's rating, as {@link Standing#rate}, in turn with the other ratings of the organisation. */
    public MemberView rate(Caller caller, String memberId, Long version, StandingRequests.Rating request) {
        var member = members.load(memberId);
        if (!member.exists()) {
            return standing.rate(caller, memberId, version, request);
        }
        String organizationId = tally.organizationOf(member.state().cellId());
        return inTurn(organizationId, request.year(), () -> standing.rate(caller, memberId, version, request));
    }

    /**
     * A grassroots organisation's ratings for a year. Every entry is checked as a single rating would be; then the
     * batch as a whole against the share of "xuất sắc"; only if all of it stands is each member's rating recorded
     * (with any let-go review it opens).
     */
    public RatingBatchView rateAll(Caller caller, String organizationId, StandingRequests.RatingBatch request) {
        Organization organization = organizations.find(organizationId)
                .orElseThrow(() -> Problems.notFound("organisation", organizationId));
        guard.requireWithin(caller, organizationId, "orgId");
        requireGrassroots(organization);
        requireDistinctMembers(request);
        organizations.find(request.decidingOrgId()).orElseThrow(() ->
                Problems.unknownReference("decidingOrgId", "organisation", request.decidingOrgId()));
        guard.requireWithin(caller, request.decidingOrgId(), "decidingOrgId");
        return inTurn(organizationId, request.year(), () -> {
            List<MemberDecisions.Decision> checked = checkEach(caller, organizationId, request);
            Map<String, RatingLevel> levels = new LinkedHashMap<>();
            request.ratings().forEach(entry -> levels.put(entry.memberId(), entry.level()));
            ExcellentShare share = shares.after(organizationId, request.year(), levels);
            shares.require(rules.inForceOn(request.decisionDate()), share, "ratings");
            // one decision of the organisation: every member's events carry the same correlation id
            List<RatingBatchView.Recorded> recorded = Correlation.asOne(
                    () -> record(caller, request, checked));
            return new RatingBatchView(organizationId, request.year(), recorded, new RatingBatchView.Share(
                    share.excellent(), share.goodOrBetter(),
                    ExcellentCap.allowed(regulations.excellentSharePercent(), share.goodOrBetter()),
                    regulations.excellentSharePercent()));
        });
    }

    /** The organisation's ratings for the year as counted; readable inside the caller's subtree. */
    public RatingTallyView tally(Caller caller, String organizationId, String yearParameter) {
        Organization organization = organizations.find(organizationId)
                .orElseThrow(() -> Problems.notFound("organisation", organizationId));
        guard.requireReadable(caller, organizationId, "orgId");
        int year = year(yearParameter);
        if (!Organizations.GRASSROOTS_LEVELS.contains(organization.level())) {
            throw notGrassroots(organization);
        }
        RatingTally.Counts counts = tally.counts(organizationId, year);
        return new RatingTallyView(organizationId, year, counts.of(RatingLevel.EXCELLENT), counts.of(RatingLevel.GOOD),
                counts.of(RatingLevel.COMPLETED), counts.of(RatingLevel.NOT_COMPLETED),
                ExcellentCap.allowed(regulations.excellentSharePercent(), counts.goodOrBetter()),
                regulations.excellentSharePercent());
    }

    private static int year(String parameter) {
        if (parameter == null || !parameter.matches("\\d{4}")) {
            throw Problems.invalid("year", "required", "name the rated year, e.g. ?year=2025");
        }
        int year = Integer.parseInt(parameter);
        if (year < 2000 || year > 2100) {
            throw Problems.invalid("year", "range", "a rated year is from 2000 to 2100");
        }
        return year;
    }

    /** Checks every entry, and refuses the batch naming every entry refused. */
    private List<MemberDecisions.Decision> checkEach(Caller caller, String organizationId,
                                                     StandingRequests.RatingBatch request) {
        List<MemberDecisions.Decision> checked = new ArrayList<>();
        List<ProblemException> refusals = new ArrayList<>();
        for (int i = 0; i < request.ratings().size(); i++) {
            StandingRequests.RatingBatch.Entry entry = request.ratings().get(i);
            String at = "ratings[" + i + "]";
            MemberDecisions.Decision decision = standing.rating(request.rating(entry), entryFieldNames(at), false);
            checked.add(decision);
            try {
                var member = members.load(entry.memberId());
                if (!member.exists()) {
                    throw Problems.unknownReference(at + ".memberId", "member", entry.memberId());
                }
                if (!organizationId.equals(tally.organizationOf(member.state().cellId()))) {
                    throw notCountedIn(organizationId, entry.memberId(), at + ".memberId");
                }
                decisions.check(caller, entry.memberId(), decision);
            } catch (ProblemException refused) {
                refusals.add(naming(at, refused));
            }
        }
        if (!refusals.isEmpty()) {
            throw refusedBatch(refusals, request.ratings().size());
        }
        return checked;
    }

    private List<RatingBatchView.Recorded> record(Caller caller, StandingRequests.RatingBatch request,
                                                  List<MemberDecisions.Decision> checked) {
        List<RatingBatchView.Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            StandingRequests.RatingBatch.Entry entry = request.ratings().get(i);
            try {
                MemberView rated = decisions.decide(caller, entry.memberId(), null, checked.get(i));
                recorded.add(new RatingBatchView.Recorded(entry.memberId(), entry.level(), entry.points(),
                        rated.version(), rated.reviews()));
            } catch (ProblemException changedMeanwhile) {
                throw interrupted(recorded, i, entry, changedMeanwhile);
            }
        }
        return recorded;
    }

    private <T> T inTurn(String organizationId, int year, Supplier<T> work) {
        ReentrantLock lock = locks[Math.floorMod((organizationId + ":" + year).hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** How a batch entry's refusals name the request's fields: {@code ratings[i].level}… */
    private static Map<String, String> entryFieldNames(String at) {
        return Map.of("effectiveDate", "decisionDate", "memberId", at + ".memberId", "level", at + ".level",
                "points", at + ".points", "year", at + ".memberId");
    }

    /** An entry's refusal with the member named as the batch names it. */
    private static ProblemException naming(String at, ProblemException refused) {
        List<FieldProblem> errors = refused.errors().stream()
                .map(error -> error.field().equals("memberId")
                        ? new FieldProblem(at + ".memberId", error.rule(), error.message()) : error)
                .toList();
        return new ProblemException(refused.status(), slug(refused), refused.title(),
                at + ": " + refused.getMessage(), errors, refused.properties());
    }

    /**
     * The batch refused: status and type of the first entry refused, every entry's refusal in {@code errors}
     * (a refusal of the batch's own fields, such as a decision date in the future, named once).
     */
    private static ProblemException refusedBatch(List<ProblemException> refusals, int entries) {
        ProblemException first = refusals.getFirst();
        List<FieldProblem> errors = refusals.stream().flatMap(refusal -> refusal.errors().stream()).distinct()
                .toList();
        String details = refusals.stream().limit(DETAILS_SHOWN).map(ProblemException::getMessage)
                .reduce((a, b) -> a + "; " + b).orElseThrow()
                + (refusals.size() > DETAILS_SHOWN ? "; …" : "");
        Map<String, Object> properties = new HashMap<>(first.properties());
        properties.put("refused", refusals.size());
        properties.put("entries", entries);
        return new ProblemException(first.status(), slug(first), first.title(), refusals.size() + " of " + entries
                + " ratings refused, none recorded: " + details, errors, properties);
    }

    /** A member changed between the batch's check and its recording: what was recorded stays recorded. */
    private static ProblemException interrupted(List<RatingBatchView.Recorded> recorded, int index,
                                                StandingRequests.RatingBatch.Entry entry, ProblemException cause) {
        String detail = "member '" + entry.memberId() + "' changed while the batch was recorded (" + cause.getMessage()
                + "); the ratings before it were recorded, it and those after it were not: send them again";
        return new ProblemException(HttpStatus.CONFLICT, "rating-batch-interrupted", "Batch partly recorded", detail,
                List.of(new FieldProblem("ratings[" + index + "].memberId", "unchanged-since-checked", detail)),
                Map.of("recorded", recorded.stream().map(RatingBatchView.Recorded::memberId).toList()));
    }

    private void requireGrassroots(Organization organization) {
        if (!organization.isActive()) {
            String why = "organisation '" + organization.id() + "' is " + organization.status()
                    + (organization.successorId() != null ? ", merged into " + organization.successorId() : "");
            throw new ProblemException(HttpStatus.CONFLICT, "illegal-transition",
                    "Not possible in the organisation's current state", why,
                    List.of(new FieldProblem("orgId", "active", why)),
                    Map.of("currentStatus", organization.status().name()));
        }
        if (!Organizations.GRASSROOTS_LEVELS.contains(organization.level())) {
            throw notGrassroots(organization);
        }
    }

    private static ProblemException notGrassroots(Organization organization) {
        String why = "a " + organization.level() + " does not rate its members' year as a whole; its grassroots"
                + " organisation (one of " + Organizations.GRASSROOTS_LEVELS + ") does";
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "not-a-grassroots-organization",
                "Not a grassroots organisation", why, List.of(new FieldProblem("orgId", "grassroots", why)),
                Map.of());
    }

    private static void requireDistinctMembers(StandingRequests.RatingBatch request) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.ratings().size(); i++) {
            String memberId = request.ratings().get(i).memberId();
            if (!seen.add(memberId)) {
                throw Problems.invalid("ratings[" + i + "].memberId", "unique", "member '" + memberId
                        + "' is rated twice in the batch");
            }
        }
    }

    private static ProblemException notCountedIn(String organizationId, String memberId, String field) {
        String why = "member '" + memberId + "' is not in a cell counted in grassroots organisation '"
                + organizationId + "'";
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "member-not-in-organization",
                "Member not in the organisation", why, List.of(new FieldProblem(field, "in-organization", why)),
                Map.of());
    }

    private static String slug(ProblemException problem) {
        String type = problem.type().toString();
        String prefix = ProblemTypes.of("").toString();
        return type.startsWith(prefix) ? type.substring(prefix.length()) : type;
    }
}
