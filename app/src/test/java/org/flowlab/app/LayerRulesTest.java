package org.flowlab.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of Flowlab, checked on the compiled classes of every module on this test classpath
 * (engine, lessons, app).
 */
@AnalyzeClasses(packages = "org.flowlab", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

  @ArchTest
  static final ArchRule engineHasNoUiAndNoUpwardDependencies =
      noClasses()
          .that()
          .resideInAPackage("org.flowlab.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javafx..", "java.awt..", "javax.swing..", "org.flowlab.lessons..", "org.flowlab.app..")
          .because(
              "the engine is the deterministic, headless core: the CLI, the benchmarks, CI and the"
                  + " lessons run it without a display, and the UI and the course build on it, never"
                  + " the other way round");

  @ArchTest
  static final ArchRule lessonsHaveNoUi =
      noClasses()
          .that()
          .resideInAPackage("org.flowlab.lessons..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "java.awt..", "org.flowlab.app..")
          .because(
              "lessons are content and scenario logic that must load and be checked without a"
                  + " display; only the app decides how a lesson is shown");

  @ArchTest
  static final ArchRule hostAndTopologyHaveNoJavaFx =
      noClasses()
          .that()
          .resideInAnyPackage("org.flowlab.app.engine..", "org.flowlab.app.topology..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..")
          .because(
              "the simulation thread and the layout of a model never touch the toolkit: the UI pulls"
                  + " immutable frames, and no lock or JavaFX object is shared with the model");

  @ArchTest
  static final ArchRule loopsHaveNoJavaFx =
      noClasses()
          .that()
          .resideInAPackage("org.flowlab.app.loops..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "io.fair_acc..", "org.flowlab.app.canvas..")
          .because(
              "feedback-loop detection and activity are plain logic over the scenario and live metrics,"
                  + " tested without a toolkit; the canvas draws them, never the other way round");

  @ArchTest
  static final ArchRule viewModelsNeedNoScene =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Model")
          .and()
          .resideInAPackage("org.flowlab.app..")
          .or()
          .haveSimpleNameEndingWith("Control")
          .and()
          .resideInAPackage("org.flowlab.app.controls..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..", "io.fair_acc.chartfx..")
          .because(
              "view-models hold properties and logic only, so they are tested without a toolkit;"
                  + " nodes, charts and windows belong to the thin views");
}
