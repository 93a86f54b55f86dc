package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `./signpost` script itself, run with bash on a copy of it in a tree of its own, where `mvn`
 * and `java` are stand-ins that say how they were called: which commands it knows, and when it
 * builds.
 */
class LauncherScriptTest {

    @TempDir
    Path tree;

    private Path calls;

    @BeforeEach
    void aTreeWithABuiltJar() throws Exception {
        Files.copy(Path.of("..", "signpost"), tree.resolve("signpost"));
        Path bin = Files.createDirectories(tree.resolve("bin"));
        calls = tree.resolve("calls");
        stub(bin.resolve("java"), "echo \"java $*\" >> '" + calls + "'");
        stub(bin.resolve("mvn"), "echo \"mvn $*\" >> '" + calls + "'\n"
                + "echo '[INFO] Scanning for projects...'\n"
                + "echo '[INFO] Building Signpost platform 0.1.0-SNAPSHOT                        [2/6]'\n"
                + "echo '[INFO] BUILD SUCCESS'");
        Instant built = Instant.now().minus(Duration.ofHours(1));
        write("pom.xml", built.minus(Duration.ofHours(1)));
        write("platform/pom.xml", built.minus(Duration.ofHours(1)));
        write("platform/src/main/java/Referral.java", built.minus(Duration.ofHours(1)));
        write("app/target/signpost-exec.jar", built);
    }

    @Test
    void helpPrintsTheUsageAndSucceeds() throws Exception {
        Run help = run("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).startsWith("Signpost launcher.").contains("./signpost start", "./signpost users add NAME");
        assertThat(run("help").out()).isEqualTo(help.out());
    }

    @Test
    void anUnknownCommandIsSaidThenTheUsageWithExitCode2() throws Exception {
        Run typo = run("strat");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).startsWith("unknown command: strat\nSignpost launcher.\n");
        assertThat(typo.out()).isEmpty();
        assertThat(calls).doesNotExist();
    }

    @Test
    void aUsersFileOrAnythingOutsideTheSourceTreesIsNoReasonToBuild() throws Exception {
        Instant later = Instant.now();
        write("users.yml", later);
        write("deploy/users.yml", later);
        write("platform/target/classes/signpost-platform.yml", later);
        write("var/log/command-side.log", later);

        Run hash = run("hash-password");

        assertThat(hash.exit()).as(hash.err()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("java -jar app/target/signpost-exec.jar hash-password");
        assertThat(hash.err()).doesNotContain("Building");
    }

    @Test
    void aChangedSourceFileBuildsSayingSoWithALinePerModule() throws Exception {
        write("platform/src/main/resources/signpost-platform.yml", Instant.now());

        Run users = run("users", "list");

        assertThat(users.exit()).as(users.err()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("mvn -B -DskipTests install",
                "java -jar app/target/signpost-exec.jar users list");
        assertThat(users.err()).isEqualTo("Building Signpost (about a minute, once)...\n"
                + "  Building Signpost platform 0.1.0-SNAPSHOT                        [2/6]\n");
    }

    @Test
    void aFailedBuildShowsTheEndOfMavensOutputAndStops() throws Exception {
        stub(tree.resolve("bin").resolve("mvn"), "echo '[ERROR] COMPILATION ERROR: Referral.java:[3,1] class expected'\n"
                + "exit 1");
        write("platform/src/main/java/Referral.java", Instant.now());

        Run start = run("start");

        assertThat(start.exit()).isEqualTo(1);
        assertThat(start.err()).contains("[ERROR] COMPILATION ERROR", "The build failed (exit 1)");
        assertThat(calls).doesNotExist();
    }

    @Test
    void theNewestJava21OrLaterInstalledRunsTheService() throws Exception {
        installJava("jdk-17", "17.0.15");
        installJava("jdk-21", "21.0.8");
        installJava("jdk-25", "25.0.3");

        Run hash = run("hash-password");

        assertThat(hash.exit()).as(hash.err()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("java 25.0.3 -jar app/target/signpost-exec.jar hash-password");
    }

    @Test
    void javaHomeComesFirstWhenItIs21OrLaterAndGivesWayWhenOlder() throws Exception {
        Path jdk17 = installJava("jdk-17", "17.0.15");
        Path jdk21 = installJava("jdk-21", "21.0.8");
        installJava("jdk-25", "25.0.3");

        run(Map.of("JAVA_HOME", jdk21.toString()), "hash-password");
        run(Map.of("JAVA_HOME", jdk17.toString()), "hash-password");

        assertThat(Files.readAllLines(calls)).containsExactly(
                "java 21.0.8 -jar app/target/signpost-exec.jar hash-password",
                "java 25.0.3 -jar app/target/signpost-exec.jar hash-password");
    }

    @Test
    void withNothingNewerThan17TheJavaOnThePathRunsIt() throws Exception {
        installJava("jdk-17", "17.0.15");

        Run hash = run("hash-password");

        assertThat(hash.exit()).as(hash.err()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("java -jar app/target/signpost-exec.jar hash-password");
    }

    @Test
    void theTestsRunOnTheSameJavaThroughMaven() throws Exception {
        Path jdk25 = installJava("jdk-25", "25.0.3");
        stub(tree.resolve("bin").resolve("mvn"), "echo \"mvn $* on $JAVA_HOME\" >> '" + calls + "'");

        Run test = run("test", "-Plong");

        assertThat(test.exit()).as(test.err()).isZero();
        assertThat(Files.readAllLines(calls)).containsExactly("mvn -B verify -Plong on " + jdk25);
    }

    /** A Java home as its packages install one: a release file naming its version, and bin/java. */
    private Path installJava(String name, String version) throws Exception {
        Path home = Files.createDirectories(tree.resolve("jvm").resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        stub(Files.createDirectories(home.resolve("bin")).resolve("java"),
                "echo \"java " + version + " $*\" >> '" + calls + "'");
        return home;
    }

    private record Run(int exit, String out, String err) {
    }

    private Run run(String... args) throws Exception {
        return run(Map.of(), args);
    }

    private Run run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", tree.resolve("signpost").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(tree.resolve("out").toFile()).redirectError(tree.resolve("err").toFile());
        builder.environment().put("PATH", tree.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("HOME", tree.resolve("home").toString());
        builder.environment().remove("SIGNPOST_NO_BUILD");
        builder.environment().remove("SIGNPOST_HOME");
        // Only the Java homes a test installs, and none from the machine's own environment.
        builder.environment().put("SIGNPOST_JVM_DIR", tree.resolve("jvm").toString());
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(tree.resolve("out")), Files.readString(tree.resolve("err")));
    }

    private void write(String path, Instant modified) throws Exception {
        Path file = tree.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static void stub(Path file, String body) throws Exception {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
}
