package io.latchkey.testsupport;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Prints each mail it is given as one block: {@code --- mail to <recipients>: <subject> ---}, the body, then
 * {@code ---}. The local run has no mailbox, so its console is where verification codes and reset tokens show up.
 */
public final class MailPrinter implements Consumer<ReceivedMail> {

    private final PrintStream out;

    public MailPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void accept(ReceivedMail mail) {
        String block = "%n--- mail to %s: %s ---%n%s%n---%n".formatted(String.join(", ", mail.recipients()),
                mail.subject(), mail.body().replace("\r", "").strip());
        // One print call per mail, so two mails arriving together never interleave their lines.
        synchronized (out) {
            out.print(block);
            out.flush();
        }
    }
}
