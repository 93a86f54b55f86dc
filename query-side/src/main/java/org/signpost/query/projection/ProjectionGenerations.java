package org.signpost.query.projection;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which generation of each read model is read (active) and which is written (building). They
 * differ only during a replay: reads go on from the complete old generation while the new one
 * is built; once the new one has caught up with the live processor, it becomes active and the
 * old rows are deleted.
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

    /** The generation that is read, and written by the live processor; a projection seen for the first time starts at 1. */
    public int activeGeneration(String projection) {
        ensureKnown(projection);
        return jdbc.queryForObject("SELECT active FROM projection_generation WHERE projection = ?",
                Integer.class, projection);
    }

    private void ensureKnown(String projection) {
        jdbc.update("INSERT INTO projection_generation (projection, active, building) VALUES (?, 1, 1) "
                + "ON CONFLICT (projection) DO NOTHING", projection);
    }

    /** SQL for the active generation, to embed in every read: {@code generation = (...)}. */
    public static String active(String projection) {
        return "(SELECT active FROM projection_generation WHERE projection = '" + projection + "')";
    }

    /**
     * A replay starts: a fresh generation after the active one, emptied of what an earlier
     * attempt may have left; returns its number.
     */
    public int startRebuild(String projection) {
        ensureKnown(projection);
        Rebuild current = rebuild(projection);
        int next = Math.max(current.active(), current.building()) + 1;
        for (String table : TABLES.get(projection)) {
            jdbc.update("DELETE FROM " + table + " WHERE generation > ?", current.active());
        }
        jdbc.update("UPDATE projection_generation SET building = ? WHERE projection = ?", next, projection);
        return next;
    }

    /** A rebuild that will not complete (it failed or its process stopped): its rows go, reads stay where they are. */
    public void abandonRebuild(String projection) {
        Rebuild current = rebuild(projection);
        for (String table : TABLES.get(projection)) {
            jdbc.update("DELETE FROM " + table + " WHERE generation > ?", current.active());
        }
        jdbc.update("UPDATE projection_generation SET building = active WHERE projection = ?", projection);
    }

    /** Whether a rebuild is under way. */
    public Rebuild rebuild(String projection) {
        // Read-only: it is polled often, and a projection not seen yet has no rebuild.
        return jdbc.query(
                "SELECT active, building FROM projection_generation WHERE projection = ?",
                (rs, i) -> new Rebuild(rs.getInt("active"), rs.getInt("building")),
                projection).stream().findFirst().orElse(new Rebuild(1, 1));
    }

    /**
     * The rebuilt generation becomes the one read, in the caller's transaction. Its old rows are
     * deleted afterwards by {@link #deleteOldGenerations}, outside that transaction, so the
     * switch itself stays short.
     */
    public void completeRebuild(String projection) {
        jdbc.update("UPDATE projection_generation SET active = building WHERE projection = ? AND active <> building",
                projection);
    }

    /** Deletes the rows of generations older than the active one. */
    public void deleteOldGenerations(String projection) {
        int active = activeGeneration(projection);
        for (String table : TABLES.get(projection)) {
            jdbc.update("DELETE FROM " + table + " WHERE generation < ?", active);
        }
    }

    public record Rebuild(int active, int building) {

        public boolean underWay() {
            return active != building;
        }
    }
}
