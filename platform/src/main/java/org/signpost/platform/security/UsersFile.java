package org.signpost.platform.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The users the operator wrote into the file named by {@code SIGNPOST_USERS_FILE}:
 * {@code users: [{username, passwordHash: "{bcrypt}...", role, linkWorkerId}]}. Nobody else
 * exists: there is no built-in or default user.
 *
 * <p>A name that does not exist must cost a sign-in as much time as one that does, or its
 * answer time tells which names exist: the file keeps a hash of a random password at its own
 * bcrypt cost ({@link #dummyPasswordHash()}) to check an unknown name's password against.
 */
public final class UsersFile {

    /** Cheaper hashes are refused: each guess at them costs an attacker too little. */
    public static final int MINIMUM_COST = 10;
    /** What {@code ./signpost hash-password} makes, and the dummy's cost when the file is empty. */
    private static final int DEFAULT_COST = 12;
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$(\\d\\d)\\$[./0-9A-Za-z]{53}");
    private static final Logger log = LoggerFactory.getLogger(UsersFile.class);

    private final Map<String, SignpostUser> users;
    private final String dummyPasswordHash;

    private UsersFile(Map<String, SignpostUser> users, int cost) {
        this.users = users;
        byte[] password = new byte[24];
        new SecureRandom().nextBytes(password);
        this.dummyPasswordHash = "{bcrypt}" + BCrypt.hashpw(Base64.getEncoder().encodeToString(password),
                BCrypt.gensalt(cost));
    }

    public static UsersFile empty() {
        return new UsersFile(Map.of(), MINIMUM_COST);
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
            return new UsersFile(Map.copyOf(users), dummyCost(users.values()));
        }
    }

    /**
     * The cost most of the file's hashes have (the higher of two as common): unknown names then
     * take as long as most users' names. Users at another cost still stand out, so say so.
     */
    private static int dummyCost(Collection<SignpostUser> users) {
        Map<Integer, Long> usersByCost = users.stream()
                .collect(Collectors.groupingBy(user -> cost(user.passwordHash()), TreeMap::new, Collectors.counting()));
        int cost = usersByCost.entrySet().stream()
                .max(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(DEFAULT_COST);
        if (usersByCost.size() > 1) {
            log.warn("The users file mixes bcrypt costs (users by cost: {}): sign-ins of the users not at cost {} take "
                    + "another time than an unknown name's, which tells their names apart; hash every password "
                    + "at one cost", usersByCost, cost);
        }
        return cost;
    }

    private static int cost(String passwordHash) {
        Matcher bcrypt = BCRYPT.matcher(passwordHash);
        if (!bcrypt.matches()) {
            throw new IllegalStateException("Only well-formed hashes are read");
        }
        return Integer.parseInt(bcrypt.group(1));
    }

    /**
     * A bcrypt hash, at the cost of most of the file's, of a random password made at start and
     * never kept: an unknown name's password is checked against it, and never matches.
     */
    public String dummyPasswordHash() {
        return dummyPasswordHash;
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
            // Said without the name itself when the name is what is wrong: it could break the log line.
            UserNames.problem(username).ifPresent(problem -> {
                throw new IllegalArgumentException("The username \"" + UserNames.forLog(username) + "\" " + problem);
            });
            if (username.contains(":")) {
                // Bearer tokens' users are recorded as "idp:<name>" (BearerTokens): no file user may look like one.
                throw new IllegalArgumentException("The username " + username + " holds a ':', which no username may");
            }
            if (passwordHash == null || !passwordHash.startsWith("{bcrypt}")) {
                throw new IllegalArgumentException("User " + username + " needs a passwordHash starting with {bcrypt}");
            }
            Matcher bcrypt = BCRYPT.matcher(passwordHash);
            if (!bcrypt.matches()) {
                throw new IllegalArgumentException("User " + username + "'s passwordHash is not a whole bcrypt hash "
                        + "({bcrypt}$2a$, two digits of cost, $, 53 characters of salt and hash): "
                        + "make it again with ./signpost hash-password");
            }
            int cost = Integer.parseInt(bcrypt.group(1));
            if (cost < MINIMUM_COST || cost > 31) {
                throw new IllegalArgumentException("User " + username + "'s passwordHash has bcrypt cost " + cost
                        + ": it must be " + MINIMUM_COST + " to 31 (./signpost hash-password makes " + DEFAULT_COST + ")");
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
