package chibo.membership.rules;

import chibo.platform.rules.Rule;
import chibo.platform.rules.RuleViolations;
import chibo.platform.rules.Violation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules in force over a period ({@code from} inclusive, {@code until} exclusive, null = still in force),
 * grouped by the command they check.
 */
public final class RuleSet {

    private final String id;
    private final String name;
    private final LocalDate from;
    private final LocalDate until;
    private final Map<Command, List<Rule<?>>> rules;

    private RuleSet(String id, String name, LocalDate from, LocalDate until, Map<Command, List<Rule<?>>> rules) {
        this.id = id;
        this.name = name;
        this.from = from;
        this.until = until;
        this.rules = Map.copyOf(rules);
    }

    public static Builder builder(String id, String name, LocalDate from, LocalDate until) {
        return new Builder(id, name, from, until);
    }

    public String id() {
        return id;
    }

    /** The documents the set implements, e.g. "QĐ 294-QĐ/TW (26/05/2025)". */
    public String name() {
        return name;
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate until() {
        return until;
    }

    public boolean inForceOn(LocalDate date) {
        return (from == null || !date.isBefore(from)) && (until == null || date.isBefore(until));
    }

    /**
     * The rules for a command, in the order they are reported. The builder only accepts rules that can check the
     * command's facts type, so the cast holds.
     */
    @SuppressWarnings("unchecked")
    public <F> List<Rule<F>> rulesFor(Command command) {
        return (List<Rule<F>>) (List<?>) rules.getOrDefault(command, List.of());
    }

    /** Checks the facts and refuses the command naming every rule of this set it breaks. */
    public <F> void require(Command command, F facts) {
        RuleViolations.require(this.<F>rulesFor(command), facts, name);
    }

    /** As {@link #require(Command, Object)}, naming fields as the request does. */
    public <F> void require(Command command, F facts, java.util.Map<String, String> fieldNames) {
        RuleViolations.require(this.<F>rulesFor(command), facts, name, fieldNames);
    }

    public <F> List<Violation> check(Command command, F facts) {
        return RuleViolations.check(this.<F>rulesFor(command), facts);
    }

    public static final class Builder {
        private final String id;
        private final String name;
        private final LocalDate from;
        private final LocalDate until;
        private final Map<Command, List<Rule<?>>> rules = new HashMap<>();

        private Builder(String id, String name, LocalDate from, LocalDate until) {
            this.id = id;
            this.name = name;
            this.from = from;
            this.until = until;
        }

        /** The rules of a command, all able to check its facts type. */
        public <F> Builder rules(Command command, Class<F> factsType, List<? extends Rule<? super F>> forFacts) {
            rules.put(command, List.copyOf(forFacts));
            return this;
        }

        public RuleSet build() {
            return new RuleSet(id, name, from, until, rules);
        }
    }
}
