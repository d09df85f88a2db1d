package io.latchkey.adapters.persistence;

import io.latchkey.domain.error.AuthException;
import io.latchkey.domain.error.DependencyUnavailableException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/** Tells an unreachable or overloaded database apart from a bug, so only the former becomes a 503. */
final class PostgresFailures {

    static final String DEPENDENCY = "postgresql";

    private PostgresFailures() {
    }

    static Throwable translate(Throwable error) {
        if (error instanceof AuthException) {
            return error;
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof R2dbcNonTransientResourceException || t instanceof R2dbcTransientException
                    || t instanceof IOException || t instanceof TimeoutException) {
                return new DependencyUnavailableException(DEPENDENCY, error);
            }
        }
        return error;
    }
}
