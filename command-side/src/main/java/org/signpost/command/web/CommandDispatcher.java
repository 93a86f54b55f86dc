package org.signpost.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.signpost.command.CommandAnswer;
import org.signpost.platform.axon.MetaDataKeys;
import org.signpost.platform.security.ActingUser;
import org.signpost.platform.web.CorrelationIdFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends a command for an HTTP request: with the acting user, role, correlation id and the
 * client's If-Match version in its metadata, and answers with the handler's body and the
 * aggregate's new version as ETag.
 */
@Component
public class CommandDispatcher {

    /** Two writers racing on one aggregate: the loser is tried again on the fresh state. */
    private static final int ATTEMPTS_ON_CONFLICT = 3;

    private final CommandGateway gateway;
    private final Duration timeout;

    public CommandDispatcher(CommandGateway gateway,
                             @Value("${signpost.command-timeout:PT10S}") Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    public ResponseEntity<Object> created(Object command, HttpServletRequest request, URI location) {
        CommandAnswer answer = dispatch(command, request);
        return ResponseEntity.created(location).eTag(etag(answer.version())).body(answer.body());
    }

    public ResponseEntity<Object> ok(Object command, HttpServletRequest request) {
        CommandAnswer answer = dispatch(command, request);
        return ResponseEntity.status(HttpStatus.OK).eTag(etag(answer.version())).body(answer.body());
    }

    CommandAnswer dispatch(Object command, HttpServletRequest request) {
        ActingUser user = ActingUser.current();
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.ACTOR, user.username());
        metaData.put(MetaDataKeys.ROLE, user.role().name());
        if (user.linkWorkerId() != null) {
            metaData.put(MetaDataKeys.LINK_WORKER_ID, user.linkWorkerId());
        }
        metaData.put(MetaDataKeys.CORRELATION_ID, CorrelationIdFilter.of(request));
        IfMatch.parse(request.getHeader("If-Match"))
                .ifPresent(version -> metaData.put(MetaDataKeys.EXPECTED_VERSION, version));
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.<CommandAnswer>send(command, MetaData.from(metaData))
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | CompletionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                boolean conflict = cause instanceof ConcurrencyException
                        || cause instanceof AggregateStreamCreationException;
                if (!conflict || attempt == ATTEMPTS_ON_CONFLICT) {
                    throw propagate(cause);
                }
            } catch (TimeoutException e) {
                throw new CommandTimedOut(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CommandTimedOut(timeout);
            }
        }
    }

    private static RuntimeException propagate(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The command's outcome is unknown after this long; the client may retry with the same id. */
    public static class CommandTimedOut extends RuntimeException {

        CommandTimedOut(Duration timeout) {
            super("No answer within " + timeout.toSeconds() + " s", null, false, false);
        }
    }
}
