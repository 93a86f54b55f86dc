package org.signpost.app;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.signpost.app.demo.DemoCommandLine;
import org.signpost.platform.Startup;
import org.signpost.query.cli.MetricsCommandLine;
import org.signpost.query.cli.RotateMasterKeyCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The whole service in one process: command side, query side and the staff console on one port. */
@SpringBootApplication(scanBasePackages = {"org.signpost.platform", "org.signpost.command", "org.signpost.query",
        "org.signpost.console"})
public class SignpostApplication {

    /** The launcher's commands other than a start: each runs alone, with the arguments after its name. */
    private static final Map<String, LauncherCommand> COMMANDS = Map.of(
            "hash-password", rest -> hashPassword(),
            "metrics", MetricsCommandLine::main,
            "users", UsersCommandLine::main,
            "demo", rest -> DemoCommandLine.main(SignpostApplication.class, rest),
            "rotate-master-key", RotateMasterKeyCommandLine::main);

    private interface LauncherCommand {
        void run(String[] rest) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        LauncherCommand command = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (command != null) {
            command.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Startup.quietAndPrivate();
        SpringApplication.run(SignpostApplication.class, args);
    }

    /** For the users file: reads a password (not echoed on a terminal) and prints its bcrypt hash. */
    private static void hashPassword() throws IOException {
        Console console = System.console();
        String password = console != null
                ? new String(console.readPassword("Password: "))
                : new String(System.in.readAllBytes(), StandardCharsets.UTF_8).strip();
        if (password.length() < UsersCommandLine.MINIMUM_PASSWORD) {
            System.err.println("Use a password of at least 12 characters.");
            System.exit(2);
        }
        System.out.println("{bcrypt}" + new BCryptPasswordEncoder(12).encode(password));
    }
}
