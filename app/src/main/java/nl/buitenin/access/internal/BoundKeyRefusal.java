package nl.buitenin.access.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells a caller whose API key is bound to widget sites why an endpoint that does not take bound keys refused it,
 * naming the key, in the reader's language; every other refusal is Spring Security's plain 403.
 */
final class BoundKeyRefusal implements AccessDeniedHandler {

    /** Set by {@link HandlerAuthorization} on the request to the refused key ({@link ApiKeys.ApiKey}). */
    static final String REFUSED_KEY = BoundKeyRefusal.class.getName() + ".key";

    private final AccessDeniedHandler otherwise = new AccessDeniedHandlerImpl();
    private final JsonMapper json = JsonMapper.builder().build();
    private final MessageSource messages;
    private final LocaleResolver locales;

    BoundKeyRefusal(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!(request.getAttribute(REFUSED_KEY) instanceof ApiKeys.ApiKey key)) {
            otherwise.handle(request, response, denied);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", "Forbidden");
        problem.put("status", HttpStatus.FORBIDDEN.value());
        problem.put("detail", messages.getMessage("access.forbidden.boundKey", new Object[] {key.name(), key.prefix()},
                locales.resolveLocale(request)));
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
    }
}
