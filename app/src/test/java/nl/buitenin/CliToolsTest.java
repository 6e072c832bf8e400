package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import picocli.CommandLine.Command;

/** Every command-line tool is listed in {@link CliTools} and lives in its module's {@code cli} package. */
class CliToolsTest {

    /** Every top-level picocli command under nl.buitenin, found the slow way: by reading every class. */
    static List<Class<?>> scanned() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && !definition.getMetadata().hasEnclosingClass()
                        && definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
        return scanner.findCandidateComponents("nl.buitenin").stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(name -> !name.equals(Cli.class.getName()))
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, CliToolsTest.class.getClassLoader()))
                .toList();
    }

    @Test
    void everyCommandClassIsListedInNameOrder() {
        List<Class<?>> scanned = scanned();
        assertThat(scanned).hasSizeGreaterThanOrEqualTo(8);
        assertThat(CliTools.all()).containsExactlyInAnyOrderElementsOf(scanned);
        assertThat(CliTools.all()).isSortedAccordingTo(Comparator.comparing(Class::getSimpleName));
    }

    @Test
    void everyToolLivesInTheCliPackageOfItsModule() {
        assertThat(CliTools.all()).allSatisfy(tool -> assertThat(tool.getPackageName()).matches("nl\\.buitenin\\.[a-z]+\\.cli"));
    }

    @Test
    void aCommandLineRegistersOnlyTheToolItNames() {
        for (Class<?> tool : CliTools.all()) {
            assertThat(Cli.toolsFor(tool.getAnnotation(Command.class).name())).containsExactly(tool);
        }
        assertThat(Cli.toolsFor("--version")).isEmpty();
        assertThat(Cli.toolsFor("serve")).isEmpty();
        assertThat(Cli.toolsFor("demo")).isEmpty();
        // The list in --help and picocli's suggestion for a mistyped name need every tool.
        assertThat(Cli.toolsFor("--help")).isEqualTo(CliTools.all());
        assertThat(Cli.toolsFor("stafing")).isEqualTo(CliTools.all());
    }
}
