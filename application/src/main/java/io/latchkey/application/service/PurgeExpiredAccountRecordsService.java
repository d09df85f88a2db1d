package io.latchkey.application.service;

import io.latchkey.application.usecase.PurgeExpiredAccountRecordsCommand;
import io.latchkey.application.usecase.PurgeExpiredAccountRecordsUseCase;
import io.latchkey.domain.port.LoginFailures;
import io.latchkey.domain.port.PasswordResetTokens;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the reset-token and login-failure tables small: a sprayer who tries many made-up addresses leaves a row
 * per address, gone once it has been idle for the retention. Batches skip rows other instances hold.
 */
public final class PurgeExpiredAccountRecordsService implements PurgeExpiredAccountRecordsUseCase {

    private final PasswordResetTokens resetTokens;
    private final LoginFailures loginFailures;
    private final InstantSource clock;

    public PurgeExpiredAccountRecordsService(PasswordResetTokens resetTokens, LoginFailures loginFailures,
            InstantSource clock) {
        this.resetTokens = resetTokens;
        this.loginFailures = loginFailures;
        this.clock = clock;
    }

    @Override
    public Mono<Long> purge(PurgeExpiredAccountRecordsCommand command) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Instant idleSince = now.minus(command.failureRetention());
            return inBatches(command, limit -> resetTokens.deleteExpired(now, limit))
                    .zipWith(inBatches(command, limit -> loginFailures.deleteStale(idleSince, now, limit)), Long::sum);
        });
    }

    private static Mono<Long> inBatches(PurgeExpiredAccountRecordsCommand command, Function<Integer, Mono<Long>> batch) {
        return Flux.range(0, command.maxBatches())
                .concatMap(ignored -> batch.apply(command.batchSize()))
                .takeUntil(deleted -> deleted < command.batchSize())
                .reduce(0L, Long::sum);
    }
}
