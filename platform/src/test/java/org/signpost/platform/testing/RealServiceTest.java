package org.signpost.platform.testing;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every HTTP test base shares, whichever side it starts: its own embedded PostgreSQL,
 * the test users, keys and tokens (see {@link TestDatabase}), and the random port it listens on.
 */
public abstract class RealServiceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    protected int port;
}
