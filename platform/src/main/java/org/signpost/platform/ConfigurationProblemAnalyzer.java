package org.signpost.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says a setting's problem at start in one block (setting, what is wrong, what to do), with no stack trace. */
class ConfigurationProblemAnalyzer extends AbstractFailureAnalyzer<ConfigurationProblem> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationProblem cause) {
        return new FailureAnalysis(cause.getMessage(), cause.remedy(), cause);
    }
}
