package org.signpost.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master key file: versions, its format's mistakes named, and read only from a private file. */
class MasterKeysTest {

    private static final String A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String B = Base64.getEncoder().encodeToString("another-key-of-thirty-two-bytes!".getBytes());

    @TempDir
    Path directory;

    @Property(tries = 20)
    void aMasterKeyMustBe32BytesOfBase64(@ForAll @IntRange(min = 1, max = 64) int length) {
        String key = Base64.getEncoder().encodeToString(new byte[length]);
        if (length == 32) {
            assertThat(MasterKeys.key(key, "test").getEncoded()).hasSize(32);
        } else {
            assertThatThrownBy(() -> MasterKeys.key(key, "test")).hasMessageContaining("32 bytes");
        }
        assertThatThrownBy(() -> MasterKeys.key("not base64!", "test")).hasMessageContaining("base64");
    }

    @Test
    void aLoneKeyIsVersionOneAndEachLineNamesItsVersion() {
        assertThat(MasterKeys.fromText(A + "\n", "test").all()).containsOnlyKeys(1);
        MasterKeys two = MasterKeys.fromText("# rotated\n1:" + A + "\n2:" + B + "\n", "test");
        assertThat(two.all()).containsOnlyKeys(1, 2);
        assertThat(two.newest()).isEqualTo(2);
        assertThat(MasterKeys.parse(MasterKeys.format(two.all()), "again")).isEqualTo(two.all());
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> MasterKeys.fromText("", "SIGNPOST_MASTER_KEY")).hasMessageContaining("No master key")
                .hasMessageContaining("SIGNPOST_MASTER_KEY");
        assertThatThrownBy(() -> MasterKeys.fromText("1:" + A + "\n1:" + B, "test")).hasMessageContaining("twice");
        assertThatThrownBy(() -> MasterKeys.fromText("x:" + A, "test")).hasMessageContaining("version");
        assertThatThrownBy(() -> MasterKeys.fromText("0:" + A, "test")).hasMessageContaining("version");
    }

    @Test
    void aFileOthersMayReadIsRefusedAndAMissingOneSaysHowToMakeIt() throws Exception {
        Path file = directory.resolve("master-key");
        assertThatThrownBy(() -> MasterKeys.fromFile(file)).hasMessageContaining("head -c 32 /dev/urandom");
        Files.writeString(file, A);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> MasterKeys.fromFile(file)).hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(MasterKeys.fromFile(file).all()).containsOnlyKeys(1);
    }

    @Test
    void aVersionNotKnownYetIsReadFromTheFileAgain() throws Exception {
        Path file = directory.resolve("master-key");
        Files.writeString(file, "1:" + A + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        MasterKeys keys = MasterKeys.fromFile(file);
        assertThat(keys.version(2)).isEmpty();
        Files.writeString(file, "1:" + A + "\n2:" + B + "\n");
        assertThat(keys.version(2)).isPresent();
    }
}
