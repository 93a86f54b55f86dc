package org.signpost.platform;

/**
 * A setting the service cannot start with, said as a person would fix it: which setting, what is
 * wrong with it, what to do. Start-up code throws it where it checks a setting, and
 * {@link ConfigurationProblemAnalyzer} turns it into one block on the terminal instead of a trace.
 * The message never carries a secret or a person's data: name the setting and the file, not the
 * value.
 */
public class ConfigurationProblem extends RuntimeException {

    private final String setting;
    private final String problem;
    private final String remedy;

    public ConfigurationProblem(String setting, String problem, String remedy) {
        this(setting, problem, remedy, null);
    }

    public ConfigurationProblem(String setting, String problem, String remedy, Throwable cause) {
        super(setting + ": " + problem, cause);
        this.setting = setting;
        this.problem = problem;
        this.remedy = remedy;
    }

    /** The setting's name as the user writes it (an environment variable, a file, an option). */
    public String setting() {
        return setting;
    }

    public String problem() {
        return problem;
    }

    public String remedy() {
        return remedy;
    }
}
