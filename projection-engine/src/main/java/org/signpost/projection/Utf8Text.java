package org.signpost.projection;

import java.nio.charset.StandardCharsets;

/**
 * Text that is UTF-8 bytes already, such as a stored event's payload: a rebuild copies the
 * bytes as they are (decoding a million payloads into strings only to encode them again was
 * a twentieth of a replay's work); a live insert takes it as the string it stands for.
 */
public record Utf8Text(byte[] bytes) {

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
