"""The topic of each mention, from the per-language cue lexicons in flankwatch/data/topics/.

A mention takes the topic whose cues stand most often within `window` words
on either side of it; a tie goes to the topic with the nearest cue, then to
the order of index.yaml. No cue nearby: `other`. The cues found are kept with
the mention, so a reader can see why it got its topic.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from importlib.abc import Traversable

from flankwatch.errors import DataFileError
from flankwatch.perception.lexicon import LANGUAGES, Pattern, compile_form, read_yaml
from flankwatch.perception.matcher import Match, Matcher
from flankwatch.perception.tokens import Token

OTHER = "other"


@dataclass(frozen=True, slots=True)
class TopicChoice:
    topic: str
    cues: tuple[str, ...] = ()  # the cue words found near the mention, nearest first


@dataclass(frozen=True, slots=True)
class TopicIndex:
    labels: dict[str, str]  # topic id -> label, in report order, `other` last

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self.labels)


def _topics_dir() -> Traversable:
    return resources.files("flankwatch").joinpath("data", "topics")


@lru_cache(maxsize=1)
def topic_index() -> TopicIndex:
    """The topics every lexicon must use, with their labels."""
    where = "flankwatch/data/topics/index.yaml"
    raw = read_yaml(_topics_dir().joinpath("index.yaml"), where)
    topics = raw.get("topics")
    if not isinstance(topics, dict) or not topics:
        raise DataFileError(where, "topics: must map topic ids to labels")
    labels = {str(k): str(v) for k, v in topics.items()}
    labels[OTHER] = str(raw.get(OTHER, "Other"))
    return TopicIndex(labels)


@cache
def topic_patterns(language: str) -> tuple[Pattern, ...]:
    """The compiled cues of one language; none when it has no lexicon."""
    entry = _topics_dir().joinpath(f"{language}.yaml")
    if language not in LANGUAGES or not entry.is_file():
        return ()
    where = f"flankwatch/data/topics/{language}.yaml"
    raw = read_yaml(entry, where)
    known = topic_index().labels
    patterns = []
    for topic, cues in (raw.get("topics") or {}).items():
        if topic not in known or topic == OTHER:
            raise DataFileError(
                where, f"topics -> {topic!r} is not a topic of index.yaml (known: {', '.join(known)})"
            )
        for cue in cues or ():
            if not isinstance(cue, str):
                raise DataFileError(where, f"topics -> {topic} -> {cue!r} is not a string (quote it)")
            elements = compile_form(cue, language, f"{where} -> {topic}", allow_prefix=True)
            patterns.append(Pattern(topic, "cue", language, cue, elements))
    return tuple(patterns)


@lru_cache(maxsize=64)
def topic_matcher(languages: tuple[str, ...]) -> Matcher:
    """One matcher over the cues of all `languages` (a document's main and secondary ones)."""
    return Matcher(p for language in languages for p in topic_patterns(language))


def choose_topics(
    spans: Sequence[tuple[int, int]], cues: Sequence[Match], tokens: Sequence[Token], text: str, window: int
) -> list[TopicChoice]:
    """The topic of each mention span (first and last token index), from `cues` sorted by position."""
    starts = [cue.first for cue in cues]
    order = {topic: rank for rank, topic in enumerate(topic_index().ids)}
    choices = []
    for first, last in spans:
        near: list[tuple[int, Match]] = []
        for cue in cues[bisect_left(starts, first - window - 8) :]:
            if cue.first > last + window:
                break
            distance = first - cue.last if cue.last < first else cue.first - last
            if 0 < distance <= window:
                near.append((distance, cue))
        choices.append(_choose(near, tokens, text, order))
    return choices


def _choose(
    near: list[tuple[int, Match]], tokens: Sequence[Token], text: str, order: dict[str, int]
) -> TopicChoice:
    if not near:
        return TopicChoice(OTHER)
    counts: dict[str, int] = {}
    nearest: dict[str, int] = {}
    for distance, cue in near:
        topic = cue.pattern.label
        counts[topic] = counts.get(topic, 0) + 1
        nearest[topic] = min(nearest.get(topic, distance), distance)
    best = min(counts, key=lambda t: (-counts[t], nearest[t], order.get(t, 99)))
    words = [
        text[tokens[cue.first].start : tokens[cue.last].end].lower()
        for _, cue in sorted(near, key=lambda item: item[0])
        if cue.pattern.label == best
    ]
    return TopicChoice(best, tuple(dict.fromkeys(" ".join(w.split()) for w in words))[:5])
