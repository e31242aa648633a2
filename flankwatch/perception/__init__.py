"""Perception: how often official documents mention a country, when, and on what topics.

Library first: `analyse(folder, ["belarus", "russia"]) -> PerceptionResult`
reads and counts (writes nothing); `write_outputs(result, out_dir)` writes the
CSV, JSON, SVG charts and HTML report. Targets (data/targets/) and topic
lexicons (data/topics/) are data files.

Store tables these records map to (one row per record; ids are content ids):
  perception_runs        source, targets (id, version), settings, morphology
  perception_documents   PerceptionDocument (id, name, country, year, doc_type, language,
                         original, encoding, words, warnings, set_aside, duplicate_of)
  perception_counts      TargetCount (doc, target, words, names, demonyms, adjectives)
  perception_mentions    TargetMention (id, doc, target, category, start, end, text, form,
                         language, topic, cues, left, right)
The aggregates (GroupCount, FirstAppearance, Growth, TopicCount) are views over
those three tables.
"""

from flankwatch.perception.analyse import analyse
from flankwatch.perception.document import analyse_document
from flankwatch.perception.lexicon import LANGUAGES, Target, load_targets, resolve_targets
from flankwatch.perception.records import (
    FirstAppearance,
    GroupCount,
    Growth,
    PerceptionDocument,
    PerceptionResult,
    PerceptionSettings,
    TargetCount,
    TargetMention,
    TopicCount,
    jsonl_line,
)

__all__ = [
    "LANGUAGES",
    "FirstAppearance",
    "GroupCount",
    "Growth",
    "PerceptionDocument",
    "PerceptionResult",
    "PerceptionSettings",
    "Target",
    "TargetCount",
    "TargetMention",
    "TopicCount",
    "analyse",
    "analyse_document",
    "jsonl_line",
    "load_targets",
    "resolve_targets",
]
