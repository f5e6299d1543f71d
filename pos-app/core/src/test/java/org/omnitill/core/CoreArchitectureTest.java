package org.omnitill.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.omnitill", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreNeverImportsJavaFx = noClasses()
            .that().resideInAPackage("org.omnitill.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the till engine must run and be tested with no window: the CLI, the crash harness "
                    + "and the benchmarks drive it headless, and the desktop module is only a skin over it");

    @ArchTest
    static final ArchRule onlyTheStorePackageTouchesGeneratedJooqClasses = noClasses()
            .that().resideInAPackage("org.omnitill.core..")
            .and().resideOutsideOfPackage("org.omnitill.core.store..")
            .should().dependOnClassesThat().resideInAPackage("org.omnitill.core.store.jooq..")
            .because("generated classes mirror the schema of the day; keeping them inside the store package "
                    + "means a migration changes repositories only, never the domain or the screens");

    @ArchTest
    static final ArchRule coreNeverImportsTheDesktop = noClasses()
            .that().resideInAPackage("org.omnitill.core..")
            .should().dependOnClassesThat().resideInAPackage("org.omnitill.desktop..")
            .because("dependencies point one way, desktop -> core -> client -> protocol");

    @ArchTest
    static final ArchRule syncModulesNeverImportTheTill = noClasses()
            .that().resideInAnyPackage("org.omnitill.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("org.omnitill.core..", "org.omnitill.desktop..")
            .because("the sync client and the protocol sit below the till engine; the protocol is shared with "
                    + "the hub, which must never depend on till code");
}
