package org.signpost.platform.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * The hash that chains one row to the one before it: over the previous hash and the row's
 * columns, each length-prefixed so that no two rows encode alike. Keyed (HMAC-SHA256 under a
 * chain's key) for the chains Signpost keeps; unkeyed (SHA-256) only to check the chain kept
 * before there were keys, which anyone who can write the database could recompute.
 * One instance is used by one thread at a time.
 */
public abstract sealed class RowDigest {

    /** The "previous hash" of a chain's first row. */
    static final byte[] GENESIS = new byte[32];

    private final byte[] scratch = new byte[8];

    /** HMAC-SHA256 under this key. */
    public static RowDigest keyed(SecretKey key) {
        return new Keyed(key);
    }

    /** Plain SHA-256: the unkeyed chain of versions before keys (V3), checked once at the hand-over. */
    public static RowDigest unkeyed() {
        return new Unkeyed();
    }

    /** The hash of the current row of {@code row}, a row of {@code rows}, after the row whose hash is {@code previous}. */
    public final byte[] next(byte[] previous, ChainedRows rows, ResultSet row) throws SQLException {
        update(previous, previous.length);
        rows.encode(row, this);
        return finish();
    }

    /** A number as 8 bytes, big-endian. */
    public final RowDigest number(long value) {
        for (int i = 7; i >= 0; i--) {
            scratch[i] = (byte) value;
            value >>>= 8;
        }
        update(scratch, 8);
        return this;
    }

    public final RowDigest text(String text) {
        return field(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes after their length as 4 bytes; -1 for null, so that null and empty differ. */
    public final RowDigest field(byte[] bytes) {
        int length = bytes == null ? -1 : bytes.length;
        scratch[0] = (byte) (length >>> 24);
        scratch[1] = (byte) (length >>> 16);
        scratch[2] = (byte) (length >>> 8);
        scratch[3] = (byte) length;
        update(scratch, 4);
        if (bytes != null) {
            update(bytes, bytes.length);
        }
        return this;
    }

    abstract void update(byte[] bytes, int length);

    /** The hash, and the digest ready for the next row. */
    abstract byte[] finish();

    private static final class Keyed extends RowDigest {
        private final Mac mac;

        Keyed(SecretKey key) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
            } catch (InvalidKeyException e) {
                throw new IllegalArgumentException("Not a key for HMAC-SHA256", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Every Java runtime has HMAC-SHA256", e);
            }
        }

        @Override
        void update(byte[] bytes, int length) {
            mac.update(bytes, 0, length);
        }

        @Override
        byte[] finish() {
            return mac.doFinal();
        }
    }

    private static final class Unkeyed extends RowDigest {
        private final MessageDigest sha256;

        Unkeyed() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }

        @Override
        void update(byte[] bytes, int length) {
            sha256.update(bytes, 0, length);
        }

        @Override
        byte[] finish() {
            return sha256.digest();
        }
    }
}
