package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.jayway.jsonpath.JsonPath;

/**
 * The OpenAPI document names each schema after its type's simple name, so two request or response types with one
 * simple name (two records called {@code Batch}) silently become one schema, and one endpoint shows the other's body.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiSchemaNamesTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    MockMvc mvc;

    @Test
    void noTwoTypesOfTheApiShareASchemaName() {
        Map<String, Set<String>> byName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        for (HandlerMethod handler : mapping.getHandlerMethods().values()) {
            if (!handler.getBeanType().getPackageName().startsWith("nl.buitenin")
                    || !handler.getBeanType().isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)) {
                continue;
            }
            collect(handler.getMethod().getGenericReturnType(), byName, seen);
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collect(parameter.getGenericParameterType(), byName, seen);
                }
            }
        }
        assertThat(seen).as("types of the API found").hasSizeGreaterThan(20);
        Map<String, Set<String>> shared = new TreeMap<>();
        byName.forEach((name, types) -> {
            if (types.size() > 1) {
                shared.put(name, types);
            }
        });
        assertThat(shared).as("schema names used by more than one type").isEmpty();
    }

    @Test
    void theAnswersEndpointTakesTheAnswersBatch() throws Exception {
        String json = mvc.perform(get("/v3/api-docs").with(user("reader").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        String answersBody = JsonPath.read(json, "$.paths['/api/v1/answers'].post.requestBody.content['application/json'].schema.$ref");
        String interactionsBody = JsonPath.read(json,
                "$.paths['/api/v1/interactions'].post.requestBody.content['application/json'].schema.$ref");
        assertThat(answersBody).isNotEqualTo(interactionsBody);
        String answersItem = JsonPath.read(json, "$.components.schemas." + schema(answersBody) + ".properties.items.items.$ref");
        String interactionsItem = JsonPath.read(json, "$.components.schemas." + schema(interactionsBody) + ".properties.items.items.$ref");
        assertThat(schema(answersItem)).isEqualTo("AnswerInput");
        assertThat(schema(interactionsItem)).isEqualTo("InteractionInput");
        Map<String, Object> answerInput = JsonPath.read(json, "$.components.schemas.AnswerInput.properties");
        assertThat(answerInput).containsKeys("sourceId", "survey", "touchpoint", "at", "answers");
    }

    private static String schema(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    /** The types the document gets a schema for: records and classes of Buitenin, with the types inside them. */
    private static void collect(Type type, Map<String, Set<String>> byName, Set<Class<?>> seen) {
        List<Type> pending = new ArrayList<>(List.of(type));
        while (!pending.isEmpty()) {
            Type next = pending.remove(pending.size() - 1);
            if (next instanceof ParameterizedType parameterized) {
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
                pending.add(parameterized.getRawType());
            } else if (next instanceof GenericArrayType array) {
                pending.add(array.getGenericComponentType());
            } else if (next instanceof Class<?> c) {
                if (c.isArray()) {
                    pending.add(c.getComponentType());
                    continue;
                }
                if (!c.getName().startsWith("nl.buitenin.") || c.isEnum() || c.isInterface() || !seen.add(c)) {
                    continue;
                }
                if (c.getTypeParameters().length == 0) {
                    byName.computeIfAbsent(c.getSimpleName(), k -> new TreeSet<>()).add(c.getName());
                }
                if (c.isRecord()) {
                    for (RecordComponent component : c.getRecordComponents()) {
                        pending.add(component.getGenericType());
                    }
                }
            }
        }
    }
}
