package org.signpost.command;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.signpost.command.rules.StaleVersion;
import org.signpost.platform.axon.MetaDataKeys;

/**
 * What both aggregates share: the acting user may touch this aggregate at all, and a command
 * that carries the client's If-Match version is handled only on that version. The checks run
 * under the aggregate's lock, so they cannot race, and in that order, so that a user who may not
 * see the aggregate learns nothing of its version either.
 */
public abstract class SignpostAggregate {

    @CommandHandlerInterceptor
    public Object checkAccessAndExpectedVersion(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        checkAccess(command.getMetaData());
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

    /**
     * Refuses a user who may not act on this aggregate, as if it did not exist (the command
     * metadata carries the acting user's role and link worker id, set from the authenticated
     * principal, never from the request body). Everyone whose role may send the command may act
     * unless an aggregate says otherwise.
     */
    protected void checkAccess(MetaData metaData) {
    }

    /** The aggregate's version right now; after an apply() it includes the applied events. */
    protected static long currentVersion() {
        Long version = AggregateLifecycle.getVersion();
        return version != null ? version : -1L;
    }
}
