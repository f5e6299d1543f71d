package org.omnitill.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.omnitill", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsNeedNoToolkit = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
            .because("view models own state, validation and commands and are unit-tested without starting "
                    + "JavaFX; they may use observable properties and collections, never nodes or the platform");

    @ArchTest
    static final ArchRule desktopNeverTouchesGeneratedJooqClasses = noClasses()
            .that().resideInAPackage("org.omnitill.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.omnitill.core.store.jooq..")
            .because("screens talk to the engine's repositories and services; the schema stays inside core's "
                    + "store package");

    @ArchTest
    static final ArchRule desktopNeverTalksJdbc = noClasses()
            .that().resideInAPackage("org.omnitill.desktop..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..")
            .because("a panel that runs SQL on key events is exactly the legacy design we left behind");

    @ArchTest
    static final ArchRule onlyDemoModeRunsAHub = noClasses()
            .that().resideInAPackage("org.omnitill.desktop..")
            .and().resideOutsideOfPackage("org.omnitill.desktop.demo..")
            .should().dependOnClassesThat().resideInAPackage("org.omnitill.hub..")
            .because("a till talks to its hub over HTTP only; the in-process hub exists so that --demo shows sync "
                    + "with one command (ADR 0014), and nothing else may reach into it");
}
