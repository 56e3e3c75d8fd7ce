-- Version 5: every place mention of an article (Article.places), resolved
-- against the offline gazetteer (eventwire.actors.places). Unresolved
-- mentions keep NULL name/geonames_id/lat/lon and say why in `reason`;
-- `via` says how a resolved one was resolved.

CREATE TABLE places (
    article_id   VARCHAR NOT NULL,
    idx          INTEGER NOT NULL,
    text         VARCHAR NOT NULL,
    "start"      INTEGER,
    "end"        INTEGER,
    name         VARCHAR,
    geonames_id  BIGINT,
    lat          DOUBLE,
    lon          DOUBLE,
    feature      VARCHAR,
    country      VARCHAR,
    admin1       VARCHAR,
    level        VARCHAR,
    via          VARCHAR,
    reason       VARCHAR,
    PRIMARY KEY (article_id, idx)
);
CREATE INDEX places_geonames ON places (geonames_id);
CREATE INDEX places_country ON places (country);
