package nl.buitenin.access.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits what an anonymous client (one IP address) may ask per minute: the sign-in form, the public
 * answer pages and the person's own page are the only doors open to everybody, so they are where
 * guessing and flooding would come from. A token bucket per address refills continuously; an
 * exhausted bucket answers 429 with Retry-After. Signed-in users and API keys are not limited here.
 * Behind a reverse proxy set {@code BUITENIN_FORWARD_HEADERS=framework} so the client's address is used.
 */
class PublicRateLimit extends OncePerRequestFilter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    PublicRateLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
                || path.startsWith("/img/") || path.startsWith("/actuator/health") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated();
        if (anonymous && !take(request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", "60");
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Te veel verzoeken; probeer het over een minuut opnieuw. / Too many requests; try again in a minute.");
            return;
        }
        chain.doFilter(request, response);
    }

    boolean take(String client) {
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            // Under a flood from many addresses, forget the oldest state rather than grow without bound.
            buckets.clear();
        }
        long now = clock.millis();
        return buckets.computeIfAbsent(client, c -> new Bucket(perMinute, now)).take(perMinute, now);
    }

    /** Tokens left and when they were last counted; refills at perMinute tokens per 60 s. */
    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized boolean take(int perMinute, long now) {
            tokens = Math.min(perMinute, tokens + (now - updated) * perMinute / 60_000.0);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
