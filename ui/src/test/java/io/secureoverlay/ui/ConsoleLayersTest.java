package io.secureoverlay.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's own layering: a feature's services and domain classes (its package) know no Vaadin,
 * so they are tested without a UI; only its {@code ui} sub-package builds components; and the
 * shared {@code base} package knows no feature.
 */
class ConsoleLayersTest {

  private static final String[] FEATURES = {
    "io.secureoverlay.ui.mtu",
    "io.secureoverlay.ui.overview",
    "io.secureoverlay.ui.topology",
    "io.secureoverlay.ui.nodes",
    "io.secureoverlay.ui.keys"
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.secureoverlay.ui");
  }

  @Test
  void featureServicesKnowNoVaadin() {
    noClasses()
        .that()
        .resideInAnyPackage(FEATURES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.vaadin..")
        .check(classes);
  }

  @Test
  void featureServicesKnowNoViews() {
    noClasses()
        .that()
        .resideInAnyPackage(FEATURES)
        .or()
        .resideInAPackage("io.secureoverlay.ui.security")
        .and()
        .doNotHaveSimpleName("ConsoleSecurityConfiguration")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..ui.*.ui..")
        .check(classes);
  }

  @Test
  void theSharedLayoutKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.secureoverlay.ui.base..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.secureoverlay.ui.mtu..",
            "io.secureoverlay.ui.overview..",
            "io.secureoverlay.ui.topology..",
            "io.secureoverlay.ui.nodes..",
            "io.secureoverlay.ui.keys..",
            "io.secureoverlay.ui.security..")
        .check(classes);
  }

  @Test
  void theClusterBackboneKnowsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.secureoverlay.ui.cluster..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.secureoverlay.ui.overview..",
            "io.secureoverlay.ui.topology..",
            "io.secureoverlay.ui.nodes..",
            "io.secureoverlay.ui.keys..")
        .check(classes);
  }
}
