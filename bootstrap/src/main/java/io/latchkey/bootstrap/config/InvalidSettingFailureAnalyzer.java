package io.latchkey.bootstrap.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * One paragraph instead of a stack trace when a setting is missing or unusable: the setting, its environment
 * variable, what is wrong and which document explains it. Registered in META-INF/spring.factories.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        String description = "The setting %s (environment variable %s) %s.".formatted(cause.setting(),
                cause.environmentVariable(), cause.problem());
        String action = "%s See %s.".formatted(cause.action(), cause.documentation());
        return new FailureAnalysis(description, action, cause);
    }
}
