package org.signpost.platform.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.signpost.platform.integrity.ChainReport.Failure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Goes along a chain row by row, recomputing each hash, and remembers the first disagreement:
 * every sealed position must hold exactly the row that was sealed there, nothing may have
 * appeared below the head since, and each row from where row MACs began must carry the MAC the
 * service wrote it with. Streams (a cursor), so it must run in a transaction.
 */
final class ChainWalk implements RowCallbackHandler {

    private final ChainedRows rows;
    private final RowDigest digest;
    private final long anchoredPosition;
    /** The rows' MACs, checked from {@link #macsFrom} on; none for the unkeyed chain of earlier versions. */
    private final RowMac.Check macs;
    private final long macsFrom;
    byte[] hash = RowDigest.GENESIS;
    /** The chain's hash at the anchored position: that of the last row at or below it. */
    byte[] hashAtAnchor = RowDigest.GENESIS;
    long verified;
    Failure failure;

    private ChainWalk(ChainedRows rows, RowDigest digest, long anchoredPosition, RowMac.Check macs, long macsFrom) {
        this.rows = rows;
        this.digest = digest;
        this.anchoredPosition = anchoredPosition;
        this.macs = macs;
        this.macsFrom = macsFrom;
    }

    /** Walks a keyed chain's rows up to {@code upTo} against its seals, and their MACs from {@code macsFrom} on. */
    static ChainWalk walk(JdbcTemplate jdbc, Chain chain, long upTo, long anchoredPosition, long macsFrom) {
        return walk(jdbc, new ChainWalk(chain.rows(), chain.digest(), anchoredPosition, chain.rowMac().check(),
                macsFrom), chain.seals(), upTo);
    }

    /**
     * Walks the rows up to {@code upTo} against the seals given by {@code seals}, a query of
     * (position, hash), without their MACs.
     */
    static ChainWalk walk(JdbcTemplate jdbc, ChainedRows rows, String seals, RowDigest digest, long upTo,
                          long anchoredPosition) {
        return walk(jdbc, new ChainWalk(rows, digest, anchoredPosition, null, Long.MAX_VALUE), seals, upTo);
    }

    private static ChainWalk walk(JdbcTemplate jdbc, ChainWalk walk, String seals, long upTo) {
        ChainedRows rows = walk.rows;
        // A cursor, not the whole table in memory: the caller's transaction keeps autocommit off.
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(2_000);
        String position = "e." + rows.position();
        streaming.query("SELECT coalesce(" + position + ", c.position) AS chain_position, "
                + position + " IS NOT NULL AS stored, c.hash AS sealed_hash, "
                + rows.columns().stream().map(column -> "e." + column).collect(Collectors.joining(", "))
                + ", e." + RowMac.COLUMN
                + " FROM " + rows.table() + " e FULL OUTER JOIN (" + seals + ") c ON c.position = " + position
                + " WHERE coalesce(" + position + ", c.position) <= ? ORDER BY 1", walk, upTo);
        return walk;
    }

    @Override
    public void processRow(ResultSet rs) throws SQLException {
        if (failure != null) {
            return;
        }
        long position = rs.getLong("chain_position");
        byte[] sealed = rs.getBytes("sealed_hash");
        if (!rs.getBoolean("stored")) {
            failure = new Failure(position, "the sealed " + rows.row() + " is missing from " + rows.table());
            return;
        }
        if (sealed == null) {
            failure = new Failure(position, "this " + rows.row() + " appeared in " + rows.table()
                    + " below the sealed head after it was sealed");
            return;
        }
        hash = digest.next(hash, rows, rs);
        if (!Arrays.equals(hash, sealed)) {
            failure = new Failure(position, "the stored " + rows.row() + " differs from the one that was sealed");
            return;
        }
        if (position >= macsFrom && !macs.carriedBy(rs)) {
            failure = new Failure(position, notWrittenByTheService(rows));
            return;
        }
        if (position <= anchoredPosition) {
            hashAtAnchor = hash;
        }
        verified++;
    }

    /** Why a row without the MAC the service writes its rows with is reported. */
    static String notWrittenByTheService(ChainedRows rows) {
        return "this " + rows.row() + " was not written by the service: it lacks the MAC the service writes each "
                + rows.row() + " with, so it was added to " + rows.table() + " by someone without the integrity key";
    }
}
