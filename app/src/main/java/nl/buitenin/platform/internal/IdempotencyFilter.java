package nl.buitenin.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes every POST, PUT and PATCH under {@code /api/} that carries an {@code Idempotency-Key} header
 * safe to retry: the first response is stored and replayed to a retry with the same key and body;
 * the same key with another body is refused (422), and a retry while the first is still running
 * is told so (409). Keys are kept per caller for {@link #RETENTION}.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || !(method.equals("POST") || method.equals("PUT") || method.equals("PATCH"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > 200) {
            problem(response, HttpStatus.BAD_REQUEST, "Idempotency-Key must have 1 to 200 characters.");
            return;
        }
        if (request.getUserPrincipal() == null) {
            chain.doFilter(request, response);
            return;
        }
        String principal = request.getUserPrincipal().getName();
        BufferedRequest buffered = new BufferedRequest(request);
        String hash = Hashes.sha256Hex(request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n",
                buffered.body());
        if (!claim(principal, key, hash)) {
            replayOrRefuse(principal, key, hash, response);
            return;
        }
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(buffered, recorder);
            completed = true;
        } finally {
            int status = recorder.getStatus();
            if (completed && status < 500) {
                jdbc.sql("update idempotent_request set status = :status, content_type = :type, response_body = :body "
                                + "where principal = :principal and idempotency_key = :key")
                        .param("status", status)
                        .param("type", recorder.getContentType())
                        .param("body", recorder.getContentAsByteArray())
                        .param("principal", principal)
                        .param("key", key)
                        .update();
            } else {
                // A server error leaves nothing behind: the client may retry with the same key.
                jdbc.sql("delete from idempotent_request where principal = :principal and idempotency_key = :key")
                        .param("principal", principal).param("key", key).update();
            }
            recorder.copyBodyToResponse();
        }
    }

    private boolean claim(String principal, String key, String hash) {
        try {
            jdbc.sql("insert into idempotent_request (principal, idempotency_key, request_hash, created_at) "
                            + "values (:principal, :key, :hash, :now)")
                    .param("principal", principal).param("key", key).param("hash", hash)
                    .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private void replayOrRefuse(String principal, String key, String hash, HttpServletResponse response) throws IOException {
        Optional<StoredResponse> stored = jdbc.sql("select request_hash, status, content_type, response_body "
                        + "from idempotent_request where principal = :principal and idempotency_key = :key")
                .param("principal", principal).param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getBytes(4)))
                .optional();
        if (stored.isEmpty()) {
            problem(response, HttpStatus.CONFLICT, "A request with this Idempotency-Key was just abandoned; retry it.");
        } else if (!stored.get().requestHash().equals(hash)) {
            problem(response, HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was already used for a different request; use a new key for a new request.");
        } else if (stored.get().status() == null) {
            problem(response, HttpStatus.CONFLICT, "A request with this Idempotency-Key is still being processed; retry later.");
        } else {
            response.setStatus(stored.get().status());
            if (stored.get().contentType() != null) {
                response.setContentType(stored.get().contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            byte[] body = stored.get().body() == null ? new byte[0] : stored.get().body();
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldKeys() {
        Instant cutoff = clock.instant().minus(RETENTION);
        jdbc.sql("delete from idempotent_request where created_at < :cutoff")
                .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).update();
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String json = "{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}";
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private record StoredResponse(String requestHash, Integer status, String contentType, byte[] body) {
    }
}
