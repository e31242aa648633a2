-- Fusion with sources, indicator series and near-duplicate documents (issue 4).
--
-- Events keep every report that gave them, each with its Admiralty grade, and
-- the figures their sources dispute; indicators keep the increments between
-- running totals and the weekly series with their baselines; ingest keeps a
-- MinHash sketch per document so that near-duplicates (syndicated copies,
-- re-runs) are found when they arrive and counted once.
-- As in 0001: no foreign keys; the store keeps the links, a rebuild replaces
-- the analysis tables in one transaction.

CREATE TABLE event_sources (
    event           VARCHAR NOT NULL,        -- events.id
    mention         VARCHAR NOT NULL,        -- mentions.id
    doc             VARCHAR NOT NULL,        -- documents.id
    publisher       VARCHAR NOT NULL,        -- the listed name (data/publishers.yaml), else as the document says
    kind            VARCHAR NOT NULL,        -- official, wire, … adversary state media, or unknown
    reliability     VARCHAR NOT NULL,        -- A–F, the publisher's
    credibility     INTEGER NOT NULL,        -- 1–6, this report's
    counted         BOOLEAN NOT NULL,        -- false for a copy or a repeat of a source already counted
    copy_of         VARCHAR,                 -- the original document of a near-duplicate
    syndicated_from VARCHAR,                 -- the wire a syndicated copy credits
    modality        VARCHAR NOT NULL,
    adversary       BOOLEAN NOT NULL,        -- the publisher speaks for a watched state
    lead            BOOLEAN NOT NULL,        -- the report that speaks for the event
    PRIMARY KEY (event, mention)
);

CREATE TABLE event_disagreements (
    event       VARCHAR NOT NULL,            -- events.id
    position    INTEGER NOT NULL,
    unit        VARCHAR NOT NULL,
    period      VARCHAR,
    period_days INTEGER,
    ratio       DOUBLE,                      -- highest figure over lowest; NULL when the lowest is zero
    major       BOOLEAN NOT NULL,            -- beyond the fusion tolerance
    figures     JSON NOT NULL,               -- [{value, value_max, qualifier, docs, publishers, grades}]
    PRIMARY KEY (event, position)
);

CREATE TABLE indicator_increments (
    theatre     VARCHAR NOT NULL,
    type        VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,
    day_from    DATE NOT NULL,               -- the day after the earlier total
    day_to      DATE NOT NULL,               -- the day of the later total
    value       DOUBLE NOT NULL,
    source      VARCHAR NOT NULL,            -- the publisher of both totals
    doc_from    VARCHAR NOT NULL,
    doc_to      VARCHAR NOT NULL,
    mention_from VARCHAR NOT NULL,
    mention_to  VARCHAR NOT NULL
);

CREATE TABLE indicator_weeks (
    week             VARCHAR NOT NULL,       -- ISO week
    theatre          VARCHAR NOT NULL,
    type             VARCHAR NOT NULL,
    unit             VARCHAR NOT NULL,       -- a quantity unit, or events for event counts
    basis            VARCHAR NOT NULL,       -- daily, weekly, totals, events
    value            DOUBLE NOT NULL,        -- peak day, week's total, share of increments, or count
    typical          DOUBLE,                 -- median reported day (daily)
    days             INTEGER NOT NULL,
    sources          INTEGER NOT NULL,
    doc              VARCHAR,
    mention_id       VARCHAR,
    baseline_median  DOUBLE,                 -- NULL: too few earlier weeks
    baseline_low     DOUBLE,
    baseline_high    DOUBLE,
    baseline_spread  DOUBLE,
    baseline_weeks   INTEGER,
    anomaly          VARCHAR,                -- high, low, or NULL
    score            DOUBLE,
    PRIMARY KEY (week, theatre, type, unit, basis)
);

CREATE TABLE document_sketches (
    doc      VARCHAR PRIMARY KEY,            -- documents.id
    shingles INTEGER NOT NULL,               -- distinct 5-word shingles of the text
    hashes   BIGINT[] NOT NULL,              -- the smallest shingle hashes, ascending (bottom-k MinHash)
    numbers  VARCHAR[] NOT NULL              -- the text's figures in order: a copy reprints them
);

CREATE TABLE document_sketch_keys (
    key BIGINT NOT NULL,                     -- one of a sketch's few smallest hashes
    doc VARCHAR NOT NULL,
    PRIMARY KEY (key, doc)
);

CREATE TABLE near_duplicates (
    first      VARCHAR NOT NULL,             -- documents.id, first < second
    second     VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL,              -- estimated Jaccard similarity of their shingles
    PRIMARY KEY (first, second)
);
