package org.signpost.query.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.signpost.platform.ConfigurationProblem;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * What the command lines share: their standard output holds their answer alone (figures a script
 * reads), and everything else, warnings and errors, goes to standard error, an error in one line
 * with a non-zero exit code instead of an exception's trace and the whole usage.
 */
final class CommandLines {

    private CommandLines() {
    }

    /**
     * The command's logging: warnings and errors only (the embedded PostgreSQL's, the driver's),
     * on standard error. Without this, logback's default would write every DEBUG line to
     * standard output, into the figures.
     */
    static void logToStandardErrorOnly() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%level %logger{0}: %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
    }

    /** Whether this process's standard error is a terminal (a progress bar there is seen, not stored). */
    static boolean standardErrorIsATerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A command whose mistakes (of its arguments, or in running) are one line on standard error. */
    static CommandLine of(Object command, String name, PrintStream out, PrintStream err) {
        return new CommandLine(command)
                .registerConverter(LocalDate.class, text -> parsed(text, LocalDate::parse, "a date: write it as YYYY-MM-DD"))
                .registerConverter(Instant.class, text -> parsed(text, Instant::parse,
                        "an instant: write it as YYYY-MM-DDTHH:MM:SSZ, e.g. 2025-01-05T09:00:00Z"))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((mistake, args) -> {
                    err.println(name + ": " + firstLine(mistake.getMessage()) + " (" + name + " --help shows the options)");
                    return 2;
                })
                .setExecutionExceptionHandler((failure, commandLine, parsed) -> {
                    err.println(name + ": " + oneLine(failure));
                    return 1;
                });
    }

    private static <T> T parsed(String text, Function<String, T> parse, String what) {
        try {
            return parse.apply(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not " + what);
        }
    }

    /** A failure said in one line, without the exception's class or trace. */
    static String oneLine(Throwable failure) {
        if (failure instanceof ConfigurationProblem problem) {
            return problem.getMessage();
        }
        if (failure instanceof SQLException) {
            return "the database failed: " + firstLine(failure.getMessage());
        }
        String message = failure.getMessage();
        return message != null && !message.isBlank() ? firstLine(message) : failure.getClass().getSimpleName();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
