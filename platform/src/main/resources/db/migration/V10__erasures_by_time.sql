-- Every process looks each second for the people erased in the last ten minutes (see
-- PersonalDataKeys.forgetErasedElsewhere): only erased rows are indexed, a handful among many.
CREATE INDEX personal_data_key_erased_idx ON personal_data_key (erased_at) WHERE erased_at IS NOT NULL;
