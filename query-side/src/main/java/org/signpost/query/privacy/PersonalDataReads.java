package org.signpost.query.privacy;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.platform.integrity.RowMac;
import org.signpost.platform.security.ActingUser;
import org.signpost.platform.web.CorrelationIdFilter;
import org.signpost.projection.DaemonThreads;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The log of reads of personal data: each answer that shows a young person's personal data
 * (name, date of birth, contact details, notes: a referral, a participant, their histories, a
 * caseload, the audit search, a search for a young person) is recorded here before it goes out:
 * one row per answer, naming everyone it showed (one statement however long the caseload).
 * Auditors read it one line per person. If the log cannot be written, the answer is not given. A HEAD shows no data and is not
 * logged.
 */
@Component
public class PersonalDataReads {

    /** Whose data was read: a referral's young person, or a participant (the same person, enrolled). */
    public enum Subject { REFERRAL, PARTICIPANT }

    /** One person shown by one answer; {@code id} is the answer's, shared by everyone it showed. */
    public record Read(long id, Instant readAt, String actor, String role, Subject subjectType, String subjectId,
                       String endpoint, String correlationId) {
    }

    public record Search(String subjectId, String actor, Instant from, Instant to) {
    }

    public record Page(List<Read> rows, long total) {
    }

    /** Threads that log reads while answers are prepared (each answer waits for its own). */
    private static final int WRITERS = 4;

    private final JdbcTemplate jdbc;
    private final RowMac rowMac;
    private final Clock clock;
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, DaemonThreads.named("read-log"));

    public PersonalDataReads(JdbcTemplate jdbc, ChainKey chainKey, Clock clock) {
        this.jdbc = jdbc;
        this.rowMac = RowMac.readLog(chainKey);
        this.clock = clock;
    }

    /** Records that the current user is being shown these people's personal data by the current request. */
    public void record(Subject subject, Collection<String> subjectIds) {
        if (!subjectIds.isEmpty() && showsBody()) {
            insert(entry(subject, subjectIds));
        }
    }

    /**
     * Starts recording, on a connection of its own, that the current user is being shown these
     * people by the current request, so that the request can prepare its answer meanwhile (the
     * insert and its commit, which waits for the disk, took 0.5 ms of a 2.4 ms caseload). The
     * answer must not go out before {@link Logging#await} has returned. If the answer fails
     * after this, the read is logged all the same: the log may say more than was shown, never less.
     */
    public Logging logWhileAnswering(Subject subject, Collection<String> subjectIds) {
        if (subjectIds.isEmpty() || !showsBody()) {
            return new Logging(CompletableFuture.completedFuture(null));
        }
        Entry entry = entry(subject, subjectIds);
        return new Logging(CompletableFuture.runAsync(() -> insert(entry), writers));
    }

    /** A read being logged; the answer goes out only after {@link #await}. */
    public static final class Logging {

        private final CompletableFuture<Void> insert;

        private Logging(CompletableFuture<Void> insert) {
            this.insert = insert;
        }

        /** Returns once the read is logged; throws what the logging threw, so that no answer is given. */
        public void await() {
            try {
                insert.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    /**
     * Whether the current request's answer has a body: a HEAD runs the same handler as its GET but
     * shows nobody's data, and a row for it would say someone was shown what they were not.
     */
    private static boolean showsBody() {
        return !HttpMethod.HEAD.matches(currentRequest().getMethod());
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    /** One row of the log, as taken from the request, which another thread may insert. */
    private record Entry(String actor, String role, Subject subject, String[] people, String endpoint,
                         String correlationId) {
    }

    private static Entry entry(Subject subject, Collection<String> subjectIds) {
        ActingUser user = ActingUser.current();
        HttpServletRequest request = currentRequest();
        // The route, not the URL: ids are in subject_id, and query strings may hold anything.
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
        return new Entry(user.username(), user.role().name(), subject,
                subjectIds.stream().distinct().toArray(String[]::new), endpoint, CorrelationIdFilter.of(request));
    }

    /**
     * Inserts the row with its row MAC, which covers its id: so the id is taken first, and the
     * time of the read given rather than left to the database, to the microsecond it keeps.
     */
    private void insert(Entry entry) {
        long id = jdbc.queryForObject("SELECT nextval('personal_data_read_id_seq')", Long.class);
        Instant readAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] mac = rowMac.read(id, readAt, entry.actor(), entry.role(), entry.subject().name(), entry.people(),
                entry.endpoint(), entry.correlationId());
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO personal_data_read (id, read_at, actor, role, subject_type, subject_ids, endpoint,
                        correlation_id, row_mac)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            insert.setLong(1, id);
            insert.setObject(2, readAt.atOffset(ZoneOffset.UTC));
            insert.setString(3, entry.actor());
            insert.setString(4, entry.role());
            insert.setString(5, entry.subject().name());
            insert.setArray(6, connection.createArrayOf("varchar", entry.people()));
            insert.setString(7, entry.endpoint());
            insert.setString(8, entry.correlationId());
            insert.setBytes(9, mac);
            return insert;
        });
    }

    @PreDestroy
    void stop() {
        writers.shutdown();
    }

    public Page search(Search search, int page, int size) {
        // One line per person shown: the answers' arrays unnested, in the order they were logged.
        StringBuilder where = new StringBuilder(" " + """
                FROM personal_data_read r
                CROSS JOIN LATERAL unnest(r.subject_ids) WITH ORDINALITY AS shown(subject_id, n)
                WHERE true""");
        List<Object> args = new ArrayList<>();
        if (search.subjectId() != null) {
            // The containment test is what the GIN index answers; the second picks the person's line.
            where.append(" AND r.subject_ids @> ARRAY[?::varchar] AND shown.subject_id = ?");
            args.add(search.subjectId());
            args.add(search.subjectId());
        }
        if (search.actor() != null) {
            where.append(" AND r.actor = ?");
            args.add(search.actor());
        }
        if (search.from() != null) {
            where.append(" AND r.read_at >= ?");
            args.add(Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            where.append(" AND r.read_at < ?");
            args.add(Timestamp.from(search.to()));
        }
        Long total = jdbc.queryForObject("SELECT count(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Read> rows = jdbc.query("""
                        SELECT r.id, r.read_at, r.actor, r.role, r.subject_type, shown.subject_id, r.endpoint,
                               r.correlation_id""" + where + " ORDER BY r.id, shown.n LIMIT ? OFFSET ?",
                (rs, i) -> new Read(rs.getLong("id"), rs.getTimestamp("read_at").toInstant(), rs.getString("actor"),
                        rs.getString("role"), Subject.valueOf(rs.getString("subject_type")), rs.getString("subject_id"),
                        rs.getString("endpoint"), rs.getString("correlation_id")),
                pageArgs.toArray());
        return new Page(rows, total == null ? 0 : total);
    }
}
