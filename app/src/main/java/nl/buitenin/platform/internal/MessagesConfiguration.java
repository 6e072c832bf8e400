package nl.buitenin.platform.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module keeps its texts in its own bundle, {@code i18n/<module>_nl.properties} and
 * {@code i18n/<module>_en.properties}; all bundles found on the class path are loaded, so a new
 * module needs no change here. A test fails the build when a key is missing in one language.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    static final String LOCATION = "classpath*:i18n/*_nl.properties";

    @Bean
    MessageSource messageSource() throws IOException {
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(bundleNames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setCacheMillis(-1);
        return source;
    }

    static String[] bundleNames() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
        TreeSet<String> names = new TreeSet<>();
        Arrays.stream(resources).map(Resource::getFilename).filter(Objects::nonNull)
                .map(name -> "classpath:i18n/" + name.substring(0, name.length() - "_nl.properties".length()))
                .forEach(names::add);
        return names.toArray(String[]::new);
    }
}
