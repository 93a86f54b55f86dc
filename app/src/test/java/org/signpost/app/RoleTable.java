package org.signpost.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.signpost.platform.security.Role;

/**
 * The role table of docs/access.md, the product's own statement of who may call what, read so
 * that the access tests are generated from it rather than written beside it. A cell it cannot
 * read fails the test: the table and the tests never drift apart silently.
 */
final class RoleTable {

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final String ANONYMOUS = "anonymous";
    /** The anonymous caller first, then each role. */
    static final List<String> CALLERS = callers();

    private static final Pattern PATH = Pattern.compile("`([^`]+)`");

    /** One row: these methods on these paths, for these callers. */
    record Row(Set<String> methods, List<String> paths, Set<String> callers) {
    }

    private final List<Row> rows;

    private RoleTable(List<Row> rows) {
        this.rows = rows;
    }

    static RoleTable read() {
        Path file = find(Path.of("").toAbsolutePath());
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Row> rows() {
        return rows;
    }

    /** Every path of the table, with the callers each method of it is allowed to (none where not listed). */
    Map<String, Map<String, Set<String>>> allowedByPathAndMethod() {
        Map<String, Map<String, Set<String>>> allowed = new LinkedHashMap<>();
        for (Row row : rows) {
            for (String path : row.paths()) {
                Map<String, Set<String>> byMethod = allowed.computeIfAbsent(path, p -> {
                    Map<String, Set<String>> none = new LinkedHashMap<>();
                    METHODS.forEach(method -> none.put(method, new LinkedHashSet<>()));
                    return none;
                });
                row.methods().forEach(method -> byMethod.get(method).addAll(row.callers()));
            }
        }
        return allowed;
    }

    static RoleTable parse(List<String> lines) {
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (cells(lines.get(i)).equals(List.of("methods", "paths", "who", "within the role"))) {
                header = i;
                break;
            }
        }
        if (header < 0 || !lines.get(header + 1).startsWith("|---")) {
            throw new IllegalStateException("No table | methods | paths | who | within the role | in docs/access.md");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(row(lines.get(i)));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("The role table of docs/access.md has no rows");
        }
        return new RoleTable(rows);
    }

    private static Row row(String line) {
        List<String> cells = cells(line);
        if (cells.size() != 4) {
            throw new IllegalStateException("Not four cells: " + line);
        }
        Set<String> methods = new LinkedHashSet<>();
        for (String method : cells.get(0).split(",")) {
            String name = method.trim();
            if (!METHODS.contains(name)) {
                throw new IllegalStateException("Unknown method " + name + " in: " + line);
            }
            methods.add(name);
        }
        if (methods.contains("GET") != methods.contains("HEAD")) {
            throw new IllegalStateException("GET and HEAD go together (HEAD runs the GET handler): " + line);
        }
        List<String> paths = new ArrayList<>();
        Matcher path = PATH.matcher(cells.get(1));
        while (path.find()) {
            paths.add(path.group(1));
        }
        if (paths.isEmpty() || !cells.get(1).replaceAll("`[^`]+`", "").replace(",", "").isBlank()) {
            throw new IllegalStateException("Paths must be `...`, separated by commas: " + line);
        }
        return new Row(methods, paths, callers(cells.get(2), line));
    }

    private static Set<String> callers(String who, String line) {
        Set<String> callers = new LinkedHashSet<>();
        if (who.equals("anyone")) {
            callers.addAll(CALLERS);
        } else if (who.equals("every role")) {
            callers.addAll(CALLERS.subList(1, CALLERS.size()));
        } else {
            for (String role : who.split(",")) {
                String name = role.trim();
                if (!CALLERS.contains(name) || name.equals(ANONYMOUS)) {
                    throw new IllegalStateException("Not a role: " + name + " in: " + line);
                }
                callers.add(name);
            }
        }
        return callers;
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        if (!trimmed.startsWith("|") || !trimmed.endsWith("|") || trimmed.length() < 2) {
            return List.of();
        }
        return Arrays.stream(trimmed.substring(1, trimmed.length() - 1).split("\\|", -1)).map(String::trim).toList();
    }

    private static List<String> callers() {
        List<String> callers = new ArrayList<>();
        callers.add(ANONYMOUS);
        Arrays.stream(Role.values()).map(Role::name).forEach(callers::add);
        return List.copyOf(callers);
    }

    /** docs/access.md of the repository the tests run in (Maven runs them in a module's directory). */
    private static Path find(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("docs").resolve("access.md");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("No docs/access.md above " + from);
    }
}
