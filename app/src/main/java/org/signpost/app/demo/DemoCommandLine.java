package org.signpost.app.demo;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.signpost.platform.BusinessCalendar;
import org.signpost.platform.Startup;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./signpost demo}: a separate installation filled, on its first start only, with a year of
 * made-up history sent through the service's own API; then it serves like any installation and
 * prints a sign-in for each role.
 */
@Command(name = "demo", description = "Start the demo installation (made with a year of history on its first start).")
public final class DemoCommandLine implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "19", description = "Seed of the made-up history (first start only).")
    long seed;

    @Option(names = "--port", defaultValue = "${env:SIGNPOST_DEMO_PORT:-8090}", description = "Port on 127.0.0.1 (default 8090).")
    int port;

    @Unmatched
    List<String> serviceArguments = new ArrayList<>();

    private final Class<?> application;
    private final PrintStream out = System.out;

    public DemoCommandLine(Class<?> application) {
        this.application = application;
    }

    /** @param application the service's Spring Boot application class */
    public static void main(Class<?> application, String[] args) {
        int code = new CommandLine(new DemoCommandLine(application)).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() {
        DemoInstallation installation = DemoInstallation.fromEnvironment(System.getenv());
        if (installation.history().isPresent() && !installation.historyMade()) {
            System.err.println("The demo in " + installation.home() + " was stopped while its history was being made: "
                    + "remove that directory (rm -r " + installation.home() + ") and run ./signpost demo again.");
            return 1;
        }
        installation.prepare();
        Startup.quietAndPrivate();
        List<String> arguments = installation.serviceArguments(port);
        arguments.addAll(serviceArguments);
        SpringApplication signpost = new SpringApplication(application);
        signpost.setMainApplicationClass(application);
        ConfigurableApplicationContext service;
        try {
            service = signpost.run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Spring Boot has already said why (a port in use, a data directory in use...).
            return 1;
        }
        URI address = URI.create("http://127.0.0.1:" + port);
        boolean made = false;
        if (!installation.historyMade()) {
            LocalDate today = BusinessCalendar.today(service.getBean(Clock.class));
            DemoPlan plan = DemoHistory.plan(seed, today);
            out.printf("Making the demo's history: %d referrals received since %s, %d commands sent to the service's API...%n",
                    plan.referrals().size(), plan.firstDay(), plan.steps().size());
            installation.noteHistory("begun", plan);
            try {
                new DemoRunner(new ServiceClient(address), installation.signIns())
                        .run(plan, sent -> out.printf("  %d of %d commands%n", sent, plan.steps().size()));
            } catch (RuntimeException e) {
                System.err.println("The demo's history could not be made: " + e.getMessage());
                service.close();
                return 1;
            }
            installation.noteHistory("made", plan);
            made = true;
        }
        printSignIns(installation, address, made);
        return 0;
    }

    private void printSignIns(DemoInstallation installation, URI address, boolean made) {
        Map<String, SignIn> signIns = installation.signIns();
        out.println();
        out.println("Signpost demo ready at " + address + " (its own installation in " + installation.home() + ")");
        out.println(made ? "  made its history on this first start: " + installation.history().orElse("")
                : "  the history made on its first start: " + installation.history().orElse(""));
        out.println("  open " + address + "/ in a browser and sign in as one of these; or the API with HTTP Basic,");
        out.println("  e.g. curl -u manager:PASSWORD " + address + "/api/caseloads (Swagger UI: " + address
                + "/swagger-ui.html)");
        out.printf("  %-24s %-12s %s%n", "role", "user", "password");
        List<String> shown = new ArrayList<>();
        for (DemoInstallation.DemoUser user : DemoInstallation.USERS) {
            if (shown.contains(user.role())) {
                continue;
            }
            shown.add(user.role());
            String role = user.linkWorkerId() == null ? user.role() : user.role() + " (" + user.linkWorkerId() + ")";
            out.printf("  %-24s %-12s %s%n", role, user.username(), signIns.get(user.username()).password());
        }
        out.println("  (link workers lw-2 to lw-4 sign in as linkworker2 to linkworker4: passwords in "
                + installation.home().resolve("sign-ins") + ")");
        out.flush();
    }
}
