package org.signpost.platform.integrity;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The chain is sealed and checked on a schedule in every process (the sealing by one at a time). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class IntegrityConfiguration {
}
