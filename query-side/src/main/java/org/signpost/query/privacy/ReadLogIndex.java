package org.signpost.query.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Merges the read log's pending people into its index, every two seconds by default. An answer
 * only adds the people it showed to the index's pending list (V12); merged here, the reads of a
 * person since the last merge go into the index at once, and no answer waits for it. Searches see
 * the pending reads as well as the merged ones. Only the index's owner may merge it, so the service
 * asks the owner's function for it (V18). If this cannot run, autovacuum merges the list, and at
 * worst an answer that finds it full.
 */
@Component
public class ReadLogIndex {

    private static final Logger log = LoggerFactory.getLogger(ReadLogIndex.class);

    private final JdbcTemplate jdbc;
    private boolean failing;

    public ReadLogIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Merges what is pending; returns the number of pages of the list it emptied. */
    @Scheduled(fixedDelayString = "${signpost.read-log.index-merge-interval:PT2S}")
    public long merge() {
        try {
            Long pages = jdbc.queryForObject("SELECT signpost_merge_read_log_index()",
                    Long.class);
            failing = false;
            return pages == null ? 0 : pages;
        } catch (DataAccessException e) {
            // Said once, not every two seconds while the cause lasts.
            if (!failing) {
                log.warn("The read log's index could not be merged; autovacuum will: {}", e.toString());
            }
            failing = true;
            return 0;
        }
    }
}
