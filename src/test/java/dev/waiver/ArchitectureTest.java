package dev.waiver;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/// The layering of design.md section 3: the engine is pure Java, ViewModels never touch the scene graph.
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.waiver");

    @Test
    void engineIsFreeOfUiClusterDatabaseAndYamlLibraries() {
        noClasses().that().resideInAPackage("dev.waiver.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "javafx..", "io.fabric8..", "java.sql..", "javax.sql..", "tools.jackson..",
                        "com.fasterxml.jackson..", "org.snakeyaml..", "org.yaml..", "org.controlsfx..",
                        "dev.waiver.app..")
                .check(MAIN);
    }

    @Test
    void viewModelsDoNotTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void onlyThrowablesAreNamedException() {
        classes().that().haveSimpleNameEndingWith("Exception")
                .should().beAssignableTo(Throwable.class)
                .allowEmptyShould(true)
                .check(MAIN);
    }
}
