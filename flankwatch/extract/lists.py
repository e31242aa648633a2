"""Lists read with their header as one sentence (matching.py joins a line ending in a colon and
the short numbered lines under it): each line states its own event, with its own evidence and
place, dated like the header ("Last week 38 migrants were turned back:" / "• Medininkai – 12;").
A numbered item's number ("2. Scope: …") counts nothing."""

from __future__ import annotations

import re

from flankwatch.extract.groups import Group
from flankwatch.extract.quantities import QuantityExpr
from flankwatch.extract.sentence import Sentence

_ITEM_NUMBER = re.compile(r"\W{0,2}(\d{1,2})[.)]\s+(?=\D)")  # "2. Scope", "3) Tourists"


def without_item_number(sentence: Sentence, quantities: list[QuantityExpr]) -> list[QuantityExpr]:
    """A numbered item's number ("2. Scope: … 60 km", "3) …") counts nothing."""
    found = _ITEM_NUMBER.match(sentence.text)
    if found is None:
        return quantities
    return [q for q in quantities if not (q.char_start >= found.start(1) and q.char_end <= found.end(1))]


def by_rows(groups: list[Group], sentence: Sentence) -> list[Group]:
    """In a list read with its header (one sentence of several lines), each line's counts are an
    event of their own, dated like the group they were in ("Last week 38 people were turned back:"
    / "• Medininkai – 12;" / "• Šalčininkai – 9;")."""
    if "\n" not in sentence.text:
        return groups
    out: list[Group] = []
    for group in groups:
        lines: dict[int, Group] = {}
        for count in group.counts:
            line = sentence.text.count("\n", 0, count.q.char_start)
            if line not in lines:
                lines[line] = Group(date=group.date, modality=group.modality, state=group.state)
            lines[line].counts.append(count)
        out += lines.values() if len(lines) > 1 else [group]
    return out


def rows_of(sentence: Sentence, group: Group) -> tuple[int, int] | None:
    """The lines of a list read with its rows (a header and the rows under it, one sentence) that
    state one group of counts: from the start of its first line to the end of its last."""
    if "\n" not in sentence.text or not group.counts:
        return None
    text = sentence.text
    # the lines of its counts: a date of the header ("Last week …:") dates the rows, it is not theirs
    points = [c.q.char_start for c in group.counts] + [c.q.char_end - 1 for c in group.counts]
    start = text.rfind("\n", 0, min(points)) + 1
    end = text.find("\n", max(points))
    end = len(text) if end < 0 else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
