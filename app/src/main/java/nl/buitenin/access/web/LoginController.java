package nl.buitenin.access.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.buitenin.access.PublicEndpoint;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;
import nl.buitenin.platform.LanguagePreference;
import nl.buitenin.platform.PageController;

@PageController
class LoginController {

    private final LocaleResolver localeResolver;
    private final JdbcUsers users;

    LoginController(LocaleResolver localeResolver, JdbcUsers users) {
        this.localeResolver = localeResolver;
        this.users = users;
    }

    @GetMapping("/login")
    @PublicEndpoint(why = "the sign-in page")
    String login() {
        return "access/login";
    }

    /**
     * Switches the language. A signed-in user's choice is kept with the account; a visitor's in a
     * cookie. Only a local path is accepted as the page to return to, so this is no open redirect.
     */
    @PostMapping("/language")
    @PublicEndpoint(why = "visitors choose the language of the sign-in and answer pages")
    String language(@RequestParam String lang, @RequestParam(defaultValue = "/") String back,
            HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.core.Authentication authentication) {
        var locale = LanguagePreference.supportedOrNull(lang);
        if (locale != null) {
            localeResolver.setLocale(request, response, locale);
            if (authentication != null && authentication.getPrincipal() instanceof StoredUser user) {
                users.setLanguage(user.id(), locale.getLanguage());
            }
        }
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\") && !back.contains("\r") && !back.contains("\n");
        return "redirect:" + (local ? back : "/");
    }
}
