package org.signpost.projection;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Wraps the event handlers of the read models so that a poison event ends up in its
 * projection's dead-letter queue with nothing of it applied (see {@link Projection}). It sits
 * inside Axon's dead-lettering invoker: what it throws is what gets dead-lettered.
 *
 * <p>Replays and the processing of dead letters are left alone: a replay that meets a poison
 * event fails and keeps the old generation; a retried dead letter commits or rolls back whole.
 */
@Component
class PoisonEventIsolation implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!Projection.class.isAssignableFrom(original.declaringClass())) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!(target instanceof Projection projection) || !live()) {
                    return super.handle(message, target);
                }
                if (projection.eventByEvent()) {
                    return projection.handleAlone(() -> super.handle(message, target));
                }
                try {
                    return super.handle(message, target);
                } catch (Exception e) {
                    projection.poisonBatch(e);
                    throw e;
                }
            }
        };
    }

    /** A batch of the live processor: not a replay's, not a dead letter being retried. */
    private static boolean live() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getResource(DeadLetter.class.getName()) == null
                && RebuildBatches.of(unitOfWork) == null;
    }
}
