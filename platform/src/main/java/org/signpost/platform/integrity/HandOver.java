package org.signpost.platform.integrity;

import java.util.Optional;
import org.signpost.platform.integrity.ChainReport.Failure;

/**
 * What a chain takes over from: the rows it seals first were stored before it existed, under
 * whatever protected them then. Checked once, by the sealer, before the chain's first seal; what
 * it found stays part of every later check of the chain.
 */
public interface HandOver {

    /** A chain that takes over from nothing that could be checked. */
    HandOver NONE = new HandOver() {
        @Override
        public void beforeFirstSeal() {
        }

        @Override
        public Optional<Failure> failure(long sealedUpTo) {
            return Optional.empty();
        }

        @Override
        public Optional<ChainReport> report() {
            return Optional.empty();
        }
    };

    /** Checks and records what came before, once; called by the sealer under its lock, in its transaction. */
    void beforeFirstSeal();

    /** A failure that comes before the chain (found at the hand-over, or in its record), given its sealed head. */
    Optional<Failure> failure(long sealedUpTo);

    /** What the hand-over found, once it has been made. */
    Optional<ChainReport> report();
}
