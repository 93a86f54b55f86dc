package org.signpost.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Requests, {@code @Async} and {@code @Scheduled} work run on platform threads by default, not
 * virtual ones. On Java 25 a virtual thread that loads a class is pinned to its carrier while it
 * waits for a lock; with as many carriers as cores, the first concurrent requests after a start
 * pinned both carriers waiting for a lock of the executable jar held by a third, unmounted
 * request that then never ran again: the service stopped answering for good (seen in the
 * command benchmark; docs/benchmarks.md, "A hang of virtual threads at start").
 */
class RequestThreadsTest extends AllInOneTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @Autowired
    TaskExecutor applicationTaskExecutor;

    @Autowired
    TaskScheduler taskScheduler;

    @Autowired
    List<ScheduledTaskHolder> scheduledTasks;

    @Test
    void tomcatServesRequestsFromAPoolOfPlatformThreads() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getProtocolHandler().getExecutor())
                .isInstanceOf(org.apache.tomcat.util.threads.ThreadPoolExecutor.class);
        assertThat(api().anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void asyncAndScheduledWorkRunOnPoolsOfPlatformThreads() {
        assertThat(applicationTaskExecutor).isInstanceOf(ThreadPoolTaskExecutor.class);
        assertThat(taskScheduler).isInstanceOf(ThreadPoolTaskScheduler.class);
    }

    /**
     * No scheduled task waits for another to end (a check of the whole hash chain takes seconds;
     * a query side's announcement to the others must come every few), as none did when each ran
     * on a virtual thread of its own.
     */
    @Test
    void everyScheduledTaskHasAThreadOfItsOwn() {
        int tasks = scheduledTasks.stream().mapToInt(holder -> holder.getScheduledTasks().size()).sum();
        assertThat(tasks).as("the service's @Scheduled methods").isGreaterThanOrEqualTo(6);
        assertThat(((ThreadPoolTaskScheduler) taskScheduler).getScheduledThreadPoolExecutor().getCorePoolSize())
                .isGreaterThanOrEqualTo(tasks);
    }
}
