-- Self-help answers (issue 21, item 5): short texts each organisation keeps for citizens to
-- search around the clock, and what citizens searched for without finding anything.
--
-- `holder`/`org_code` name the organisation as `chats` does: 'jobcenter' and a municipality's
-- code, or 'a_kasse' and an a-kasse's.
CREATE TABLE help_answers (
    id          TEXT PRIMARY KEY,
    holder      TEXT NOT NULL,
    org_code    TEXT NOT NULL,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    updated_at  BIGINT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX help_answers_org ON help_answers (holder, org_code);

-- One number per organisation, raised in the transaction of every change to its answers: an
-- instance rebuilds its in-memory index when the number it built from is no longer the
-- stored one, so two instances never answer from different answers for long.
CREATE TABLE help_revisions (
    holder    TEXT NOT NULL,
    org_code  TEXT NOT NULL,
    revision  BIGINT NOT NULL,
    PRIMARY KEY (holder, org_code)
);

-- Searches by citizens that found nothing: what the manager's report lists as questions
-- without an answer. The words are kept as typed (lower-cased, spaces collapsed) and shown
-- only once five different citizens have searched them in the period, so a search that
-- names one person's own matters never reaches the report.
CREATE TABLE help_misses (
    id           TEXT PRIMARY KEY,
    holder       TEXT NOT NULL,
    org_code     TEXT NOT NULL,
    words        TEXT NOT NULL,
    citizen_id   TEXT NOT NULL,
    searched_at  BIGINT NOT NULL
);
CREATE INDEX help_misses_org ON help_misses (holder, org_code, searched_at);
