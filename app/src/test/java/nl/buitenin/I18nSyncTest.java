package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text exists in Dutch and in English, and every text a page asks for exists. */
class I18nSyncTest {

    private static final Pattern MESSAGE_IN_TEMPLATE = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[(}]");

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        Resource[] dutch = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_nl.properties");
        assertThat(dutch).isNotEmpty();
        for (Resource nl : dutch) {
            String bundle = nl.getFilename().replace("_nl.properties", "");
            Resource en = new PathMatchingResourcePatternResolver().getResource("classpath:i18n/" + bundle + "_en.properties");
            assertThat(en.exists()).as("i18n/%s_en.properties exists", bundle).isTrue();
            Set<String> nlKeys = keys(nl);
            Set<String> enKeys = keys(en);
            assertThat(difference(nlKeys, enKeys)).as("keys of %s missing in English", bundle).isEmpty();
            assertThat(difference(enKeys, nlKeys)).as("keys of %s missing in Dutch", bundle).isEmpty();
        }
    }

    /**
     * A key given twice silently keeps only one text: two features merged with the same key ended up with one's error
     * text under the other's check. Also across bundles, since the message source reads them as one.
     */
    @Test
    void noKeyIsDefinedTwice() throws IOException {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String language : new String[] {"nl", "en"}) {
            java.util.Map<String, String> seen = new java.util.HashMap<>();
            Set<String> twice = new TreeSet<>();
            for (Resource bundle : resolver.getResources("classpath*:i18n/*_" + language + ".properties")) {
                Properties counting = new Properties() {
                    @Override
                    public synchronized Object put(Object key, Object value) {
                        String previous = seen.put((String) key, bundle.getFilename());
                        if (previous != null) {
                            twice.add(key + " (" + previous + ", " + bundle.getFilename() + ")");
                        }
                        return super.put(key, value);
                    }
                };
                try (InputStream in = bundle.getInputStream()) {
                    counting.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
            assertThat(twice).as("keys defined twice in the %s texts", language).isEmpty();
        }
    }

    @Test
    void everyMessageATemplateUsesExists() throws IOException {
        Set<String> known = new HashSet<>();
        for (Resource nl : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*_nl.properties")) {
            known.addAll(keys(nl));
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = MESSAGE_IN_TEMPLATE.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("message keys used in templates but defined nowhere").isEmpty();
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Set<String> keys(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource.getInputStream()) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
