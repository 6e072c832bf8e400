package nl.buitenin.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import nl.buitenin.platform.BusyException;
import nl.buitenin.platform.ConflictException;
import nl.buitenin.platform.ForbiddenException;
import nl.buitenin.platform.InvalidInputException;
import nl.buitenin.platform.InvalidInputException.FieldError;
import nl.buitenin.platform.NotFoundException;

/**
 * Errors of the REST API as RFC 9457 problem details. Validation problems carry an {@code errors}
 * list naming every invalid field (or row, or line), so a client can fix all of them at once.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final ErrorTexts texts;

    ApiExceptionHandler(ErrorTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return invalid(e.errors());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(FieldError.of(e.getName(), "platform.invalid.value", String.valueOf(e.getValue()))));
    }

    /**
     * The last guard, should a text reach the database unchecked: a value too long for its column (SQL state 22001) or a
     * character the database cannot store (22021, 22P05) is the caller's mistake, a 400, never a 500. The database does
     * not say which field; the checks before it do, and this only keeps a gap from becoming a server error.
     */
    @ExceptionHandler(DataAccessException.class)
    ProblemDetail storage(DataAccessException e) {
        if (!UnstorableValues.causedBy(e)) {
            throw e;
        }
        return invalid(List.of(FieldError.of("body", "platform.invalid.stored")));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, texts.message(e));
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, texts.message(e));
    }

    /** Back-pressure: nothing was stored, send the same request again after {@code Retry-After} seconds. */
    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        long seconds = e.retryAfter().toSeconds();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                texts.text(e.key(), List.of(seconds), e.getMessage()));
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // For a case not known below: Jackson's message, which names the line, column and JSON path of the first problem.
        String detail = ex.getMostSpecificCause().getMessage();
        if (detail != null) {
            detail = detail.replaceAll("\\(for Object starting at.*", "").replaceAll("\\s+", " ").trim();
        }
        if (detail != null && detail.length() > 500) {
            detail = detail.substring(0, 500) + "…";
        }
        String unreadable = texts.text("platform.unreadable", List.of(String.valueOf(detail)),
                "The request body is not valid JSON for this endpoint: " + detail);
        // What Jackson and Spring say in English (and with the application's internal type and method names) is said in
        // the reader's words where the case is known: a body of the wrong shape as a whole, a field of the wrong type, JSON
        // broken at a line and column, no body at all.
        Optional<FieldError> field = JsonFields.wrongValue(ex).map(error -> new FieldError(error.field(), texts.message(error)));
        Optional<JsonFields.Place> broken = JsonFields.brokenAt(ex);
        String shape = JsonFields.wrongShape(ex).orElse(null);
        if (shape != null) {
            unreadable = texts.text(shape, List.of(), unreadable);
        } else if (field.isPresent()) {
            unreadable = texts.text("platform.unreadable.field", List.of(field.get().field(), field.get().message()), unreadable);
        } else if (broken.isPresent()) {
            unreadable = texts.text("platform.unreadable.syntax", List.of(String.valueOf(broken.get().line()), String.valueOf(broken.get().column())),
                    unreadable);
        } else if (ex.getCause() == null && String.valueOf(ex.getMessage()).startsWith("Required request body is missing")) {
            unreadable = texts.text("platform.unreadable.missing", List.of(), unreadable);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadable);
        problem.setTitle(texts.text("platform.unreadable.title", List.of(), "Unreadable request body"));
        // A value of the wrong type (a word where a channel or a moment belongs) names its field, like any invalid input.
        field.ifPresent(told -> problem.setProperty("errors", List.of(Map.of("field", told.field(), "message", told.message()))));
        broken.ifPresent(at -> {
            problem.setProperty("line", at.line());
            problem.setProperty("column", at.column());
        });
        return ResponseEntity.badRequest().body(problem);
    }

    private ProblemDetail invalid(List<FieldError> errors) {
        List<FieldError> told = errors.stream().map(e -> new FieldError(e.field(), texts.message(e))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                told.size() == 1 ? told.get(0).field() + ": " + told.get(0).message()
                        : texts.text("platform.invalid.fields", List.of(String.valueOf(told.size())), told.size() + " fields are invalid"));
        problem.setTitle(texts.text("platform.invalid.title", List.of(), "Invalid input"));
        problem.setProperty("errors", told.stream()
                .map(e -> Map.of("field", e.field(), "message", e.message()))
                .toList());
        return problem;
    }

    private static String lastNode(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
