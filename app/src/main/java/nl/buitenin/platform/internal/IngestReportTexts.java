package nl.buitenin.platform.internal;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import nl.buitenin.platform.IngestReport;
import nl.buitenin.platform.IngestReport.ItemOutcome;
import nl.buitenin.platform.InvalidInputException.FieldError;

/**
 * The rejected items of an ingest report returned by the API are told in the caller's language (Accept-Language),
 * like any other problem: the ingesting code only names the message keys.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class IngestReportTexts implements ResponseBodyAdvice<Object> {

    private final ErrorTexts texts;

    IngestReportTexts(ErrorTexts texts) {
        this.texts = texts;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return IngestReport.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
        if (!(body instanceof IngestReport report)) {
            return body;
        }
        return new IngestReport(report.created(), report.duplicates(), report.rejected(),
                report.items().stream().map(this::told).toList());
    }

    private ItemOutcome told(ItemOutcome item) {
        if (item.errors().isEmpty()) {
            return item;
        }
        return ItemOutcome.rejected(item.index(), item.sourceId(), item.errors().stream()
                .map(e -> new FieldError(e.field(), texts.message(e), e.key(), e.args())).toList());
    }
}
