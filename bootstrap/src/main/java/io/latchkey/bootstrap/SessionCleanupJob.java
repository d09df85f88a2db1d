package io.latchkey.bootstrap;

import io.latchkey.application.usecase.PurgeAuditEventsCommand;
import io.latchkey.application.usecase.PurgeAuditEventsUseCase;
import io.latchkey.application.usecase.PurgeEndedSessionsCommand;
import io.latchkey.application.usecase.PurgeEndedSessionsUseCase;
import io.latchkey.application.usecase.PurgeExpiredAccountRecordsCommand;
import io.latchkey.application.usecase.PurgeExpiredAccountRecordsUseCase;
import io.latchkey.application.usecase.PurgePublishedEventsCommand;
import io.latchkey.application.usecase.PurgePublishedEventsUseCase;
import io.latchkey.bootstrap.config.AccountProperties;
import io.latchkey.bootstrap.config.AuditProperties;
import io.latchkey.bootstrap.config.EventsProperties;
import io.latchkey.bootstrap.config.SessionCleanupProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes ended sessions, outbox rows published long ago, expired reset tokens, idle login-failure counts and audit
 * entries past their retention, every
 * few minutes on every instance. Batches skip rows another instance has locked,
 * so running everywhere at once is safe and needs no cron or leader election.
 */
@Component
@ConditionalOnProperty(name = "latchkey.sessions.cleanup.enabled", havingValue = "true", matchIfMissing = true)
class SessionCleanupJob {

    private static final Logger log = LoggerFactory.getLogger(SessionCleanupJob.class);

    private final PurgeEndedSessionsUseCase purge;
    private final PurgeEndedSessionsCommand command;
    private final PurgePublishedEventsUseCase purgeEvents;
    private final PurgePublishedEventsCommand eventsCommand;
    private final PurgeExpiredAccountRecordsUseCase purgeAccountRecords;
    private final PurgeExpiredAccountRecordsCommand accountRecordsCommand;
    private final PurgeAuditEventsUseCase purgeAudit;
    private final PurgeAuditEventsCommand auditCommand;

    SessionCleanupJob(PurgeEndedSessionsUseCase purge, SessionCleanupProperties properties,
            PurgePublishedEventsUseCase purgeEvents, EventsProperties events,
            PurgeExpiredAccountRecordsUseCase purgeAccountRecords, AccountProperties accounts,
            PurgeAuditEventsUseCase purgeAudit, AuditProperties audit) {
        this.purge = purge;
        this.command = new PurgeEndedSessionsCommand(properties.retention(), properties.batchSize(), properties.maxBatches());
        this.purgeEvents = purgeEvents;
        this.eventsCommand = new PurgePublishedEventsCommand(events.publishedRetention(),
                properties.batchSize() * properties.maxBatches());
        this.purgeAccountRecords = purgeAccountRecords;
        this.accountRecordsCommand = new PurgeExpiredAccountRecordsCommand(properties.batchSize(), properties.maxBatches(),
                accounts.lockoutMax());
        this.purgeAudit = purgeAudit;
        this.auditCommand = new PurgeAuditEventsCommand(audit.retention(), properties.batchSize(), properties.maxBatches());
    }

    @Scheduled(initialDelayString = "${latchkey.sessions.cleanup.interval-seconds:300}",
            fixedDelayString = "${latchkey.sessions.cleanup.interval-seconds:300}",
            timeUnit = java.util.concurrent.TimeUnit.SECONDS)
    Mono<Void> purgeEndedSessions() {
        return purge.purgeEndedSessions(command)
                .doOnNext(deleted -> {
                    if (deleted > 0) {
                        log.info("deleted {} ended sessions", deleted);
                    }
                })
                .then(purgeEvents.purgePublishedEvents(eventsCommand))
                .then(purgeAccountRecords.purge(accountRecordsCommand))
                .then(purgeAudit.purge(auditCommand))
                .onErrorResume(e -> {
                    log.warn("cleanup failed, will retry next round: {}", e.toString());
                    return Mono.empty();
                })
                .then();
    }
}
