package org.signpost.query.projection;

import java.util.Arrays;

/**
 * The bytes of one {@code COPY} in binary format, big-endian as PostgreSQL reads them. A plain
 * growing array: a rebuild writes millions of values into it from one thread, and a stream's
 * per-call locking and copying showed in its profile.
 */
final class CopyBuffer {

    private byte[] bytes = new byte[1 << 16];
    private int length;

    CopyBuffer int8(int value) {
        room(1);
        bytes[length++] = (byte) value;
        return this;
    }

    CopyBuffer int16(int value) {
        room(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    CopyBuffer int32(int value) {
        room(4);
        bytes[length++] = (byte) (value >>> 24);
        bytes[length++] = (byte) (value >>> 16);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    CopyBuffer int64(long value) {
        return int32((int) (value >>> 32)).int32((int) value);
    }

    CopyBuffer bytes(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
        return this;
    }

    byte[] array() {
        return bytes;
    }

    int length() {
        return length;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
