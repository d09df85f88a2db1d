package io.latchkey.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Chromium and its chromedriver for the browser tests, never a downloaded browser. When either is missing
 * and this machine has apt-get and runs as root, both are installed from Debian's packages first (as {@code .ci/run}
 * and {@code bench/run.sh} do for what they need), so {@code ./mvnw verify} needs nothing set up by hand.
 *
 * @param browser   the chromium binary
 * @param driver    the chromedriver binary
 */
public record Chromium(Path browser, Path driver) {

    private static final List<String> PACKAGES = List.of("chromium", "chromium-driver");

    public boolean present() {
        return Files.isExecutable(browser) && Files.isExecutable(driver);
    }

    /** This Chromium, installed first when it is missing and it can be; {@link #present()} says whether it is there. */
    public Chromium installedIfMissing() {
        if (present() || !Files.isExecutable(Path.of("/usr/bin/apt-get")) || !runsAsRoot()) {
            return this;
        }
        run(List.of("apt-get", "update", "-qq"));
        run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", PACKAGES.get(0), PACKAGES.get(1)));
        return this;
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(String.join(" ", command) + " was interrupted", e);
        }
    }
}
