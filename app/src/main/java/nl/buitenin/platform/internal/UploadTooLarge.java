package nl.buitenin.platform.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upload over the limit ({@code spring.servlet.multipart.max-request-size}, {@code BUITENIN_MAX_UPLOAD}) is answered
 * 413 with the limit named in the reader's language: an RFC 9457 problem for the API and other programs, the error
 * page for a browser. Without this the API answered 413 with an empty body and a page a bare error.
 * <p>
 * The limit is met in two places: Spring's multipart resolver (handled here before any controller is chosen, hence
 * an advice for every handler) and the servlet container when a filter reads a form parameter first (the CSRF token);
 * the container's 413 reaches Boot's error page, where {@link #resolveErrorView} names the limit.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge implements ErrorViewResolver, Ordered {

    private final ErrorTexts texts;
    private final DataSize limit;
    private final JsonMapper json = JsonMapper.builder().build();

    UploadTooLarge(ErrorTexts texts, MultipartProperties multipart) {
        this.texts = texts;
        DataSize request = multipart.getMaxRequestSize();
        DataSize file = multipart.getMaxFileSize();
        this.limit = request == null || request.toBytes() < 0 || (file != null && file.toBytes() >= 0 && file.toBytes() < request.toBytes())
                ? file : request;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (wantsPage(request)) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        writeProblem(request, response);
    }

    /**
     * An API request whose body is declared larger than the limit (such as an answers export sent as JSON) is refused
     * before it is read, ahead of the idempotency filter, which would hold the body in memory.
     */
    Filter apiBodyLimit(LocaleResolver locales) {
        return (servletRequest, servletResponse, chain) -> {
            HttpServletRequest request = (HttpServletRequest) servletRequest;
            if (limit != null && limit.toBytes() >= 0 && request.getContentLengthLong() > limit.toBytes()) {
                LocaleContextHolder.setLocale(locales.resolveLocale(request));
                try {
                    writeProblem(request, (HttpServletResponse) servletResponse);
                } finally {
                    LocaleContextHolder.resetLocaleContext();
                }
                return;
            }
            chain.doFilter(servletRequest, servletResponse);
        };
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Written here, not returned: this happens before a controller is chosen, so no converter is at hand.
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", texts.text("platform.tooLarge.title", List.of(), "File too large"));
        problem.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        problem.put("detail", texts.text("platform.tooLarge", List.of(limitText()), "The upload is larger than the limit of " + limitText()));
        problem.put("instance", request.getRequestURI());
        problem.put("limitBytes", limit == null ? null : limit.toBytes());
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (status.value() != HttpStatus.CONTENT_TOO_LARGE.value()) {
            return null;
        }
        Map<String, Object> page = new HashMap<>(model);
        page.put("status", status.value());
        page.put("limit", limitText());
        return new ModelAndView("error", page, status);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** A browser asks for HTML; the API and other programs get a problem. */
    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/") && accept != null && accept.contains("text/html");
    }

    /** The limit as people write it: 50 MB, 512 KB. */
    String limitText() {
        if (limit == null || limit.toBytes() < 0) {
            return "?";
        }
        long bytes = limit.toBytes();
        if (bytes >= DataSize.ofMegabytes(1).toBytes() && bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return limit.toMegabytes() + " MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return limit.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
