package io.latchkey.bootstrap.e2e;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A software WebAuthn authenticator for the tests: one P-256 (ES256) credential, attestation {@code none}, a
 * signature counter it raises on every assertion, and the browser's part (clientDataJSON, credential.toJSON()).
 * Every byte it produces follows WebAuthn Level 2 §6 and is built with webauthn4j's own model and CBOR converters,
 * so the service verifies exactly what a browser with a platform authenticator would send.
 */
final class SoftwareAuthenticator {

    static final String ORIGIN = "http://localhost:8080";
    static final String RP_ID = "localhost";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private final KeyPair keys;
    private final byte[] credentialId;
    private final boolean synced;
    private byte[] userHandle = new byte[0];
    private long counter;

    SoftwareAuthenticator(boolean synced) {
        this(synced, 32);
    }

    /** One whose credential id has {@code credentialIdLength} bytes. */
    SoftwareAuthenticator(boolean synced, int credentialIdLength) {
        this.synced = synced;
        this.credentialId = new byte[credentialIdLength];
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    SoftwareAuthenticator() {
        this(false);
    }

    String credentialId() {
        return B64.encodeToString(credentialId);
    }

    /** Sets the signature counter the next assertion raises from, e.g. back, as a cloned authenticator would. */
    void counter(long value) {
        counter = value;
    }

    /** {@code navigator.credentials.create(options)} at {@code origin}, answering for {@code rpId}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> create(Map<String, Object> options, String origin, String rpId) {
        userHandle = Base64.getUrlDecoder().decode((String) ((Map<String, Object>) options.get("user")).get("id"));
        byte[] clientData = clientData("webauthn.create", (String) options.get("challenge"), origin);
        AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(sha256(rpId),
                flags(true, true), counter, attested);
        byte[] attestation = new AttestationObjectConverter(CONVERTER)
                .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("attestationObject", B64.encodeToString(attestation));
        response.put("transports", List.of("internal"));
        return credential(response);
    }

    Map<String, Object> create(Map<String, Object> options) {
        return create(options, ORIGIN, RP_ID);
    }

    /** {@code navigator.credentials.get(options)} at {@code origin}, for {@code rpId}, the user verified or not. */
    Map<String, Object> get(Map<String, Object> options, String origin, String rpId, boolean userVerified) {
        byte[] clientData = clientData("webauthn.get", (String) options.get("challenge"), origin);
        counter++;
        byte[] data = new AuthenticatorDataConverter(CONVERTER).convert(
                new AuthenticatorData<AuthenticationExtensionAuthenticatorOutput>(sha256(rpId),
                        flags(userVerified, false), counter));
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(data);
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("authenticatorData", B64.encodeToString(data));
        response.put("signature", B64.encodeToString(signature));
        response.put("userHandle", B64.encodeToString(userHandle));
        return credential(response);
    }

    Map<String, Object> get(Map<String, Object> options) {
        return get(options, ORIGIN, RP_ID, true);
    }

    private byte flags(boolean userVerified, boolean attestedData) {
        int flags = AuthenticatorData.BIT_UP;
        if (userVerified) {
            flags |= AuthenticatorData.BIT_UV;
        }
        if (synced) {
            flags |= AuthenticatorData.BIT_BE | AuthenticatorData.BIT_BS;
        }
        if (attestedData) {
            flags |= AuthenticatorData.BIT_AT;
        }
        return (byte) flags;
    }

    private Map<String, Object> credential(Map<String, Object> response) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", credentialId());
        credential.put("rawId", credentialId());
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("clientExtensionResults", Map.of());
        return credential;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
