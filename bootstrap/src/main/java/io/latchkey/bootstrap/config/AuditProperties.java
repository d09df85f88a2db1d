package io.latchkey.bootstrap.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latchkey.audit.*}: how long audit entries are kept; the cleanup job deletes older ones in batches of
 * {@code latchkey.sessions.cleanup.batch-size}, at most {@code max-batches} per run.
 */
@ConfigurationProperties("latchkey.audit")
public record AuditProperties(@DefaultValue("90d") Duration retention) {

    /** Shorter than this, a mistyped unit (90m for 90d) would silently delete the trail on the next cleanup run. */
    static final Duration MIN_RETENTION = Duration.ofDays(1);

    public AuditProperties {
        if (retention.compareTo(MIN_RETENTION) < 0) {
            throw new InvalidSettingException("latchkey.audit.retention", "LATCHKEY_AUDIT_RETENTION",
                    "must be at least 1d (it was " + retention + "), e.g. 90d", "set it to how long audit entries must be kept",
                    "docs/operations.md#audit-trail-retention");
        }
    }
}
