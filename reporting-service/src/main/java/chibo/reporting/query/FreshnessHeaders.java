package chibo.reporting.query;

import chibo.reporting.versions.FiguresFreshness;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Every figure response says how current it is, whatever its format (JSON, CSV, a live stream):
 * {@code Figures-State} ({@code CURRENT}, {@code CATCHING_UP}, {@code RESTORING}, {@code STOPPED}),
 * {@code Figures-Current-To} (the recorded time of the latest event the figures count) and {@code Figures-Lag}
 * (events not yet counted, as last measured). Runs after the security filters: only callers let in see it.
 */
@Component
class FreshnessHeaders extends OncePerRequestFilter {

    static final String STATE = "Figures-State";
    static final String CURRENT_TO = "Figures-Current-To";
    static final String LAG = "Figures-Lag";

    private final FiguresFreshness freshness;

    FreshnessHeaders(FiguresFreshness freshness) {
        this.freshness = freshness;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/organizations/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FiguresFreshness.Snapshot now = freshness.snapshot();
        response.setHeader(STATE, now.state().name());
        response.setHeader(LAG, Long.toString(now.lag()));
        if (now.currentTo() != null) {
            response.setHeader(CURRENT_TO, now.currentTo().toString());
        }
        chain.doFilter(request, response);
    }
}
