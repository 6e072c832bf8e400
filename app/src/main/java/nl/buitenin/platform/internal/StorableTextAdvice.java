package nl.buitenin.platform.internal;

import java.lang.reflect.Type;
import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.StorableText;

/**
 * Refuses a JSON request body holding text that a database cannot store (NUL, a lone surrogate) before any controller
 * sees it, naming every such field; see {@link StorableText}. Batch items marked
 * {@link nl.buitenin.platform.CheckedPerItem} are left to their service, which refuses the bad item alone.
 */
@ControllerAdvice
class StorableTextAdvice extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldError> errors = StorableText.scan("", body);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return body;
    }
}
