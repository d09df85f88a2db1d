package io.latchkey.adapters.redis;

import io.latchkey.domain.model.session.SessionId;
import io.latchkey.domain.model.user.Email;
import io.latchkey.domain.model.user.UserId;

/** The key layout of DESIGN.md: every key of one user carries the hash tag {@code {u:<uid>}}, one cluster slot. */
final class RedisKeys {

    private RedisKeys() {
    }

    static String userPrefix(UserId user) {
        return "lk:{u:" + user + "}:";
    }

    static String sessionIndex(UserId user) {
        return userPrefix(user) + "sessions";
    }

    static String sessionPrefix(UserId user) {
        return userPrefix(user) + "s:";
    }

    static String session(UserId user, SessionId session) {
        return sessionPrefix(user) + session;
    }

    /** Still named {@code epoch}, as before the purge count got its name, so instances of both versions share it. */
    static String purgeCount(UserId user) {
        return userPrefix(user) + "epoch";
    }

    static String profile(UserId user) {
        return userPrefix(user) + "profile";
    }

    /** A pending MFA challenge, under its user's tag; named by the SHA-256 of the token's secret. */
    static String mfaChallenge(UserId user, String tokenHash) {
        return userPrefix(user) + "mfa:" + tokenHash;
    }

    static String verificationCode(Email email, KeyDigests digests) {
        return "lk:verify:" + digests.of(email.key());
    }

    static String rateLimit(String scope, String key, KeyDigests digests) {
        return "lk:rl:" + scope + ":" + digests.of(key);
    }

    /** A pending federated sign-in under a digest of its {@code state}, so the key names no usable secret. */
    static String federationState(String state, KeyDigests digests) {
        return "lk:fed:state:" + digests.of(state);
    }

    /** A one-time federated sign-in code, under its digest. */
    static String federationCode(String code, KeyDigests digests) {
        return "lk:fed:code:" + digests.of(code);
    }

    static String federationIdToken(String idToken, KeyDigests digests) {
        return "lk:fed:idt:" + digests.of(idToken);
    }

    /** A pending WebAuthn ceremony under a digest of its challenge. */
    static String passkeyCeremony(String challenge, KeyDigests digests) {
        return "lk:passkey:" + digests.of(challenge);
    }
}
