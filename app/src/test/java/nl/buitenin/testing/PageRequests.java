package nl.buitenin.testing;

import java.util.Locale;
import java.util.Map;

import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;

import nl.buitenin.platform.LanguagePreference;

/**
 * What a MockMvc page request used to carry in its {@code MockHttpSession}. Sessions live in the database (Spring
 * Session JDBC), keyed by the session cookie, so the container session MockMvc fills ({@code sessionAttr},
 * {@code flashAttr}) is never the one the application reads: a language or a flash message put there is silently lost
 * and the page renders in the account's language without the message. These set the same facts on the request itself.
 */
public final class PageRequests {

    private PageRequests() {
    }

    /** The page in this language ("nl" or "en"), as if the signed-in user had chosen it in the menu. */
    public static RequestPostProcessor inLanguage(String language) {
        Locale locale = LanguagePreference.supportedOrNull(language);
        if (locale == null) {
            throw new IllegalArgumentException("not a language Buitenin speaks: " + language);
        }
        return request -> {
            request.setAttribute(LanguagePreference.FOR_THIS_REQUEST, locale);
            return request;
        };
    }

    /** The flash attributes a redirect left (e.g. {@code result.getFlashMap()}), as the next page reads them. */
    public static RequestPostProcessor withFlash(Map<String, ?> attributes) {
        return request -> {
            FlashMap flash = new FlashMap();
            flash.putAll(attributes);
            request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, flash);
            return request;
        };
    }
}
