package nl.buitenin.access.internal;

import java.time.Clock;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import nl.buitenin.access.Role;
import nl.buitenin.access.Scope;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final String CSP = "Content-Security-Policy";
    /** Every page of the application: framed only by the application itself. */
    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'self'";
    /**
     * The widget's pages ({@code /w/**}) need no more than their own script, style sheets and form; everything else
     * is refused. Without further word a widget page may be framed anywhere: that is what the refusal and error
     * pages get (no actions, no personal data), so a changed or expired link shows its friendly text inside the
     * site's frame instead of the browser's refusal. The widget controller narrows frame-ancestors to the site's
     * registered origins on every page that shows questions. Keep in step with {@code WidgetAnswerController}.
     */
    static final String WIDGET_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors ";

    /**
     * No observations of the security filter chain, its sign-ins or its authorisation decisions. They would only feed
     * timers nobody reads (requests are already timed as {@code http.server.requests}; failed sign-ins are counted per
     * account by {@link SignInAttempts}), while wrapping each of the chain's filters in an observation of its own was
     * about a seventh of what an API call allocated (offer decisions at 500 a second, BENCHMARKS.md), and those
     * allocations set how often the collector pauses.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Delegating encoder: bcrypt today, and old hashes keep working when the default moves on. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    ApiKeyAuthenticationFilter apiKeyAuthenticationFilter(ApiKeys apiKeys) {
        return new ApiKeyAuthenticationFilter(apiKeys);
    }

    /** The filter runs inside the security chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<ApiKeyAuthenticationFilter> apiKeyFilterRegistration(ApiKeyAuthenticationFilter filter) {
        FilterRegistrationBean<ApiKeyAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    PublicRateLimit publicRateLimit(AccessProperties properties, Clock clock) {
        return new PublicRateLimit(properties.publicRequestsPerMinute(), clock);
    }

    @Bean
    FilterRegistrationBean<PublicRateLimit> publicRateLimitRegistration(PublicRateLimit filter) {
        FilterRegistrationBean<PublicRateLimit> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeyAuthenticationFilter apiKeyFilter,
            PublicRateLimit rateLimit, BeanFactory beans, MessageSource messages, LocaleResolver locales) throws Exception {
        HandlerAuthorization handlerAuthorization = new HandlerAuthorization(
                () -> beans.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        // The survey widget is framed by other sites: its controller sets frame-ancestors to the site's registered
        // origins, so X-Frame-Options (which cannot name them) is left off there. Its form is authorised by the
        // one-time link in the path, not by a cookie, and browsers drop cookies in another site's frame: no CSRF token.
        var widget = PathPatternRequestMatcher.withDefaults().matcher("/w/**");
        http
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority(Role.ADMIN.authority(), Scope.METRICS.authority())
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                        .anyRequest().access(handlerAuthorization))
                .addFilterBefore(apiKeyFilter, UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(rateLimit, ApiKeyAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiKeyAuthenticationFilter::presentsApiKey).ignoringRequestMatchers(widget))
                .exceptionHandling(errors -> errors
                        .accessDeniedHandler(new BoundKeyRefusal(messages, locales))
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), new NegatedRequestMatcher(api)))
                .headers(headers -> headers
                        .frameOptions(frameOptions -> frameOptions.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(widget),
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(widget),
                                new StaticHeadersWriter(CSP, POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(widget,
                                new StaticHeadersWriter(CSP, WIDGET_POLICY + "*")))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
