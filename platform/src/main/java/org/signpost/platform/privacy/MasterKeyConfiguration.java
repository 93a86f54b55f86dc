package org.signpost.platform.privacy;

import java.nio.file.Path;
import org.signpost.platform.SignpostHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the master keys come from: the file of {@code SIGNPOST_MASTER_KEY_FILE} (a Docker
 * secret, say), else the key itself in {@code SIGNPOST_MASTER_KEY}, else the local
 * installation's file in the Signpost home, which the launcher makes on the first start.
 */
@Configuration(proxyBeanMethods = false)
public class MasterKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

    @Bean
    MasterKeys masterKeys(@Value("${signpost.master-key-file:}") String file, @Value("${signpost.master-key:}") String key,
                          SignpostHome home) {
        if (!file.isBlank()) {
            return MasterKeys.fromFile(Path.of(file));
        }
        if (!key.isBlank()) {
            log.warn("The master key is given in SIGNPOST_MASTER_KEY: the environment of a process can be read by "
                    + "other processes of its user and is passed on to its children. Give a file in "
                    + "SIGNPOST_MASTER_KEY_FILE instead (docs/security.md, \"Personal data and erasure\")");
            return MasterKeys.fromText(key, "SIGNPOST_MASTER_KEY");
        }
        return MasterKeys.fromFile(home.masterKey());
    }
}
