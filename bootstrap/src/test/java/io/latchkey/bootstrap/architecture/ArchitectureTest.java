package io.latchkey.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The architecture rules over every production class of every module (siblings arrive as jars: not excluded). */
@AnalyzeClasses(packages = "io.latchkey", importOptions = ProductionClassesOnly.class)
class ArchitectureTest {

    private static final String ROOT = "io.latchkey";

    @ArchTest
    static final ArchRule AR_01 = ArchitectureRules.ar01HexagonLayering(ROOT);
    @ArchTest
    static final ArchRule AR_02 = ArchitectureRules.ar02DomainIsPure(ROOT);
    @ArchTest
    static final ArchRule AR_03 = ArchitectureRules.ar03DomainModelIsReactorFree(ROOT);
    @ArchTest
    static final ArchRule AR_04 = ArchitectureRules.ar04ApplicationIsFrameworkFree(ROOT);
    @ArchTest
    static final ArchRule AR_05 = ArchitectureRules.ar05PortShape(ROOT);
    @ArchTest
    static final ArchRule AR_06 = ArchitectureRules.ar06PortsImplementedInTheRightPlaces(ROOT);
    @ArchTest
    static final ArchRule AR_07 = ArchitectureRules.ar07AdaptersAreIsolated(ROOT);
    @ArchTest
    static final ArchRule AR_08 = ArchitectureRules.ar08NoTechnologyWordsInCoreNames(ROOT);
    @ArchTest
    static final ArchRule AR_09 = ArchitectureRules.ar09ReactiveAndTimeHygiene(ROOT);
    @ArchTest
    static final ArchRule AR_10 = ArchitectureRules.ar10FreeOfCycles(ROOT);

    /**
     * AR-11: a session opens only past the second-factor rule. {@code SessionOpener.open} issues tokens without
     * asking whether the account has a second factor, so only {@code MfaRequirement} (after a first factor) and
     * {@code CompleteMfaChallengeService} (after the second) may call it; a sign-in path calling it directly would
     * skip MFA.
     */
    @ArchTest
    static final ArchRule AR_11 = noClasses().that().resideInAPackage(ROOT + "..")
            .and().doNotHaveFullyQualifiedName(ROOT + ".application.service.MfaRequirement")
            .and().doNotHaveFullyQualifiedName(ROOT + ".application.service.CompleteMfaChallengeService")
            .should().callMethod(ROOT + ".application.service.SessionOpener", "open", ROOT + ".domain.model.user.User",
                    ROOT + ".domain.model.session.SessionAuthentication", ROOT + ".domain.model.session.ClientInfo")
            .as("AR-11 sessions open only through the second-factor rule");

    /**
     * AR-12: the admin console acts only through use cases, the same ones as the admin API, so every change it makes
     * is checked and recorded exactly as an API call is; of the outbound ports it may use only its own session store.
     */
    @ArchTest
    static final ArchRule AR_12 = noClasses().that().resideInAPackage(ROOT + ".adapters.web.console..")
            .should().dependOnClassesThat(resideInAPackage(ROOT + ".domain.port..")
                    .and(not(nameMatching(".*\\.ConsoleSessionRepository"))))
            .as("AR-12 the console acts only through use cases");

    /** AR-10 non-vacuity: every layer of AR-01 really holds classes, so no rule passes by looking at nothing. */
    @ArchTest
    static void everyLayerIsPopulated(JavaClasses classes) {
        for (String layer : new String[] {"domain.model", "domain.event", "domain.error", "domain.port",
                "application.usecase", "application.service", "adapters.web", "adapters.redis",
                "adapters.persistence", "adapters.kafka", "bootstrap"}) {
            assertThat(classes.stream().filter(c -> c.getPackageName().startsWith(ROOT + "." + layer)).count())
                    .as("classes in %s.%s", ROOT, layer).isPositive();
        }
    }
}
