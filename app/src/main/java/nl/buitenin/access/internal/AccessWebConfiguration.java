package nl.buitenin.access.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.buitenin.platform.LanguagePreference;

@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration implements WebMvcConfigurer {

    static final String CHANGE_PASSWORD = "/account/password";

    private final JdbcUsers users;

    AccessWebConfiguration(JdbcUsers users) {
        this.users = users;
    }

    @Bean
    LocaleResolver localeResolver(LanguagePreference organisationDefault) {
        return new UserLocaleResolver(organisationDefault);
    }

    /** A user with a one-time password sees only the page to choose their own until they have done so. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
                if (SecurityContextHolder.getContext().getAuthentication() != null
                        && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof StoredUser user
                        && users.storedById(user.id()).map(StoredUser::mustChangePassword).orElse(false)) {
                    if (request.getRequestURI().startsWith("/api/")) {
                        response.sendError(HttpServletResponse.SC_FORBIDDEN, "Choose a new password first");
                    } else {
                        response.sendRedirect(request.getContextPath() + CHANGE_PASSWORD);
                    }
                    return false;
                }
                return true;
            }
        }).excludePathPatterns(CHANGE_PASSWORD, "/logout", "/login", "/error", "/css/**", "/js/**", "/webjars/**");
    }
}
