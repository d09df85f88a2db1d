package io.latchkey.adapters.mail;

import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.port.MailTransport;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Sends a queued mail as UTF-8 plain text over SMTP. Jakarta Mail blocks, so it runs on the bounded elastic pool. */
@Component
class SmtpMailTransport implements MailTransport {

    private final JavaMailSender sender;
    private final MailSettings settings;

    SmtpMailTransport(JavaMailSender sender, MailSettings settings) {
        this.sender = sender;
        this.settings = settings;
    }

    @Override
    public Mono<Void> send(OutgoingMail mail) {
        return Mono.fromRunnable(() -> sender.send(toMessage(mail))).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private MimeMessage toMessage(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(mail.to().value());
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            // The outbox id, so a mail sent twice after a crash can be recognised by whoever receives it.
            message.setHeader("X-Latchkey-Mail-Id", mail.id().toString());
            return message;
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot build " + mail, e);
        }
    }
}
