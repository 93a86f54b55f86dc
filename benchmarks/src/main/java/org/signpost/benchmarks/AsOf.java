package org.signpost.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.serialization.Serializer;
import org.signpost.app.SignpostApplication;
import org.signpost.platform.Startup;
import org.signpost.platform.database.EmbeddedPostgresServer;
import org.signpost.platform.integrity.ChainKey;
import org.signpost.projection.ProjectionAdmin;
import org.signpost.projection.store.EventSource;
import org.signpost.query.metrics.AsOfFacts;
import org.signpost.query.metrics.EvaluationMetrics;
import org.signpost.query.metrics.MetricFacts;
import org.signpost.query.metrics.MetricsQueries;
import org.signpost.query.metrics.MetricsReadModel;
import org.signpost.query.metrics.StampedFacts;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * "As of" alone: the store of {@code read-side} (~10 events per referral), then the evaluation
 * as of now several times in one warm JVM: first folded from the whole store with the read
 * models' processors stopped, so that nothing but the fold uses the cores; then, the evaluation's
 * read model replayed up to the store, as a running service answers it, from the live facts
 * recorded up to the instant. A few minutes where {@code read-side} takes ten; made to profile
 * "as of" and to compare changes to it.
 */
final class AsOf {

    /** The evaluation's period: the two years the store's referrals are received in. */
    private static final LocalDate FROM = LocalDate.of(2023, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    private AsOf() {
    }

    static void run(Options options) throws Exception {
        Benchmarks.inWorkDirectory("signpost-as-of-bench", work -> {
            int referrals = options.integer("referrals", 100_000);
            int runs = options.integer("runs", 8);
            Startup.quietAndPrivate();
            Path data = work.resolve("postgres");
            try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(data, 0,
                    EmbeddedPostgresServer.DEFAULT_SHARED_BUFFERS, EmbeddedPostgresServer.credentialsBeside(data))) {
                String[] args = Stream.concat(database.serviceArguments().stream(), Stream.of(
                        "--server.port=0", "--signpost.master-key=" + Benchmarks.freshMasterKey(),
                        "--logging.level.root=WARN", "--signpost.integrity.key=" + Benchmarks.freshMasterKey(),
                        "--signpost.home=" + work.resolve("home"))).toArray(String[]::new);
                try (ConfigurableApplicationContext service =
                             new SpringApplicationBuilder(SignpostApplication.class).run(args)) {
                    service.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                            .forEach(EventProcessor::shutDown);
                    long start = System.nanoTime();
                    long events = new BulkHistory(options.integer("link-workers", 1_000),
                            service.getBean("eventSerializer", Serializer.class), service.getBean(ChainKey.class))
                            .write(service.getBean(DataSource.class), referrals);
                    System.out.printf("Wrote %,d events of %,d referrals in %.1f s%n", events, referrals,
                            (System.nanoTime() - start) / 1e9);
                    MetricsQueries metrics = service.getBean(MetricsQueries.class);
                    AsOfFacts asOfFacts = service.getBean(AsOfFacts.class);
                    EventSource source = service.getBean("metricsEventSource", EventSource.class);
                    start = System.nanoTime();
                    long recorded = source.countRecordedUpTo(Instant.now()).orElse(-1);
                    System.out.printf("Counting the %,d events recorded up to now: %.2f s%n", recorded,
                            (System.nanoTime() - start) / 1e9);
                    // The fold of the store: what "as of" costs where the live facts cannot answer.
                    double[] folds = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        start = System.nanoTime();
                        EvaluationMetrics.compute(asOfFacts.folded(Instant.now()), FROM, TO, Instant.now());
                        folds[i] = (System.nanoTime() - start) / 1e9;
                        System.out.printf("Evaluation as of now folded from %,d events, run %d: %.2f s%n", events, i + 1,
                                folds[i]);
                    }
                    // The figures alone, from facts already folded: the part of an as-of answer
                    // (and of a live one) that comes after the reading.
                    MetricFacts facts = asOfFacts.folded(Instant.now());
                    double[] figures = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        start = System.nanoTime();
                        EvaluationMetrics.compute(facts, FROM, TO, Instant.now());
                        figures[i] = (System.nanoTime() - start) / 1e9;
                    }
                    // The evaluation's projection brought up to the store, as in a running service
                    // (a replay, as an operator starts one; only its processor runs afterwards):
                    // "as of" is then read from its facts recorded up to the instant.
                    start = System.nanoTime();
                    ProjectionAdmin projections = service.getBean(ProjectionAdmin.class);
                    projections.replay(MetricsReadModel.NAME);
                    while (projections.replaying(MetricsReadModel.NAME)
                            || projections.position(MetricsReadModel.NAME) < projections.head()) {
                        Thread.sleep(100);
                    }
                    System.out.printf("The evaluation's read model replayed in %.1f s%n", (System.nanoTime() - start) / 1e9);
                    boolean fromLiveFacts = service.getBean(StampedFacts.class).asOf(Instant.now()).isPresent();
                    double[] seconds = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        start = System.nanoTime();
                        metrics.evaluation(FROM, TO, Instant.now());
                        seconds[i] = (System.nanoTime() - start) / 1e9;
                        System.out.printf("Evaluation as of now over %,d events, run %d: %.2f s%n", events, i + 1,
                                seconds[i]);
                    }
                    System.out.printf("The evaluation's figures from the facts of %,d events: %s%n", events,
                            bestAndMedian(figures));
                    System.out.printf("As of now folded from the store, %,d events: first %.2f s, %s%n", events, folds[0],
                            bestAndMedian(folds));
                    System.out.printf("As of now over %,d events (%s): first %.2f s, %s%n", events,
                            fromLiveFacts ? "from the live facts" : "NOT from the live facts", seconds[0],
                            bestAndMedian(seconds));
                }
            }
        });
    }

    private static String bestAndMedian(double[] seconds) {
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        return "best %.3f s, median %.3f s".formatted(sorted[0], sorted[sorted.length / 2]);
    }
}
