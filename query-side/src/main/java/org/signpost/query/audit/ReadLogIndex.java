package org.signpost.query.audit;

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
 * the pending reads as well as the merged ones. If this cannot run (a database user that does not
 * own the index may not merge it), autovacuum merges the list, and at worst an answer that finds it
 * full.
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
            Long pages = jdbc.queryForObject("SELECT gin_clean_pending_list('personal_data_read_subjects_idx')",
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
