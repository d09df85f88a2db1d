package io.latchkey.application.usecase;

import reactor.core.publisher.Mono;

/** Starts a TOTP enrolment (needs a recent authentication); active only once a code is confirmed. */
public interface EnrolTotpUseCase {

    Mono<TotpEnrolment> enrol(EnrolTotpCommand command);
}
