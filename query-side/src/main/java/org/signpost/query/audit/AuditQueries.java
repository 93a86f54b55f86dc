package org.signpost.query.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.signpost.projection.ProjectionGenerations;
import org.signpost.query.privacy.SealedJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the audit trail (its active generation). */
@Component
public class AuditQueries {

    private static final String ACTIVE = ProjectionGenerations.active(AuditTrailReadModel.NAME);
    private static final String COLUMNS = "position, aggregate_id, aggregate_type, sequence, type, occurred_on, "
            + "recorded_at, actor, role, correlation_id, payload";

    private final JdbcTemplate jdbc;
    private final SealedJson sealed;

    public AuditQueries(JdbcTemplate jdbc, SealedJson sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    /** Every event of one referral or participant, in order. */
    public List<AuditRow> history(String aggregateId, String aggregateType) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_event WHERE generation = " + ACTIVE
                        + " AND aggregate_id = ? AND aggregate_type = ? ORDER BY sequence",
                this::row, aggregateId, aggregateType);
    }

    /** The criteria of an audit search; each may be absent. {@code to} is exclusive. */
    public record Search(Instant from, Instant to, String actor, String type, String aggregateId) {
    }

    public record Page(List<AuditRow> rows, long total) {
    }

    public Page search(Search search, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE generation = " + ACTIVE);
        List<Object> args = new ArrayList<>();
        if (search.from() != null) {
            where.append(" AND recorded_at >= ?");
            args.add(Timestamp.from(search.from()));
        }
        if (search.to() != null) {
            where.append(" AND recorded_at < ?");
            args.add(Timestamp.from(search.to()));
        }
        if (search.actor() != null) {
            where.append(" AND actor = ?");
            args.add(search.actor());
        }
        if (search.type() != null) {
            where.append(" AND type = ?");
            args.add(search.type());
        }
        if (search.aggregateId() != null) {
            where.append(" AND aggregate_id = ?");
            args.add(search.aggregateId());
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM audit_event" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<AuditRow> rows = jdbc.query("SELECT " + COLUMNS + " FROM audit_event" + where
                + " ORDER BY position LIMIT ? OFFSET ?", this::row, pageArgs.toArray());
        return new Page(rows, total == null ? 0 : total);
    }

    /** The payload's personal values opened for the answer (null where erased). */
    private AuditRow row(ResultSet rs, int i) throws SQLException {
        {
            return new AuditRow(rs.getLong("position"), rs.getString("aggregate_id"), rs.getString("aggregate_type"),
                    rs.getLong("sequence"), rs.getString("type"), rs.getObject("occurred_on", LocalDate.class),
                    rs.getTimestamp("recorded_at").toInstant(), rs.getString("actor"), rs.getString("role"),
                    rs.getString("correlation_id"), sealed.openEvent(rs.getString("payload"), rs.getString("type")));
        }
    }
}
