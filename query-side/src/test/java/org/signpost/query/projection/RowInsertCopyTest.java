package org.signpost.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.signpost.query.testing.QuerySideTest;

/**
 * What a rebuild adds by COPY must read back exactly as the live projection's INSERT would have
 * stored it, whatever the text holds (tabs, line breaks, backslashes, quotes, any script), and
 * instants must keep their instant whatever the JVM's zone.
 */
class RowInsertCopyTest extends QuerySideTest {

    private static final RowInsert ROW = RowInsert.into("copy_check", "id", "text", "day", "at", "doc:json");
    private static final String SPECIAL = "\t\n\r\\\"'{},;|\u00e9\u4e2d\ud83d\ude00 \\N\\t";
    private static final int[] SPECIAL_CODE_POINTS = SPECIAL.codePoints().toArray();

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE copy_check (generation INT, id UUID, text TEXT, day DATE, "
                + "at TIMESTAMPTZ, doc JSON)");
        jdbc.execute("CREATE TABLE copy_check_g7 (LIKE copy_check)");
    }

    @AfterEach
    void drop() {
        jdbc.execute("DROP TABLE copy_check, copy_check_g7");
    }

    @Test
    void copiedRowsReadBackAsInsertedOnes() {
        Random random = new Random(20261124);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String text = i % 50 == 0 ? null : randomText(random);
            rows.add(new Object[] {UUID.randomUUID(), text, LocalDate.of(2000, 1, 1).plusDays(random.nextInt(20_000)),
                    Timestamp.from(Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000) * 1000L)),
                    ProjectionJson.write(java.util.Map.of("note", text == null ? "" : text))});
        }
        SqlBatch copy = new SqlBatch(jdbc, 7, new RebuildRows());
        SqlBatch insert = new SqlBatch(jdbc, 8);
        rows.forEach(row -> {
            copy.insert(ROW, row);
            insert.insert(ROW, row);
        });
        copy.flush();
        jdbc.execute("INSERT INTO copy_check SELECT * FROM copy_check_g7");
        insert.flush();

        String columns = "id, text, day, at, doc::text";
        List<List<Object>> copied = read("SELECT " + columns + " FROM copy_check WHERE generation = 7 ORDER BY id");
        List<List<Object>> inserted = read("SELECT " + columns + " FROM copy_check WHERE generation = 8 ORDER BY id");
        assertThat(copied).hasSize(500).isEqualTo(inserted);
        assertThat(copied.stream().map(r -> r.get(1)).filter(SPECIAL::equals)).isNotEmpty();
    }

    private List<List<Object>> read(String sql) {
        return jdbc.query(sql, (rs, i) -> List.of(rs.getObject(1), String.valueOf(rs.getString(2)),
                rs.getObject(3), rs.getObject(4, java.time.OffsetDateTime.class).toInstant(), rs.getString(5)));
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
