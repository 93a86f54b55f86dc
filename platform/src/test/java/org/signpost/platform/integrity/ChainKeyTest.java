package org.signpost.platform.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signpost.platform.ConfigurationProblem;
import org.signpost.platform.integrity.ChainKey.UnusableIntegrityKey;

/** The integrity key comes from a file only its owner may read, and the service says plainly when it has none. */
class ChainKeyTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path home;

    private Path keyFile(String content, String permissions) throws Exception {
        Path file = home.resolve("integrity-key");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    @Test
    void withoutAKeyFileTheMessageNamesTheSettingAndHowToMakeOne() {
        Path missing = home.resolve("integrity-key");
        assertThatThrownBy(() -> ChainKey.load("", missing)).isInstanceOf(UnusableIntegrityKey.class)
                .hasMessage("SIGNPOST_INTEGRITY_KEY_FILE: no integrity key: " + missing + " does not exist; make one with: "
                        + "head -c 32 /dev/urandom | base64 > " + missing + "; chmod 600 " + missing);
    }

    @Test
    void aKeyFileOthersMayReadOrWriteIsRefused() throws Exception {
        for (String open : new String[] {"rw-r-----", "rw----r--", "rw-rw----", "rw-r--r--"}) {
            Path file = keyFile(KEY, open);
            assertThatThrownBy(() -> ChainKey.load(null, file)).as(open).isInstanceOf(UnusableIntegrityKey.class)
                    .hasMessageContaining("is open to others (" + open + ")").hasMessageEndingWith("chmod 600 " + file);
        }
    }

    @Test
    void aKeyFileOfItsOwnerAloneIsRead() throws Exception {
        assertThat(ChainKey.load(null, keyFile(KEY + "\n", "rw-------"))).isNotNull();
        assertThat(ChainKey.load(null, keyFile(KEY, "r--------"))).isNotNull();
    }

    @Test
    void aKeyThatIsNotThirtyTwoBytesOfBase64IsRefused() throws Exception {
        Path notBase64 = keyFile("not a key!", "rw-------");
        assertThatThrownBy(() -> ChainKey.load(null, notBase64)).isInstanceOf(ConfigurationProblem.class)
                .hasMessageStartingWith("SIGNPOST_INTEGRITY_KEY_FILE: ").hasMessageContaining("is not base64");
        Path short_ = keyFile(Base64.getEncoder().encodeToString(new byte[16]), "rw-------");
        assertThatThrownBy(() -> ChainKey.load(null, short_)).hasMessageContaining("must be 32 bytes (256 bits), not 16");
    }

    @Test
    void aKeyGivenItselfIsUsedBeforeAnyFile() {
        assertThat(ChainKey.load(KEY, home.resolve("none"))).isNotNull();
        assertThatThrownBy(() -> ChainKey.load("c2hvcnQ=", home.resolve("none")))
                .hasMessageContaining("signpost.integrity.key must be 32 bytes").hasMessageStartingWith("SIGNPOST_INTEGRITY_KEY: ");
    }

    @Test
    void eachChainHasAKeyOfItsOwnSoThatNoSealIsValidInAnother() {
        ChainKey key = ChainKey.load(KEY, null);
        assertThat(Chain.events(key).key().getEncoded()).isNotEqualTo(Chain.readLog(key).key().getEncoded());
        assertThat(key.derive("chain events").getEncoded()).isEqualTo(Chain.events(key).key().getEncoded());
    }

    @Test
    void eachChainsRowsHaveAKeyOfTheirOwnSoThatNoSealIsValidAsARowMac() {
        ChainKey key = ChainKey.load(KEY, null);
        for (Chain chain : List.of(Chain.events(key), Chain.readLog(key))) {
            assertThat(chain.rowKey().getEncoded()).as(chain.name()).isNotEqualTo(chain.key().getEncoded())
                    .isEqualTo(key.derive("row " + chain.name()).getEncoded());
        }
        assertThat(Chain.events(key).rowKey().getEncoded()).isNotEqualTo(Chain.readLog(key).rowKey().getEncoded());
    }
}
