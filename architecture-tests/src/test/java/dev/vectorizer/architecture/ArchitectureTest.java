package dev.vectorizer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The product obeys every rule of {@link HexagonRules}: the hexagon's dependencies and the resources' lifecycle. */
class ArchitectureTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.vectorizer");

    static List<ArchRule> allRules(HexagonRules rules) {
        return Stream.concat(
                        Stream.of(rules.domainDependsOnTheJdkOnly(),
                                rules.applicationDependsOnDomainAndCdiAnnotationsOnly(),
                                rules.adaptersDoNotDependOnEachOther(),
                                rules.everyAdapterIsInboundOrOutbound(),
                                rules.inboundAdaptersUseInboundPortsOnly(),
                                rules.outboundAdaptersUseOutboundPortsOnly(),
                                rules.inboundAndOutboundPortsAreIndependent(),
                                rules.servicesDoNotDependOnOtherServices(),
                                rules.nothingDependsOnTheCompositionRoot(),
                                rules.resourcesServeEveryRequestFromOneInstance()),
                        rules.librariesStayInTheirAdapter().stream())
                .toList();
    }

    @TestFactory
    Stream<DynamicTest> productObeysEveryRule() {
        return allRules(new HexagonRules("dev.vectorizer")).stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(PRODUCT)));
    }

    @Test
    void everyModuleIsImported() {
        // A rule over an empty import passes vacuously: make sure the modules' classes are really there.
        for (String pkg : List.of("domain", "application", "adapter.rest", "adapter.graphql", "adapter.storage", "adapter.embedding",
                "adapter.hub", "adapter.mcp", "adapter.security", "adapter.metrics", "deploy")) {
            assertThat(PRODUCT.stream().anyMatch(c -> c.getPackageName().startsWith("dev.vectorizer." + pkg)))
                    .as("classes of dev.vectorizer.%s imported", pkg).isTrue();
        }
    }
}
