package io.latchkey.domain.model.user;

/** The number of accounts and of sessions that are live (active, within their idle and absolute expiry). */
public record AccountStatistics(long accounts, long liveSessions) {
}
