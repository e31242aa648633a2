"""Live-blog entries and questions.

A live-blog entry ("14:05 — …", "UPDATE 14:05: …", or the lines under a bare "14:05") with no
date of its own happened on the day of publication. A question asks: it states only a past fact
it dates itself ("Why were units moved to Homel region in June?"), not a plan, a tally asked for
or an undated state of things.
"""

from __future__ import annotations

import re
from datetime import date

from flankwatch.extract.kit import LanguageKit
from flankwatch.extract.sentence import Sentence
from flankwatch.records import Mention

_TIME = re.compile(r"(?<![\d:.,])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])")


def live_entry(sentence: Sentence) -> bool:
    """Whether the sentence opens a time-stamped live-blog entry: it opens a line with a time of day
    ("14:05 —", "[14:05]", "UPDATE 14:05:"), or the line above it is a bare time stamp. Read from
    the few tokens before it, not from the doc's text."""
    doc, first = sentence.doc, sentence.hits.start
    if first > 0 and "\n" not in doc[first - 1].text_with_ws:
        return False  # not at a line's start: a later sentence of the entry ("The source is believed …")
    if _stamped(sentence.text):
        return True
    above = []
    for i in range(first - 2, max(first - 10, -1), -1):  # the line above, if it is a short one
        if "\n" in doc[i].text_with_ws:
            break
        above.append(doc[i].text_with_ws)
    line = "".join(reversed(above)).strip()
    return bool(line) and len(line) <= 24 and _stamped(line)


def _stamped(line: str) -> bool:
    found = _TIME.search(line, 0, 40)
    if found is None:
        return False
    before = line[: found.start()].strip(" \t[(•*—–-:")
    return not before or (before.isupper() and len(before.split()) == 1)  # "UPDATE", "ОБНОВЛЕНО"


def is_question(sentence: Sentence) -> bool:
    """Whether the sentence asks ("Will the crossings close?", "How many tried last week?")."""
    return sentence.text.rstrip(" \"'»”)").endswith("?")


def asked(
    kit: LanguageKit, sentence: Sentence, mentions: list[Mention], published: date | None
) -> list[Mention]:
    """What a question states: only what it gives as past fact with a date of its own ("Why were
    units moved to Homel region in June?", "…the threat Lukashenko made last week?"); a plan, a
    tally asked for ("How many tried last week?") or an undated state of things is asked about."""
    if not any(not (d.comparison or d.redundant) for d in sentence.dates):
        return []  # a date the text set before frames the question, it is not the question's fact
    return [
        m
        for m in mentions
        if m.date_source == "text"
        and m.date_start is not None
        and (published is None or m.date_start < published)  # "in June", asked on 26 June, is past
        and (m.quantities or not kit.lexicon.types[m.type].period_from_date)
    ]
