package io.latchkey.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mails to several mailboxes, interleaved, come out in the order they arrived, each exactly once. */
class MailTestServerTest {

    private final MailTestServer smtp = MailTestServer.start();

    @AfterEach
    void stop() {
        smtp.close();
    }

    @Test
    void givenInterleavedMailsToSeveralMailboxes_printerPrintsEachOnceInArrivalOrder() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        smtp.onArrival(new MailPrinter(new PrintStream(console, true, StandardCharsets.UTF_8)));
        List<String> sent = sendInterleaved();

        smtp.await(mail -> mail.subject().equals(sent.getLast()), Duration.ofSeconds(10));

        assertThat(printedSubjects(console.toString(StandardCharsets.UTF_8))).containsExactlyElementsOf(sent);
    }

    @Test
    void givenInterleavedMailsToSeveralMailboxes_receivedListsThemInArrivalOrder() throws Exception {
        List<String> sent = sendInterleaved();

        smtp.await(mail -> mail.subject().equals(sent.getLast()), Duration.ofSeconds(10));

        assertThat(smtp.received()).extracting(ReceivedMail::subject).containsExactlyElementsOf(sent);
        assertThat(smtp.to("bob@example.com")).extracting(ReceivedMail::subject)
                .containsExactly("2 to bob", "5 to bob", "7 to bob");
    }

    @Test
    void givenOneMailToTwoRecipients_itIsPrintedOnce() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        smtp.onArrival(new MailPrinter(new PrintStream(console, true, StandardCharsets.UTF_8)));

        send("shared notice", "ada@example.com", "bob@example.com");
        send("after it", "carol@example.com");
        smtp.await(mail -> mail.subject().equals("after it"), Duration.ofSeconds(10));

        assertThat(printedSubjects(console.toString(StandardCharsets.UTF_8))).containsExactly("shared notice", "after it");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("--- mail to ada@example.com, bob@example.com: shared notice ---");
    }

    /** A sequence that returns to earlier mailboxes, the case a per-mailbox list gets wrong. */
    private List<String> sendInterleaved() throws Exception {
        String[] recipients = {"ada", "bob", "carol", "ada", "bob", "dave", "bob", "ada"};
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < recipients.length; i++) {
            String subject = (i + 1) + " to " + recipients[i];
            send(subject, recipients[i] + "@example.com");
            subjects.add(subject);
        }
        return subjects;
    }

    private void send(String subject, String... to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("no-reply@latchkey.local"));
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(subject);
        message.setText("body of " + subject);
        Transport.send(message);
    }

    private static List<String> printedSubjects(String console) {
        Matcher matcher = Pattern.compile("--- mail to [^:]+: (.+) ---").matcher(console);
        List<String> subjects = new ArrayList<>();
        while (matcher.find()) {
            subjects.add(matcher.group(1));
        }
        return subjects;
    }
}
