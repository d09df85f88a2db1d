package io.latchkey.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latchkey.domain.model.mail.OutgoingMail;
import io.latchkey.domain.model.user.Email;
import io.latchkey.testsupport.MailTestServer;
import io.latchkey.testsupport.ReceivedMail;
import io.latchkey.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Against a real SMTP server in this JVM. */
class SmtpMailTransportTest {

    private static final TestInfrastructure infrastructure = TestInfrastructure.unmanaged();
    private static final MailTestServer smtp = infrastructure.mail();

    private final SmtpMailTransport transport = new SmtpMailTransport(sender(), new MailSettings("no-reply@latchkey.test"));

    @AfterAll
    static void stop() {
        infrastructure.close();
    }

    private static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.port());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "2000");
        return sender;
    }

    @Test
    void givenAMail_send_deliversItAsUtf8PlainTextToTheRecipient() {
        transport.send(new OutgoingMail(UUID.randomUUID(), new Email("zoë@example.com"), "Grüße", "Code: 123456\n", null))
                .block(Duration.ofSeconds(10));
        ReceivedMail received = smtp.await(mail -> mail.subject().equals("Grüße"), Duration.ofSeconds(5));
        assertThat(received.recipients()).containsExactly("zoë@example.com");
        assertThat(received.body()).contains("Code: 123456");
    }

    @Test
    void givenTheServerIsDown_send_fails() {
        smtp.pause();
        try {
            assertThatThrownBy(() -> transport.send(new OutgoingMail(UUID.randomUUID(), new Email("ada@example.com"),
                    "lost?", "body", null)).block(Duration.ofSeconds(10)))
                    .hasRootCauseInstanceOf(java.net.ConnectException.class);
        } finally {
            smtp.resume();
        }
    }
}
