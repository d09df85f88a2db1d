package io.latchkey.bootstrap.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code keys generate [--kid <kid>] [--out <dir>] [--add-to <jwks.json>]}: writes the key material the service
 * reads ({@code latchkey.token.signing.*}) without starting it or connecting anywhere. {@code jwks.json} is a JWK
 * set with one RSA-2048 signing key (private part included) under the given kid; {@code refresh-secret} is base64
 * of 32 random bytes. With {@code --add-to}, the new key is added to an existing set (rotation) and the refresh
 * secret is left alone. Existing files are never overwritten.
 */
public final class KeysCommand {

    public static final String DEFAULT_KID = "signing-key-1";
    public static final String JWKS_FILE = "jwks.json";
    public static final String REFRESH_SECRET_FILE = "refresh-secret";
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = """
            usage: keys generate [--kid <kid>] [--out <dir>] [--add-to <existing jwks.json>]
              --kid      the key id of the new signing key (default %s); set keys.activeKid / 
                         latchkey.token.signing.active-kid to it
              --out      the directory to write jwks.json and refresh-secret to (default: the current directory);
                         existing files are never overwritten, not even the --add-to input
              --add-to   rotation: write the keys of this JWK set plus the new one to <out>/jwks.json, and no
                         refresh secret (changing it is not part of a key rotation)""".formatted(DEFAULT_KID);

    private final PrintStream out;
    private final PrintStream err;
    private final SecureRandom random = new SecureRandom();

    KeysCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Whether the command line asks for this command rather than the service. */
    public static boolean matches(String[] args) {
        return args.length > 0 && args[0].equals("keys");
    }

    /** Runs the command with the process's console and ends the process with its exit code. */
    public static void runAndExit(String[] args) {
        System.exit(new KeysCommand(System.out, System.err).run(List.of(args).subList(1, args.length)));
    }

