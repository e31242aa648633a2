"""From counted documents to the tables a researcher reads (pure).

All aggregates use only the documents that are counted (see dedup), pool
words and mentions before dividing (a rate per group is total mentions per
10,000 total words, not a mean of document rates), and are sorted so that
reruns give identical files.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from flankwatch.perception.records import (
    FirstAppearance,
    GroupCount,
    Growth,
    PerceptionDocument,
    TargetCount,
    TargetMention,
    TopicCount,
    rate_per_10k,
)


@dataclass(frozen=True, slots=True)
class Period:
    label: str
    start: int | None  # inclusive; None: open
    end: int | None

    def holds(self, year: int) -> bool:
        return (self.start is None or year >= self.start) and (self.end is None or year <= self.end)


def periods(breakpoints: Sequence[int]) -> tuple[Period, ...]:
    """(2014, 2020) -> before 2014, 2014–2019, 2020 on."""
    points = sorted(set(breakpoints))
    if not points:
        return (Period("all years", None, None),)
    found = [Period(f"before {points[0]}", None, points[0] - 1)]
    found += [
        Period(f"{a}–{b - 1}" if b - 1 > a else str(a), a, b - 1) for a, b in itertools.pairwise(points)
    ]
    found.append(Period(f"{points[-1]} on", points[-1], None))
    return tuple(found)


def _counted(documents: Sequence[PerceptionDocument]) -> dict[str, PerceptionDocument]:
    return {d.name: d for d in documents if d.counted}


def groups(documents: Sequence[PerceptionDocument], counts: Sequence[TargetCount]) -> tuple[GroupCount, ...]:
    """Per country, year, document type and target: documents, words and mentions."""
    counted = _counted(documents)
    docs: Counter[tuple[str, int, str, str]] = Counter()
    words: Counter[tuple[str, int, str, str]] = Counter()
    names: Counter[tuple[str, int, str, str]] = Counter()
    every: Counter[tuple[str, int, str, str]] = Counter()
    for count in counts:
        document = counted.get(count.doc)
        if document is None:
            continue
        key = (document.country, document.year, document.doc_type, count.target)
        docs[key] += 1
        words[key] += count.words
        names[key] += count.mentions
        every[key] += count.mentions_all
    return tuple(GroupCount(*key, docs[key], words[key], names[key], every[key]) for key in sorted(docs))


def first_appearances(
    documents: Sequence[PerceptionDocument], counts: Sequence[TargetCount]
) -> tuple[FirstAppearance, ...]:
    """Per country and target: the first counted document that names it, and the first that mentions it at all."""
    counted = _counted(documents)
    by_key: dict[tuple[str, str], list[tuple[PerceptionDocument, TargetCount]]] = defaultdict(list)
    for count in counts:
        if count.doc in counted:
            by_key[(counted[count.doc].country, count.target)].append((counted[count.doc], count))
    found = []
    for (country, target), rows in sorted(by_key.items()):
        rows.sort(key=lambda row: (row[0].year, row[0].name))
        named = next((d for d, c in rows if c.mentions), None)
        mentioned = next((d for d, c in rows if c.mentions_all), None)
        found.append(
            FirstAppearance(
                country,
                target,
                named.year if named else None,
                named.name if named else None,
                mentioned.year if mentioned else None,
                mentioned.name if mentioned else None,
                rows[0][0].year,
                rows[-1][0].year,
                len(rows),
            )
        )
    return tuple(found)


def growth(
    documents: Sequence[PerceptionDocument], counts: Sequence[TargetCount], breakpoints: Sequence[int]
) -> tuple[Growth, ...]:
    """Per country and target: the pooled rate in each period and its factor from period to period.

    Consecutive periods are compared, and the first period with documents with
    the last; a period without documents is skipped.
    """
    counted = _counted(documents)
    spans = periods(breakpoints)
    totals: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(
        lambda: {p.label: [0, 0, 0] for p in spans}
    )
    for count in counts:
        document = counted.get(count.doc)
        if document is None:
            continue
        period = next(p for p in spans if p.holds(document.year))
        cell = totals[(document.country, count.target)][period.label]
        cell[0] += count.words
        cell[1] += count.mentions
        cell[2] += count.mentions_all
    found: list[Growth] = []
    for (country, target), cells in sorted(totals.items()):
        present = [p.label for p in spans if cells[p.label][0]]
        pairs = list(itertools.pairwise(present))
        if len(present) > 2:
            pairs.append((present[0], present[-1]))
        found.extend(_growth(country, target, a, b, cells[a], cells[b]) for a, b in pairs)
    return tuple(found)


def _growth(country: str, target: str, a: str, b: str, before: list[int], after: list[int]) -> Growth:
    rate_a, rate_b = rate_per_10k(before[1], before[0]), rate_per_10k(after[1], after[0])
    all_a, all_b = rate_per_10k(before[2], before[0]), rate_per_10k(after[2], after[0])
    return Growth(
        country,
        target,
        a,
        b,
        before[0],
        after[0],
        rate_a,
        rate_b,
        _factor(before[1], before[0], after[1], after[0]),
        all_a,
        all_b,
        _factor(before[2], before[0], after[2], after[0]),
    )


def _factor(count_a: int, words_a: int, count_b: int, words_b: int) -> float | None:
    # From the unrounded rates, so a small rate does not distort the factor.
    if not count_a or not words_a or not words_b:
        return None
    return round((count_b / words_b) / (count_a / words_a), 2)


def topic_counts(
    documents: Sequence[PerceptionDocument], mentions: Sequence[TargetMention]
) -> tuple[TopicCount, ...]:
    """Per country, year, target and topic: mentions of every category in counted documents."""
    counted = _counted(documents)
    tally: Counter[tuple[str, int, str, str]] = Counter()
    for mention in mentions:
        document = counted.get(mention.doc)
        if document is not None:
            tally[(document.country, document.year, mention.target, mention.topic)] += 1
    return tuple(TopicCount(*key, n) for key, n in sorted(tally.items()))
