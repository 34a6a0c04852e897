package chibo.membership.admission;

import chibo.membership.member.IntroducerRequest;
import chibo.membership.member.MemberState;
import chibo.platform.eventstore.AggregateStore;
import chibo.platform.eventstore.Current;
import chibo.platform.web.Problems;
import org.springframework.stereotype.Component;

import java.util.List;

/** What admissions and readmissions both read from their requests: the introducers' standing. */
@Component
public class AdmissionSupport {

    private final AggregateStore<MemberState> members;

    AdmissionSupport(AggregateStore<MemberState> members) {
        this.members = members;
    }

    /**
     * Each introducer with their status on the day they introduce ({@code introducedOn}: the cell's resolution,
     * which their introduction goes before) and today.
     *
     * @throws chibo.platform.web.ProblemException 422 {@code unknown-reference} naming an introducer no member is
     */
    public List<IntroducerFacts> introducers(List<IntroducerRequest> requested,
                                             java.time.LocalDate introducedOn) {
        return java.util.stream.IntStream.range(0, requested.size()).mapToObj(index -> {
            IntroducerRequest i = requested.get(index);
            Current<MemberState> introducer = members.load(i.memberId());
            if (!introducer.exists()) {
                throw Problems.unknownReference("introducers[" + index + "].memberId", "member", i.memberId());
            }
            MemberState state = introducer.state();
            return new IntroducerFacts(i.memberId(), i.workedWithSince(),
                    introducedOn == null ? state.status() : state.statusOn(introducedOn), state.status());
        }).toList();
    }
}
