package org.signpost.query.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.signpost.platform.SignpostHome;
import org.signpost.platform.privacy.MasterKeyRotation;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./signpost rotate-master-key}: every young person's key under a new master key, online. */
@Command(name = "signpost rotate-master-key", mixinStandardHelpOptions = true,
        description = "Wrap every young person's key under a new master key, while the service runs.")
public final class RotateMasterKeyCommandLine implements Callable<Integer> {

    @Option(names = "--key-file", defaultValue = "${env:SIGNPOST_MASTER_KEY_FILE}",
            description = "The master key file the service reads (default: SIGNPOST_MASTER_KEY_FILE, else master-key in the Signpost home).")
    Path keyFile;

    @Mixin
    StoreDatabase.Options store;

    private final PrintStream out;

    RotateMasterKeyCommandLine(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        CommandLines.logToStandardErrorOnly();
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return CommandLines.of(new RotateMasterKeyCommandLine(out), "signpost rotate-master-key", out, err).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        Path file = keyFile != null ? keyFile : SignpostHome.of(store.home).masterKey();
        try (StoreDatabase database = store.open()) {
            MasterKeyRotation.Rotated rotated = new MasterKeyRotation(
                    new SingleConnectionDataSource(database.connection(), true), file, Clock.systemUTC()).rotate();
            out.printf("Master key rotated to version %d: %d keys wrapped anew, in %s.%n"
                    + "The old master key is in %s: only backups made before now need it. Keep it with them, apart "
                    + "from them, or delete it.%n", rotated.version(), rotated.rewrapped(), file, rotated.retired());
        }
        return 0;
    }
}
