package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.mail.QueuedMail;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.MailOutbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The mail outbox as a map; {@link #queued()} shows what waits, in no particular order. */
public final class InMemoryMailOutbox implements MailOutbox {

    private record Row(OutgoingMail mail, int attempts, Instant nextAttemptAt) {
    }

    private final Map<UUID, Row> rows = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> enqueue(OutgoingMail mail) {
        return Mono.fromRunnable(() -> rows.put(mail.id(), new Row(mail, 0, Instant.MIN)));
    }

    @Override
    public Flux<QueuedMail> claimDue(int limit, Instant now) {
        return Flux.defer(() -> Flux.fromIterable(rows.values().stream()
                .filter(row -> !row.nextAttemptAt().isAfter(now)).limit(limit)
                .map(row -> new QueuedMail(row.mail(), row.attempts())).toList()));
    }

    @Override
    public Mono<Void> remove(UUID id) {
        return Mono.fromRunnable(() -> rows.remove(id));
    }

    @Override
    public Mono<Void> removeAddressedTo(Email to) {
        return Mono.fromRunnable(() -> rows.values().removeIf(row -> row.mail().to().equals(to)));
    }

    @Override
    public Mono<Void> markFailed(UUID id, int attempts, Instant nextAttemptAt) {
        return Mono.fromRunnable(() -> rows.computeIfPresent(id, (key, row) -> new Row(row.mail(), attempts, nextAttemptAt)));
    }

    public List<OutgoingMail> queued() {
        return new ArrayList<>(rows.values().stream().map(Row::mail).toList());
    }
}
