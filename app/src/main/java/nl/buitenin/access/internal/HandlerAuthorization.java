package nl.buitenin.access.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.http.HttpServletRequest;
import nl.buitenin.access.Allow;
import nl.buitenin.access.AnySignedIn;
import nl.buitenin.access.PublicEndpoint;
import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;

/**
 * Decides each request from the annotation on the controller method that will handle it, before the
 * request body is read: {@link Allow}, {@link AnySignedIn} or {@link PublicEndpoint}. A handler
 * without any of them is refused, so a new endpoint is closed until somebody decides who may use it.
 * Requests that match no controller (a 404) need a signed-in caller, so the URL space cannot be probed.
 */
class HandlerAuthorization implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Logger log = LoggerFactory.getLogger(HandlerAuthorization.class);

    /** Looked up when first needed: the security configuration is built before Spring MVC's mappings. */
    private final Supplier<RequestMappingHandlerMapping> mapping;
    /**
     * Each handler method's rule, read from its annotations once rather than on every request (profiled under API load);
     * bounded by the number of controller methods, and annotations do not change while the application runs.
     */
    private final java.util.concurrent.ConcurrentMap<HandlerKey, Rule> rules = new java.util.concurrent.ConcurrentHashMap<>();

    /** A handler method as its rule depends on it: the method and the bean type, whose annotations count too. */
    private record HandlerKey(Class<?> beanType, java.lang.reflect.Method method) {
    }

    HandlerAuthorization(Supplier<RequestMappingHandlerMapping> mapping) {
        this.mapping = mapping;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HandlerMethod handler = handlerFor(context.getRequest());
        if (handler == null) {
            return new AuthorizationDecision(isUser(authentication.get()) || hasScope(authentication.get()));
        }
        Rule rule = rules.computeIfAbsent(new HandlerKey(handler.getBeanType(), handler.getMethod()), k -> Rule.of(handler));
        if (rule.refusesBoundKey(authentication.get())) {
            context.getRequest().setAttribute(BoundKeyRefusal.REFUSED_KEY,
                    ((ApiKeyAuthenticationFilter.ApiKeyAuthentication) authentication.get()).key());
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(rule.permits(authentication.get()));
    }

    private HandlerMethod handlerFor(HttpServletRequest request) {
        RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.get().getHandler(request);
            return chain != null && chain.getHandler() instanceof HandlerMethod method ? method : null;
        } catch (HttpRequestMethodNotSupportedException | HttpMediaTypeException e) {
            // No match for the method or media type: the dispatcher answers 405 or 415 to a signed-in caller.
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("cannot find the handler of " + request.getRequestURI(), e);
        } finally {
            if (previous != null) {
                ServletRequestPathUtils.setParsedRequestPath(previous, request);
            } else {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }

    static boolean isUser(Authentication authentication) {
        return signedIn(authentication) && authorities(authentication).stream()
                .anyMatch(a -> a.startsWith("ROLE_") && !a.equals("ROLE_ANONYMOUS"));
    }

    static boolean hasScope(Authentication authentication) {
        return signedIn(authentication) && authorities(authentication).stream().anyMatch(a -> a.startsWith("SCOPE_"));
    }

    private static boolean signedIn(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    static Set<String> authorities(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    /** The authorisation rule of one handler method, as read from its annotations. */
    record Rule(boolean isPublic, boolean anySignedIn, Set<String> authorities, boolean boundKeys) {

        static Rule of(HandlerMethod handler) {
            PublicEndpoint open = find(handler, PublicEndpoint.class);
            if (open != null) {
                return new Rule(true, false, Set.of(), true);
            }
            AnySignedIn signedIn = handler.getMethodAnnotation(AnySignedIn.class);
            Allow allow = handler.getMethodAnnotation(Allow.class);
            if (signedIn == null && allow == null) {
                signedIn = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), AnySignedIn.class);
                allow = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Allow.class);
            }
            if (signedIn != null) {
                return new Rule(false, true, Set.of(), false);
            }
            if (allow != null) {
                Set<String> authorities = Arrays.stream(allow.value()).map(Role::authority).collect(Collectors.toSet());
                Arrays.stream(allow.scopes()).map(Scope::authority).forEach(authorities::add);
                return new Rule(false, false, authorities, allow.boundKeys());
            }
            log.warn("Refused a request to {}: it has no authorisation rule (@Allow, @AnySignedIn or @PublicEndpoint)", handler);
            return new Rule(false, false, Set.of(), false);
        }

        private static <A extends java.lang.annotation.Annotation> A find(HandlerMethod handler, Class<A> type) {
            A onMethod = handler.getMethodAnnotation(type);
            return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
        }

        boolean permits(Authentication authentication) {
            if (isPublic) {
                return true;
            }
            if (anySignedIn) {
                return isUser(authentication);
            }
            if (!signedIn(authentication)) {
                return false;
            }
            return HandlerAuthorization.authorities(authentication).stream().anyMatch(authorities::contains);
        }

        /** A key bound to resources, at a handler that does not check bindings itself. */
        boolean refusesBoundKey(Authentication authentication) {
            return !boundKeys && authentication instanceof ApiKeyAuthenticationFilter.ApiKeyAuthentication key && key.bound();
        }
    }
}
