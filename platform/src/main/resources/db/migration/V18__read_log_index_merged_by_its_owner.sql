-- The service no longer owns the read log (DatabaseRoles), and only a GIN index's owner may merge
-- its pending list: the owner merges it on the service's behalf, and that is all this does.
CREATE FUNCTION signpost_merge_read_log_index() RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT gin_clean_pending_list('public.personal_data_read_subjects_idx'::regclass)
$$;
REVOKE ALL ON FUNCTION signpost_merge_read_log_index() FROM PUBLIC;
