package org.signpost.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.signpost.platform.testing.Api.Response;

/**
 * Many clients at once on one participant: every command lands exactly once or is refused
 * with 409 or 412; nothing is lost, nothing doubled, and the participant's sequence numbers have
 * no holes.
 */
class ConcurrentCommandsHttpTest extends CommandSideHttpTest {

    private static final int CLIENTS = 8;
    private static final int COMMANDS_PER_CLIENT = 30;

    @Test
    void concurrentCommandsOnOneParticipantLandExactlyOnceOrAreRefused() throws Exception {
        String participantId = enrolledParticipant();
        String participant = "/api/participants/" + participantId;
        // Session ids shared between clients: the same session sent by several at once is recorded once.
        List<String> sharedSessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sharedSessions.add(UUID.randomUUID().toString());
        }
        Set<String> sessionsAnswered = ConcurrentHashMap.newKeySet();
        List<Integer> contactsAnswered = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger missedAnswered = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    start.await();
                    for (int i = 0; i < COMMANDS_PER_CLIENT; i++) {
                        Response answer;
                        switch ((client + i) % 3) {
                            case 0 -> {
                                String sessionId = sharedSessions.get((client * 7 + i) % sharedSessions.size());
                                Map<String, Object> form = new LinkedHashMap<>(sessionForm(3));
                                form.put("sessionId", sessionId);
                                answer = api.as("linkworker").post(participant + "/sessions", form);
                                if (answer.status() == 201) {
                                    sessionsAnswered.add(sessionId);
                                }
                            }
                            case 1 -> {
                                answer = api.as("linkworker").post(participant + "/contacts",
                                        Map.of("channel", "TEXT", "direction", "OUTBOUND", "contactedOn", day(1)));
                                if (answer.status() == 201) {
                                    contactsAnswered.add(1);
                                }
                            }
                            default -> {
                                // On a version read a moment ago: accepted if still current, else 412.
                                String version = api.as("manager").post(participant + "/contacts",
                                        Map.of("channel", "PHONE", "direction", "INBOUND", "contactedOn", day(2)))
                                        .header("ETag");
                                contactsAnswered.add(1);
                                answer = api.as("linkworker").header("If-Match", version).post(
                                        participant + "/missed-sessions", Map.of("plannedOn", day(1)));
                                if (answer.status() == 201) {
                                    missedAnswered.incrementAndGet();
                                }
                            }
                        }
                        statuses.merge(answer.status(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdown();
        }

        assertThat(statuses.keySet()).isSubsetOf(200, 201, 409, 412);
        List<Map<String, Object>> events = jdbc.queryForList("""
                SELECT sequence_number, payload_type, convert_from(payload, 'UTF8')::jsonb ->> 'sessionId' AS session
                FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number""", participantId);
        List<Long> sequences = events.stream().map(e -> ((Number) e.get("sequence_number")).longValue()).toList();
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("no hole, no duplicate").isEqualTo(i);
        }
        List<String> sessions = events.stream().filter(e -> e.get("payload_type").toString().endsWith("SessionHeld"))
                .map(e -> (String) e.get("session")).toList();
        assertThat(new HashSet<>(sessions)).as("each session once").hasSameSizeAs(sessions)
                .isEqualTo(sessionsAnswered);
        long contacts = events.stream().filter(e -> e.get("payload_type").toString().endsWith("ContactMade")).count();
        assertThat(contacts).as("every contact answered 201 is stored, once").isEqualTo(contactsAnswered.size());
        long missed = events.stream().filter(e -> e.get("payload_type").toString().endsWith("SessionMissed")).count();
        assertThat(missed).as("every missed session answered 201 is stored, once").isEqualTo(missedAnswered.get());
        assertThat(statuses.getOrDefault(412, 0)).as("some clients lost the race on their version").isPositive();
    }
}
