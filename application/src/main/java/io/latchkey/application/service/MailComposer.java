package io.latchkey.application.service;

import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.reset.PasswordResetToken;
import io.latchkey.domain.model.user.AccountPolicy;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.verification.VerificationCode;
import io.latchkey.domain.port.IdGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Writes the plain-text mails the service sends; each carries the moment its content stops working. */
final class MailComposer {

    private final IdGenerator ids;
    private final AccountPolicy policy;

    MailComposer(IdGenerator ids, AccountPolicy policy) {
        this.ids = ids;
        this.policy = policy;
    }

    OutgoingMail verificationCode(UUID mailId, Email to, VerificationCode code, Instant now) {
        long minutes = Math.max(1, policy.verificationCodeTtl().toMinutes());
        return new OutgoingMail(mailId, to, "Your verification code: " + code.digits(), """
                Your email verification code is:

                    %s

                It works for %d minutes. If you did not ask for it, ignore this mail.
                """.formatted(code.digits(), minutes), now.plus(policy.verificationCodeTtl()));
    }

    OutgoingMail passwordReset(UUID mailId, Email to, PasswordResetToken token, Instant now) {
        long minutes = Math.max(1, policy.resetTokenTtl().toMinutes());
        String link = policy.resetLinkBase() == null ? ""
                : "\nOr open: " + policy.resetLinkBase() + URLEncoder.encode(token.value(), StandardCharsets.UTF_8) + "\n";
        return new OutgoingMail(mailId, to, "Reset your password", """
                Somebody asked to reset the password of your account. To choose a new one, use this token:

                    %s
                %s
                It works once, for %d minutes. If you did not ask for it, ignore this mail; your password stays.
                """.formatted(token.value(), link, minutes), now.plus(policy.resetTokenTtl()));
    }

    /** Kept a day at most: past that, an SMTP outage's backlog of notices is not worth sending. */
    OutgoingMail alreadyRegistered(Email to, Instant now) {
        return new OutgoingMail(ids.newId(), to, "You already have an account", """
                Somebody tried to register a new account with this address, but it already has one.
                If it was you, log in, or reset your password if you forgot it. Otherwise, ignore this mail.
                """, now.plus(Duration.ofDays(1)));
    }
}
