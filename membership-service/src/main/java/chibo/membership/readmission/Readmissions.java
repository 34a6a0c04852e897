package chibo.membership.readmission;

import chibo.contracts.member.Introducer;
import chibo.contracts.member.LetGoGround;
import chibo.contracts.member.MemberReadmitted;
import chibo.contracts.member.RemovalGround;
import chibo.membership.admission.AdmissionSupport;
import chibo.membership.member.MemberState;
import chibo.membership.member.MemberView;
import chibo.membership.member.NewMemberships;
import chibo.membership.rules.Command;
import chibo.membership.rules.Ids;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Current;
import chibo.platform.security.Caller;
import chibo.platform.web.Problems;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Readmits a person whose membership ended: once only, after the waiting period, never for the barred grounds,
 * with the provincial standing committee's consent. The new membership's party age counts from the first
 * admission, less the time out of the party.
 */
@Service
public class Readmissions {

    private final NewMemberships memberships;
    private final AggregateStore<MemberState> members;
    private final AdmissionSupport admissions;
    private final MongoCollection<Document> readmitted;

    Readmissions(NewMemberships memberships, AggregateStore<MemberState> members, AdmissionSupport admissions,
                 MongoTemplate mongo) {
        this.memberships = memberships;
        this.members = members;
        this.admissions = admissions;
        this.readmitted = mongo.getCollection("readmissions");
    }

    public MemberView readmit(Caller caller, ReadmissionRequest request) {
        Current<MemberState> previous = members.load(request.previousMemberId());
        if (!previous.exists()) {
            throw Problems.unknownReference("previousMemberId", "member", request.previousMemberId());
        }
        MemberState earlier = previous.state();
        RemovalGround removalGround = ground(earlier, "member.removed.v1:", RemovalGround::valueOf);
        LetGoGround letGoGround = ground(earlier, "member.let_go.v1:", LetGoGround::valueOf);
        var person = request.person().toPerson();
        var vote = request.vote().toVote();
        var introducers = admissions.introducers(request.introducers(), request.cellResolutionDate());
        var declared = request.declarations() == null
                ? new ReadmissionFacts.Declarations(false, false, false, false)
                : new ReadmissionFacts.Declarations(request.declarations().causedSeriousDisunity(),
                request.declarations().convictedOfCorruption(), request.declarations().convictedOfSeriousCrime(),
                request.declarations().leftForExceptionalFamilyHardship());
        String newMemberId = Ids.orGenerate(request.memberId());
        boolean alreadyReadmitted = readmittedAs(earlier.id()) != null;
        return memberships.create(caller, newMemberId, request.cellId(),
                request.decidingOrgId(), request.decisionDate(), request.cellResolutionDate(),
                request.decisionNumber(), Command.READMISSION,
                context -> new ReadmissionFacts(person, request.cellResolutionDate(), vote, introducers,
                        request.youthUnionIntroduced(), earlier.status(),
                        earlier.leftOn() == null ? request.decisionDate() : earlier.leftOn(),
                        removalGround, letGoGround,
                        earlier.previousMemberId() != null, alreadyReadmitted,
                        request.convictionExpungedOn(), declared, request.decisionDate(),
                        context.decidingOrg().level(), context.decidedInLine(), context.today()),
                context -> new MemberReadmitted(earlier.id(), person, request.cellId(), request.cellResolutionDate(),
                        vote, request.introducers().stream()
                        .map(i -> new Introducer(i.memberId(), i.workedWithSince())).toList(),
                        request.provincialConsentNumber(), earlier.firstAdmittedOn(), earlier.leftOn()),
                memberId -> {
                    if (!claim(earlier.id(), memberId)) {
                        throw Problems.ruleViolation("readmission.once-only", "QĐ 294-QĐ/TW, điểm 3.5.1",
                                "previousMemberId", "a person is readmitted once only");
                    }
                });
    }

    /** The member the earlier membership was readmitted as, if that member exists. */
    private String readmittedAs(String previousMemberId) {
        Document marker = readmitted.find(Filters.eq("_id", previousMemberId)).first();
        String named = marker == null ? null : marker.getString("readmittedAs");
        return named != null && members.load(named).exists() ? named : null;
    }

    /** The ground the earlier membership ended on, when it ended by the given kind of decision. */
    private static <G> G ground(MemberState earlier, String prefix, java.util.function.Function<String, G> parse) {
        String leaving = earlier.leavingGround();
        return leaving != null && leaving.startsWith(prefix) ? parse.apply(leaving.substring(prefix.length())) : null;
    }

    /**
     * Claims the earlier membership's one readmission for {@code newMemberId}: a unique marker keyed by the earlier
     * member. A marker naming a member who does not exist (an attempt that was refused or failed) can be taken
     * over; one naming an existing member cannot.
     *
     * @return whether the claim holds
     */
    private boolean claim(String previousMemberId, String newMemberId) {
        Document marker = new Document("_id", previousMemberId).append("readmittedAs", newMemberId);
        try {
            readmitted.insertOne(marker);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = readmitted.find(Filters.eq("_id", previousMemberId)).first();
        String named = existing == null ? null : existing.getString("readmittedAs");
        if (named == null || named.equals(newMemberId)) {
            return named != null && !members.load(named).exists();
        }
        if (members.load(named).exists()) {
            return false;
        }
        return readmitted.replaceOne(Filters.and(Filters.eq("_id", previousMemberId),
                Filters.eq("readmittedAs", named)), marker).getModifiedCount() == 1;
    }
}
