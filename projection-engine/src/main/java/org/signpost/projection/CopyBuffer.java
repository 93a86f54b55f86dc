package org.signpost.projection;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.copy.CopyIn;

/**
 * The bytes of one {@code COPY} in binary format, big-endian as PostgreSQL reads them, kept in
 * blocks of a fixed size: a chunk of rows that hold whole payloads is several megabytes, which in one
 * array grown by doubling was copied again at each doubling and, past half a heap region, was
 * allocated outside the young generation by the collector. (A stream's per-call locking showed
 * in the profile too.)
 */
final class CopyBuffer {

    private static final int BLOCK = 256 * 1024;
    /** Most tables get a few rows per chunk: the first block is small. */
    private static final int FIRST_BLOCK = 16 * 1024;

    /** The blocks filled so far, each with how many of its bytes are used. */
    private record Block(byte[] bytes, int length) {
    }

    private final List<Block> full = new ArrayList<>();
    private byte[] block = new byte[FIRST_BLOCK];
    private int length;

    CopyBuffer int8(int value) {
        room(1);
        block[length++] = (byte) value;
        return this;
    }

    CopyBuffer int16(int value) {
        room(2);
        block[length++] = (byte) (value >>> 8);
        block[length++] = (byte) value;
        return this;
    }

    CopyBuffer int32(int value) {
        room(4);
        block[length++] = (byte) (value >>> 24);
        block[length++] = (byte) (value >>> 16);
        block[length++] = (byte) (value >>> 8);
        block[length++] = (byte) value;
        return this;
    }

    CopyBuffer int64(long value) {
        return int32((int) (value >>> 32)).int32((int) value);
    }

    /** Any length: the bytes may run on into the next block, as the stream they are part of does. */
    CopyBuffer bytes(byte[] value) {
        int from = 0;
        while (from < value.length) {
            room(1);
            int part = Math.min(value.length - from, block.length - length);
            System.arraycopy(value, from, block, length, part);
            length += part;
            from += part;
        }
        return this;
    }

    /** Sends every byte, in order. */
    void writeTo(CopyIn copy) throws SQLException {
        for (Block done : full) {
            copy.writeToCopy(done.bytes(), 0, done.length());
        }
        copy.writeToCopy(block, 0, length);
    }

    /** Room for this many more bytes in the current block, else a new block (a number never spans two). */
    private void room(int more) {
        if (length + more > block.length) {
            full.add(new Block(block, length));
            block = new byte[BLOCK];
            length = 0;
        }
    }
}
