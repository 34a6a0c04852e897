package chibo.membership.member;

import chibo.platform.web.FieldProblem;
import chibo.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** A command that the member's current state does not allow, e.g. recognising an expelled member. */
public final class IllegalTransition {

    public static final String TYPE = "illegal-transition";

    private IllegalTransition() {
    }

    public static ProblemException of(MemberState member, String command, String why) {
        String detail = "member '" + member.id() + "' is " + describe(member) + ": cannot " + command + " (" + why
                + ")";
        return new ProblemException(HttpStatus.CONFLICT, TYPE, "Not possible in the member's current state", detail,
                List.of(new FieldProblem("memberId", "state-allows-" + command.replace(' ', '-'), detail)),
                Map.of("currentStatus", member.status().name(), "inTransit", member.inTransit() != null,
                        "swornIn", member.swornInOn() != null, "exempted", member.exempted()));
    }

    private static String describe(MemberState member) {
        StringBuilder state = new StringBuilder(member.status().name());
        if (member.inTransit() != null) {
            state.append(", in transit");
        }
        if (member.temporaryStay() != null) {
            state.append(", temporarily at ").append(member.temporaryStay().hostCellId());
        }
        if (member.exempted()) {
            state.append(", exempted");
        }
        return state.toString();
    }
}
