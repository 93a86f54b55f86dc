package org.signpost.query.projection;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which generation of each read model is read (active) and which is written (building). They
 * differ only during a replay: reads go on from the complete old generation while the new one
 * is built; once the new one has caught up with the head of the event store as it was when the
 * replay began, it becomes active and the old rows are deleted.
 */
@Component
public class ProjectionGenerations {

    /** The tables of each projection, all carrying a generation column. */
    public static final Map<String, List<String>> TABLES = Map.of(
            ProjectionNames.REFERRALS, List.of("referral_view"),
            ProjectionNames.CASELOAD, List.of("participant_view", "participant_name"),
            ProjectionNames.AUDIT_TRAIL, List.of("audit_event"),
            ProjectionNames.EVALUATION_METRICS, List.of("metric_referral", "metric_participant", "metric_session",
                    "metric_signpost", "metric_uptake", "metric_measure"));

    private final JdbcTemplate jdbc;

    public ProjectionGenerations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The generation handlers write to; a projection seen for the first time starts at 1. */
    public int building(String projection) {
        jdbc.update("INSERT INTO projection_generation (projection, active, building) VALUES (?, 1, 1) "
                + "ON CONFLICT (projection) DO NOTHING", projection);
        return jdbc.queryForObject("SELECT building FROM projection_generation WHERE projection = ?",
                Integer.class, projection);
    }

    /** SQL for the active generation, to embed in every read: {@code generation = (...)}. */
    public static String active(String projection) {
        return "(SELECT active FROM projection_generation WHERE projection = '" + projection + "')";
    }

    /** A replay starts: a fresh generation after the active one; leftovers of an earlier attempt go. */
    public void startRebuild(String projection, long head) {
        int building = building(projection);
        Integer active = jdbc.queryForObject("SELECT active FROM projection_generation WHERE projection = ?",
                Integer.class, projection);
        int next = Math.max(active, building) + 1;
        for (String table : TABLES.get(projection)) {
            jdbc.update("DELETE FROM " + table + " WHERE generation = ?", next);
        }
        if (building != active) {
            // An earlier replay that never completed: its rows are of no use.
            for (String table : TABLES.get(projection)) {
                jdbc.update("DELETE FROM " + table + " WHERE generation = ?", building);
            }
        }
        jdbc.update("UPDATE projection_generation SET building = ?, replay_head = ? WHERE projection = ?",
                next, head, projection);
    }

    /** Whether a rebuild is under way, and up to which position it must get before it is complete. */
    public Rebuild rebuild(String projection) {
        // Read-only: it is polled every half second, and a projection not seen yet has no rebuild.
        return jdbc.query(
                "SELECT active, building, replay_head FROM projection_generation WHERE projection = ?",
                (rs, i) -> new Rebuild(rs.getInt("active"), rs.getInt("building"), rs.getLong("replay_head")),
                projection).stream().findFirst().orElse(new Rebuild(1, 1, 0));
    }

    /** The rebuilt generation becomes the one read; the old one is deleted. */
    public void completeRebuild(String projection) {
        Rebuild rebuild = rebuild(projection);
        if (!rebuild.underWay()) {
            return;
        }
        jdbc.update("UPDATE projection_generation SET active = building, replay_head = NULL WHERE projection = ?",
                projection);
        for (String table : TABLES.get(projection)) {
            jdbc.update("DELETE FROM " + table + " WHERE generation = ?", rebuild.active());
        }
    }

    public record Rebuild(int active, int building, long head) {

        public boolean underWay() {
            return active != building;
        }
    }
}
