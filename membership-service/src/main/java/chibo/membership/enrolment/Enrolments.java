package chibo.membership.enrolment;

import chibo.contracts.member.MemberEnrolledFromRegister;
import chibo.contracts.member.Provenance;
import chibo.membership.member.MemberView;
import chibo.membership.member.NewMemberships;
import chibo.membership.rules.Command;
import chibo.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * Takes over members admitted before chibo from existing registers. Their history before is not in chibo, so they
 * are checked for consistency only; from here on every event about them is checked in full. The enrolment's
 * effective date is the admission date the register gives, so figures as of any date count them from then, while
 * admission flows count only real admissions.
 */
@Service
public class Enrolments {

    private final NewMemberships memberships;

    Enrolments(NewMemberships memberships) {
        this.memberships = memberships;
    }

    public MemberView enrol(Caller caller, EnrolmentRequest request) {
        var person = request.person().toPerson();
        return memberships.create(caller, request.memberId(), request.cellId(), null, request.admittedOn(), null,
                Command.ENROLMENT,
                context -> new EnrolmentFacts(person.birthDate(), request.status(), request.admittedOn(),
                        request.recognizedOn(), request.exempted(), context.today()),
                context -> new MemberEnrolledFromRegister(person, request.status(), request.cellId(),
                        request.admittedOn(), request.recognizedOn(), request.partyCardNumber(), request.exempted(),
                        new Provenance(request.register(), caller.actor())));
    }
}
