package nl.buitenin.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.StorableText;

/**
 * Refuses form fields, query parameters and path segments holding text that a database cannot store (see
 * {@link StorableText}), naming each, before the controller runs: one check for every form of every page and every
 * parameter of the API, instead of one per field. Runs after multipart parsing, so text fields of an upload form are
 * checked too (the file itself is the importer's to read). The refusal is an {@link InvalidInputException}: a problem
 * on the API, the page's error list on pages.
 */
class StorableParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            StorableText.check(parameter.getKey(), parameter.getKey()).ifPresent(errors::add);
            for (String value : parameter.getValue()) {
                StorableText.check(parameter.getKey(), value).ifPresent(errors::add);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> StorableText.check(String.valueOf(name), String.valueOf(value)).ifPresent(errors::add));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return true;
    }
}
