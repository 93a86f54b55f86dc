package org.signpost.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.platform.security.Role;
import org.signpost.platform.security.SignpostUser;
import org.signpost.platform.security.UsersFile;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The demo's own home: its keys and users, made once, private, and apart from a real installation's. */
class DemoInstallationTest {

    @TempDir
    Path temporary;

    @Test
    void theDemoHomeIsDemoInTheSignpostHomeOrItsOwnSetting() {
        assertThat(DemoInstallation.fromEnvironment(Map.of("SIGNPOST_HOME", "/srv/signpost")).home())
                .isEqualTo(Path.of("/srv/signpost/demo"));
        assertThat(DemoInstallation.fromEnvironment(Map.of("HOME", "/home/ann")).home())
                .isEqualTo(Path.of("/home/ann/.signpost/demo"));
        assertThat(DemoInstallation.fromEnvironment(Map.of("SIGNPOST_HOME", "/srv/signpost", "SIGNPOST_DEMO_HOME", "/tmp/d"))
                .home()).isEqualTo(Path.of("/tmp/d"));
    }

    @Test
    void preparingMakesPrivateKeysAndOneUserPerRoleAndLinkWorkerWhosePasswordsTheUsersFileHoldsOnlyAsHashes()
            throws IOException {
        DemoInstallation installation = new DemoInstallation(temporary.resolve("demo"));
        installation.prepare();

        for (String file : new String[] {"master-key", "integrity-key", "users.yml", "sign-ins"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(installation.home().resolve(file))))
                    .as(file).isEqualTo("rw-------");
        }
        Map<String, SignIn> signIns = installation.signIns();
        assertThat(signIns).containsOnlyKeys("coordinator", "linkworker1", "linkworker2", "linkworker3", "linkworker4",
                "manager", "analyst", "auditor", "dpo");
        String users = Files.readString(installation.home().resolve("users.yml"));
        for (SignIn signIn : signIns.values()) {
            assertThat(signIn.password()).hasSize(16);
            assertThat(users).doesNotContain(signIn.password());
        }
        UsersFile read = UsersFile.read(new FileSystemResource(installation.home().resolve("users.yml")));
        assertThat(read.size()).isEqualTo(9);
        assertThat(read.linkWorkerIds()).containsExactlyInAnyOrder("lw-1", "lw-2", "lw-3", "lw-4");
        SignpostUser dpo = read.find("dpo").orElseThrow();
        assertThat(dpo.role()).isEqualTo(Role.DATA_PROTECTION_OFFICER);
        SignpostUser manager = read.find("manager").orElseThrow();
        assertThat(manager.role()).isEqualTo(Role.MANAGER);
        assertThat(new BCryptPasswordEncoder().matches(signIns.get("manager").password(),
                manager.passwordHash().replace("{bcrypt}", ""))).isTrue();
    }

    @Test
    void aSecondPreparationKeepsTheKeysAndPasswordsOfTheFirst() throws IOException {
        DemoInstallation installation = new DemoInstallation(temporary.resolve("demo"));
        installation.prepare();
        String key = Files.readString(installation.home().resolve("master-key"));
        Map<String, SignIn> signIns = installation.signIns();

        installation.prepare();

        assertThat(Files.readString(installation.home().resolve("master-key"))).isEqualTo(key);
        assertThat(installation.signIns()).isEqualTo(signIns);
        assertThat(installation.historyMade()).isFalse();
    }
}
