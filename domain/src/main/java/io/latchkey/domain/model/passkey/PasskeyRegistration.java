package io.latchkey.domain.model.passkey;

import java.util.List;
import java.util.Objects;

/** A browser's answer to {@code navigator.credentials.create()}, its byte fields decoded from base64url. */
public record PasskeyRegistration(byte[] clientDataJson, byte[] attestationObject, List<String> transports) {

    public PasskeyRegistration {
        Objects.requireNonNull(clientDataJson, "clientDataJson");
        Objects.requireNonNull(attestationObject, "attestationObject");
        transports = List.copyOf(transports);
    }
}
