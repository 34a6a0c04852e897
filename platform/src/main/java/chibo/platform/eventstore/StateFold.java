package chibo.platform.eventstore;

import chibo.contracts.EventEnvelope;

/**
 * How an aggregate's state follows from its events: {@code state = events.reduce(null, fold::apply)}. Lives in
 * the domain; plain Java.
 *
 * @param <S> the state; {@code null} before the subject's first event
 */
@FunctionalInterface
public interface StateFold<S> {

    S apply(S stateOrNull, EventEnvelope event);
}
