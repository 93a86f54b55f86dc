package org.signpost.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.platform.integrity.ChainAnchor.UnreadableAnchor;

/**
 * The head anchor only ever moves a chain forward, along the chain it anchored, whoever writes
 * it; missing it is a first start, and anything else that is not what Signpost wrote is named.
 */
class ChainAnchorTest {

    private static final ChainKey KEY = ChainKey.load(Base64.getEncoder().encodeToString(new byte[32]), null);

    @TempDir
    Path home;

    /** A chain whose hash at each position is known: the database as the anchor's callers see it. */
    private static byte[] hash(long position) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Long.toString(position).getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SealedHead head(long position) {
        return new SealedHead(position, hash(position));
    }

    private static final LongFunction<byte[]> DATABASE = ChainAnchorTest::hash;

    private ChainAnchor anchor() {
        return new ChainAnchor(home.resolve("chain-anchor"), KEY);
    }

    @Test
    void noFileIsAFirstStartWithNothingAnchored() {
        assertThat(anchor().read()).isEmpty();
    }

    @Test
    void aHeadMovesForwardOnlyAndEachChainByItself() {
        ChainAnchor anchor = anchor();
        assertThat(anchor.advance("events", head(10), DATABASE)).isTrue();
        assertThat(anchor.advance("read-log", head(3), DATABASE)).isTrue();
        assertThat(anchor.advance("events", head(7), DATABASE)).isFalse();
        assertThat(anchor.advance("events", head(10), DATABASE)).isFalse();
        assertThat(anchor.advance("events", head(12), DATABASE)).isTrue();
        assertThat(anchor.read()).containsEntry("events", head(12)).containsEntry("read-log", head(3));
    }

    @Test
    void aChainThatNoLongerHasTheAnchoredHashIsNotAnchoredFurther() {
        ChainAnchor anchor = anchor();
        anchor.advance("events", head(10), DATABASE);
        // The history up to 10 was changed and sealed again: the database has another hash there.
        assertThat(anchor.advance("events", head(20), position -> hash(position + 1))).isFalse();
        assertThat(anchor.read()).containsEntry("events", head(10));
    }

    @Test
    void processesSharingTheFileNeverTakeAHeadBack() throws Exception {
        // Two anchors on one file, as two processes with one Signpost home, each offering heads out of order.
        List<ChainAnchor> processes = List.of(anchor(), anchor());
        List<Long> positions = new ArrayList<>();
        for (long position = 1; position <= 200; position++) {
            positions.add(position);
        }
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                ChainAnchor process = processes.get(writer % 2);
                List<Long> order = new ArrayList<>(positions);
                Collections.shuffle(order);
                done.add(writers.submit(() -> order.forEach(position -> {
                    process.advance("events", head(position), DATABASE);
                    assertThat(process.read().get("events").position()).isGreaterThanOrEqualTo(position);
                })));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            writers.shutdown();
        }
        assertThat(anchor().read()).containsEntry("events", head(200));
    }

    @Test
    void aGarbledFileIsNamedAndLeftAlone() throws Exception {
        ChainAnchor anchor = anchor();
        Files.writeString(anchor.file(), "events 10\n");
        assertThatThrownBy(anchor::read).isInstanceOf(UnreadableAnchor.class)
                .hasMessage("The head anchor " + anchor.file() + " is garbled at line 1 (not \"chain position hash\"); "
                        + "compare it with the heads in the log, then remove it to anchor the chains anew");
        assertThat(anchor.advance("events", head(20), DATABASE)).isFalse();
        assertThat(Files.readString(anchor.file())).isEqualTo("events 10\n");

        Files.writeString(anchor.file(), "events 10 " + head(10).hex() + "\n");
        assertThatThrownBy(anchor::read).hasMessageContaining("is garbled: it has no mac line");
    }

    @Test
    void aFileChangedByHandOrWrittenWithAnotherKeyIsNamedAsSuch() throws Exception {
        ChainAnchor anchor = anchor();
        anchor.advance("events", head(10), DATABASE);
        String written = Files.readString(anchor.file());
        Files.writeString(anchor.file(), written.replace("events 10 " + head(10).hex(), "events 11 " + head(10).hex()));
        assertThatThrownBy(anchor::read).hasMessageContaining("was changed outside Signpost");

        Files.writeString(anchor.file(), written);
        ChainKey another = ChainKey.load(Base64.getEncoder().encodeToString(new byte[] {
                1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32}), null);
        assertThatThrownBy(() -> new ChainAnchor(anchor.file(), another).read())
                .hasMessageContaining("or another integrity key wrote it");
    }
}
