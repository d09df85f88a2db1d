package io.latchkey.bootstrap;

import io.latchkey.application.service.EnsureAdminService;
import io.latchkey.application.usecase.EnsureAdminCommand;
import io.latchkey.application.usecase.EnsureAdminUseCase;
import io.latchkey.bootstrap.config.AdminProperties;
import io.latchkey.domain.error.InvalidInputException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

/**
 * Once the service is up, makes sure the configured first administrator exists ({@code latchkey.admin.*}, from
 * configuration or {@code --latchkey.admin.email=… --latchkey.admin.password=…}). A database that is not there
 * yet is retried until it answers; a password the policy rejects, or an existing account whose address was never
 * verified, is logged as an error and nobody is made administrator.
 */
@Component
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final EnsureAdminUseCase ensureAdmin;
    private final AdminProperties properties;

    AdminBootstrap(EnsureAdminUseCase ensureAdmin, AdminProperties properties) {
        this.ensureAdmin = ensureAdmin;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAdmin() {
        if (!properties.configured()) {
            return;
        }
        ensureAdmin.ensure(new EnsureAdminCommand(properties.email(), properties.password()))
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .filter(e -> !(e instanceof InvalidInputException)
                                && !(e instanceof EnsureAdminService.UnprovenAdminAccountException)))
                .subscribe(
                        ignored -> { },
                        e -> log.error("the first administrator {} could not be set up: {}", properties.email(),
                                e instanceof InvalidInputException invalid ? invalid.violations() : e.getMessage()),
                        () -> log.info("administrator {} is set up", properties.email()));
    }
}
