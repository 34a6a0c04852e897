package chibo.dashboard.pages;

import chibo.dashboard.DashboardProperties;
import chibo.dashboard.login.Reader;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.ZoneId;

/** What every page's frame shows: the reader, the language switch, and the formats of the reader's language. */
@ControllerAdvice
class PageModel {

    private final ZoneId zone;

    PageModel(DashboardProperties properties) {
        this.zone = ZoneId.of(properties.zone());
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return new Formats(LocaleContextHolder.getLocale(), zone);
    }

    @ModelAttribute("reader")
    Reader reader(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : Reader.of(user);
    }

    @ModelAttribute("language")
    String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }

    /** This page in the other language. */
    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl() {
        String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "vi" : "en";
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", other).build()
                .toUriString();
    }
}
