package io.latchkey.testsupport;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP server in this JVM (GreenMail) on a random port, accepting every recipient. It can be stopped and
 * started again on the same port, for SMTP-outage tests.
 *
 * <p>Mails are recorded in the order they arrive, across all mailboxes: GreenMail's own list of received messages
 * is grouped by mailbox, so its positions say nothing about arrival.
 */
public final class MailTestServer implements Server {

    private static final Logger log = LoggerFactory.getLogger(MailTestServer.class);

    private final int port = Ports.free();
    private final List<ReceivedMail> arrived = new ArrayList<>();
    private final List<Consumer<ReceivedMail>> listeners = new CopyOnWriteArrayList<>();
    private @Nullable GreenMail greenMail;
    private @Nullable MovingMessage lastRecorded;

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

    /** Every mail received so far, in arrival order (each once, however many recipients it had). */
    public synchronized List<ReceivedMail> received() {
        return List.copyOf(arrived);
    }

    /**
     * Calls the listener with each mail as it arrives, once per mail, on the SMTP server's thread; mails that
     * arrived before the call are not replayed.
     */
    public void onArrival(Consumer<ReceivedMail> listener) {
        listeners.add(listener);
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
            UserManager users = started.getUserManager();
            users.setMessageDeliveryHandler(recordingArrivals(users.getMessageDeliveryHandler()));
            started.start();
            greenMail = started;
        }
    }

    @Override
    public void close() {
        pause();
    }

    /** GreenMail hands each accepted message to this handler once per recipient, in the order it accepts them. */
    private MessageDeliveryHandler recordingArrivals(MessageDeliveryHandler delivery) {
        return (message, recipient) -> {
            var mailbox = delivery.handle(message, recipient);
            ReceivedMail mail = null;
            synchronized (this) {
                if (message != lastRecorded) {
                    lastRecorded = message;
                    mail = toMail(message.getMessage());
                    arrived.add(mail);
                }
            }
            if (mail != null) {
                notifyListeners(mail);
            }
            return mailbox;
        };
    }

    private void notifyListeners(ReceivedMail mail) {
        for (Consumer<ReceivedMail> listener : listeners) {
            try {
                listener.accept(mail);
            } catch (RuntimeException e) {
                log.warn("mail listener failed: {}", e.toString());
            }
        }
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
