package io.latchkey.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.springframework.beans.factory.annotation.Value;

/**
 * The live OpenAPI document is usable: a Java client generated from it (openapi-generator, {@code java}/{@code native})
 * compiles, and code written against that client registers an account and logs in on the running service.
 */
class ApiClientGenerationIT extends IntegrationTest {

    /** Written against the generated API, as a client's author would: it compiles only if the names and types fit. */
    private static final String PROBE = """
            package io.latchkey.client;

            import io.latchkey.client.api.AccountsApi;
            import io.latchkey.client.api.AuthApi;
            import io.latchkey.client.model.LoginRequest;
            import io.latchkey.client.model.RegisterRequest;
            import io.latchkey.client.model.TokenResponse;
            import java.util.function.Function;

            public final class Probe implements Function<String, String> {
                @Override
                public String apply(String baseUrl) {
                    ApiClient client = new ApiClient();
                    client.updateBaseUri(baseUrl);
                    String email = "client-" + java.util.UUID.randomUUID() + "@example.com";
                    String password = "correct horse battery staple";
                    try {
                        new AccountsApi(client).register(new RegisterRequest().email(email).password(password));
                        TokenResponse tokens = new AuthApi(client).login(new LoginRequest().email(email).password(password));
                        return tokens.getAccessToken();
                    } catch (ApiException e) {
                        throw new IllegalStateException(e.getCode() + " " + e.getResponseBody(), e);
                    }
                }
            }
            """;

    @Value("${local.server.port}")
    private int port;

    @Test
    @SuppressWarnings("unchecked")
    void givenTheLiveDocument_aGeneratedClientCompilesAndLogsIn() throws Exception {
        String document = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Path work = Files.createTempDirectory("latchkey-client-");
        Path spec = Files.writeString(work.resolve("openapi.json"), document);
        CodegenConfigurator generator = new CodegenConfigurator().setGeneratorName("java").setLibrary("native")
                .setInputSpec(spec.toString()).setOutputDir(work.resolve("client").toString())
                .setInvokerPackage("io.latchkey.client").setApiPackage("io.latchkey.client.api")
                .setModelPackage("io.latchkey.client.model")
                .addAdditionalProperty("openApiNullable", false).addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false").addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false").addGlobalProperty("modelDocs", "false");
        new DefaultGenerator().opts(generator.toClientOptInput()).generate();

        Path sources = work.resolve("client").resolve(Path.of("src", "main", "java"));
        Files.writeString(sources.resolve(Path.of("io", "latchkey", "client", "Probe.java")), PROBE);
        Path classes = Files.createDirectories(work.resolve("classes"));
        compile(sources, classes);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Function<String, String> probe = (Function<String, String>) loader.loadClass("io.latchkey.client.Probe")
                    .getDeclaredConstructor().newInstance();
            String accessToken = probe.apply("http://localhost:" + port);
            me(accessToken).expectStatus().isOk();
        }
    }

    private static void compile(Path sources, Path classes) throws Exception {
        List<File> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sources)) {
            walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toFile()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            StringWriter output = new StringWriter();
            boolean compiled = javac.getTask(output, fileManager, diagnostics,
                    List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none",
                            "-nowarn", "-Xlint:none"),
                    null, fileManager.getJavaFileObjectsFromFiles(files)).call();
            assertThat(compiled).as("the generated client compiles: %s%s", output,
                    diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                            .limit(20).map(Object::toString).toList()).isTrue();
        }
    }
}
