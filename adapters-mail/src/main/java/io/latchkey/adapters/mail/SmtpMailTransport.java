package io.latchkey.adapters.mail;

import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.port.MailTransport;
import io.latchkey.domain.model.mail.MailRejectedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
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
        return Mono.fromRunnable(() -> sender.send(toMessage(mail)))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(SmtpMailTransport::isPermanent, e -> new MailRejectedException(e.getMessage(), e))
                .then();
    }

    private MimeMessage toMessage(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(recipient(mail));
            helper.setSubject(mail.subject());
            helper.setText(mail.body(), false);
            // The outbox id, so a mail sent twice after a crash can be recognised by whoever receives it.
            message.setHeader("X-Latchkey-Mail-Id", mail.id().toString());
            return message;
        } catch (MessagingException e) {
            throw new MailRejectedException("cannot build " + mail, e);
        }
    }

    /** Parsed strictly, and it must be exactly the stored address: never a display name hiding another one. */
    private static InternetAddress recipient(OutgoingMail mail) throws AddressException {
        InternetAddress parsed = new InternetAddress(mail.to().value(), true);
        if (!mail.to().value().equals(parsed.getAddress()) || parsed.getPersonal() != null) {
            throw new AddressException("the recipient does not read back as itself", mail.to().value());
        }
        return parsed;
    }

    /** A malformed message, or a recipient the server refuses for good: retrying will not help. */
    private static boolean isPermanent(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof MailRejectedException || cause instanceof AddressException
                    || cause instanceof MailParseException || cause instanceof MailPreparationException) {
                return true;
            }
            if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return true;
            }
            if (cause instanceof MailSendException send) {
                for (Exception nested : send.getFailedMessages().values()) {
                    if (isPermanent(nested)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
