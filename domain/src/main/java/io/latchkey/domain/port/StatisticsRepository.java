package io.latchkey.domain.port;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Counts over the record, for the administrators' overview. */
public interface StatisticsRepository {

    Mono<Long> countAccounts();

    /** Sessions not revoked whose idle and absolute expiries are both after {@code now}. */
    Mono<Long> countLiveSessions(Instant now);
}
