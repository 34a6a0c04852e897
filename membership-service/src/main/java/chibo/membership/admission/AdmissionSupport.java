package chibo.membership.admission;

import chibo.contracts.member.Person;
import chibo.contracts.member.Vote;
import chibo.membership.member.MemberState;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Current;
import org.springframework.stereotype.Component;

import java.util.List;

/** What admissions and readmissions both read from their requests. */
@Component
public class AdmissionSupport {

    private final AggregateStore<MemberState> members;

    AdmissionSupport(AggregateStore<MemberState> members) {
        this.members = members;
    }

    /** Each introducer as chibo knows them today: their status, or none when no member has that id. */
    public List<IntroducerFacts> introducers(List<AdmitMemberRequest.IntroducerRequest> requested) {
        return requested.stream().map(i -> {
            Current<MemberState> introducer = members.load(i.memberId());
            return new IntroducerFacts(i.memberId(), i.workedWithSince(),
                    introducer.exists() ? introducer.state().status() : null);
        }).toList();
    }

    public static Person person(AdmitMemberRequest.PersonRequest p) {
        return new Person(p.fullName().strip(), p.birthDate(), p.sex(), p.ethnicity().strip(), p.education(),
                p.residenceUnitId());
    }

    public static Vote vote(AdmitMemberRequest.VoteRequest v) {
        return new Vote(v.officialMembers(), v.temporarilyTransferredOut(), v.exemptedAbsent(), v.inFavour());
    }
}
