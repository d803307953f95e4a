package io.secureoverlay.ui.overview;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The overview's figures, impact and progress are plain classes tested without a UI: only its
 * {@code ui} sub-package builds components, and nothing outside it knows the views.
 */
class OverviewLayersTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.secureoverlay.ui");
  }

  @Test
  void theOverviewsDomainKnowsNoVaadin() {
    noClasses()
        .that()
        .resideInAPackage("io.secureoverlay.ui.overview")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.vaadin..")
        .check(classes);
  }

  @Test
  void onlyTheOverviewItselfUsesItsComponents() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.secureoverlay.ui.overview.ui")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.secureoverlay.ui.overview.ui")
        .check(classes);
  }
}
