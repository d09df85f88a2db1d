package io.latchkey.application.usecase;

import io.latchkey.domain.model.user.AccountStatistics;
import reactor.core.publisher.Mono;

/** How many accounts exist and how many sessions are live now, for the administrators' overview. */
public interface GetAccountStatisticsUseCase {
    Mono<AccountStatistics> statistics();
}
