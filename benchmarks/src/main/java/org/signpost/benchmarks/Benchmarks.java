package org.signpost.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.util.FileSystemUtils;

/**
 * Entry point of the benchmark jar: {@code java -jar benchmarks/target/signpost-benchmarks.jar NAME [options]}.
 * See docs/benchmarks.md for the commands and the figures measured.
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "help";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (name) {
            case "command-throughput" -> CommandThroughput.run(Options.parse(rest));
            case "read-side" -> ReadSide.run(Options.parse(rest));
            case "as-of" -> AsOf.run(Options.parse(rest));
            case "caseload-latency" -> CaseloadLatency.againstHeldService(Options.parse(rest));
            default -> {
                System.out.println("usage: java -jar signpost-benchmarks.jar command-throughput "
                        + "[--clients 16] [--seconds 30] [--warmup 10] [--baseline 1] [--plain-first 0] [--floor 1] [--processors 1]\n"
                        + "       java -jar signpost-benchmarks.jar read-side [--referrals 100000] [--link-workers 1000] [--hold-minutes 0]\n"
                        + "           [--evaluation-warmup 20] [--evaluation-pages 100] [--as-of-warmup 3] [--as-of-pages 10]\n"
                        + "       java -jar signpost-benchmarks.jar as-of [--referrals 100000] [--link-workers 1000] [--runs 8]\n"
                        + "       java -jar signpost-benchmarks.jar caseload-latency --port N [--link-workers 1000]");
                System.exit(name.equals("help") ? 0 : 2);
            }
        }
    }

    /** A master key for one run: the benchmark's database is thrown away after it. */
    static String freshMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A benchmark's run in a directory of its own. */
    interface InWorkDirectory {
        void run(Path work) throws Exception;
    }

    /** Runs it in a new temporary directory, deleted afterwards: a run's database holds gigabytes. */
    static void inWorkDirectory(String prefix, InWorkDirectory run) throws Exception {
        Path work = Files.createTempDirectory(prefix);
        try {
            run.run(work);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }
}
