package org.signpost.platform.integrity;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a chain's seals are kept (V16): chain_seal, a hash per sealed row, and chain_head, how far
 * it is sealed; and from where its rows carry a MAC (V21).
 */
final class ChainTables {

    private ChainTables() {
    }

    static SealedHead head(JdbcTemplate jdbc, Chain chain) {
        return jdbc.queryForObject("SELECT sealed_up_to, hash FROM chain_head WHERE chain = ?",
                (rs, i) -> new SealedHead(rs.getLong(1), rs.getBytes(2)), chain.name());
    }

    /**
     * The first position whose row must carry its {@link RowMac} (V21): rows stored before that
     * version have none. Without its record, every row must.
     */
    static long rowMacsFrom(JdbcTemplate jdbc, Chain chain) {
        List<Long> from = jdbc.queryForList("SELECT required_from FROM chain_row_mac WHERE chain = ?", Long.class,
                chain.name());
        return from.isEmpty() ? 1 : from.get(0);
    }

    /** The hash the chain had at this position: that of its last seal at or below it (holes have none). */
    static byte[] hashAt(JdbcTemplate jdbc, Chain chain, long position) {
        List<byte[]> hash = jdbc.queryForList("SELECT hash FROM chain_seal WHERE chain = ? AND position <= ? "
                + "ORDER BY position DESC LIMIT 1", byte[].class, chain.name(), position);
        return hash.isEmpty() ? RowDigest.GENESIS : hash.get(0);
    }
}
