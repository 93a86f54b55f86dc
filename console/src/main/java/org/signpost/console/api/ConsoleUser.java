package org.signpost.console.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who is signed in to the console, as the service's session token names them, and that token:
 * the console acts only with it (a password is never kept after sign-in). The token is renewed
 * while the person keeps working ({@link SignpostApi}), so it changes; nothing else does.
 */
public final class ConsoleUser {

    private final String name;
    private final String role;
    private final String linkWorkerId;
    private final TokenRenewal renewal;
    private volatile String token;
    private volatile Instant expiresAt;

    /** Signed in with a password: the service's session token, renewed by the service. */
    public ConsoleUser(String name, String role, String linkWorkerId, String token, Instant expiresAt) {
        this(name, role, linkWorkerId, token, expiresAt, null);
    }

    /** Signed in by the organisation's identity provider: its access token, renewed by {@code renewal}. */
    public ConsoleUser(String name, String role, String linkWorkerId, String token, Instant expiresAt,
                       TokenRenewal renewal) {
        this.name = name;
        this.role = role;
        this.linkWorkerId = linkWorkerId;
        this.token = token;
        this.expiresAt = expiresAt;
        this.renewal = renewal;
    }

    /** A new token from whoever issued the one in hand; empty when it will give none (the session is over). */
    public interface TokenRenewal {
        Optional<Renewed> renew();
    }

    /** A renewed token and its expiry. */
    public record Renewed(String token, Instant expiresAt) {
    }

    TokenRenewal renewal() {
        return renewal;
    }

    public String name() {
        return name;
    }

    public String role() {
        return role;
    }

    /** The role as people read it: "Link worker", "Data protection officer". */
    public String roleName() {
        String words = role.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public String linkWorkerId() {
        return linkWorkerId;
    }

    public boolean is(String... roles) {
        return List.of(roles).contains(role);
    }

    String token() {
        return token;
    }

    /** When the token in hand expires (it is renewed before then while the person works). */
    public Instant expiresAt() {
        return expiresAt;
    }

    void renewed(String token, Instant expiresAt) {
        this.token = token;
        this.expiresAt = expiresAt;
    }

    public List<GrantedAuthority> authorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + name + ", " + role + "]";
    }
}
