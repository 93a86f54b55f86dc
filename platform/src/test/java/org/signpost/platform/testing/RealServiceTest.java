package org.signpost.platform.testing;

import org.signpost.platform.database.DatabaseConfiguration.EmbeddedDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
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

    @Autowired
    private EmbeddedDatabase embeddedDatabase;

    /**
     * The service's database as PostgreSQL's superuser, who may do what the service's own role
     * may not: a test that plays someone changing the history behind the service's back.
     */
    protected JdbcTemplate superuser() {
        return new JdbcTemplate(TestDatabase.superuser(embeddedDatabase));
    }
}
