package org.signpost.platform.privacy;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps every young person's key: 32 random bytes, base64, from SIGNPOST_MASTER_KEY
 * (the launcher makes one in ~/.signpost/master-key for a local installation). Never stored in
 * the database, so a copy of the database alone reads no personal data.
 */
final class MasterKey {

    private MasterKey() {
    }

    static SecretKey parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException("No master key: set SIGNPOST_MASTER_KEY to 32 random bytes in base64 "
                    + "(for example: head -c 32 /dev/urandom | base64)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SIGNPOST_MASTER_KEY is not base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("SIGNPOST_MASTER_KEY must be 32 bytes (256 bits), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
