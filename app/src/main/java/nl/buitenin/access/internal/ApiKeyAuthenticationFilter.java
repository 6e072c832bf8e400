package nl.buitenin.access.internal;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Signs in a machine that presents {@code Authorization: Bearer bk_...}; a wrong or revoked key gets 401 at once. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";

    private final ApiKeys apiKeys;

    ApiKeyAuthenticationFilter(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    static boolean presentsApiKey(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith(BEARER + "bk_");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!presentsApiKey(request)) {
            chain.doFilter(request, response);
            return;
        }
        var key = apiKeys.authenticate(request.getHeader("Authorization").substring(BEARER.length()).trim());
        if (key.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"The API key is unknown or revoked.\"}");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ApiKeyAuthentication(key.get().key(), key.get().bound()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The authentication of a request signed with an API key: its authorities are the key's scopes. */
    static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

        private final ApiKeys.ApiKey key;
        private final boolean bound;

        ApiKeyAuthentication(ApiKeys.ApiKey key, boolean bound) {
            super(key.scopes().stream().map(s -> new SimpleGrantedAuthority(s.authority())).toList());
            this.key = key;
            this.bound = bound;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return "api-key:" + key.prefix();
        }

        @Override
        public String getName() {
            return "api-key:" + key.prefix();
        }

        ApiKeys.ApiKey key() {
            return key;
        }

        /** Whether the key is bound to resources, and so usable only where a handler allows bound keys. */
        boolean bound() {
            return bound;
        }

        List<String> scopes() {
            return key.scopes().stream().map(Enum::name).toList();
        }
    }
}
