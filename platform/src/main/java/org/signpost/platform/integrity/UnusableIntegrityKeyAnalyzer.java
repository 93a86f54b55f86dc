package org.signpost.platform.integrity;

import org.signpost.platform.integrity.ChainKey.UnusableIntegrityKey;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says at start, in a line without a stack trace, why the integrity key cannot be used and what to do. */
class UnusableIntegrityKeyAnalyzer extends AbstractFailureAnalyzer<UnusableIntegrityKey> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnusableIntegrityKey cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Give every Signpost process sharing a database the same integrity key, in a file only its user may read.",
                cause);
    }
}
