package org.signpost.platform.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.signpost.platform.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The users the operator wrote into the users file ({@code SIGNPOST_USERS_FILE}, or
 * {@code users.yml} in the Signpost home): {@code users: [{username, passwordHash: "{bcrypt}...",
 * role, linkWorkerId}]}. Nobody else exists: there is no built-in or default user.
 *
 * <p>A name that does not exist must cost a sign-in as much time as one that does, or its
 * answer time tells which names exist: the file keeps a hash of a random password at its own
 * bcrypt cost ({@link #dummyPasswordHash()}) to check an unknown name's password against.
 */
public final class UsersFile {

    /** Cheaper hashes are refused: each guess at them costs an attacker too little. */
    public static final int MINIMUM_COST = 10;
    /** What {@code ./signpost hash-password} and {@code ./signpost users} make, and the dummy's cost when the file is empty. */
    public static final int DEFAULT_COST = 12;
    private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt}\\$2[aby]?\\$(\\d\\d)\\$[./0-9A-Za-z]{53}");
    /** A hash written without quotes: YAML reads "{bcrypt}" as the start of a mapping. */
    private static final Pattern UNQUOTED_HASH = Pattern.compile("passwordHash\\s*:\\s*\\{");
    private static final String HEADER = """
            # Signpost's users: change them with ./signpost users (add, list, remove, password), or by hand with
            # hashes from ./signpost hash-password (in quotes). The running service reads this file again when it
            # changes. Holds password hashes: keep it readable by its owner only, and out of version control.
            """;
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

    /**
     * The file's users, each checked. Whatever is wrong is said in an {@link IllegalArgumentException}
     * that names the line or the user and never quotes a hash.
     */
    public static UsersFile read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    /** The users, for the service to check passwords against. */
    public static UsersFile of(List<SignpostUser> parsed) {
        Map<String, SignpostUser> users = new HashMap<>();
        parsed.forEach(user -> users.put(user.username(), user));
        return new UsersFile(Map.copyOf(users), dummyCost(users.values()));
    }

    /** The users written in this text, each checked, in the file's order. */
    public static List<SignpostUser> parse(String text) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String indent = lines[i].substring(0, lines[i].length() - lines[i].stripLeading().length());
            if (indent.indexOf('\t') >= 0) {
                throw new IllegalArgumentException("Line " + (i + 1) + " is indented with a tab: YAML takes spaces only");
            }
            if (UNQUOTED_HASH.matcher(lines[i]).find()) {
                throw new IllegalArgumentException("Line " + (i + 1) + " has a passwordHash without quotes: write it "
                        + "in double quotes, passwordHash: \"{bcrypt}$2a$...\" (YAML reads a bare { as the start of a map)");
            }
        }
        Content content;
        try {
            content = yaml().readValue(text, Content.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(at(e.getLocation()) + "\"" + e.getPropertyName()
                    + "\" is not a key of the users file: a user has username, passwordHash, role and linkWorkerId");
        } catch (JsonProcessingException e) {
            // Only the first line: the parser's later lines quote the file, hashes and all.
            throw new IllegalArgumentException(at(e.getLocation()) + "not a users file: "
                    + e.getOriginalMessage().lines().findFirst().orElse("unreadable YAML"));
        }
        Map<String, SignpostUser> users = new LinkedHashMap<>();
        for (Entry entry : content == null || content.users() == null ? List.<Entry>of() : content.users()) {
            if (entry == null) {
                throw new IllegalArgumentException("An empty entry in users");
            }
            SignpostUser user = entry.toUser();
            if (users.putIfAbsent(user.username(), user) != null) {
                throw new IllegalArgumentException("User " + user.username() + " is written twice");
            }
        }
        return List.copyOf(users.values());
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : "Line " + location.getLineNr() + ": ";
    }

    /**
     * Writes these users as the whole file, in the place of what was there: first to a private
     * file beside it, then moved over it, so that the service never reads half a file.
     */
    public static void write(Path file, Collection<SignpostUser> users) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            PrivateFiles.createPrivateDirectories(directory);
        }
        List<Entry> entries = users.stream().sorted(Comparator.comparing(SignpostUser::username))
                .map(user -> new Entry(user.username(), user.passwordHash(), user.role().name(), user.linkWorkerId()))
                .toList();
        String text = HEADER + yaml().writeValueAsString(new Content(entries)).replaceFirst("^---\\R", "");
        parse(text);
        Path written = Files.createTempFile(directory, ".users", ".yml");
        try {
            if (Files.getFileStore(written).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(written, text);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(written);
        }
    }

    /** A bcrypt hash of the password as the users file takes it. */
    public static String hash(String password) {
        return "{bcrypt}" + BCrypt.hashpw(password, BCrypt.gensalt(DEFAULT_COST));
    }

    private static ObjectMapper yaml() {
        return new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR).build())
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
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
    public List<String> linkWorkerIds() {
        return users.values().stream().map(SignpostUser::linkWorkerId).filter(Objects::nonNull)
                .sorted().distinct().toList();
    }

    public int size() {
        return users.size();
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Content(List<Entry> users) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String username, String passwordHash, String role, String linkWorkerId) {

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
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException("User " + username + " needs a role: one of " + roles());
            }
            Role known = Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("User " + username + " has the role \""
                            + UserNames.forLog(role) + "\", which is none of " + roles()));
            if (known == Role.LINK_WORKER && (linkWorkerId == null || linkWorkerId.isBlank())) {
                throw new IllegalArgumentException("Link worker " + username + " needs a linkWorkerId");
            }
            return new SignpostUser(username, passwordHash, known, known == Role.LINK_WORKER ? linkWorkerId : null);
        }
    }

    /** The roles a user may have, as the file spells them. */
    public static String roles() {
        return Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
