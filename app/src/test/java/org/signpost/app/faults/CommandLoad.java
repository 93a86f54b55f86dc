package org.signpost.app.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.signpost.platform.testing.Api;
import org.signpost.platform.testing.Api.Response;
import org.signpost.platform.testing.Requests;

/**
 * Clients sending commands as fast as the service answers: referrals received, triaged and
 * assigned, then sessions, each with ids of its own. Remembers every command answered 2xx.
 */
final class CommandLoad implements AutoCloseable {

    /** A command the service answered 2xx, and how to find what it stored. */
    record Acknowledged(String kind, String aggregateId, String id) {
    }

    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService clients;

    CommandLoad(Api api, int clients) {
        this.clients = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            this.clients.submit(() -> run(api));
        }
    }

    /** Waits until this many more commands than now have been answered 2xx. */
    void awaitMore(int commands, Duration atMost) {
        int target = count.get() + commands;
        await().atMost(atMost).until(() -> count.get() >= target);
    }

    int acknowledgedCount() {
        return count.get();
    }

    /** Commands answered with something else than 2xx (the service refusing while a fault lasts). */
    int refusedCount() {
        return refused.get();
    }

    /** Answers 5xx: the service failing, or refusing (503) while a fault lasts. */
    int serverErrorCount() {
        return serverErrors.get();
    }

    ConcurrentLinkedQueue<Acknowledged> acknowledged() {
        return acknowledged;
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        clients.shutdown();
        clients.awaitTermination(2, TimeUnit.MINUTES);
    }

    private void run(Api api) {
        LocalDate today = LocalDate.now();
        while (!stop.get()) {
            try {
                String referralId = UUID.randomUUID().toString();
                Map<String, Object> referral = Requests.referral("Load", "Test", 20);
                referral.put("referralId", referralId);
                if (!ok(api.as("coordinator").post("/api/referrals", referral),
                        new Acknowledged("ReferralReceived", referralId, null))) {
                    continue;
                }
                if (!ok(api.as("coordinator").post("/api/referrals/" + referralId + "/triage",
                                Map.of("outcome", "ACCEPTED", "triagedOn", today.minusDays(19).toString())),
                        new Acknowledged("Triaged", referralId, null))) {
                    continue;
                }
                Response assigned = api.as("coordinator").post("/api/referrals/" + referralId + "/assignment",
                        Map.of("linkWorkerId", "lw-" + (1 + Math.abs(referralId.hashCode()) % 5),
                                "assignedOn", today.minusDays(18).toString()));
                if (!ok(assigned, new Acknowledged("LinkWorkerAssigned", referralId, null))) {
                    continue;
                }
                String participantId = assigned.text("participantId");
                for (int s = 0; s < 3 && !stop.get(); s++) {
                    String sessionId = UUID.randomUUID().toString();
                    Map<String, Object> session = new LinkedHashMap<>();
                    session.put("sessionId", sessionId);
                    session.put("heldOn", today.minusDays(10 - s).toString());
                    session.put("durationMinutes", 40);
                    session.put("location", "SCHOOL");
                    session.put("accompaniedBy", "NONE");
                    ok(api.as("manager").post("/api/participants/" + participantId + "/sessions", session),
                            new Acknowledged("SessionHeld", participantId, sessionId));
                }
            } catch (RuntimeException e) {
                // The service went away mid-request: that command's fate is unknown, which is allowed.
                if (stop.get()) {
                    return;
                }
            }
        }
    }

    private boolean ok(Response response, Acknowledged command) {
        if (response.status() / 100 == 2) {
            acknowledged.add(command);
            count.incrementAndGet();
            return true;
        }
        refused.incrementAndGet();
        if (response.status() >= 500) {
            serverErrors.incrementAndGet();
        }
        return false;
    }
}
