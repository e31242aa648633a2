"""Which documents the aggregates leave out, so that no text is counted twice.

Two cases, both within one country and year:
1. *the same text* in two files (a copy under another title, a truncated
   copy): files sharing at least `duplicate_threshold` of the shorter one's
   5-word sequences are one text; one is kept;
2. *a translation and its original*: same document type, one marked original
   (`_noneng`) and one translation, in different languages; `prefer` says which
   is kept ("all" keeps both).
The kept one is the preferred version, then the longer, then the first by
name. Every document stays in the per-document tables, with the reason it is
set aside and the document counted in its place.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from flankwatch.perception.document import DocumentAnalysis
from flankwatch.perception.records import PerceptionDocument, PerceptionSettings

MIN_SHINGLES = 20  # below this a text is too short to call a duplicate


def set_aside(
    analyses: Sequence[DocumentAnalysis], settings: PerceptionSettings
) -> tuple[PerceptionDocument, ...]:
    """The documents of `analyses`, with `set_aside` and `duplicate_of` filled where they apply."""
    reasons: dict[str, tuple[str, str]] = {}
    by_year: dict[tuple[str, int], list[DocumentAnalysis]] = defaultdict(list)
    for analysis in analyses:
        by_year[(analysis.document.country, analysis.document.year)].append(analysis)
    for group in by_year.values():
        reasons.update(_same_texts(group, settings))
        if settings.prefer != "all":
            kept = [a.document for a in group if a.document.name not in reasons]
            reasons.update(_translations(kept, settings.prefer))
    return tuple(
        replace(a.document, set_aside=reasons[a.document.name][0], duplicate_of=reasons[a.document.name][1])
        if a.document.name in reasons
        else a.document
        for a in analyses
    )


def _keep_order(document: PerceptionDocument, prefer: str) -> tuple[int, int, str]:
    preferred = (
        document.original
        if prefer == "original"
        else (not document.original if prefer == "translation" else True)
    )
    return (0 if preferred else 1, -document.words, document.name)


def _same_texts(group: list[DocumentAnalysis], settings: PerceptionSettings) -> dict[str, tuple[str, str]]:
    parent = {a.document.name: a.document.name for a in group}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    shared: dict[frozenset[str], float] = {}
    for a, b in itertools.combinations(group, 2):
        smaller = min(len(a.shingles), len(b.shingles))
        if smaller < MIN_SHINGLES:
            continue
        share = len(a.shingles & b.shingles) / smaller
        if share >= settings.duplicate_threshold:
            parent[root(a.document.name)] = root(b.document.name)
            shared[frozenset((a.document.name, b.document.name))] = share
    clusters: dict[str, list[PerceptionDocument]] = defaultdict(list)
    for analysis in group:
        clusters[root(analysis.document.name)].append(analysis.document)
    reasons: dict[str, tuple[str, str]] = {}
    for members in clusters.values():
        if len(members) < 2:
            continue
        kept = min(members, key=lambda d: _keep_order(d, settings.prefer))
        for other in members:
            if other is not kept:
                pair = shared.get(frozenset((kept.name, other.name)))
                how = f", {pair:.0%} of 5-word sequences shared" if pair is not None else ""
                reasons[other.name] = (f"same text as {kept.name}{how}", kept.name)
    return reasons


def _translations(documents: list[PerceptionDocument], prefer: str) -> dict[str, tuple[str, str]]:
    by_type: dict[str, list[PerceptionDocument]] = defaultdict(list)
    for document in documents:
        by_type[document.doc_type].append(document)
    reasons: dict[str, tuple[str, str]] = {}
    for same_type in by_type.values():
        originals = sorted((d for d in same_type if d.original), key=lambda d: d.name)
        translations = sorted((d for d in same_type if not d.original), key=lambda d: d.name)
        for original, translation in zip(originals, translations, strict=False):  # pairs; extras stay counted
            if original.language == translation.language:
                continue
            kept, dropped = (original, translation) if prefer == "original" else (translation, original)
            what = "translation" if dropped is translation else "original"
            reasons[dropped.name] = (f"{what} of {kept.name}, which is counted (prefer {prefer})", kept.name)
    return reasons
