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

    public AuditProperties {
        if (retention.isNegative() || retention.isZero()) {
            throw new InvalidSettingException("latchkey.audit.retention", "LATCHKEY_AUDIT_RETENTION",
                    "must be a positive duration, e.g. 90d", "set it to how long audit entries must be kept",
                    "docs/operations.md#audit-trail-retention");
        }
    }
}
