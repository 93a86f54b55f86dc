package org.signpost.platform.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * The users the operator wrote into the file named by {@code SIGNPOST_USERS_FILE}:
 * {@code users: [{username, passwordHash: "{bcrypt}...", role, linkWorkerId}]}. Nobody else
 * exists: there is no built-in or default user.
 */
public final class UsersFile {

    private final Map<String, SignpostUser> users;

    private UsersFile(Map<String, SignpostUser> users) {
        this.users = users;
    }

    public static UsersFile empty() {
        return new UsersFile(Map.of());
    }

    public static UsersFile read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            Content content = new ObjectMapper(new YAMLFactory()).readValue(in, Content.class);
            Map<String, SignpostUser> users = new HashMap<>();
            for (Entry entry : content.users() == null ? List.<Entry>of() : content.users()) {
                SignpostUser user = entry.toUser();
                if (users.putIfAbsent(user.username(), user) != null) {
                    throw new IllegalArgumentException("User " + user.username() + " is written twice");
                }
            }
            return new UsersFile(Map.copyOf(users));
        }
    }

    public Optional<SignpostUser> find(String username) {
        return Optional.ofNullable(users.get(username));
    }

    /** The link worker ids of the link workers in the file, sorted. */
    public java.util.List<String> linkWorkerIds() {
        return users.values().stream().map(SignpostUser::linkWorkerId).filter(java.util.Objects::nonNull)
                .sorted().distinct().toList();
    }

    public int size() {
        return users.size();
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Content(List<Entry> users) {
    }

    record Entry(String username, String passwordHash, Role role, String linkWorkerId) {

        SignpostUser toUser() {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("A user without a username");
            }
            if (passwordHash == null || !passwordHash.startsWith("{bcrypt}")) {
                throw new IllegalArgumentException("User " + username + " needs a passwordHash starting with {bcrypt}");
            }
            if (role == null) {
                throw new IllegalArgumentException("User " + username + " needs a role");
            }
            if (role == Role.LINK_WORKER && (linkWorkerId == null || linkWorkerId.isBlank())) {
                throw new IllegalArgumentException("Link worker " + username + " needs a linkWorkerId");
            }
            return new SignpostUser(username, passwordHash, role, role == Role.LINK_WORKER ? linkWorkerId : null);
        }
    }
}
