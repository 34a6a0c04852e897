package chibo.membership.rules;

import chibo.calendar.DateOutsideCalendarException;
import chibo.platform.web.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The last guard: a date that reached the working-day calendar outside its range is the request's fault, a 422
 * naming the rule, never a 500. The commands check their dates first and name the field; this answers for any path
 * that did not.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarRangeAdvice {

    private final ProblemHandler problems;

    CalendarRangeAdvice(ProblemHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DateOutsideCalendarException.class)
    ResponseEntity<Object> outside(DateOutsideCalendarException e) {
        return problems.problem(CalendarRange.problem("$", e));
    }
}
