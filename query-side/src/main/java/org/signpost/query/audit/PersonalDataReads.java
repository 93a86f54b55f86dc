package org.signpost.query.audit;

import jakarta.servlet.http.HttpServletRequest;
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
 * caseload, the audit search) is recorded here, one row per person shown, before it goes out.
 * If the log cannot be written, the answer is not given.
 */
@Component
public class PersonalDataReads {

    /** Whose data was read: a referral's young person, or a participant (the same person, enrolled). */
    public enum Subject { REFERRAL, PARTICIPANT }

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
        List<Object[]> rows = new ArrayList<>();
        subjectIds.stream().distinct().forEach(id ->
                rows.add(new Object[] {user.username(), user.role().name(), subject.name(), id, endpoint, correlationId}));
        jdbc.batchUpdate("""
                INSERT INTO personal_data_read (actor, role, subject_type, subject_id, endpoint, correlation_id)
                VALUES (?, ?, ?, ?, ?, ?)""", rows);
    }

    public Page search(Search search, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (search.subjectId() != null) {
            where.append(" AND subject_id = ?");
            args.add(search.subjectId());
        }
        if (search.actor() != null) {
            where.append(" AND actor = ?");
            args.add(search.actor());
        }
        if (search.from() != null) {
            where.append(" AND read_at >= ?");
            args.add(Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            where.append(" AND read_at < ?");
            args.add(Timestamp.from(search.to()));
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM personal_data_read" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Read> rows = jdbc.query("SELECT * FROM personal_data_read" + where + " ORDER BY id LIMIT ? OFFSET ?",
                (rs, i) -> new Read(rs.getLong("id"), rs.getTimestamp("read_at").toInstant(), rs.getString("actor"),
                        rs.getString("role"), Subject.valueOf(rs.getString("subject_type")), rs.getString("subject_id"),
                        rs.getString("endpoint"), rs.getString("correlation_id")),
                pageArgs.toArray());
        return new Page(rows, total == null ? 0 : total);
    }
}
