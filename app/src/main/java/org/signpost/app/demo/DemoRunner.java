package org.signpost.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Sends a demo plan to a running service through its HTTP API, each command as the member of staff
 * the plan names, so that the history is made by the same rules, events, read models and seals as
 * any other; then waits until every read model has applied all of it.
 */
public final class DemoRunner {

    private static final int SENDERS = 4;

    private final ServiceClient service;
    private final Map<String, SignIn> users;

    /** @param users the sign-ins of the users the plan names, by user name */
    public DemoRunner(ServiceClient service, Map<String, SignIn> users) {
        this.service = service;
        this.users = Map.copyOf(users);
    }

    /**
     * Sends each referral's commands in their order, a few referrals at a time (the oldest first).
     *
     * @param progress told the number of commands sent so far, now and then
     */
    public void run(DemoPlan plan, IntConsumer progress) {
        Map<UUID, List<DemoStep>> stories = plan.stories();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<DemoStep> story : stories.values()) {
                done.add(senders.submit(() -> send(story, sent, progress)));
            }
            for (Future<?> story : done) {
                story.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while making the demo's history", e);
        } finally {
            senders.shutdownNow();
        }
        awaitReadModels(Duration.ofMinutes(10));
    }

    private void send(List<DemoStep> story, AtomicInteger sent, IntConsumer progress) {
        UUID participantId = null;
        for (DemoStep step : story) {
            Map<String, Object> body = step.body();
            if (step.kind() == DemoStep.Kind.ERASURE) {
                body = new LinkedHashMap<>(body);
                body.put("confirm", participantId);
            }
            SignIn user = users.get(step.actor());
            if (user == null) {
                throw new IllegalStateException("No sign-in for " + step.actor());
            }
            JsonNode answer = service.post(user, step.kind().path(step.referralId(), participantId, step.signpostId()), body);
            if (step.kind() == DemoStep.Kind.ASSIGN) {
                participantId = UUID.fromString(answer.path("participantId").asText());
            }
            int count = sent.incrementAndGet();
            if (count % 250 == 0) {
                progress.accept(count);
            }
        }
    }

    /** Until every projection's position reaches the event store's head (API.md: reads are eventually consistent). */
    private void awaitReadModels(Duration limit) {
        SignIn analyst = users.values().stream().filter(user -> user.username().equals("analyst")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No analyst to read the projections' positions"));
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            boolean current = true;
            for (JsonNode projection : service.get(analyst, "/api/projections")) {
                current &= projection.path("position").asLong() >= projection.path("headPosition").asLong()
                        && projection.path("status").asText().equals("RUNNING");
            }
            if (current) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the read models", e);
            }
        }
        throw new IllegalStateException("The read models did not catch up with the demo's history within " + limit);
    }
}
