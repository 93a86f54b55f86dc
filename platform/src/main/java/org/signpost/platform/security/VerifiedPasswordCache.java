package org.signpost.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (about a
 * quarter of a second at cost 12): checked on every request it would cap the service at a few
 * requests per second per core. A password that matched its hash is remembered for a few
 * minutes, as an HMAC under a key that exists only in this process's memory, so neither the
 * password nor a fast hash of it is ever kept or written anywhere. A user's new password in the
 * users file is a new hash, which nothing remembered matches.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Cache<String, Boolean> verified;
    /** Keyed once; each fingerprint is made on a copy (looking an algorithm up costs more than the HMAC). */
    private final Mac keyedMac;

    VerifiedPasswordCache(PasswordEncoder delegate, Duration remembered) {
        this.delegate = delegate;
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(remembered).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            this.keyedMac = Mac.getInstance("HmacSHA256");
            this.keyedMac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        if (verified.getIfPresent(fingerprint) != null) {
            return true;
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(fingerprint, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return false;
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        Mac mac;
        try {
            mac = (Mac) keyedMac.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be copied", e);
        }
        mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
