package io.latchkey.bootstrap.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * AR-01…AR-10 (docs/architecture.md), each built for a root package so the same rule can be shown to
 * fail on a deliberately broken fixture tree.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    static ArchRule ar01HexagonLayering(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("DomainModel").definedBy(root + ".domain.model..", root + ".domain.event..", root + ".domain.error..")
                .layer("DomainPorts").definedBy(root + ".domain.port..")
                .layer("UseCases").definedBy(root + ".application.usecase..")
                .layer("Services").definedBy(root + ".application.service..")
                .layer("Web").definedBy(root + ".adapters.web..")
                .layer("Redis").definedBy(root + ".adapters.redis..")
                .layer("Persistence").definedBy(root + ".adapters.persistence..")
                .layer("Kafka").definedBy(root + ".adapters.kafka..")
                .layer("Mail").definedBy(root + ".adapters.mail..")
                .layer("Bootstrap").definedBy(root + ".bootstrap..")
                .whereLayer("DomainModel").mayNotAccessAnyLayer()
                .whereLayer("DomainPorts").mayOnlyAccessLayers("DomainModel")
                .whereLayer("Services").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Web").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Redis").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Kafka").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("Mail").mayOnlyBeAccessedByLayers("Bootstrap")
                .whereLayer("UseCases").mayOnlyBeAccessedByLayers("Services", "Web", "Kafka", "Bootstrap")
                .as("AR-01 hexagon layering")
                .because("dependencies point inward: adapters and bootstrap know the core, never the reverse");
    }

    static ArchRule ar02DomainIsPure(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        root + ".domain..", "java..", "reactor.core.publisher..", "org.jspecify..")
                .as("AR-02 domain is pure")
                .because("the domain must not know Spring, Jakarta, Jackson or any other framework");
    }

    static ArchRule ar03DomainModelIsReactorFree(String root) {
        return noClasses().that().resideInAnyPackage(root + ".domain.model..", root + ".domain.event..",
                        root + ".domain.error..")
                .should().dependOnClassesThat().resideInAPackage("reactor..")
                .as("AR-03 domain model is reactor-free")
                .because("only port signatures may be reactive; the model is plain values and rules");
    }

    static ArchRule ar04ApplicationIsFrameworkFree(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "io.latchkey..", "java..", "reactor..", "org.jspecify..", "org.slf4j..")
                .as("AR-04 application is framework-free")
                .because("use cases are wired by hand in bootstrap and testable without a container");
    }

    static ArchRule ar05PortShape(String root) {
        return CompositeArchRule.of(classes().that().resideInAPackage(root + ".domain.port..").should().beInterfaces())
                .and(classes().that().resideInAPackage(root + ".application.usecase..")
                        .and().haveSimpleNameEndingWith("UseCase").should().beInterfaces())
                .and(classes().that().resideInAPackage(root + ".application.usecase..")
                        .and().haveSimpleNameEndingWith("Command").should().beRecords())
                .as("AR-05 port shape")
                .because("ports are contracts and commands are immutable values");
    }

    static ArchRule ar06PortsImplementedInTheRightPlaces(String root) {
        return CompositeArchRule.of(classes().that().implement(resideInAPackage(root + ".domain.port.."))
                        .should().resideInAPackage(root + ".adapters.."))
                .and(classes().that().implement(resideInAPackage(root + ".application.usecase.."))
                        .should().resideInAPackage(root + ".application.service..")
                        .andShould().haveSimpleNameEndingWith("Service"))
                .as("AR-06 ports are implemented only by adapters, use cases only by services")
                .because("an implementation in the wrong module would smuggle technology into the core");
    }

    static ArchRule ar07AdaptersAreIsolated(String root) {
        return CompositeArchRule.of(slices().matching(root + ".adapters.(*)..").should().notDependOnEachOther())
                .and(noClasses().that().resideInAnyPackage(root + ".adapters.redis..", root + ".adapters.persistence..",
                                root + ".adapters.kafka.producer..", root + ".adapters.mail..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".application.."))
                .as("AR-07 adapters are isolated and secondary adapters only implement domain ports")
                .because("adapters meet only in bootstrap; a secondary adapter driving a use case inverts the hexagon");
    }

    static ArchRule ar08NoTechnologyWordsInCoreNames(String root) {
        CompositeArchRule rule = null;
        for (String word : new String[] {"Redis", "Kafka", "R2dbc", "Jwt", "Jackson", "Http", "Dto", "Entity", "Row"}) {
            ArchRule classNames = classes().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                    .should().haveSimpleNameNotContaining(word);
            rule = rule == null ? CompositeArchRule.of(classNames) : rule.and(classNames);
        }
        return rule.as("AR-08 no technology words in core names")
                .because("the core speaks the ubiquitous language, not the vocabulary of its adapters");
    }

    static ArchRule ar09ReactiveAndTimeHygiene(String root) {
        ArchRule noBlocking = noClasses().that().resideOutsideOfPackage(root + ".adapters.kafka.consumer..")
                .should().callMethod(Mono.class, "block")
                .orShould().callMethod(Mono.class, "block", java.time.Duration.class)
                .orShould().callMethod(Mono.class, "blockOptional")
                .orShould().callMethod(Flux.class, "blockFirst")
                .orShould().callMethod(Flux.class, "blockLast")
                .orShould().callMethod(Thread.class, "sleep", long.class);
        ArchRule noAmbientTimeOrRandomness = noClasses().that().resideInAnyPackage(root + ".domain..", root + ".application..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(UUID.class, "randomUUID");
        ArchRule finalFields = classes().that().resideInAPackage(root + ".application.service..")
                .or().areMetaAnnotatedWith(Component.class)
                .should().haveOnlyFinalFields();
        return CompositeArchRule.of(noBlocking).and(noAmbientTimeOrRandomness).and(finalFields)
                .and(GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION)
                // The jar's command-line commands (keys generate) talk to the console; the service logs.
                .and(noClasses().that().resideOutsideOfPackage(root + ".bootstrap.cli..")
                        .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS))
                .and(GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING)
                .and(GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS)
                .as("AR-09 reactive and time hygiene")
                .because("blocking stalls the event loop; time and ids are injected so the core is deterministic");
    }

    static ArchRule ar10FreeOfCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles()
                .as("AR-10 no package cycles")
                .because("a cycle makes two packages one package with two names");
    }
}
