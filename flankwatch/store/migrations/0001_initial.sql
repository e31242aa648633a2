-- The first schema: documents, the records extracted from them and the analyses built on those.
-- Ids are content-derived (records.content_id), so a rerun writes the same rows.
-- No foreign keys: DuckDB checks them eagerly, which would forbid replacing a
-- document's mentions inside one transaction; the store keeps the links itself.

CREATE TABLE documents (
    id                VARCHAR PRIMARY KEY,   -- content_id of the normalised text
    name              VARCHAR NOT NULL,      -- file name, corpus id or short feed-item name
    text              VARCHAR NOT NULL,      -- the normalised text; mention offsets refer to it
    language          VARCHAR NOT NULL,      -- ISO 639-1
    published         DATE,
    date_source       VARCHAR NOT NULL,      -- metadata, front_matter, html, feed, cli, none
    title             VARCHAR NOT NULL,
    publisher         VARCHAR NOT NULL,
    url               VARCHAR NOT NULL,
    origin            VARCHAR NOT NULL,      -- path, URL, corpus.jsonl:17 or feed.xml#3 it was first read from
    fmt               VARCHAR NOT NULL,      -- txt, md, html, pdf, jsonl, feed
    ingested_at       TIMESTAMP NOT NULL,    -- UTC
    extractor_version VARCHAR,               -- NULL until extracted; a new extractor re-extracts
    extracted_at      TIMESTAMP              -- UTC
);

CREATE TABLE mentions (
    id             VARCHAR PRIMARY KEY,      -- Mention.id: doc, type, subtype and evidence offsets
    doc            VARCHAR NOT NULL,         -- documents.id
    type           VARCHAR NOT NULL,
    subtype        VARCHAR,
    modality       VARCHAR NOT NULL,
    date_start     DATE,
    date_end       DATE,
    date_precision VARCHAR,
    date_source    VARCHAR NOT NULL,
    actors         VARCHAR[] NOT NULL,
    targets        VARCHAR[] NOT NULL,
    place_name     VARCHAR,
    place_country  VARCHAR,
    place_lat      DOUBLE,
    place_lon      DOUBLE,
    place_id       VARCHAR,
    theatre        VARCHAR NOT NULL,
    quantities     JSON NOT NULL,            -- [{value, value_max, unit, qualifier, period, period_days, evidence}]
    casualties     JSON NOT NULL,            -- same shape, units killed, injured, detained
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    evidence_text  VARCHAR NOT NULL,
    confidence     DOUBLE NOT NULL,
    language       VARCHAR NOT NULL
);

CREATE TABLE events (
    id            VARCHAR PRIMARY KEY,
    type          VARCHAR NOT NULL,
    subtype       VARCHAR,
    modality      VARCHAR NOT NULL,
    theatre       VARCHAR NOT NULL,
    date_start    DATE,
    date_end      DATE,
    place_name    VARCHAR,
    place_country VARCHAR,
    place_lat     DOUBLE,
    place_lon     DOUBLE,
    place_id      VARCHAR,
    quantities    JSON NOT NULL,
    actors        VARCHAR[] NOT NULL,
    confidence    DOUBLE NOT NULL
);

CREATE TABLE event_mentions (
    event    VARCHAR NOT NULL,               -- events.id
    mention  VARCHAR NOT NULL,               -- mentions.id
    position INTEGER NOT NULL,               -- order of Event.mention_ids
    PRIMARY KEY (event, mention)
);

CREATE TABLE indicator_points (
    day        DATE NOT NULL,
    theatre    VARCHAR NOT NULL,
    type       VARCHAR NOT NULL,
    unit       VARCHAR NOT NULL,
    value      DOUBLE NOT NULL,
    period     VARCHAR,
    doc        VARCHAR NOT NULL,
    mention_id VARCHAR NOT NULL
);

CREATE TABLE assessments (
    week           VARCHAR NOT NULL,         -- ISO week, 2024-W12
    theatre        VARCHAR NOT NULL,
    domain         VARCHAR NOT NULL,
    level          INTEGER NOT NULL,
    previous_level INTEGER NOT NULL,
    verdict        VARCHAR NOT NULL,         -- escalated, unchanged, de-escalated
    reasons        JSON NOT NULL,            -- [{text, mention_id, doc, level}]
    rules_version  VARCHAR NOT NULL,
    responses      VARCHAR[] NOT NULL,
    PRIMARY KEY (week, theatre, domain)
);

CREATE TABLE rejections (
    id          VARCHAR PRIMARY KEY,         -- content_id(origin, problem, stage)
    origin      VARCHAR NOT NULL,
    problem     VARCHAR NOT NULL,
    stage       VARCHAR NOT NULL,            -- ingest, extract
    recorded_at TIMESTAMP NOT NULL           -- UTC, first time seen
);

-- Small facts about the store itself, e.g. which state of the documents the analyses reflect.
CREATE TABLE store_state (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