    int run(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("generate")) {
            return usage("expected the subcommand 'generate'");
        }
        String kid = DEFAULT_KID;
        Path outDir = Path.of(".");
        Path addTo = null;
        for (int i = 1; i < args.size(); i += 2) {
            if (i + 1 >= args.size()) {
                return usage("option " + args.get(i) + " needs a value");
            }
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--kid" -> kid = value;
                case "--out" -> outDir = Path.of(value);
                case "--add-to" -> addTo = Path.of(value);
                default -> {
                    return usage("unknown option " + args.get(i));
                }
            }
        }
        if (!kid.matches("[A-Za-z0-9._-]{1,64}")) {
            return usage("--kid must be 1-64 letters, digits, '.', '_' or '-'");
        }
        try {
            return generate(kid, outDir, addTo);
        } catch (IOException | ParseException | JOSEException | IllegalArgumentException e) {
            err.println("keys generate failed: " + e.getMessage());
            return FAILED;
        }
    }

    private int generate(String kid, Path outDir, @Nullable Path addTo) throws IOException, ParseException, JOSEException {
        List<JWK> keys = new ArrayList<>();
        if (addTo != null) {
            keys.addAll(readAll(addTo));
            if (keys.stream().anyMatch(key -> kid.equals(key.getKeyID()))) {
                throw new IllegalArgumentException(addTo + " already holds a key with kid " + kid);
            }
        }
        Path jwks = outDir.resolve(JWKS_FILE);
        Path refreshSecret = outDir.resolve(REFRESH_SECRET_FILE);
        // Both checked before anything is written, so a refusal leaves no half of a new pair behind.
        refuseExisting(jwks);
        if (addTo == null) {
            refuseExisting(refreshSecret);
        }
        RSAKey key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .secureRandom(random).generate();
        keys.add(key);
        Files.createDirectories(outDir);
        if (addTo == null) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            publishPair(jwks, new JWKSet(keys).toString(false) + "\n", refreshSecret, Base64.getEncoder().encodeToString(secret));
            out.println("wrote " + jwks + ": " + keys.size() + " key(s); the new signing key has kid " + kid);
            out.println("wrote " + refreshSecret + ": the refresh-token secret, shared by every replica");
        } else {
            publish(jwks, new JWKSet(keys).toString(false) + "\n");
            out.println("wrote " + jwks + ": " + keys.size() + " key(s); the new signing key has kid " + kid);
        }
        printUsage(kid, jwks, addTo == null ? refreshSecret : existingRefreshSecretNextTo(addTo));
        if (addTo != null) {
            out.println("Rotation: publish this set with the old kid still active, wait for JWKS caches, then switch the"
                    + " active kid to " + kid + ".");
        }
        return OK;
    }

    /** The keys of a JWK set; refused if the parser would silently leave any out (an unsupported key type). */
    private static List<JWK> readAll(Path file) throws IOException, ParseException {
        String text = Files.readString(file);
        Object raw = JSONObjectUtils.parse(text).get("keys");
        List<JWK> keys = JWKSet.parse(text).getKeys();
        int listed = raw instanceof List<?> entries ? entries.size() : 0;
        if (keys.size() != listed) {
            throw new IllegalArgumentException(file + " lists " + listed + " key(s) of which only " + keys.size()
                    + " could be read; the rotated set would lose the others");
        }
        return keys;
    }

    private static @Nullable Path existingRefreshSecretNextTo(Path jwkSet) {
        Path candidate = jwkSet.toAbsolutePath().resolveSibling(REFRESH_SECRET_FILE);
        return Files.isRegularFile(candidate) ? jwkSet.resolveSibling(REFRESH_SECRET_FILE) : null;
    }

    private void printUsage(String kid, Path jwks, @Nullable Path refreshSecret) {
        out.println();
        out.println("Use them (docs/keys.md):");
        if (refreshSecret == null) {
            out.println("  kubectl create secret generic latchkey-keys --from-file=" + JWKS_FILE + "=" + jwks
                    + " --from-file=" + REFRESH_SECRET_FILE + "=<the refresh-secret file you use today>"
                    + " --dry-run=client -o yaml | kubectl apply -f -");
            out.println("  or: LATCHKEY_TOKEN_SIGNING_JWK_SET_FILE=" + jwks + " (the refresh secret unchanged)");
            return;
        }
        out.println("  kubectl create secret generic latchkey-keys --from-file=" + JWKS_FILE + "=" + jwks
                + " --from-file=" + REFRESH_SECRET_FILE + "=" + refreshSecret);
        out.println("  helm ... --set keys.existingSecret=latchkey-keys --set keys.activeKid=" + kid);
        out.println("  or: LATCHKEY_TOKEN_SIGNING_JWK_SET_FILE=" + jwks + " LATCHKEY_TOKEN_SIGNING_ACTIVE_KID=" + kid
                + " LATCHKEY_TOKEN_SIGNING_REFRESH_SECRET=\"$(cat " + refreshSecret + ")\"");
    }

    private static void refuseExisting(Path file) throws FileAlreadyExistsException {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(file + " exists; choose another --out (or --add-to it to rotate)");
        }
    }

    /** Both files or neither: if the second cannot be published, the first (just created by this run) is removed. */
    private static void publishPair(Path first, String firstContent, Path second, String secondContent) throws IOException {
        publish(first, firstContent);
        try {
            publish(second, secondContent);
        } catch (IOException e) {
            Files.deleteIfExists(first);
            throw e;
        }
    }

    /**
     * Private keys: readable by the owner only where the file system knows POSIX permissions. The complete file is
     * linked into place, which fails atomically if the name exists: a concurrent run, or a file that appeared since
     * the check, is never overwritten.
     */
    static void publish(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            setOwnerOnly(temp);
            Files.writeString(temp, content, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(file + " exists; choose another --out (or --add-to it to rotate)");
            } catch (UnsupportedOperationException noHardLinks) {
                // Without hard links (some network and Windows file systems) a move that does not replace is the best left.
                Files.move(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the directory's access control list.
        }
    }

    private int usage(String problem) {
        err.println("keys: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }
}
