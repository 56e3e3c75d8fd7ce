-- Version 1: one article and everything the stages found in it.
-- Offsets ("start"/"end") index articles.text. "end" is a reserved word in SQL,
-- so offset columns are always double-quoted.

CREATE TABLE articles (
    id          VARCHAR PRIMARY KEY,
    source      VARCHAR NOT NULL,
    url         VARCHAR,
    outlet      VARCHAR,
    title       VARCHAR,
    byline      VARCHAR,
    date        VARCHAR,            -- ISO 8601 date text (sorts; CAST(date AS DATE) to compute)
    language    VARCHAR,
    text        VARCHAR NOT NULL,   -- cleaned body; every offset indexes it
    raw_sha256  VARCHAR NOT NULL,
    raw_text    VARCHAR NOT NULL,   -- as read, before cleaning
    removed     JSON,               -- [{text, reason, line_no}] lines the cleaner dropped
    meta        JSON,
    first_seen  TIMESTAMP NOT NULL,
    updated     TIMESTAMP NOT NULL
);

CREATE TABLE quotes (
    id              VARCHAR PRIMARY KEY,
    article_id      VARCHAR NOT NULL,
    idx             INTEGER NOT NULL,
    text            VARCHAR NOT NULL,
    "start"         INTEGER NOT NULL,
    "end"           INTEGER NOT NULL,
    kind            VARCHAR NOT NULL,
    cue_text        VARCHAR,
    cue_start       INTEGER,
    cue_end         INTEGER,
    speaker_text    VARCHAR,
    speaker_start   INTEGER,
    speaker_end     INTEGER,
    speaker_name    VARCHAR,
    speaker_org     VARCHAR,
    speaker_code    VARCHAR,
    speaker_sector  VARCHAR,
    relay           JSON,
    floating        BOOLEAN NOT NULL
);

CREATE TABLE events (
    id            VARCHAR PRIMARY KEY,
    article_id    VARCHAR NOT NULL,
    idx           INTEGER NOT NULL,
    event         VARCHAR NOT NULL,
    mode          VARCHAR,
    context       JSON,
    actor         JSON,
    recipient     JSON,
    date          VARCHAR,
    event_loc     JSON,
    event_text    VARCHAR,
    text_info     JSON,
    quote_id      VARCHAR,
    requested     JSON,
    negated       BOOLEAN NOT NULL,
    hypothetical  BOOLEAN NOT NULL,
    future        BOOLEAN NOT NULL,
    rule          VARCHAR,
    trigger       JSON
);

CREATE TABLE entities (
    article_id   VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,
    entity_text  VARCHAR NOT NULL,
    name         VARCHAR,
    code         VARCHAR,
    sector       VARCHAR,
    wikidata_id  VARCHAR,
    type         VARCHAR,
    org          VARCHAR,
    "start"      INTEGER,
    "end"        INTEGER,
    source       VARCHAR,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE labels (
    id          VARCHAR PRIMARY KEY,
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    "start"     INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    kind        VARCHAR NOT NULL,
    actor       VARCHAR,
    voice       VARCHAR NOT NULL
);

CREATE TABLE runs (
    id        VARCHAR PRIMARY KEY,
    started   TIMESTAMP NOT NULL,
    finished  TIMESTAMP,
    args      JSON,
    counts    JSON,
    seconds   DOUBLE,
    version   VARCHAR
);

CREATE TABLE failures (
    run_id      VARCHAR,
    source      VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,
    article_id  VARCHAR,
    reason      VARCHAR NOT NULL,
    time        TIMESTAMP NOT NULL
);

CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX labels_article ON labels (article_id);
