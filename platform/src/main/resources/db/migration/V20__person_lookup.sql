-- Finding a young person (issue 20): by NHS number, or by surname and date of birth. Both are
-- kept only sealed with the person's key, so the referrals read model gets keyed digests of
-- them (HMAC-SHA256 under a key derived from the integrity key, which is not in the database;
-- see PersonLookup), hex. Columns of referral_view rather than a read model of their own: it
-- has one row per referral already, is rebuilt with it, and its rows are what a search answers.
-- An erasure sets them to null, and a replay cannot compute them again (the data opens as null).
ALTER TABLE referral_view
    ADD COLUMN nhs_number_digest    text,
    ADD COLUMN surname_birth_digest text;
CREATE INDEX referral_view_nhs_number_idx ON referral_view (generation, nhs_number_digest)
    WHERE nhs_number_digest IS NOT NULL;
CREATE INDEX referral_view_surname_birth_idx ON referral_view (generation, surname_birth_digest)
    WHERE surname_birth_digest IS NOT NULL;

-- The referrals already read have no digests: their read model is rebuilt at the next start,
-- while reads go on from the generation there is (a rebuild marked under way is taken up by
-- ReplayEngine.resumeInterruptedRebuilds). A new installation has no row here, nothing to rebuild.
UPDATE projection_generation SET building = active + 1 WHERE projection = 'referrals' AND building = active;
