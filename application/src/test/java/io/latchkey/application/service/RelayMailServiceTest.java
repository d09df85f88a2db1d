package io.latchkey.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.latchkey.application.usecase.RelayMailCommand;
import io.latchkey.application.usecase.RelayResult;
import io.latchkey.domain.model.mail.MailContent;
import io.latchkey.domain.model.mail.MailRejectedException;
import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.mail.QueuedMail;
import io.latchkey.domain.model.outbox.RetryPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.port.MailTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class RelayMailServiceTest {

    private final ServiceTestKit kit = new ServiceTestKit();
    private final List<OutgoingMail> sent = new ArrayList<>();
    private boolean smtpUp = true;
    private int attempts;
    private final MailTransport transport = mail -> Mono.defer(() -> {
        attempts++;
        if (!smtpUp) {
            return Mono.error(new IllegalStateException("connection refused"));
        }
        sent.add(mail);
        return Mono.empty();
    });
    private final RelayMailService relay = new RelayMailService(kit.mails, transport, kit.mailWriter(),
            kit.transactions, RetryPolicy.MAIL, kit.clock);

    private OutgoingMail queue(String to, Duration validFor) {
        OutgoingMail mail = new OutgoingMail(UUID.randomUUID(), new Email(to), "subject", "body",
                validFor == null ? null : kit.clock.instant().plus(validFor));
        kit.mails.enqueue(mail.queued()).block();
        return mail;
    }

    @Test
    void givenDueMails_relay_sendsAndRemovesThem_andDropsExpiredOnesUnsent() {
        OutgoingMail live = queue("a@example.com", Duration.ofMinutes(5));
        OutgoingMail notice = queue("b@example.com", null);
        OutgoingMail stale = queue("c@example.com", Duration.ofSeconds(1));
        kit.clock.advance(Duration.ofSeconds(2));

        RelayResult result = relay.relay(new RelayMailCommand(10)).block();

        assertThat(result).isEqualTo(new RelayResult(2, 0, 1));
        assertThat(sent).containsExactlyInAnyOrder(live, notice);
        assertThat(sent).doesNotContain(stale);
        assertThat(kit.mails.queued()).isEmpty();
    }

    @Test
    void givenAMailTheServerRefusesForGood_relay_dropsItAndGoesOnWithTheRest() {
        OutgoingMail refused = queue("refused@example.com", Duration.ofMinutes(5));
        OutgoingMail fine = queue("fine@example.com", Duration.ofMinutes(5));
        MailTransport picky = mail -> mail.equals(refused)
                ? Mono.error(new MailRejectedException("550 no such mailbox", new IllegalStateException()))
                : transport.send(mail);
        RelayMailService relayWithPickyServer = new RelayMailService(kit.mails, picky, kit.mailWriter(),
                kit.transactions, RetryPolicy.MAIL, kit.clock);

        assertThat(relayWithPickyServer.relay(new RelayMailCommand(10)).block()).isEqualTo(new RelayResult(1, 0, 1));
        assertThat(sent).containsExactly(fine);
        assertThat(kit.mails.queued()).isEmpty();
    }

    @Test
    void givenRedisDownWhileWritingACode_relay_reschedulesThatMailAndStillSendsTheOthers() {
        kit.users.insert(io.latchkey.domain.testfixtures.UserFixtures.anActiveUser(kit.clock.instant(), "new@example.com"))
                .block();
        QueuedMail code = QueuedMail.writtenAtSend(UUID.randomUUID(), new Email("new@example.com"),
                new MailContent.VerificationCode(), kit.clock.instant().plus(Duration.ofMinutes(5)));
        kit.mails.enqueue(code).block();
        OutgoingMail notice = queue("other@example.com", Duration.ofMinutes(5));
        MailWriter failingWriter = new MailWriter(kit.users, kit.resetTokens, new AccountMail(new FailingCodeStore(),
                kit.secrets, kit.mails, kit.ids, kit.accountPolicy, kit.clock), kit.accountPolicy);
        RelayMailService relayWithoutRedis = new RelayMailService(kit.mails, transport, failingWriter, kit.transactions,
                RetryPolicy.MAIL, kit.clock);

        assertThat(relayWithoutRedis.relay(new RelayMailCommand(10)).block()).isEqualTo(new RelayResult(1, 1, 0));
        assertThat(sent).containsExactly(notice);
        assertThat(kit.mails.queued()).singleElement().satisfies(queued -> {
            assertThat(queued.id()).isEqualTo(code.id());
            assertThat(queued.attempts()).isEqualTo(1);
        });
    }

    /** A code store whose server is down. */
    private static final class FailingCodeStore implements io.latchkey.domain.port.VerificationCodeStore {

        @Override
        public Mono<Void> save(Email email, io.latchkey.domain.model.verification.VerificationCode code, Duration ttl) {
            return Mono.error(new io.latchkey.domain.error.DependencyUnavailableException("redis",
                    new IllegalStateException("down")));
        }

        @Override
        public Mono<io.latchkey.domain.model.verification.CodeCheck> check(Email email,
                io.latchkey.domain.model.verification.VerificationCode presented, int maxAttempts) {
            return save(email, presented, Duration.ZERO).then(Mono.empty());
        }

        @Override
        public Mono<Void> discard(Email email) {
            return save(email, null, Duration.ZERO);
        }
    }

    @Test
    void givenSmtpDown_relay_triesOnceKeepsEveryMailAndRetriesAfterBackOff() {
        queue("a@example.com", Duration.ofMinutes(5));
        queue("b@example.com", Duration.ofMinutes(5));
        queue("c@example.com", Duration.ofMinutes(5));
        smtpUp = false;

        assertThat(relay.relay(new RelayMailCommand(10)).block()).isEqualTo(new RelayResult(0, 1));
        assertThat(attempts).isEqualTo(1);
        assertThat(kit.mails.queued()).hasSize(3);

        smtpUp = true;
        kit.clock.advance(RetryPolicy.MAIL.delayAfter(1));
        relay.relay(new RelayMailCommand(10)).block();
        assertThat(sent).hasSize(3);
        assertThat(kit.mails.queued()).isEmpty();
    }
}
