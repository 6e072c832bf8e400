package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import nl.buitenin.access.Allow;
import nl.buitenin.access.AnySignedIn;
import nl.buitenin.access.PublicEndpoint;
import nl.buitenin.access.Role;

/**
 * Sweeps every endpoint of the application: each has an authorisation rule; an anonymous caller is
 * sent to sign in (pages) or gets 401 (API); a user with only a role the rule does not name gets 403.
 * New endpoints are covered without writing anything here.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EndpointAuthorizationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    MockMvc mvc;

    record Endpoint(HttpMethod method, String path, HandlerMethod handler) {
        @Override
        public String toString() {
            return method + " " + path + " -> " + handler.getShortLogMessage();
        }
    }

    @Test
    void everyEndpointHasAnAuthorisationRule() {
        List<String> withoutRule = endpoints().stream()
                .filter(e -> rule(e.handler(), PublicEndpoint.class) == null && rule(e.handler(), AnySignedIn.class) == null
                        && rule(e.handler(), Allow.class) == null)
                .map(Endpoint::toString)
                .toList();
        assertThat(withoutRule).isEmpty();
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (rule(endpoint.handler(), PublicEndpoint.class) != null) {
                continue;
            }
            int status = mvc.perform(request(endpoint)).andReturn().getResponse().getStatus();
            String location = mvc.perform(request(endpoint)).andReturn().getResponse().getRedirectedUrl();
            boolean refused = endpoint.path().startsWith("/api/") ? status == 401
                    : status == 302 && location != null && location.endsWith("/login");
            if (!refused) {
                failures.add(endpoint + " answered " + status + " " + location);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void usersWithTheWrongRoleAreRefused() throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints()) {
            Allow allow = allowRule(endpoint.handler());
            if (allow == null) {
                continue;
            }
            Set<Role> others = EnumSet.allOf(Role.class);
            others.removeAll(Arrays.asList(allow.value()));
            for (Role wrong : others) {
                int status = mvc.perform(request(endpoint).with(user("wrong-" + wrong).roles(wrong.name())))
                        .andReturn().getResponse().getStatus();
                checked++;
                if (status != 403) {
                    failures.add(endpoint + " as " + wrong + " answered " + status);
                }
            }
        }
        assertThat(checked).as("role checks made").isPositive();
        assertThat(failures).isEmpty();
    }

    @Test
    void apiKeysCannotUseUserOnlyEndpoints() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Allow allow = allowRule(endpoint.handler());
            boolean scoped = allow != null && allow.scopes().length > 0;
            if (rule(endpoint.handler(), PublicEndpoint.class) != null || scoped) {
                continue;
            }
            int status = mvc.perform(request(endpoint).with(user("machine").authorities(
                    new org.springframework.security.core.authority.SimpleGrantedAuthority("SCOPE_INGEST"),
                    new org.springframework.security.core.authority.SimpleGrantedAuthority("SCOPE_READ"),
                    new org.springframework.security.core.authority.SimpleGrantedAuthority("SCOPE_CASES"))))
                    .andReturn().getResponse().getStatus();
            if (status != 403) {
                failures.add(endpoint + " with an API key answered " + status);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Autowired
    nl.buitenin.access.ApiKeyBindings bindings;

    /** A key bound to a widget site, with every scope, opens only the endpoints that check bindings themselves. */
    @Test
    void boundApiKeysAreRefusedWhereTheHandlerDoesNotCheckTheBinding() throws Exception {
        String key = bindings.issueBound("bound " + UUID.randomUUID(), Set.of(nl.buitenin.access.Scope.values()),
                "widget-site:" + UUID.randomUUID(), null).plainText();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Endpoint endpoint : endpoints()) {
            Allow allow = allowRule(endpoint.handler());
            if (allow == null || allow.scopes().length == 0 || allow.boundKeys()) {
                continue;
            }
            checked++;
            int status = mvc.perform(MockMvcRequestBuilders.request(endpoint.method(), endpoint.path())
                    .header("Authorization", "Bearer " + key).contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andReturn().getResponse().getStatus();
            if (status != 403) {
                failures.add(endpoint + " with a bound API key answered " + status);
            }
        }
        assertThat(checked).as("scoped endpoints").isGreaterThan(10);
        assertThat(failures).isEmpty();
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> result = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("nl.buitenin")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            Set<String> paths = entry.getKey().getPathPatternsCondition() == null ? Set.of()
                    : entry.getKey().getPathPatternsCondition().getPatternValues();
            for (String path : paths) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    result.add(new Endpoint(HttpMethod.valueOf(method.name()), concrete(path), handler));
                }
            }
        }
        assertThat(result).as("endpoints found").isNotEmpty();
        return result;
    }

    private static String concrete(String pattern) {
        return Arrays.stream(pattern.split("/"))
                .map(part -> part.startsWith("{") ? UUID.randomUUID().toString() : part)
                .collect(Collectors.joining("/"));
    }

    private static MockHttpServletRequestBuilder request(Endpoint endpoint) {
        return MockMvcRequestBuilders.request(endpoint.method(), endpoint.path())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}");
    }

    private static Allow allowRule(HandlerMethod handler) {
        if (handler.getMethodAnnotation(AnySignedIn.class) != null || handler.getMethodAnnotation(PublicEndpoint.class) != null) {
            return null;
        }
        return rule(handler, Allow.class);
    }

    private static <A extends java.lang.annotation.Annotation> A rule(HandlerMethod handler, Class<A> type) {
        A onMethod = handler.getMethodAnnotation(type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
    }
}
