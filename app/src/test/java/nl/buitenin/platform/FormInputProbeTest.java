package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import nl.buitenin.access.Role;
import nl.buitenin.access.Users.NewUser;
import nl.buitenin.access.internal.JdbcUsers;
import nl.buitenin.access.internal.StoredUser;

/**
 * Every form of every page that needs no id in its address, sent by a user with every role: each text field once with
 * 100 000 characters and once with a NUL, the other fields plausible. None may answer with a server error; a refusal
 * is a page (or a redirect) that says what is wrong. Found by reflection, so a new form is covered without writing
 * anything here. Runs on H2 and PostgreSQL.
 */
@nl.buitenin.testing.DatabaseTest
@AutoConfigureMockMvc
class FormInputProbeTest {

    private static final String LONG = "x".repeat(100_000);

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcUsers users;

    @Test
    void noFormAnswersTooLongOrUnstorableTextWithAServerError() throws Exception {
        if (users.byUsername("form-prober").isEmpty()) {
            users.create(new NewUser("form-prober", "Fien Formulier", "a long enough password", EnumSet.allOf(Role.class),
                    "Klantenservice", "en", false));
        }
        StoredUser prober = users.storedByUsername("form-prober").orElseThrow();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            RequestMappingInfo info = entry.getKey();
            // Upload forms (files) are the importers' to answer; their text fields are checked like any other.
            boolean upload = List.of(handler.getMethodParameters()).stream()
                    .anyMatch(p -> p.getParameterType() == org.springframework.web.multipart.MultipartFile.class);
            if (upload || handler.getBeanType().isAnnotationPresent(RestController.class)
                    || !handler.getBeanType().getPackageName().startsWith("nl.buitenin")
                    || !info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            for (String path : info.getPatternValues()) {
                if (path.contains("{") || path.equals("/login") || path.equals("/logout")) {
                    continue;
                }
                List<String> texts = textParameters(handler);
                for (String field : texts) {
                    for (String bad : List.of(LONG, "ab\u0000cd")) {
                        MockHttpServletRequestBuilder request = post(path).with(user(prober)).with(csrf());
                        for (String other : texts) {
                            request.param(other, other.equals(field) ? bad : "Proef");
                        }
                        int status;
                        try {
                            status = mvc.perform(request).andReturn().getResponse().getStatus();
                        } catch (jakarta.servlet.ServletException e) {
                            status = 500;
                        }
                        tried++;
                        if (status >= 500) {
                            failures.add("POST " + path + " " + field + (bad == LONG ? " (100 000 characters)" : " (NUL)")
                                    + " answered " + status);
                        }
                    }
                }
            }
        }
        assertThat(tried).as("form fields tried").isGreaterThan(20);
        assertThat(failures).isEmpty();
    }

    private static List<String> textParameters(HandlerMethod handler) {
        List<String> names = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param == null || parameter.getParameterType() != String.class) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                    : parameter.getParameterName();
            if (name != null && !Set.of("action", "lang", "back").contains(name)) {
                names.add(name);
            }
        }
        return names;
    }
}
