package org.signpost.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.query.projection.ProjectionJson;
import org.signpost.query.testing.QuerySideTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a rebuild adds by COPY (binary format) must read back exactly as the live projection's
 * INSERT would have stored it, for every column type the read models use, whatever the text
 * holds (tabs, line breaks, backslashes, quotes, any script), and instants must keep their
 * instant whatever the JVM's zone. A value that does not fit its column, or a column of a type
 * the rebuild cannot write, is refused by name.
 */
class RowInsertCopyTest extends QuerySideTest {

    private static final RowInsert ROW = RowInsert.into("copy_check", "id", "text", "day", "at", "doc:json", "n",
            "k", "flag", "b:jsonb", "v", "ref");
    private static final String SPECIAL = "\t\n\r\\\"'{},;|\u00e9\u4e2d\ud83d\ude00 \\N\\t";
    private static final int[] SPECIAL_CODE_POINTS = SPECIAL.codePoints().toArray();

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE copy_check (generation INT, id UUID, text TEXT, day DATE, "
                + "at TIMESTAMPTZ, doc JSON, n BIGINT, k INTEGER, flag BOOLEAN, b JSONB, v VARCHAR(2000), ref UUID)");
    }

    /** As a rebuild does: the generation's table made in the transaction that copies into it (COPY FREEZE needs that). */
    private void copyIntoNewTable(CopyRowBatch copy) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.execute("CREATE TABLE copy_check_g7 (LIKE copy_check)");
            copy.flush();
        });
    }

    @AfterEach
    void drop() {
        jdbc.execute("DROP TABLE IF EXISTS copy_check, copy_check_g7");
    }

    @Test
    void copiedRowsReadBackAsInsertedOnes() {
        Random random = new Random(20261124);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // One text longer than a block of the COPY buffer, so that it runs on into the next.
            String text = i % 50 == 0 ? null : i == 1 ? "long text ".repeat(30_000) + SPECIAL
                    : randomText(random);
            rows.add(new Object[] {UUID.randomUUID(), text, LocalDate.of(2000, 1, 1).plusDays(random.nextInt(20_000)),
                    Timestamp.from(Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L)),
                    json(i, ProjectionJson.write(Map.of("note", text == null ? "" : text))),
                    i % 7 == 0 ? null : random.nextLong(), i % 11 == 0 ? null : random.nextInt(),
                    i % 13 == 0 ? null : random.nextBoolean(),
                    i % 17 == 0 ? null : ProjectionJson.write(Map.of("n", i, "s", text == null ? "" : text)),
                    text == null ? null : text.codePoints().limit(1_000)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString(),
                    i % 3 == 0 ? null : UUID.randomUUID()});
        }
        CopyRowBatch copy = new CopyRowBatch(jdbc, 7, new RebuildRows());
        LiveRowBatch insert = new LiveRowBatch(jdbc, 8);
        rows.forEach(row -> {
            copy.insert(ROW, row);
            insert.insert(ROW, row);
        });
        copyIntoNewTable(copy);
        jdbc.execute("INSERT INTO copy_check SELECT * FROM copy_check_g7");
        insert.flush();

        String columns = "id, text, day, at, doc::text, n, k, flag, b::text, v, ref";
        List<List<Object>> copied = read("SELECT " + columns + " FROM copy_check WHERE generation = 7 ORDER BY id");
        List<List<Object>> inserted = read("SELECT " + columns + " FROM copy_check WHERE generation = 8 ORDER BY id");
        assertThat(copied).hasSize(500).isEqualTo(inserted);
        assertThat(copied.stream().map(r -> r.get(1)).filter(SPECIAL::equals)).isNotEmpty();
        for (int column = 0; column < columns.split(",").length; column++) {
            int c = column;
            // Every column holds values, not only nulls.
            assertThat(copied.stream().map(r -> r.get(c)).filter(Objects::nonNull)).as("column %d", c)
                    .isNotEmpty();
        }
    }

    @Test
    void aValueThatDoesNotFitItsColumnIsRefusedByName() {
        CopyRowBatch copy = new CopyRowBatch(jdbc, 7, new RebuildRows());
        Object[] row = {UUID.randomUUID(), "text", LocalDate.of(2024, 1, 1), Timestamp.from(Instant.now()), "{}",
                "not a number", 1, true, "{}", "v", UUID.randomUUID()};

        assertThatThrownBy(() -> copy.insert(ROW, row)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("copy_check.n").hasMessageContaining("String");
        Object[] tooLarge = row.clone();
        tooLarge[5] = 1L;
        tooLarge[6] = 1L << 40;
        assertThatThrownBy(() -> copy.insert(ROW, tooLarge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("copy_check.k").hasMessageContaining("integer");
    }

    @Test
    void aColumnOfATypeTheRebuildCannotWriteIsRefusedByName() {
        jdbc.execute("CREATE TABLE copy_odd (generation INT, amount NUMERIC)");
        try {
            CopyRowBatch copy = new CopyRowBatch(jdbc, 7, new RebuildRows());

            assertThatThrownBy(() -> copy.insert(RowInsert.into("copy_odd", "amount"), new BigDecimal("1.5")))
                    .hasMessageContaining("copy_odd.amount").hasMessageContaining("numeric");
        } finally {
            jdbc.execute("DROP TABLE copy_odd");
        }
    }

    private List<List<Object>> read(String sql) {
        return jdbc.query(sql, (rs, i) -> Arrays.asList(rs.getObject(1), rs.getString(2),
                rs.getObject(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
                rs.getObject(6), rs.getObject(7), rs.getObject(8), rs.getString(9), rs.getString(10), rs.getObject(11)));
    }

    /** Half the documents as UTF-8 bytes already, as the audit trail's payloads are. */
    private static Object json(int i, String json) {
        return i % 2 == 0 ? new Utf8Text(json.getBytes(StandardCharsets.UTF_8)) : json;
    }

    private static String randomText(Random random) {
        if (random.nextInt(10) == 0) {
            return SPECIAL;
        }
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(5) == 0 ? SPECIAL_CODE_POINTS[random.nextInt(SPECIAL_CODE_POINTS.length)]
                    : 32 + random.nextInt(0x2000));
        }
        return text.toString();
    }
}
