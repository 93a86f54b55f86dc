package org.signpost.platform.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.signpost.platform.ConfigurationProblem;
import org.signpost.platform.SignpostHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Reads the users file before any bean is made, so that a mistake in it is said in one block
 * ({@link ConfigurationProblem}) before the embedded PostgreSQL starts, not after a minute of
 * migrations. The file is {@code SIGNPOST_USERS_FILE}, or else {@code users.yml} in the Signpost
 * home; where neither exists and {@code signpost.first-user} is on (the all-in-one service), the
 * home's file is made with a {@link FirstUser}. The users become the {@link CurrentUsers} bean.
 */
public final class UsersFileStartup implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(UsersFileStartup.class);
    private static final String REMEDY = "Correct the file: each user has a username, a passwordHash in double quotes "
            + "(from ./signpost hash-password) and a role, indented with spaces; or change users with ./signpost users "
            + "(add, list, remove, password).";

    private FirstUser made;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationPreparedEvent prepared) {
            CurrentUsers users = read(prepared.getApplicationContext().getEnvironment());
            prepared.getApplicationContext().getBeanFactory().registerSingleton("currentUsers", users);
            if (made != null) {
                prepared.getApplicationContext().getBeanFactory().registerSingleton("firstUser", made);
            }
        } else if (event instanceof ApplicationFailedEvent && made != null) {
            // The file now holds the user: the password must not be lost with the failed start.
            made.show(System.out);
        }
    }

    /** The first user made by this start, if it made one. */
    FirstUser firstUser() {
        return made;
    }

    CurrentUsers read(Environment environment) {
        String configured = environment.getProperty("signpost.users-file", "");
        if (!configured.isBlank()) {
            return configured(configured);
        }
        Path file = SignpostHome.of(environment.getProperty("signpost.home")).usersFile();
        if (!Files.exists(file)) {
            if (!environment.getProperty("signpost.first-user", Boolean.class, false)) {
                log.warn("No users file: neither SIGNPOST_USERS_FILE nor {} exists, so nobody can sign in with a "
                        + "password (make one with ./signpost users add)", file);
                return CurrentUsers.fixed(UsersFile.empty());
            }
            try {
                made = FirstUser.make(file);
            } catch (IOException | RuntimeException e) {
                throw new ConfigurationProblem("users file " + file, "it does not exist and could not be made ("
                        + e.getMessage() + ")", "Make the Signpost home (SIGNPOST_HOME) writable, or name a users file "
                        + "in SIGNPOST_USERS_FILE.", e);
            }
            log.info("Made the users file {} with a first user, {}", file, FirstUser.NAME);
        }
        return watching("users file " + file, file);
    }

    private static CurrentUsers configured(String location) {
        String setting = "SIGNPOST_USERS_FILE (" + location + ")";
        if (location.startsWith("classpath:")) {
            try {
                return CurrentUsers.fixed(UsersFile.read(new DefaultResourceLoader().getResource(location)), location);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigurationProblem(setting, e.getMessage(), REMEDY, e);
            }
        }
        Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location)
                .toAbsolutePath();
        if (!Files.exists(file)) {
            throw new ConfigurationProblem(setting, "there is no such file",
                    "Make it with ./signpost users add NAME --role MANAGER (which writes the file SIGNPOST_USERS_FILE "
                            + "names), or leave SIGNPOST_USERS_FILE unset to use users.yml in the Signpost home.");
        }
        return watching(setting, file);
    }

    private static CurrentUsers watching(String setting, Path file) {
        try {
            CurrentUsers users = CurrentUsers.watching(file);
            log.info("Loaded {} users from {}", users.get().size(), file);
            return users;
        } catch (IOException e) {
            throw new ConfigurationProblem(setting, "it cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Make it readable by the user the service runs as.", e);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationProblem(setting, e.getMessage(), REMEDY, e);
        }
    }
}
