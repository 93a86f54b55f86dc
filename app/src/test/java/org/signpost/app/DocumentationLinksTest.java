package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A newcomer reads the README and docs/ from a clone, so every link in them must lead to a file
 * and heading of that clone, and every setting the code reads must be in the settings table.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern SETTING = Pattern.compile("SIGNPOST_[A-Z0-9_]*[A-Z0-9]");

    private final Path repository = repository(Path.of("").toAbsolutePath());

    @Test
    void everyRelativeLinkLeadsToAFileAndHeadingOfTheRepository() {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            for (String target : links(document)) {
                if (SCHEME.matcher(target).find()) {
                    continue;
                }
                String problem = problemOf(document, target);
                if (problem != null) {
                    broken.add(repository.relativize(document) + ": (" + target + ") " + problem);
                }
            }
        }
        assertThat(broken).as("links of README.md and docs/*.md").isEmpty();
    }

    @Test
    void noLinkLeavesTheRepository() {
        List<String> outside = new ArrayList<>();
        for (Path document : documents()) {
            for (String target : links(document)) {
                if (target.startsWith("file:") || target.startsWith("/") || !SCHEME.matcher(target).find()
                        && !document.getParent().resolve(pathOf(target)).normalize().startsWith(repository)) {
                    outside.add(repository.relativize(document) + ": " + target);
                }
            }
        }
        assertThat(outside).as("links to files outside the repository, which a clone does not have").isEmpty();
    }

    @Test
    void everySettingTheCodeReadsIsInTheOperationsGuide() {
        String table = settingsTable(read(repository.resolve("docs").resolve("operations.md")));
        Set<String> missing = new TreeSet<>();
        for (String setting : settingsTheCodeReads()) {
            if (!table.contains("`" + setting + "`")) {
                missing.add(setting);
            }
        }
        assertThat(missing).as("SIGNPOST_* settings of the main sources and ./signpost missing from the table of"
                        + " docs/operations.md, \"Configuration\"")
                .isEmpty();
    }

    /** The rows of the table under "## Configuration", the first column of each row holding its settings. */
    private static String settingsTable(String operations) {
        StringBuilder table = new StringBuilder();
        boolean inSection = false;
        for (String line : operations.split("\n")) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Configuration");
            } else if (inSection && line.startsWith("| `")) {
                table.append(line, 0, line.indexOf(" | ", 2) < 0 ? line.length() : line.indexOf(" | ", 2)).append('\n');
            }
        }
        assertThat(table).as("the settings table of docs/operations.md, \"Configuration\"").isNotEmpty();
        return table.toString();
    }

    /** What is wrong with a relative link, or null when its file (and heading) exist. */
    private String problemOf(Path document, String target) {
        String path = pathOf(target);
        Path file = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
        if (!file.startsWith(repository)) {
            return null; // reported by noLinkLeavesTheRepository
        }
        if (!Files.exists(file)) {
            return "no such file";
        }
        int hash = target.indexOf('#');
        if (hash < 0) {
            return null;
        }
        String anchor = target.substring(hash + 1);
        if (!file.toString().endsWith(".md")) {
            return "an anchor in a file that is not Markdown";
        }
        return anchors(file).contains(anchor) ? null : "no heading with the anchor #" + anchor;
    }

    private static String pathOf(String target) {
        int hash = target.indexOf('#');
        return hash < 0 ? target : target.substring(0, hash);
    }

    /** The link targets of a Markdown file, outside its fenced code blocks. */
    private static List<String> links(Path document) {
        List<String> targets = new ArrayList<>();
        boolean inCode = false;
        for (String line : read(document).split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (!inCode) {
                Matcher link = LINK.matcher(line);
                while (link.find()) {
                    targets.add(link.group(1));
                }
            }
        }
        return targets;
    }

    /** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens. */
    static Set<String> anchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inCode = false;
        for (String line : read(file).split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode && line.matches("#{1,6} .*")) {
                String slug = line.replaceFirst("#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
                int times = seen.merge(slug, 1, Integer::sum);
                anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
            }
        }
        return anchors;
    }

    private List<Path> documents() {
        List<Path> documents = new ArrayList<>();
        documents.add(repository.resolve("README.md"));
        try (Stream<Path> docs = Files.list(repository.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /** Every SIGNPOST_* name in the modules' main sources and in the launcher script. */
    private Set<String> settingsTheCodeReads() {
        Set<String> settings = new TreeSet<>();
        List<Path> sources = new ArrayList<>();
        sources.add(repository.resolve("signpost"));
        try (Stream<Path> modules = Files.list(repository)) {
            for (Path main : modules.map(m -> m.resolve("src").resolve("main")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    files.filter(Files::isRegularFile).forEach(sources::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path source : sources) {
            Matcher setting = SETTING.matcher(readAnyBytes(source));
            while (setting.find()) {
                settings.add(setting.group());
            }
        }
        assertThat(settings).as("settings found in the main sources").contains("SIGNPOST_DB_URL", "SIGNPOST_HOME");
        return settings;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A source file as text whatever its bytes (resources may be binary). */
    private static String readAnyBytes(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root (Maven runs the tests in a module's directory). */
    private static Path repository(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs"))
                    && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository (README.md, docs/, mvnw) above " + from);
    }
}
