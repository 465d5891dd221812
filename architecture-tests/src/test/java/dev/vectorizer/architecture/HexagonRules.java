package dev.vectorizer.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The dependency rules of DESIGN.md §2, stated once over a root package so that they can be run
 * both against the product ({@code dev.vectorizer}) and against a deliberately violating fixture.
 */
final class HexagonRules {

    /** A third-party library and the one adapter allowed to use it. */
    record Confinement(String library, String adapter) {
    }

    static final List<Confinement> CONFINED_LIBRARIES = List.of(
            new Confinement("org.apache.lucene..", "storage"),
            new Confinement("jakarta.persistence..", "storage"),
            new Confinement("org.eclipse.persistence..", "storage"),
            new Confinement("org.h2..", "storage"),
            new Confinement("dev.langchain4j..", "storage"),
            new Confinement("ai.onnxruntime..", "storage"),
            new Confinement("graphql..", "graphql"),
            new Confinement("io.modelcontextprotocol..", "mcp"),
            new Confinement("java.net.http..", "hub"),
            new Confinement("jakarta.ws.rs..", "rest"),
            new Confinement("com.nimbusds..", "rest"));

    private final String root;

    HexagonRules(String root) {
        this.root = root;
    }

    ArchRule domainDependsOnTheJdkOnly() {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .because("the domain is framework-free");
    }

    ArchRule applicationDependsOnDomainAndCdiAnnotationsOnly() {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        root + ".application..", root + ".domain..", "java..",
                        "jakarta.inject..", "jakarta.enterprise..", "jakarta.transaction..")
                .because("use cases and ports know nothing of adapters or frameworks");
    }

    ArchRule adaptersDoNotDependOnEachOther() {
        return slices().matching(root + ".adapter.(*)..").should().notDependOnEachOther()
                .because("each adapter talks to the application through its ports only");
    }

    ArchRule adaptersUsePortsNotServices() {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")
                .because("adapters reach the application through its ports");
    }

    ArchRule nothingDependsOnTheCompositionRoot() {
        return noClasses().that().resideOutsideOfPackage(root + ".deploy..")
                .should().dependOnClassesThat().resideInAPackage(root + ".deploy..")
                .because("deploy wires everything and nothing may reach back into it");
    }

    List<ArchRule> librariesStayInTheirAdapter() {
        return CONFINED_LIBRARIES.stream()
                .map(c -> noClasses().that().resideInAPackage(root + "..")
                        .and().resideOutsideOfPackage(root + ".adapter." + c.adapter() + "..")
                        .should().dependOnClassesThat().resideInAPackage(c.library())
                        .because(c.library() + " belongs to the " + c.adapter() + " adapter"))
                .toList();
    }
}
