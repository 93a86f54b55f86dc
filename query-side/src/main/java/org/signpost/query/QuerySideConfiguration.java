package org.signpost.query;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The query side checks on its replays on a schedule. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class QuerySideConfiguration {
}
