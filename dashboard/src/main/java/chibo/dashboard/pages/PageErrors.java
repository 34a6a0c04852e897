package chibo.dashboard.pages;

import chibo.dashboard.figures.FiguresRefused;
import chibo.dashboard.figures.FiguresUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** reporting-service's refusals and failures as pages a reader understands, never a stack trace. */
@ControllerAdvice
class PageErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(FiguresRefused.class)
    String refused(FiguresRefused refused, Model model, HttpServletResponse response) {
        int status = refused.status() == 403 || refused.status() == 404 ? refused.status() : 400;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("orgId", refused.orgId());
        model.addAttribute("kind", refused.kind());
        model.addAttribute("reason", status == 400 ? refused.reason() : null);
        return "error/refused";
    }

    @ExceptionHandler(FiguresUnavailable.class)
    String unavailable(FiguresUnavailable unavailable, HttpServletResponse response) {
        LOG.warn("figures unavailable: {}", unavailable.getMessage(), unavailable.getCause());
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return "error/unavailable";
    }
}
