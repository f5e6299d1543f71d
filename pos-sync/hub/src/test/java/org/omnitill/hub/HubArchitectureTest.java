package org.omnitill.hub;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.omnitill", importOptions = ImportOption.DoNotIncludeTests.class)
class HubArchitectureTest {

    @ArchTest
    static final ArchRule hubNeverImportsTillCode = noClasses()
            .that().resideInAPackage("org.omnitill.hub..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.omnitill.core..", "org.omnitill.desktop..", "org.omnitill.sync.client..")
            .because("the hub and the till meet only on the wire (pos-sync/protocol); a hub that links till "
                    + "code would couple their releases and let till internals leak into the API");
}
