package io.latchkey.bootstrap.config;

/**
 * A setting the service cannot start without is missing or unusable: which one, what is wrong with it, what to do,
 * and where it is documented. {@link InvalidSettingFailureAnalyzer} turns it into Spring Boot's
 * "APPLICATION FAILED TO START" report.
 */
public final class InvalidSettingException extends RuntimeException {

    private final String setting;
    private final String environmentVariable;
    private final String problem;
    private final String action;
    private final String documentation;

    InvalidSettingException(String setting, String environmentVariable, String problem, String action,
            String documentation) {
        super(setting + " " + problem);
        this.setting = setting;
        this.environmentVariable = environmentVariable;
        this.problem = problem;
        this.action = action;
        this.documentation = documentation;
    }

    public String setting() {
        return setting;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public String problem() {
        return problem;
    }

    public String action() {
        return action;
    }

    public String documentation() {
        return documentation;
    }
}
