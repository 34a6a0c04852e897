package chibo.membership.residence;

import chibo.platform.rules.Rule;
import chibo.platform.rules.Violation;

import java.util.Objects;
import java.util.Optional;

/** Rules of a member's place of residence. */
public final class ResidenceRules {

    private ResidenceRules() {
    }

    /** A move is to somewhere else: recording the place the member already lives in changes nothing. */
    public static final class AnotherPlace implements Rule<ResidenceFacts> {
        public String id() {
            return "residence.another-place";
        }

        public String source() {
            return "chibo: register consistency";
        }

        public Optional<Violation> check(ResidenceFacts facts) {
            if (!Objects.equals(facts.currentUnitId(), facts.newUnitId())) {
                return holds();
            }
            return violated("residenceUnitId", facts.currentUnitId() == null
                    ? "the member already lives in no registered unit"
                    : "the member already lives in unit '" + facts.currentUnitId() + "'");
        }
    }
}
