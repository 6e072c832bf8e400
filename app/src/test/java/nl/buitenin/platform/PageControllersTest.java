package nl.buitenin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Every controller that renders pages is a {@link PageController}, since only those get the navigation, the organisation
 * and its words in their model: a page controller declared with a plain {@code @Controller} would show a page without its
 * menu. Controllers that answer with bodies ({@code @RestController}, {@code @ResponseBody} on the class) are left out.
 */
class PageControllersTest {

    @Test
    void everyControllerOfPagesIsAPageController() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        List<String> plain = new java.util.ArrayList<>();
        int pages = 0;
        for (var candidate : scanner.findCandidateComponents("nl.buitenin")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (AnnotatedElementUtils.hasAnnotation(type, ResponseBody.class)) {
                continue;
            }
            if (AnnotatedElementUtils.hasAnnotation(type, PageController.class)) {
                pages++;
            } else {
                plain.add(type.getName());
            }
        }
        assertThat(plain).as("controllers of pages declared with @Controller instead of @PageController").isEmpty();
        assertThat(pages).as("page controllers found").isGreaterThan(50);
    }
}
