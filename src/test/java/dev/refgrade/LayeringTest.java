package dev.refgrade;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md, checked on the compiled main classes (tests may reach further). */
class LayeringTest {
    private static final JavaClasses MAIN =
            new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages("dev.refgrade");

    @Nested
    class Layers {
        @Test
        void arrowsPointFromTheCommandsDownToThePythonFrontEnd() {
            // cli/server -> grading -> exercise -> runtime -> python; store is used by server and cli only.
            layeredArchitecture()
                    .consideringOnlyDependenciesInLayers()
                    .layer("cli").definedBy("dev.refgrade.cli..")
                    .layer("server").definedBy("dev.refgrade.server..")
                    .layer("store").definedBy("dev.refgrade.store..")
                    .layer("grading").definedBy("dev.refgrade.grading..")
                    .layer("exercise").definedBy("dev.refgrade.exercise..")
                    .layer("runtime").definedBy("dev.refgrade.runtime..")
                    .layer("python").definedBy("dev.refgrade.python..")
                    .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                    .whereLayer("server").mayOnlyBeAccessedByLayers("cli")
                    .whereLayer("store").mayOnlyBeAccessedByLayers("cli", "server")
                    .whereLayer("grading").mayOnlyBeAccessedByLayers("cli", "server")
                    .whereLayer("exercise").mayOnlyBeAccessedByLayers("cli", "server", "grading")
                    .whereLayer("runtime").mayOnlyBeAccessedByLayers("cli", "server", "grading", "exercise")
                    .whereLayer("python").mayOnlyBeAccessedByLayers("cli", "server", "grading", "exercise", "runtime")
                    .check(MAIN);
        }
    }

    @Nested
    class RuntimeBoundary {
        private static final DescribedPredicate<JavaClass> RUNTIME_INTERNALS = DescribedPredicate.describe(
                "are runtime internals (in a sub-package of dev.refgrade.runtime)",
                c -> c.getPackageName().startsWith("dev.refgrade.runtime."));

        @Test
        void objectsDoNotReachUpIntoTheBuiltinsAndModules() {
            // Objects/ is below Python/bltinmodule.c and Modules/: a type's own code never calls a module's.
            noClasses().that().resideInAPackage("dev.refgrade.runtime.objects..")
                    .should().dependOnClassesThat().resideInAPackage("dev.refgrade.runtime.stdlib..")
                    .check(MAIN);
        }

        @Test
        void codeOutsideTheRuntimeUsesOnlyItsTopPackage() {
            noClasses().that().resideOutsideOfPackage("dev.refgrade.runtime..")
                    .should().dependOnClassesThat(RUNTIME_INTERNALS)
                    .check(MAIN);
        }
    }
}
