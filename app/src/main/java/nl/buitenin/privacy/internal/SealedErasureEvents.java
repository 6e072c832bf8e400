package nl.buitenin.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import nl.buitenin.platform.Secrets;
import nl.buitenin.privacy.PersonErased;
import nl.buitenin.privacy.PersonKey;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Keeps the identifiers of a forgotten person out of the event publication table: the event registry
 * stores a {@link PersonErased} only as {@code {"sealed": "..."}}, AES-256-GCM under a key of its own.
 * With {@code spring.modulith.events.completion-mode=delete} the row itself is gone once every module
 * has handled the event, so not even the ciphertext stays.
 */
@Configuration(proxyBeanMethods = false)
class SealedErasureEvents {

    private static final String SEPARATOR = "\u001f";
    private static final String AAD = "event/PersonErased";

    @Bean
    JacksonModule sealedPersonErasedModule(Secrets secrets) {
        FieldCipher cipher = new FieldCipher(secrets.key("privacy.erasure-event"));
        SimpleModule module = new SimpleModule("sealed-person-erased");
        module.addSerializer(PersonErased.class, new ValueSerializer<>() {
            @Override
            public void serialize(PersonErased event, JsonGenerator generator, SerializationContext context) {
                List<String> parts = new ArrayList<>();
                parts.add(event.person().value());
                parts.add(event.at().toString());
                parts.addAll(event.identifiers());
                byte[] sealed = cipher.encrypt(String.join(SEPARATOR, parts), AAD);
                generator.writeStartObject();
                generator.writeStringProperty("sealed", Base64.getEncoder().encodeToString(sealed));
                generator.writeEndObject();
            }
        });
        module.addDeserializer(PersonErased.class, new ValueDeserializer<>() {
            @Override
            public PersonErased deserialize(JsonParser parser, DeserializationContext context) {
                JsonNode node = parser.readValueAsTree();
                String plain = cipher.decrypt(Base64.getDecoder().decode(node.get("sealed").asString()), AAD);
                List<String> parts = Arrays.asList(plain.split(SEPARATOR, -1));
                return new PersonErased(new PersonKey(parts.get(0)), parts.subList(2, parts.size()), Instant.parse(parts.get(1)));
            }
        });
        return module;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
