package chibo.membership.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * Every rule set chibo knows, each with the period it was in force. A command is checked against the set in force
 * on its effective date, not the day it was typed in: a backdated 2024 admission is checked under the 2024 rules.
 */
public final class RuleBook {

    private final List<RuleSet> sets;

    public RuleBook(List<RuleSet> sets) {
        this.sets = List.copyOf(sets);
    }

    public RuleSet inForceOn(LocalDate effectiveDate) {
        return sets.stream().filter(set -> set.inForceOn(effectiveDate)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule set is in force on " + effectiveDate));
    }

    public List<RuleSet> sets() {
        return sets;
    }
}
