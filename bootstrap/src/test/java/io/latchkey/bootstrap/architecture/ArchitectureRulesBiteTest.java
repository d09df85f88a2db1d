package io.latchkey.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The rules are not vacuous: run over a fixture tree holding a domain class that imports Spring, reads the
 * wall clock and has a mutable field, they report exactly those violations.
 */
class ArchitectureRulesBiteTest {

    private static final String FIXTURE_ROOT = "io.latchkey.archfixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(FIXTURE_ROOT);

    @Test
    void givenDomainClassImportingSpring_ar02_fails() {
        EvaluationResult result = ArchitectureRules.ar02DomainIsPure(FIXTURE_ROOT).evaluate(FIXTURE);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("SpringAwareAccount").contains("org.springframework"));
    }

    @Test
    void givenDomainClassReadingTheWallClock_ar09_fails() {
        EvaluationResult result = ArchitectureRules.ar09ReactiveAndTimeHygiene(FIXTURE_ROOT).evaluate(FIXTURE);
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("Instant.now()"))
                .anySatisfy(line -> assertThat(line).contains("name").contains("final"));
    }

    @Test
    void givenTheProductionTree_sameRules_pass() {
        JavaClasses production = new ClassFileImporter().withImportOption(new ProductionClassesOnly()).importPackages("io.latchkey.domain");
        assertThat(ArchitectureRules.ar02DomainIsPure("io.latchkey").evaluate(production).hasViolation()).isFalse();
    }
}
