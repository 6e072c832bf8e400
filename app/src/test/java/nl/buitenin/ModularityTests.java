package nl.buitenin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyDepth;
import org.springframework.modulith.docs.Documenter;

import nl.buitenin.demo.DemoStep;

/**
 * Every capability is a module; none reaches into another's internals, there are no cycles, and each module
 * uses only the modules its {@code package-info.java} names in {@code allowedDependencies} ({@code verify()}
 * checks that). The declarations are the dependency graph in docs/DEVELOPING.md, so they must also stay exact:
 * every module declares them, and a module that stops using another drops it from its list. Demo steps live in
 * their module's {@code demo} sub-package, which no production code uses. Every package is non-null by default
 * (JSpecify {@code @NullMarked}).
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(BuiteninApplication.class);

    /** A module's demo sub-package, such as {@code nl.buitenin.loop.demo}. */
    private static final Pattern DEMO_PACKAGE = Pattern.compile("nl\\.buitenin\\.\\w+\\.demo(\\..+)?");

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresExactlyTheModulesItUses() {
        SoftAssertions softly = new SoftAssertions();
        MODULES.forEach(module -> {
            String name = module.getIdentifier().toString();
            ApplicationModule declaration = declarationOf(module.getBasePackage().getName());
            softly.assertThat(declaration)
                    .as("module %s has no @ApplicationModule in its package-info.java", name).isNotNull();
            if (declaration == null) {
                return;
            }
            Set<String> declared = Arrays.stream(declaration.allowedDependencies())
                    .map(dependency -> dependency.split("::")[0].trim())
                    .collect(Collectors.toCollection(TreeSet::new));
            softly.assertThat(declared)
                    .as("module %s must declare allowedDependencies (an undeclared list allows everything)", name)
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
            Set<String> used = module.getDependencies(MODULES, DependencyDepth.IMMEDIATE).uniqueModules()
                    .map(target -> target.getIdentifier().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            softly.assertThat(declared)
                    .as("allowedDependencies of module %s: remove what it no longer uses", name)
                    .isSubsetOf(used);
        });
        softly.assertAll();
    }

    @Test
    void demoGeneratorsLiveApartFromProductionCode() {
        List<JavaClass> classes = MODULES.stream().flatMap(module -> module.getBasePackage().stream()).toList();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(classes.stream().filter(type -> !isDemo(type))
                .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
                .filter(dependency -> isDemo(dependency.getTargetClass()))
                .map(Dependency::getDescription))
                .as("production code must run the same without the demo").isEmpty();
        softly.assertThat(classes.stream()
                .filter(type -> type.isAssignableTo(DemoStep.class) && !type.isInterface() && !isDemo(type))
                .map(JavaClass::getName))
                .as("a module's demo step belongs in its own demo sub-package, see docs/DEVELOPING.md").isEmpty();
        softly.assertAll();
    }

    @Test
    void everyPackageIsNonNullByDefault() {
        Set<String> packages = MODULES.stream().flatMap(module -> module.getBasePackage().stream())
                .map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
        packages.add(BuiteninApplication.class.getPackageName());
        assertThat(packages.stream().filter(name -> !isNullMarked(name)))
                .as("packages without @NullMarked in their package-info.java").isEmpty();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    private static boolean isNullMarked(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return false;
        }
    }

    private static boolean isDemo(JavaClass type) {
        return DEMO_PACKAGE.matcher(type.getPackageName()).matches();
    }

    private static ApplicationModule declarationOf(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return null;
        }
    }
}
