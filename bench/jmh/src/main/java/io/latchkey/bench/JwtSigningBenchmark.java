package io.latchkey.bench;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of issuing (claims + sign + serialise) and verifying (parse + verify) an access token shaped like
 * Latchkey's, per candidate algorithm. ES256 is measured with the JDK provider and with BouncyCastle.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JwtSigningBenchmark {

    @Param({"RS256", "ES256", "ES256-BC", "EdDSA"})
    public String algorithm;

    private JWSSigner signer;
    private JWSVerifier verifier;
    private JWSHeader header;
    private String token;

    @Setup
    public void setUp() throws Exception {
        switch (algorithm) {
            case "RS256" -> {
                RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
                signer = new RSASSASigner(key);
                verifier = new RSASSAVerifier(key.toRSAPublicKey());
                header = header(JWSAlgorithm.RS256);
            }
            case "ES256", "ES256-BC" -> {
                ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
                ECDSASigner ecSigner = new ECDSASigner(key);
                ECDSAVerifier ecVerifier = new ECDSAVerifier(key.toECPublicKey());
                if (algorithm.endsWith("-BC")) {
                    BouncyCastleProvider bc = new BouncyCastleProvider();
                    ecSigner.getJCAContext().setProvider(bc);
                    ecVerifier.getJCAContext().setProvider(bc);
                }
                signer = ecSigner;
                verifier = ecVerifier;
                header = header(JWSAlgorithm.ES256);
            }
            case "EdDSA" -> {
                OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("k").generate();
                signer = new Ed25519Signer(key);
                verifier = new Ed25519Verifier(key.toPublicJWK());
                header = header(JWSAlgorithm.EdDSA);
            }
            default -> throw new IllegalArgumentException(algorithm);
        }
        token = sign();
    }

    private static JWSHeader header(JWSAlgorithm alg) {
        return new JWSHeader.Builder(alg).keyID("k").type(new JOSEObjectType("at+jwt")).build();
    }

    @Benchmark
    public String sign() throws Exception {
        long now = System.currentTimeMillis();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://auth.example.com").subject(UUID.randomUUID().toString()).audience("latchkey")
                .issueTime(new Date(now)).notBeforeTime(new Date(now)).expirationTime(new Date(now + 900_000))
                .jwtID(UUID.randomUUID().toString()).claim("client_id", "latchkey")
                .claim("sid", UUID.randomUUID().toString()).claim("roles", List.of("USER")).claim("epoch", 0)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Benchmark
    public boolean verify() throws Exception {
        return SignedJWT.parse(token).verify(verifier);
    }
}
