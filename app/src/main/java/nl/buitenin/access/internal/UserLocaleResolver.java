package nl.buitenin.access.internal;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.buitenin.platform.LanguagePreference;

/**
 * The language of a page: what its controller set for this response alone, else the signed-in user's own choice (kept with their account, so it follows
 * them to another device), else a visitor's cookie, else the browser's language if Buitenin speaks
 * it, else the organisation's default.
 */
class UserLocaleResolver implements LocaleResolver {

    static final String COOKIE = "buitenin-lang";

    private final LanguagePreference organisationDefault;

    UserLocaleResolver(LanguagePreference organisationDefault) {
        this.organisationDefault = organisationDefault;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(LanguagePreference.FOR_THIS_REQUEST) instanceof Locale forThisRequest) {
            return forThisRequest;
        }
        // A program calling the API says which language it wants; its answers (problem details) follow that.
        if (request.getRequestURI() != null && request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Locale asked = acceptedLanguage(request);
            if (asked != null) {
                return asked;
            }
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof StoredUser user) {
            Object chosen = request.getSession(false) == null ? null : request.getSession(false).getAttribute(COOKIE);
            Locale locale = LanguagePreference.supportedOrNull(chosen != null ? chosen.toString() : user.language());
            if (locale != null) {
                return locale;
            }
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && LanguagePreference.supportedOrNull(cookie.getValue()) != null) {
                    return LanguagePreference.supportedOrNull(cookie.getValue());
                }
            }
        }
        Locale asked = acceptedLanguage(request);
        return asked != null ? asked : organisationDefault.defaultLocale();
    }

    private static Locale acceptedLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header != null) {
            for (String part : header.split(",")) {
                Locale locale = LanguagePreference.supportedOrNull(part.split(";")[0]);
                if (locale != null) {
                    return locale;
                }
            }
        }
        return null;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        String language = LanguagePreference.supportedOrNull(locale == null ? null : locale.getLanguage()) == null
                ? null : locale.getLanguage();
        if (language == null) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, language);
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        if (request.getSession(false) != null) {
            request.getSession(false).setAttribute(COOKIE, language);
        }
    }
}
