package org.signpost.query.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.signpost.platform.security.ActingUser;
import org.signpost.platform.web.CorrelationIdFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The log of reads of personal data: each answer that shows a young person's personal data
 * (name, date of birth, contact details, notes: a referral, a participant, their histories, a
 * caseload, the audit search) is recorded here before it goes out: one row per answer, naming
 * everyone it showed (one statement however long the caseload). Auditors read it one line per
 * person. If the log cannot be written, the answer is not given.
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

    private final JdbcTemplate jdbc;

    public PersonalDataReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that the current user is being shown these people's personal data by the current request. */
    public void record(Subject subject, Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return;
        }
        ActingUser user = ActingUser.current();
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        // The route, not the URL: ids are in subject_id, and query strings may hold anything.
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String endpoint = request.getMethod() + " " + (pattern != null ? pattern : request.getRequestURI());
        String correlationId = CorrelationIdFilter.of(request);
        String[] people = subjectIds.stream().distinct().toArray(String[]::new);
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO personal_data_read (actor, role, subject_type, subject_ids, endpoint, correlation_id)
                    VALUES (?, ?, ?, ?, ?, ?)""");
            insert.setString(1, user.username());
            insert.setString(2, user.role().name());
            insert.setString(3, subject.name());
            insert.setArray(4, connection.createArrayOf("varchar", people));
            insert.setString(5, endpoint);
            insert.setString(6, correlationId);
            return insert;
        });
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
