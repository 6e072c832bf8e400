package nl.buitenin;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyDepth;
import org.springframework.modulith.docs.Documenter;

/**
 * Every capability is a module; none reaches into another's internals, there are no cycles, and each module
 * uses only the modules its {@code package-info.java} names in {@code allowedDependencies} ({@code verify()}
 * checks that). The declarations are the dependency graph in docs/DEVELOPING.md, so they must also stay exact:
 * every module declares them, and a module that stops using another drops it from its list.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(BuiteninApplication.class);

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
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }

    private static ApplicationModule declarationOf(String basePackage) {
        try {
            return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException noPackageInfo) {
            return null;
        }
    }
}
