package org.signpost.platform.integrity;

import javax.crypto.SecretKey;

/**
 * One tamper-evident chain: which rows it seals, where its seals are (chain_seal and chain_head,
 * under its name) and the key its hashes are made with, derived for it alone.
 *
 * @param name the chain's name in chain_seal, chain_head, chain_row_mac and the head anchor
 * @param rowKey the key of its rows' own MACs ({@link RowMac})
 * @param lock the PostgreSQL advisory lock that makes one process at a time its sealer
 */
public record Chain(String name, ChainedRows rows, SecretKey key, SecretKey rowKey, long lock) {

    public static final String EVENTS = "events";
    public static final String READ_LOG = "read-log";

    /** The event store's chain. */
    public static Chain events(ChainKey key) {
        // "signpost" in ASCII.
        return new Chain(EVENTS, ChainedRows.EVENTS, key.derive("chain " + EVENTS), key.derive("row " + EVENTS),
                0x7369676e706f7374L);
    }

    /** The personal-data read log's chain. */
    public static Chain readLog(ChainKey key) {
        // "readlogs" in ASCII.
        return new Chain(READ_LOG, ChainedRows.READ_LOG, key.derive("chain " + READ_LOG),
                key.derive("row " + READ_LOG), 0x726561646c6f6773L);
    }

    public RowDigest digest() {
        return RowDigest.keyed(key);
    }

    public RowMac rowMac() {
        return new RowMac(rowKey, rows);
    }

    /** The seals of this chain, as (position, hash), for a join with its rows. */
    String seals() {
        return "SELECT position, hash FROM chain_seal WHERE chain = '" + name + "'";
    }

    @Override
    public String toString() {
        // Never the keys.
        return "Chain[" + name + "]";
    }
}
