package dev.vectorizer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Every rule, run against {@code fixture.violating} (a miniature hexagon that breaks each rule
 * once), reports the violation it exists for. A rule that let the fixture pass would be toothless.
 */
class RulesBiteTest {

    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages("fixture.violating");
    private static final HexagonRules RULES = new HexagonRules("fixture.violating");

    @Test
    void domainUsingAFramework() {
        assertViolation(RULES.domainDependsOnTheJdkOnly(), "fixture.violating.domain.FrameworkAwareEntity", "jakarta.inject.Inject");
    }

    @Test
    void applicationReachingIntoAnAdapter() {
        assertViolation(RULES.applicationDependsOnDomainAndCdiAnnotationsOnly(),
                "fixture.violating.application.LeakyService", "fixture.violating.adapter.storage.StorageThing");
    }

    @Test
    void adapterCallingAnotherAdapter() {
        assertViolation(RULES.adaptersDoNotDependOnEachOther(),
                "fixture.violating.adapter.rest.CrossAdapterResource", "fixture.violating.adapter.storage.StorageThing");
    }

    @Test
    void inboundAdapterBypassingThePorts() {
        assertViolation(RULES.inboundAdaptersUseInboundPortsOnly(),
                "fixture.violating.adapter.rest.CrossAdapterResource", "fixture.violating.application.service.ConcreteService");
    }

    @Test
    void inboundAdapterImplementingAnOutboundPort() {
        assertViolation(RULES.inboundAdaptersUseInboundPortsOnly(),
                "fixture.violating.adapter.graphql.OutboundImplementingResolver", "fixture.violating.application.port.out.SomeCapabilityPort");
    }

    @Test
    void outboundAdapterCallingAUseCase() {
        assertViolation(RULES.outboundAdaptersUseOutboundPortsOnly(),
                "fixture.violating.adapter.security.UseCaseCallingVerifier", "fixture.violating.application.port.in.SomeUseCase");
    }

    @Test
    void adapterOfNoKnownKind() {
        assertViolation(RULES.everyAdapterIsInboundOrOutbound(), "fixture.violating.adapter.backup.UnclassifiedThing", "adapter.backup");
    }

    @Test
    void inboundPortExposingAnOutboundOne() {
        assertViolation(RULES.inboundAndOutboundPortsAreIndependent(),
                "fixture.violating.application.port.in.SomeUseCase", "fixture.violating.application.port.out.SomeCapabilityPort");
    }

    @Test
    void serviceBorrowingAnotherServicesImplementation() {
        assertViolation(RULES.servicesDoNotDependOnOtherServices(),
                "fixture.violating.application.service.OtherService", "fixture.violating.application.service.ConcreteService");
    }

    @Test
    void somethingDependingOnTheCompositionRoot() {
        assertViolation(RULES.nothingDependsOnTheCompositionRoot(),
                "fixture.violating.application.LeakyService", "fixture.violating.deploy.Wiring");
    }

    @Test
    void resourceBuiltForEveryRequest() {
        assertViolation(RULES.resourcesServeEveryRequestFromOneInstance(), "fixture.violating.adapter.rest.PerRequestResource",
                "ApplicationScoped");
    }

    @Test
    void resourceKeepingARequestsPathInAField() {
        assertViolation(RULES.resourcesServeEveryRequestFromOneInstance(), "fixture.violating.adapter.rest.SharedResource.tenant",
                "@PathParam");
    }

    @Test
    void libraryOutsideItsAdapter() {
        ArchRule persistenceRule = RULES.librariesStayInTheirAdapter().stream()
                .filter(r -> r.getDescription().contains("jakarta.persistence"))
                .findFirst().orElseThrow();
        assertViolation(persistenceRule, "fixture.violating.adapter.rest.CrossAdapterResource", "jakarta.persistence.Entity");
    }

    @Test
    void oneMetricsApiInTheOtherMetricsAdapter() {
        ArchRule microProfileRule = RULES.librariesStayInTheirAdapter().stream()
                .filter(r -> r.getDescription().contains("org.eclipse.microprofile.metrics"))
                .findFirst().orElseThrow();
        assertViolation(microProfileRule, "fixture.violating.adapter.metrics.micrometer.RegistryMixingMeter",
                "org.eclipse.microprofile.metrics.MetricRegistry");
    }

    private static void assertViolation(ArchRule rule, String offender, String target) {
        EvaluationResult result = rule.evaluate(FIXTURE);
        assertThat(result.hasViolation()).as("rule '%s' reports the fixture", rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains(offender).contains(target));
    }
}
