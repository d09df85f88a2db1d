package io.latchkey.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A real SMTP server in this JVM (GreenMail) on a random port, accepting every recipient. It can be stopped and
 * started again on the same port, for SMTP-outage tests.
 */
public final class MailTestServer implements Server {

    private final int port = Ports.free();
    private @Nullable GreenMail greenMail;

    private MailTestServer() {
    }

    static MailTestServer start() {
        MailTestServer server = new MailTestServer();
        server.resume();
        return server;
    }

    public int port() {
        return port;
    }

    @Override
    public Map<String, String> properties() {
        return Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", Integer.toString(port));
    }

    @Override
    public String description() {
        return "in-process SMTP (GreenMail) on port " + port;
    }

    /** Every mail received so far, oldest first. */
    public synchronized List<ReceivedMail> received() {
        if (greenMail == null) {
            return List.of();
        }
        List<ReceivedMail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            mails.add(toMail(message));
        }
        return mails;
    }

    /** Waits until a received mail matches, and returns it. */
    public ReceivedMail await(Predicate<ReceivedMail> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ReceivedMail mail : received()) {
                if (wanted.test(mail)) {
                    return mail;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching mail within " + timeout + "; received: " + received());
            }
            pauseBriefly();
        }
    }

    /** The mails sent to one address. */
    public List<ReceivedMail> to(String address) {
        return received().stream().filter(mail -> mail.recipients().contains(address)).toList();
    }

    /** Simulates an SMTP outage: connections are refused until {@link #resume()}. */
    public synchronized void pause() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    public synchronized void resume() {
        if (greenMail == null) {
            GreenMail started = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            started.start();
            greenMail = started;
        }
    }

    @Override
    public void close() {
        pause();
    }

    private static ReceivedMail toMail(MimeMessage message) {
        try {
            Address[] recipients = message.getAllRecipients();
            List<String> addresses = recipients == null ? List.of()
                    : Arrays.stream(recipients).map(Address::toString).toList();
            return new ReceivedMail(addresses, message.getSubject(), GreenMailUtil.getBody(message));
        } catch (MessagingException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    private static void pauseBriefly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mail", e);
        }
    }
}
