package org.signpost.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The sealing of personal values and of keys: what goes in comes out, for its owner only, unchanged. */
class AesGcmTest {

    private static final SecretKey KEY = MasterKeys.key(Base64.getEncoder().encodeToString(new byte[32]), "test");
    private static final SecretKey OTHER_KEY = MasterKeys.key(Base64.getEncoder().encodeToString(
            "another-key-of-thirty-two-bytes!".getBytes(StandardCharsets.US_ASCII)), "test");

    @Property(tries = 300)
    void whatIsSealedOpensWithTheSameKeyForTheSameOwner(@ForAll byte[] clear, @ForAll String owner) {
        byte[] associated = owner.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = AesGcm.seal(KEY, clear, associated);
        assertThat(AesGcm.open(KEY, sealed, associated)).hasValue(clear);
        assertThat(AesGcm.open(OTHER_KEY, sealed, associated)).isEmpty();
        assertThat(AesGcm.open(KEY, sealed, (owner + "x").getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Property(tries = 300)
    void anyChangedByteIsRefused(@ForAll byte[] clear, @ForAll @IntRange(min = 0, max = 10_000) int where) {
        byte[] sealed = AesGcm.seal(KEY, clear, new byte[0]);
        sealed[where % sealed.length] ^= 0x01;
        assertThat(AesGcm.open(KEY, sealed, new byte[0])).isEmpty();
    }

    @Property(tries = 50)
    void theSameValueSealsDifferentlyEachTime(@ForAll byte[] clear) {
        assertThat(AesGcm.seal(KEY, clear, new byte[0])).isNotEqualTo(AesGcm.seal(KEY, clear, new byte[0]));
    }
}
