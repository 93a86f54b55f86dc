package org.signpost.platform.integrity;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where a chain's seals are kept (V16): chain_seal, a hash per sealed row, and chain_head, how far it is sealed. */
final class ChainTables {

    private ChainTables() {
    }

    static SealedHead head(JdbcTemplate jdbc, Chain chain) {
        return jdbc.queryForObject("SELECT sealed_up_to, hash FROM chain_head WHERE chain = ?",
                (rs, i) -> new SealedHead(rs.getLong(1), rs.getBytes(2)), chain.name());
    }

    /** The hash the chain had at this position: that of its last seal at or below it (holes have none). */
    static byte[] hashAt(JdbcTemplate jdbc, Chain chain, long position) {
        List<byte[]> hash = jdbc.queryForList("SELECT hash FROM chain_seal WHERE chain = ? AND position <= ? "
                + "ORDER BY position DESC LIMIT 1", byte[].class, chain.name(), position);
        return hash.isEmpty() ? RowDigest.GENESIS : hash.get(0);
    }
}
