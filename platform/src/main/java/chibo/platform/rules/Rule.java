package chibo.platform.rules;

import java.util.Optional;

/**
 * One rule of the party's regulations, as a small class that states its id and legal source and checks the facts
 * of one kind of command.
 *
 * @param <F> the facts of the command the rule checks
 */
public interface Rule<F> {

    /** Stable id, e.g. {@code admission.age}: the problem type is {@code urn:chibo:problem:rule:<id>}. */
    String id();

    /** The document and point the rule comes from, e.g. {@code QĐ 294-QĐ/TW, điểm 3.1}. */
    String source();

    Optional<Violation> check(F facts);

    /** A violation of this rule on {@code field}. */
    default Optional<Violation> violated(String field, String message) {
        return Optional.of(new Violation(id(), source(), field, message));
    }

    default Optional<Violation> holds() {
        return Optional.empty();
    }
}
