package dev.vectorizer.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dependency rules of DESIGN.md §2 and docs/ARCHITECTURE.md, and the one lifecycle rule of the
 * inbound adapters (one resource instance for all requests), stated once over a root package
 * so that they can be run both against the product ({@code dev.vectorizer}) and against a
 * deliberately violating fixture.
 */
final class HexagonRules {

    /** A third-party library and the one adapter allowed to use it. */
    record Confinement(String library, String adapter) {
    }

    /** Adapters that drive the application: they call use cases. */
    static final List<String> INBOUND_ADAPTERS = List.of("rest", "graphql", "mcp");

    /** Adapters the application drives: they implement what the use cases need. */
    static final List<String> OUTBOUND_ADAPTERS = List.of("storage", "embedding", "security", "hub", "metrics");

    static final List<Confinement> CONFINED_LIBRARIES = List.of(
            new Confinement("org.apache.lucene..", "storage"),
            new Confinement("jakarta.persistence..", "storage"),
            new Confinement("org.eclipse.persistence..", "storage"),
            new Confinement("org.h2..", "storage"),
            new Confinement("org.apache.commons.compress..", "storage"),
            new Confinement("dev.langchain4j..", "embedding"),
            new Confinement("ai.onnxruntime..", "embedding"),
            new Confinement("graphql..", "graphql"),
            new Confinement("io.modelcontextprotocol..", "mcp"),
            new Confinement("java.net.http..", "hub"),
            new Confinement("jakarta.ws.rs..", "rest"),
            new Confinement("com.nimbusds..", "security"),
            // each metrics API in its own adapter package, so that a server without the other API never meets it
            new Confinement("org.eclipse.microprofile.metrics..", "metrics.microprofile"),
            new Confinement("io.micrometer..", "metrics.micrometer"));

    private final String root;

    HexagonRules(String root) {
        this.root = root;
    }

    ArchRule domainDependsOnTheJdkOnly() {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..", "javax.crypto..")
                .because("the domain is framework-free (javax.crypto is the JDK's: HiveHub's signatures are checked in the domain)");
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

    ArchRule everyAdapterIsInboundOrOutbound() {
        return classes().that().resideInAPackage(root + ".adapter..")
                .should().resideInAnyPackage(adapterPackages(Stream.concat(INBOUND_ADAPTERS.stream(), OUTBOUND_ADAPTERS.stream()).toList()))
                .because("an adapter's kind decides which ports it may use (HexagonRules.INBOUND_ADAPTERS / OUTBOUND_ADAPTERS)");
    }

    ArchRule inboundAdaptersUseInboundPortsOnly() {
        return adaptersUseOnly(INBOUND_ADAPTERS, "in")
                .because("an inbound adapter translates a request into a use case; every rule and every outbound port is behind it");
    }

    ArchRule outboundAdaptersUseOutboundPortsOnly() {
        return adaptersUseOnly(OUTBOUND_ADAPTERS, "out")
                .because("an outbound adapter implements a capability the use cases need, and calls no use case");
    }

    ArchRule inboundAndOutboundPortsAreIndependent() {
        return slices().matching(root + ".application.port.(*)..").should().notDependOnEachOther()
                .because("a use case's contract does not expose a capability's, nor the other way round");
    }

    ArchRule servicesDoNotDependOnOtherServices() {
        return classes().that().resideInAPackage(root + ".application.service..")
                .should(dependOnNoOtherService())
                .because("a use case that needs another's rule gets it from the domain or a port, not from the other's implementation");
    }

    ArchRule nothingDependsOnTheCompositionRoot() {
        return noClasses().that().resideOutsideOfPackage(root + ".deploy..")
                .should().dependOnClassesThat().resideInAPackage(root + ".deploy..")
                .because("deploy wires everything and nothing may reach back into it");
    }

    ArchRule resourcesServeEveryRequestFromOneInstance() {
        return classes().that().resideInAPackage(root + "..").and().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().beAnnotatedWith("jakarta.enterprise.context.ApplicationScoped").andShould(haveNoFieldTakenFromARequest())
                .because("a request-scoped resource is built and injected for every request (~12 % of a small request's CPU);"
                        + " one instance serves all, so what a request brings (path, query, headers, caller) reaches a resource"
                        + " method as a parameter or through CurrentCaller, never as a field, which would keep the first request's");
    }

    List<ArchRule> librariesStayInTheirAdapter() {
        return CONFINED_LIBRARIES.stream()
                .map(c -> noClasses().that().resideInAPackage(root + "..")
                        .and().resideOutsideOfPackage(root + ".adapter." + c.adapter() + "..")
                        .should().dependOnClassesThat().resideInAPackage(c.library())
                        .because(c.library() + " belongs to the " + c.adapter() + " adapter"))
                .toList();
    }

    /** Of the application, adapters of {@code kind} use only {@code port.<direction>} (the domain is everybody's). */
    private ArchRule adaptersUseOnly(List<String> kind, String direction) {
        return noClasses().that().resideInAnyPackage(adapterPackages(kind))
                .should().dependOnClassesThat(resideInAPackage(root + ".application..")
                        .and(not(resideInAPackage(root + ".application.port." + direction + "..")))
                        .as("application classes outside port." + direction));
    }

    private String[] adapterPackages(List<String> adapters) {
        return adapters.stream().map(a -> root + ".adapter." + a + "..").toArray(String[]::new);
    }

    /** A field JAX-RS fills from the request: {@code @PathParam}, {@code @QueryParam} ... or {@code @Context}. */
    private static ArchCondition<JavaClass> haveNoFieldTakenFromARequest() {
        return new ArchCondition<>("have no field taken from a request") {
            @Override
            public void check(JavaClass resource, ConditionEvents events) {
                for (JavaField field : resource.getFields()) {
                    for (JavaAnnotation<JavaField> annotation : field.getAnnotations()) {
                        String type = annotation.getRawType().getName();
                        if (type.equals("jakarta.ws.rs.core.Context") || type.startsWith("jakarta.ws.rs.") && type.endsWith("Param")) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " is annotated with @"
                                    + annotation.getRawType().getSimpleName()));
                        }
                    }
                }
            }
        };
    }

    /** A service is a use case's implementation: a class of the service package implementing an inbound port. */
    private ArchCondition<JavaClass> dependOnNoOtherService() {
        return new ArchCondition<>("depend on no other service") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (isService(target) && !outermost(target).equals(outermost(origin))) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private boolean isService(JavaClass type) {
        return type.getPackageName().startsWith(root + ".application.service")
                && type.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().startsWith(root + ".application.port.in"));
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
