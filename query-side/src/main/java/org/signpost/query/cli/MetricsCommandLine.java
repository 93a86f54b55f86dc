package org.signpost.query.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.signpost.events.EventRevisions;
import org.signpost.events.EventSerialization;
import org.signpost.projection.store.EventStoreScan;
import org.signpost.query.metrics.Evaluation;
import org.signpost.query.metrics.EvaluationCsv;
import org.signpost.query.metrics.EvaluationMetrics;
import org.signpost.query.metrics.MetricFacts;
import org.signpost.query.metrics.MetricsFold;
import org.signpost.query.metrics.Publication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The analysts' command line: recomputes the evaluation metrics straight from the event store,
 * read-only, with no running service, by the same fold and computation the service uses.
 * Without {@code --db-url} (or SIGNPOST_DB_URL) it reads the embedded database's directory:
 * through the service's PostgreSQL when the service is running, else by starting it briefly.
 */
@Command(name = "signpost metrics", mixinStandardHelpOptions = true,
        description = "Recompute Signpost's evaluation metrics from the event store (read-only).")
public final class MetricsCommandLine implements Callable<Integer> {

    @Option(names = "--from", required = true, description = "First day of the period (YYYY-MM-DD).")
    LocalDate from;

    @Option(names = "--to", required = true, description = "Last day of the period (YYYY-MM-DD), inclusive.")
    LocalDate to;

    @Option(names = "--as-of", description = "Only events recorded up to this instant (ISO-8601, e.g. 2025-01-05T09:00:00Z). Default: now.")
    Instant asOf;

    @Option(names = "--format", defaultValue = "json", description = "json or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--publication", description = "Figures fit to publish: counts of fewer people than --suppress-below, "
            + "and every figure that would give them away, withheld (empty), with what was withheld and why.")
    boolean publication;

    @Option(names = "--suppress-below", defaultValue = "${env:SIGNPOST_SUPPRESS_BELOW:-5}",
            description = "With --publication: the smallest count of people published (default: SIGNPOST_SUPPRESS_BELOW, else 5).")
    int suppressBelow;

    @Mixin
    StoreDatabase.Options store;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean progressBar;

    MetricsCommandLine(PrintStream out, PrintStream err, boolean progressBar) {
        this.out = out;
        this.err = err;
        this.progressBar = progressBar;
    }

    /** Figures alone on standard output; logs, the progress bar (on a terminal) and errors on standard error. */
    public static void main(String[] args) {
        CommandLines.logToStandardErrorOnly();
        System.exit(run(args, System.out, System.err, CommandLines.standardErrorIsATerminal()));
    }

    /** @param progressBar whether to draw the progress of the reading on {@code err} (a terminal's) */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean progressBar) {
        return CommandLines.of(new MetricsCommandLine(out, err, progressBar), "signpost metrics", out, err)
                .execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("json", "csv").contains(format)) {
            err.println("signpost metrics: --format must be json or csv, not '" + format + "'");
            return 2;
        }
        if (suppressBelow < 1) {
            err.println("signpost metrics: --suppress-below must be at least 1");
            return 2;
        }
        if (to.isBefore(from)) {
            err.println("signpost metrics: --to must not be before --from");
            return 2;
        }
        Instant upTo = asOf != null ? asOf : Instant.now();
        if (upTo.isAfter(Instant.now())) {
            err.println("signpost metrics: --as-of must not be in the future: later events would change the figures");
            return 2;
        }
        Evaluation evaluation;
        try (StoreDatabase database = store.open()) {
            evaluation = compute(database.connection(), upTo);
        }
        Publication fitToPublish = publication ? Publication.of(evaluation, suppressBelow) : null;
        if (format.equals("csv")) {
            out.print(publication ? EvaluationCsv.render(fitToPublish) : EvaluationCsv.render(evaluation));
        } else {
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT);
            out.println(json.writeValueAsString(publication ? fitToPublish.json() : evaluation));
        }
        out.flush();
        return 0;
    }

    private Evaluation compute(Connection connection, Instant upTo) throws Exception {
        try (Statement statement = connection.createStatement()) {
            // Read-only, whatever the user's rights.
            statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
        }
        EventStoreScan scan = new EventStoreScan(EventSerialization.serializer(), EventRevisions.upcasters());
        long total = scan.count(connection, upTo, MetricsFold.EVENTS_WITH_FACTS);
        MetricFacts facts = new MetricFacts();
        if (!progressBar) {
            scan.scan(connection, upTo, MetricsFold.EVENTS_WITH_FACTS,
                    event -> MetricsFold.apply(event.payload(), event.sequence(), facts));
            return EvaluationMetrics.compute(facts, from, to, upTo);
        }
        try (ProgressBar progress = new ProgressBarBuilder().setTaskName("Reading events").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err))
                .setUpdateIntervalMillis(200).setUnit(" events", 1).build()) {
            long read = scan.scan(connection, upTo, MetricsFold.EVENTS_WITH_FACTS, event -> {
                MetricsFold.apply(event.payload(), event.sequence(), facts);
                progress.step();
            });
            // What was read, whatever was counted before (events recorded meanwhile up to --as-of).
            progress.maxHint(read);
            progress.stepTo(read);
        }
        return EvaluationMetrics.compute(facts, from, to, upTo);
    }
}
