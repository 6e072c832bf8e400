package nl.buitenin.platform.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdempotencyFilter idempotencyFilter(JdbcClient jdbc, Clock clock) {
        return new IdempotencyFilter(jdbc, clock);
    }

    /**
     * After Spring Security (order -100: the caller is known and the security headers are written) and before the
     * idempotency filter, which holds the body in memory: a body over the upload limit is refused unread.
     */
    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> apiBodyLimitRegistration(UploadTooLarge uploads,
            org.springframework.web.servlet.LocaleResolver localeResolver) {
        FilterRegistrationBean<jakarta.servlet.Filter> registration = new FilterRegistrationBean<>(uploads.apiBodyLimit(localeResolver));
        registration.setOrder(-50);
        registration.addUrlPatterns("/api/*");
        registration.setName("apiBodyLimit");
        return registration;
    }

    /** Runs after Spring Security, which sits at order -100, so the caller is known. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /**
     * No rewriting of the links on every page. Spring Boot adds this filter because the WebJars locator is on the class
     * path, and it then asks the resource chain about every link a template builds: a link that is not a static file
     * (nearly all of them) is looked up in every static location of the class path, uncached, each time. That made
     * up four fifths of the journey map's time (about 100 ms a page with a few hundred links, measured by JFR in the
     * scale benchmark). The filter would only add versions to WebJar links and there is no version strategy;
     * the version-less WebJar paths are still resolved when the file itself is requested.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** Text a database cannot store is refused on every form field, query parameter and path segment. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new StorableParameters()).excludePathPatterns("/error", "/css/**", "/js/**", "/webjars/**");
    }
}
