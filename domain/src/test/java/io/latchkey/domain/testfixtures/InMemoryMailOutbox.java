package io.latchkey.domain.testfixtures;

import io.latchkey.domain.model.mail.MailContent;
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

    private record Row(QueuedMail mail, Instant nextAttemptAt) {
    }

    private final Map<UUID, Row> rows = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> enqueue(QueuedMail mail) {
        return Mono.fromRunnable(() -> rows.put(mail.id(), new Row(mail, Instant.MIN)));
    }

    @Override
    public Flux<QueuedMail> claimDue(int limit, Instant now) {
        return Flux.defer(() -> Flux.fromIterable(rows.values().stream()
                .filter(row -> !row.nextAttemptAt().isAfter(now)).limit(limit).map(Row::mail).toList()));
    }

    @Override
    public Mono<Void> remove(UUID id) {
        return Mono.fromRunnable(() -> rows.remove(id));
    }

    @Override
    public Mono<Void> removeAddressedTo(Email to) {
        return Mono.fromRunnable(() -> rows.values().removeIf(row -> row.mail().to().key().equals(to.key())));
    }

    @Override
    public Mono<Void> removePasswordResetsTo(Email to) {
        return Mono.fromRunnable(() -> rows.values().removeIf(row -> row.mail().to().key().equals(to.key())
                && row.mail().content() instanceof MailContent.PasswordReset));
    }

    @Override
    public Mono<Void> markFailed(UUID id, int attempts, Instant nextAttemptAt) {
        return Mono.fromRunnable(() -> rows.computeIfPresent(id, (key, row) -> new Row(new QueuedMail(row.mail().id(),
                row.mail().to(), row.mail().content(), row.mail().expiresAt(), attempts), nextAttemptAt)));
    }

    public List<QueuedMail> queued() {
        return new ArrayList<>(rows.values().stream().map(Row::mail).toList());
    }
}
