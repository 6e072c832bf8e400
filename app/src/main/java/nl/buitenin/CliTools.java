package nl.buitenin;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import picocli.CommandLine.Command;

/**
 * The offline command-line tools of the capabilities: every top-level class under {@code nl.buitenin}
 * annotated with picocli's {@link Command} (other than {@link Cli} itself). A module adds a tool by
 * writing the class; nothing is registered by hand. Found by reading class metadata, without starting
 * Spring, so a tool answers in well under a second.
 */
final class CliTools {

    private CliTools() {
    }

    static List<Class<?>> all() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && !definition.getMetadata().hasEnclosingClass()
                        && definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
        return scanner.findCandidateComponents("nl.buitenin").stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(name -> !name.equals(Cli.class.getName()))
                .<Class<?>>map(name -> ClassUtils.resolveClassName(name, CliTools.class.getClassLoader()))
                .sorted(Comparator.comparing(Class::getSimpleName))
                .toList();
    }
}
