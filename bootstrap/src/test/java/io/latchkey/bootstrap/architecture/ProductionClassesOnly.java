package io.latchkey.bootstrap.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Production classes only: besides test output folders, also the {@code -tests.jar} test-jars a reactor build
 * puts on the class path (the domain's fixtures), which {@code DoNotIncludeTests} does not recognise, and the
 * test-scope {@code test-support} module (servers for tests, not part of the service).
 */
public final class ProductionClassesOnly implements ImportOption {

    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!.*");
    private static final Pattern TEST_SUPPORT = Pattern.compile(".*/test-support(/target/classes/|-[^/]*\\.jar!).*");
    private final ImportOption doNotIncludeTests = new DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return doNotIncludeTests.includes(location) && !location.matches(TEST_JAR) && !location.matches(TEST_SUPPORT);
    }
}
