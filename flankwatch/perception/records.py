"""The typed results of a perception analysis.

Each record is one row of a future store table (see the module docstring of
flankwatch.perception for the tables): documents, counts per document and
target, every mention with its offsets and topic, and the aggregates derived
from them. All are frozen; `to_json` gives the plain form the writers use.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from flankwatch.records import Rejection, content_id

PREFERENCES = ("original", "translation", "all")


def rate_per_10k(count: int, words: int) -> float:
    """Mentions per 10,000 words, rounded to 3 decimals; 0 for an empty text."""
    return round(10_000 * count / words, 3) if words else 0.0


@dataclass(frozen=True, slots=True)
class PerceptionSettings:
    """How an analysis runs; every field has a CLI option of the same name."""

    breakpoints: tuple[int, ...] = (2014, 2020)  # growth periods: before 2014, 2014-2019, 2020 on
    window: int = 20  # words on each side of a mention searched for topic cues
    prefer: str = "original"  # which version of a translated document the aggregates count
    context_chars: int = 80  # characters of context on each side in the concordance
    duplicate_threshold: float = 0.4  # share of shared 5-word sequences that makes two files one text


@dataclass(frozen=True, slots=True)
class PerceptionDocument:
    """One official document as read: metadata, language, encoding, size and warnings."""

    id: str  # derived from the decoded text
    name: str  # file name
    path: str
    country: str
    year: int
    title: str
    doc_type: str
    language: str  # main language, ISO 639-1; "und" when it could not be told
    languages: tuple[str, ...]  # every language whose forms were matched
    language_source: str  # sidecar or detected
    original: bool  # in the country's own language (file name ends in _noneng)
    encoding: str
    words: int
    chars: int
    institution: str = ""
    warnings: tuple[str, ...] = ()
    set_aside: str | None = None  # why the aggregates leave it out (a translation or a duplicate)
    duplicate_of: str | None = None  # the document they count in its place

    @property
    def counted(self) -> bool:
        return self.set_aside is None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["languages"] = list(self.languages)
        data["warnings"] = list(self.warnings)
        return data


@dataclass(frozen=True, slots=True)
class TargetCount:
    """How often one document mentions one target, by category."""

    doc: str
    target: str
    words: int
    names: int
    demonyms: int
    adjectives: int

    @property
    def mentions(self) -> int:
        """Mentions of the country's (or organisation's) names only."""
        return self.names

    @property
    def mentions_all(self) -> int:
        """Names, demonyms and adjectives together."""
        return self.names + self.demonyms + self.adjectives

    def to_json(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "mentions": self.mentions,
            "mentions_all": self.mentions_all,
            "rate_per_10k": rate_per_10k(self.mentions, self.words),
            "rate_all_per_10k": rate_per_10k(self.mentions_all, self.words),
        }


def jsonl_line(document: PerceptionDocument, count: TargetCount) -> dict[str, Any]:
    """The stable scripting interface of `flankwatch perception --format jsonl` (keep fields stable)."""
    return {
        "doc": document.name,
        "country": document.country,
        "year": document.year,
        "doc_type": document.doc_type,
        "language": document.language,
        "words": document.words,
        "target": count.target,
        "mentions": count.mentions,
        "mentions_all": count.mentions_all,
        "rate_per_10k": rate_per_10k(count.mentions, document.words),
    }


@dataclass(frozen=True, slots=True)
class TargetMention:
    """One mention of a target in a document: where, in what form, on what topic."""

    doc: str
    target: str
    category: str  # names, demonyms, adjectives
    text: str  # as written in the document
    start: int  # character offsets into the decoded text of the file
    end: int
    form: str  # the form of the target file that matched
    language: str  # the language of that form
    topic: str
    cues: tuple[str, ...] = ()  # topic cue words found near it
    left: str = ""  # context before and after, whitespace collapsed
    right: str = ""

    @property
    def id(self) -> str:
        return content_id(self.doc, self.target, self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, **asdict(self), "cues": list(self.cues)}


@dataclass(frozen=True, slots=True)
class GroupCount:
    """Counted documents of one country, year and document type, for one target."""

    country: str
    year: int
    doc_type: str
    target: str
    docs: int
    words: int
    mentions: int
    mentions_all: int

    def to_json(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "rate_per_10k": rate_per_10k(self.mentions, self.words),
            "rate_all_per_10k": rate_per_10k(self.mentions_all, self.words),
        }


@dataclass(frozen=True, slots=True)
class FirstAppearance:
    """The first year a country's counted documents mention a target (None: never)."""

    country: str
    target: str
    first_year: int | None
    first_doc: str | None
    first_year_all: int | None  # counting demonyms and adjectives too
    first_doc_all: str | None
    corpus_from: int  # the country's earliest and latest counted document
    corpus_to: int
    docs: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Growth:
    """How a country's rate of mentions of a target changed from one period to another."""

    country: str
    target: str
    period_from: str
    period_to: str
    words_from: int
    words_to: int
    rate_from: float
    rate_to: float
    factor: float | None  # rate_to / rate_from; None when rate_from is zero
    rate_all_from: float
    rate_all_to: float
    factor_all: float | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class TopicCount:
    """Mentions (all categories) of a target on one topic, per country and year."""

    country: str
    year: int
    target: str
    topic: str
    mentions: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class TargetInfo:
    """Which target file a run used, for reproducibility."""

    id: str
    label: str
    version: int
    origin: str
    forms: tuple[tuple[str, int], ...] = ()  # (language, number of forms) in the target file


@dataclass(frozen=True, slots=True)
class PerceptionResult:
    """Everything one analysis found; the writers and the CLI only present it."""

    source: str
    targets: tuple[TargetInfo, ...]
    settings: PerceptionSettings
    documents: tuple[PerceptionDocument, ...]
    counts: tuple[TargetCount, ...]
    mentions: tuple[TargetMention, ...]
    groups: tuple[GroupCount, ...]
    first: tuple[FirstAppearance, ...]
    growth: tuple[Growth, ...]
    topics: tuple[TopicCount, ...]
    rejections: tuple[Rejection, ...] = ()
    morphology: dict[str, bool] = field(default_factory=dict)  # language -> pymorphy3 lemmas used

    def document(self, name: str) -> PerceptionDocument:
        for document in self.documents:
            if document.name == name:
                return document
        raise KeyError(name)

    def count(self, doc: str, target: str) -> TargetCount:
        for count in self.counts:
            if count.doc == doc and count.target == target:
                return count
        raise KeyError((doc, target))
