package io.secureoverlay.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module layering honest: ui -> agent -> backend, ui -> backend, never back, and no
 * Spring or Vaadin inside the lean backend and agent (they run as small processes on every node).
 * Lives in ui because only ui sees the classes of all three modules.
 */
class ArchitectureTest {

  private static final String AGENT = "io.secureoverlay.agent..";
  private static final String UI = "io.secureoverlay.ui..";
  private static final String SANDBOX = "io.secureoverlay.sandbox..";

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.secureoverlay");
  }

  @Test
  void backendDependsOnNeitherAgentNorUi() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage("io.secureoverlay..")
            .and()
            .resideOutsideOfPackages(AGENT, UI, SANDBOX)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(AGENT, UI, SANDBOX);
    rule.check(classes);
  }

  @Test
  void agentDoesNotDependOnUi() {
    noClasses()
        .that()
        .resideInAPackage(AGENT)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(UI, SANDBOX)
        .check(classes);
  }

  @Test
  void sandboxDoesNotDependOnUi() {
    noClasses()
        .that()
        .resideInAPackage(SANDBOX)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(UI)
        .check(classes);
  }

  @Test
  void backendAndAgentStayFreeOfSpringAndVaadin() {
    noClasses()
        .that()
        .resideInAPackage("io.secureoverlay..")
        .and()
        .resideOutsideOfPackage(UI)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework..", "com.vaadin..")
        .check(classes);
  }

  @Test
  void allThreeModulesAreOnTheClasspath() {
    // Without this the rules above could pass vacuously on an empty import.
    org.assertj.core.api.Assertions.assertThat(classes.containPackage("io.secureoverlay.model"))
        .isTrue();
  }
}
