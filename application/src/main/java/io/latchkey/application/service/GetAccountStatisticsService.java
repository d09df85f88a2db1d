package io.latchkey.application.service;

import io.latchkey.application.usecase.GetAccountStatisticsUseCase;
import io.latchkey.domain.model.user.AccountStatistics;
import io.latchkey.domain.port.StatisticsRepository;
import java.time.InstantSource;
import reactor.core.publisher.Mono;

/** Counts accounts and the sessions that can still be used at this instant. */
public final class GetAccountStatisticsService implements GetAccountStatisticsUseCase {

    private final StatisticsRepository statistics;
    private final InstantSource clock;

    public GetAccountStatisticsService(StatisticsRepository statistics, InstantSource clock) {
        this.statistics = statistics;
        this.clock = clock;
    }

    @Override
    public Mono<AccountStatistics> statistics() {
        return Mono.defer(() -> Mono.zip(statistics.countAccounts(), statistics.countLiveSessions(clock.instant()))
                .map(counts -> new AccountStatistics(counts.getT1(), counts.getT2())));
    }
}
