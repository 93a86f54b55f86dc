package org.signpost.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.signpost.command.rules.StaleVersion;
import org.signpost.platform.axon.MetaDataKeys;

/**
 * What both aggregates share: a command that carries the client's If-Match version is handled
 * only on that version. The check runs under the aggregate's lock, so it cannot race.
 */
public abstract class SignpostAggregate {

    @CommandHandlerInterceptor
    public Object checkExpectedVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        Object expected = command.getMetaData().get(MetaDataKeys.EXPECTED_VERSION);
        Long current = AggregateLifecycle.getVersion();
        if (expected != null && current != null) {
            long expectedVersion = ((Number) expected).longValue();
            if (expectedVersion != current) {
                throw new StaleVersion(expectedVersion, current);
            }
        }
        return chain.proceed();
    }

    /** The aggregate's version right now; after an apply() it includes the applied events. */
    protected static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version != null ? version : -1L;
    }
}
