package io.latchkey.domain.model.mfa;

import java.util.Objects;

/**
 * A factor secret as stored: encrypted and authenticated under the key named {@code keyId}, so keys can rotate
 * (secrets sealed under an older key stay readable while that key is configured).
 */
public record SealedSecret(String keyId, byte[] sealed) {

    public SealedSecret {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(sealed, "sealed");
        sealed = sealed.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && keyId.equals(that.keyId)
                && java.util.Arrays.equals(sealed, that.sealed);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + java.util.Arrays.hashCode(sealed);
    }

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + "]";
    }
}
