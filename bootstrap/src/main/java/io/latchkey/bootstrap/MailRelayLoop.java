package io.latchkey.bootstrap;

import io.latchkey.application.usecase.RelayMailCommand;
import io.latchkey.application.usecase.RelayMailUseCase;
import io.latchkey.application.usecase.RelayResult;
import io.latchkey.bootstrap.config.MailProperties;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs the mail relay on every instance on a short poll; SKIP LOCKED keeps the instances on disjoint mails. */
@Component
class MailRelayLoop extends RelayLoop {

    private final RelayMailUseCase relay;
    private final MailProperties properties;

    MailRelayLoop(RelayMailUseCase relay, MailProperties properties) {
        super("mail relay");
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    Flux<?> triggers() {
        return Flux.interval(properties.relayPollInterval());
    }

    @Override
    Supplier<Mono<RelayResult>> round() {
        RelayMailCommand command = new RelayMailCommand(properties.relayBatchSize());
        return () -> relay.relay(command);
    }

    @Override
    int batchSize() {
        return properties.relayBatchSize();
    }
}
