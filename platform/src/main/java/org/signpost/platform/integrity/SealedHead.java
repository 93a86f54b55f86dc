package org.signpost.platform.integrity;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The end of a chain: every row up to {@code position} is sealed, the last of them with {@code hash}.
 * Position 0 with 32 zero bytes is a chain that has sealed nothing yet.
 */
public record SealedHead(long position, byte[] hash) {

    static final SealedHead NOTHING = new SealedHead(0, RowDigest.GENESIS);

    public String hex() {
        return HexFormat.of().formatHex(hash);
    }

    @Override
    public String toString() {
        return position + " " + hex();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedHead head && head.position == position && Arrays.equals(head.hash, hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(position) * 31 + Arrays.hashCode(hash);
    }
}
