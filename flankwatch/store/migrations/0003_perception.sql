-- Perception analyses (issue 5): how official documents mention a target, per run.
--
-- A run is one analysis: a set of documents read with a set of targets and
-- settings. Its id is derived from exactly that (see store/perception_rows.py),
-- so running the same analysis again rewrites the same rows, and analysing an
-- edited corpus or other targets adds a run beside the earlier ones.
-- Every other table is keyed by run, because what a document counts for
-- depends on the run (set-aside choices depend on the other documents and on
-- `prefer`). Ids inside a run are the analysis's own: the file name of a
-- document, and TargetMention.id (content_id of file name, target, offsets).
-- No foreign keys, as in 0001: a run is replaced inside one transaction.

CREATE TABLE perception_runs (
    id                  VARCHAR PRIMARY KEY,  -- content_id of documents, targets, settings, morphology
    source              VARCHAR NOT NULL,     -- the folder or file as given to the analysis
    target_ids          VARCHAR[] NOT NULL,   -- in the order asked for
    targets             JSON NOT NULL,        -- [{id, label, version, origin, forms: [[language, n]]}]
    breakpoints         INTEGER[] NOT NULL,   -- PerceptionSettings: years that start growth periods
    window_words        INTEGER NOT NULL,     -- words each side searched for topic cues
    prefer              VARCHAR NOT NULL,     -- original, translation, all
    context_chars       INTEGER NOT NULL,
    duplicate_threshold DOUBLE NOT NULL,
    morphology          JSON NOT NULL,        -- {language: pymorphy3 lemmas used}
    documents           INTEGER NOT NULL,     -- documents read
    counted             INTEGER NOT NULL,     -- of those, counted in the aggregates
    mentions            INTEGER NOT NULL,     -- mentions of every target and category
    countries           VARCHAR[] NOT NULL,
    year_from           INTEGER,              -- NULL when no document was read
    year_to             INTEGER,
    rejections          JSON NOT NULL,        -- [{origin, problem, stage}]: files that were not read
    flankwatch_version  VARCHAR NOT NULL,     -- the version that last wrote the run
    created_at          TIMESTAMP NOT NULL,   -- UTC, first written
    stored_at           TIMESTAMP NOT NULL    -- UTC, last written (a rerun touches only this)
);

CREATE TABLE perception_documents (
    run             VARCHAR NOT NULL,         -- perception_runs.id
    name            VARCHAR NOT NULL,         -- file name
    text_id         VARCHAR NOT NULL,         -- content_id of the decoded text (PerceptionDocument.id)
    path            VARCHAR NOT NULL,
    country         VARCHAR NOT NULL,
    year            INTEGER NOT NULL,
    title           VARCHAR NOT NULL,
    doc_type        VARCHAR NOT NULL,
    institution     VARCHAR NOT NULL,
    language        VARCHAR NOT NULL,         -- ISO 639-1, or und
    languages       VARCHAR[] NOT NULL,       -- every language whose forms were matched
    language_source VARCHAR NOT NULL,         -- sidecar, detected
    original        BOOLEAN NOT NULL,         -- in the country's own language (_noneng)
    encoding        VARCHAR NOT NULL,
    words           INTEGER NOT NULL,
    chars           INTEGER NOT NULL,
    warnings        VARCHAR[] NOT NULL,
    set_aside       VARCHAR,                  -- why the aggregates leave it out; NULL: counted
    duplicate_of    VARCHAR,                  -- the document counted in its place
    PRIMARY KEY (run, name)
);

CREATE TABLE perception_counts (
    run              VARCHAR NOT NULL,
    doc              VARCHAR NOT NULL,        -- perception_documents.name
    target           VARCHAR NOT NULL,
    words            INTEGER NOT NULL,
    names            INTEGER NOT NULL,        -- the country's (organisation's) names: "mentions"
    demonyms         INTEGER NOT NULL,
    adjectives       INTEGER NOT NULL,
    rate_per_10k     DOUBLE NOT NULL,         -- names per 10,000 words, as the analysis rounded it
    rate_all_per_10k DOUBLE NOT NULL,         -- all three categories per 10,000 words
    PRIMARY KEY (run, doc, target)
);

CREATE TABLE perception_mentions (
    run           VARCHAR NOT NULL,
    id            VARCHAR NOT NULL,           -- TargetMention.id
    doc           VARCHAR NOT NULL,           -- perception_documents.name
    target        VARCHAR NOT NULL,
    category      VARCHAR NOT NULL,           -- names, demonyms, adjectives
    start_offset  INTEGER NOT NULL,           -- characters into the decoded text of the file
    end_offset    INTEGER NOT NULL,
    text          VARCHAR NOT NULL,           -- as written
    form          VARCHAR NOT NULL,           -- the form of the target file that matched
    language      VARCHAR NOT NULL,           -- the language of that form
    topic         VARCHAR NOT NULL,
    cues          VARCHAR[] NOT NULL,         -- topic cue words found near it
    left_context  VARCHAR NOT NULL,
    right_context VARCHAR NOT NULL,
    PRIMARY KEY (run, id)
);

-- The aggregates for SQL users; the store's reads compute the same from the tables.
-- Only counted documents (set_aside IS NULL) enter them; rates pool words first.

CREATE VIEW perception_groups AS
SELECT c.run, d.country, d.year, d.doc_type, c.target,
       count(*) AS docs,
       sum(c.words)::BIGINT AS words,
       sum(c.names)::BIGINT AS mentions,
       sum(c.names + c.demonyms + c.adjectives)::BIGINT AS mentions_all,
       10000.0 * sum(c.names) / nullif(sum(c.words), 0) AS rate_per_10k,
       10000.0 * sum(c.names + c.demonyms + c.adjectives) / nullif(sum(c.words), 0) AS rate_all_per_10k
FROM perception_counts c
JOIN perception_documents d ON d.run = c.run AND d.name = c.doc
WHERE d.set_aside IS NULL
GROUP BY c.run, d.country, d.year, d.doc_type, c.target;

CREATE VIEW perception_topics AS
SELECT m.run, d.country, d.year, m.target, m.topic, count(*) AS mentions
FROM perception_mentions m
JOIN perception_documents d ON d.run = m.run AND d.name = m.doc
WHERE d.set_aside IS NULL
GROUP BY m.run, d.country, d.year, m.target, m.topic;

-- Per country and target: the first year (and document, by year then name) naming it,
-- and the first mentioning it at all; the span and number of counted documents.
CREATE VIEW perception_first_appearances AS
WITH counted AS (
    SELECT c.run, d.country, c.target, d.year, d.name, c.names,
           c.names + c.demonyms + c.adjectives AS mentions_all
    FROM perception_counts c
    JOIN perception_documents d ON d.run = c.run AND d.name = c.doc
    WHERE d.set_aside IS NULL
)
SELECT run, country, target,
       min(year) FILTER (WHERE names > 0) AS first_year,
       arg_min(name, (year, name)) FILTER (WHERE names > 0) AS first_doc,
       min(year) FILTER (WHERE mentions_all > 0) AS first_year_all,
       arg_min(name, (year, name)) FILTER (WHERE mentions_all > 0) AS first_doc_all,
       min(year) AS corpus_from,
       max(year) AS corpus_to,
       count(*) AS docs
FROM counted
GROUP BY run, country, target;
