package io.latchkey.adapters.web.security;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.CollectedClientDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticationRequest;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.InconsistentClientDataTypeException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.NotAllowedAlgorithmException;
import com.webauthn4j.verifier.exception.UserNotPresentException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import io.latchkey.domain.error.InvalidPasskeyException;
import io.latchkey.domain.model.passkey.Passkey;
import io.latchkey.domain.model.passkey.PasskeyAssertion;
import io.latchkey.domain.model.passkey.PasskeyRegistration;
import io.latchkey.domain.model.passkey.VerifiedCredential;
import io.latchkey.domain.port.PasskeyVerifier;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * WebAuthn verification with webauthn4j against one relying party: its rp id and the origins allowed to use it.
 * Attestation is not checked for trust (the options ask for {@code none}); ES256, EdDSA and RS256 keys are accepted.
 */
public final class WebAuthn4jPasskeyVerifier implements PasskeyVerifier {

    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final WebAuthnManager manager;
    private final CollectedClientDataConverter clientData;
    private final AttestedCredentialDataConverter credentials;
    private final String rpId;
    private final Set<Origin> origins;

    public WebAuthn4jPasskeyVerifier(String rpId, List<String> origins) {
        Objects.requireNonNull(rpId, "rpId");
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("at least one allowed origin");
        }
        ObjectConverter converter = new ObjectConverter();
        this.manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
        this.clientData = new CollectedClientDataConverter(converter);
        this.credentials = new AttestedCredentialDataConverter(converter);
        this.rpId = rpId;
        Set<Origin> allowed = new HashSet<>();
        origins.forEach(origin -> allowed.add(Origin.create(origin)));
        this.origins = Set.copyOf(allowed);
    }

    /** WebAuthn's upper bound on a credential id; a longer one would not fit the unique index either. */
    static final int MAX_CREDENTIAL_ID_BYTES = 1023;

    /** The list of COSE algorithm ids the registration options offer, in order of preference. */
    public static List<Long> algorithms() {
        return ALGORITHMS.stream().map(p -> p.getAlg().getValue()).toList();
    }

    @Override
    public String challengeOf(byte[] clientDataJson) {
        try {
            CollectedClientData data = clientData.convert(clientDataJson);
            if (data == null || data.getChallenge() == null) {
                throw new InvalidPasskeyException("clientDataJSON names no challenge.");
            }
            return BASE64URL.encodeToString(data.getChallenge().getValue());
        } catch (RuntimeException e) {
            if (e instanceof InvalidPasskeyException invalid) {
                throw invalid;
            }
            throw new InvalidPasskeyException("clientDataJSON is not valid client data.");
        }
    }

    @Override
    public VerifiedCredential verifyRegistration(PasskeyRegistration registration, String challenge,
            boolean userVerificationRequired) {
        try {
            RegistrationData data = manager.verify(
                    new RegistrationRequest(registration.attestationObject(), registration.clientDataJson(),
                            Set.copyOf(registration.transports())),
                    new RegistrationParameters(server(challenge), ALGORITHMS, userVerificationRequired, true));
            AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticator =
                    Objects.requireNonNull(data.getAttestationObject()).getAuthenticatorData();
            AttestedCredentialData attested = Objects.requireNonNull(authenticator.getAttestedCredentialData());
            if (attested.getCredentialId().length > MAX_CREDENTIAL_ID_BYTES) {
                throw new InvalidPasskeyException("The credential id is longer than the "
                        + MAX_CREDENTIAL_ID_BYTES + " bytes WebAuthn allows.");
            }
            return new VerifiedCredential(BASE64URL.encodeToString(attested.getCredentialId()),
                    credentials.convert(attested), authenticator.getSignCount(), authenticator.isFlagBE());
        } catch (InvalidPasskeyException e) {
            throw e;
        } catch (RuntimeException e) {
            // Any WebAuthnException (a malformed key, an unexpected checked error) is the answer's fault, not ours.
            throw refusal(e);
        }
    }

    @Override
    public long verifyAssertion(PasskeyAssertion assertion, Passkey stored, String challenge,
            boolean userVerificationRequired) {
        try {
            AttestedCredentialData attested = credentials.convert(stored.credentialData());
            CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null,
                    stored.backupEligible(), null, stored.signCount(), attested, null, null, null, null);
            byte[] credentialId = Base64.getUrlDecoder().decode(assertion.credentialId());
            AuthenticationData data = manager.verify(
                    new AuthenticationRequest(credentialId, assertion.userHandle(), assertion.authenticatorData(),
                            assertion.clientDataJson(), null, assertion.signature()),
                    new AuthenticationParameters(server(challenge), record, List.of(credentialId),
                            userVerificationRequired, true));
            return Objects.requireNonNull(data.getAuthenticatorData()).getSignCount();
        } catch (InvalidPasskeyException e) {
            throw e;
        } catch (RuntimeException e) {
            // Any WebAuthnException (a malformed key, an unexpected checked error) is the answer's fault, not ours.
            throw refusal(e);
        }
    }

    private ServerProperty server(String challenge) {
        return ServerProperty.builder().origins(origins).rpId(rpId)
                .challenge(new DefaultChallenge(Base64.getUrlDecoder().decode(challenge))).build();
    }

    /** A client may learn which check failed: none of these helps forge an answer. */
    private static InvalidPasskeyException refusal(RuntimeException e) {
        return new InvalidPasskeyException(switch (e) {
            case BadOriginException ignored -> "The origin of the answer is not one this service allows.";
            case BadRpIdException ignored -> "The answer was made for another relying party id.";
            case BadChallengeException ignored -> "The answer does not carry the challenge it claims.";
            case InconsistentClientDataTypeException ignored -> "The client data has the wrong type for this ceremony.";
            case UserNotVerifiedException ignored -> "The authenticator did not verify the user, which this sign-in requires.";
            case UserNotPresentException ignored -> "The authenticator did not test user presence.";
            case MaliciousCounterValueException ignored ->
                    "The authenticator's signature counter did not increase; it may have been cloned.";
            case BadSignatureException ignored -> "The signature does not verify.";
            case NotAllowedAlgorithmException ignored -> "The key's algorithm is not accepted (ES256, EdDSA or RS256).";
            default -> "The passkey answer could not be verified.";
        });
    }
}
