package org.signpost.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.signpost.platform.PrivateFiles;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The demo's own installation, apart from any real one: its home holds its master key, integrity
 * key, users file, the demo users' passwords, its embedded database and a note of the history made
 * in it, so that a real installation's keys and data are never mixed with made-up ones.
 */
public final class DemoInstallation {

    /** A user of the demo's users file. */
    public record DemoUser(String username, String role, String linkWorkerId) {
    }

    /** One user per role, and one per link worker of the history. */
    static final List<DemoUser> USERS = users();

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Path home;

    public DemoInstallation(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /**
     * The demo's home: {@code SIGNPOST_DEMO_HOME}, else {@code demo} in the Signpost home
     * ({@code SIGNPOST_HOME}, default {@code .signpost} in {@code $HOME}, as the launcher has it).
     */
    public static DemoInstallation fromEnvironment(Map<String, String> environment) {
        String demoHome = environment.get("SIGNPOST_DEMO_HOME");
        if (demoHome != null && !demoHome.isBlank()) {
            return new DemoInstallation(Path.of(demoHome));
        }
        String signpostHome = environment.get("SIGNPOST_HOME");
        String userHome = environment.getOrDefault("HOME", System.getProperty("user.home"));
        Path base = signpostHome != null && !signpostHome.isBlank() ? Path.of(signpostHome)
                : Path.of(userHome.isBlank() ? System.getProperty("user.home") : userHome, ".signpost");
        return new DemoInstallation(base.resolve("demo"));
    }

    public Path home() {
        return home;
    }

    /** Makes the keys, the users file and the users' passwords, each once. */
    public void prepare() {
        PrivateFiles.createPrivateDirectories(home);
        secret("master-key", randomKey());
        secret("integrity-key", randomKey());
        if (!Files.exists(home.resolve("sign-ins"))) {
            SecureRandom random = new SecureRandom();
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(12);
            StringBuilder usersFile = new StringBuilder("# The demo's users (./signpost demo); their passwords are in sign-ins.\nusers:\n");
            StringBuilder signIns = new StringBuilder();
            for (DemoUser user : USERS) {
                StringBuilder password = new StringBuilder();
                for (int i = 0; i < 16; i++) {
                    password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                usersFile.append("  - username: ").append(user.username()).append('\n')
                        .append("    passwordHash: \"{bcrypt}").append(bcrypt.encode(password)).append("\"\n")
                        .append("    role: ").append(user.role()).append('\n');
                if (user.linkWorkerId() != null) {
                    usersFile.append("    linkWorkerId: ").append(user.linkWorkerId()).append('\n');
                }
                signIns.append(user.username()).append(' ').append(password).append('\n');
            }
            secret("users.yml", usersFile.toString());
            secret("sign-ins", signIns.toString());
        }
    }

    /** The demo users' sign-ins, by user name, as made by {@link #prepare()}. */
    public Map<String, SignIn> signIns() {
        Map<String, SignIn> signIns = new LinkedHashMap<>();
        for (String line : read("sign-ins").orElseThrow().split("\n")) {
            String[] parts = line.strip().split(" ");
            if (parts.length == 2) {
                signIns.put(parts[0], new SignIn(parts[0], parts[1]));
            }
        }
        return signIns;
    }

    /** The history's note: "begun ..." while it is being made, "made ..." when it is complete. */
    public Optional<String> history() {
        return read("history").map(String::strip);
    }

    public boolean historyMade() {
        return history().filter(note -> note.startsWith("made ")).isPresent();
    }

    public void noteHistory(String state, DemoPlan plan) {
        write("history", state + " seed=" + plan.seed() + " day=" + plan.today() + " referrals=" + plan.referrals().size()
                + " from=" + plan.firstDay() + "\n");
    }

    /** The settings that make the service this installation's, whatever the environment says of a real one. */
    public List<String> serviceArguments(int port) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--signpost.home=" + home,
                "--signpost.users-file=" + home.resolve("users.yml"),
                "--signpost.master-key-file=" + home.resolve("master-key"),
                "--signpost.master-key=",
                "--signpost.integrity.key-file=" + home.resolve("integrity-key"),
                "--signpost.integrity.anchor-file=" + home.resolve("chain-anchor"),
                "--signpost.db.url=",
                "--signpost.db.user=",
                "--signpost.db.password=",
                "--signpost.db.owner-user=",
                "--signpost.db.owner-password=",
                "--signpost.db.data-directory=" + home.resolve("postgres")));
        return arguments;
    }

    private void secret(String name, String content) {
        Path file = home.resolve(name);
        if (!Files.exists(file)) {
            write(name, content);
        }
    }

    private void write(String name, String content) {
        Path file = home.resolve(name);
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private Optional<String> read(String name) {
        Path file = home.resolve(name);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key) + "\n";
    }

    private static List<DemoUser> users() {
        List<DemoUser> users = new ArrayList<>(List.of(new DemoUser(DemoHistory.COORDINATOR, "COORDINATOR", null)));
        for (String linkWorker : DemoHistory.LINK_WORKERS) {
            users.add(new DemoUser(DemoHistory.userOf(linkWorker), "LINK_WORKER", linkWorker));
        }
        users.add(new DemoUser(DemoHistory.MANAGER, "MANAGER", null));
        users.add(new DemoUser("analyst", "ANALYST", null));
        users.add(new DemoUser("auditor", "AUDITOR", null));
        users.add(new DemoUser(DemoHistory.DATA_PROTECTION_OFFICER, "DATA_PROTECTION_OFFICER", null));
        return List.copyOf(users);
    }
}
