package io.latchkey.domain.model.passkey;

import io.latchkey.domain.model.user.UserId;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * The WebAuthn user handle of an account: the 16 bytes of its id (no personal data, as WebAuthn asks). A
 * discoverable credential returns it at sign-in, which must name the credential's owner.
 */
public final class UserHandle {

    private UserHandle() {
    }

    public static byte[] bytes(UserId userId) {
        return ByteBuffer.allocate(16).putLong(userId.value().getMostSignificantBits())
                .putLong(userId.value().getLeastSignificantBits()).array();
    }

    public static String base64Url(UserId userId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(userId));
    }

    public static boolean names(byte[] handle, UserId userId) {
        return Arrays.equals(handle, bytes(userId));
    }
}
