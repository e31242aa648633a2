"""Tables read as text: a row is a statement of what its header counts.

A row of a table or a list ("18 May | 210 | Kuźnica", "• 19 May: 143, Białowieża") that
carries a count is a statement even without a verb when the lines above it (the table's
title or its column header) say what is counted: the row takes their trigger, and each of
its bare numbers the unit its column's header names ("Date | Attempts | Section"). The
header itself, with no count or date of its own, states nothing: its rows do.

Columns named by dates ("Section | 4–10 March | 26 Feb – 3 Mar") date the counts under
them; a row with no date of its own under dated rows ("Total | 2,400") covers their days.
Lists read with their header as one sentence: extract/lists.py; live blogs and questions:
extract/entries.py.

Everything here reads a few lines of text around one sentence, never the whole document,
and what a table's header says is worked out once per table (cached on the spaCy doc).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span

from flankwatch.extract.choice import fits_words, strongest_per_type
from flankwatch.extract.dates import DateExpr, find_dates
from flankwatch.extract.kit import LanguageKit
from flankwatch.extract.matching import Hit, SentenceHits
from flankwatch.extract.quantities import QuantityExpr
from flankwatch.extract.sentence import Sentence

LOOKBACK_LINES = 60  # rows of one table above a row, before its header
ROW_CHARS = 200  # a longer line is prose, not a row
COLUMN_CHARS = 40  # a longer cell is text, not a column's name ("⚡️ СРОЧНО | Белорусские ракетчики …")
_SEPARATORS = ("|", "\t")
_MARKERS = "•·▪◦‣-–—*>"  # list markers opening an item ("• 18 May: 210")
_LABEL = re.compile(r"^\W{0,3}[\w .,/'’]{1,24}?\s*(?::|—|–|-)\s+\S")  # "18 May: 210", "Kuźnica — 45"
_NUMBER = re.compile(r"[\W\d_]*\d[\W\d_]*")  # a cell that is a number, not a name
_DIGIT = re.compile(r"\d")
_RULE = re.compile(r"[\s|:+=\-—–]+")  # a line that only draws a table's rule
_CACHE = "flankwatch.layout"  # doc.user_data key: table headers worked out, by header offset
_READ = "flankwatch.rows"  # doc.user_data key: offsets of the table rows read
MAX_ROWS = 400  # rows read under one header
_TEXT = "flankwatch.text"  # doc.user_data key: the doc's text, built once (doc.text builds every token)


@dataclass(slots=True)
class TableHead:
    """What the lines above a table's rows say: the trigger of what is counted, and per column the
    unit; and the dates of the rows read so far (a total row under them covers them all)."""

    trigger: Hit | None
    separator: str | None  # "|" or a tab when the rows have columns
    units: tuple[tuple[str | None, str | None], ...] = ()  # per column: (unit, casualty)
    row_dates: list[tuple[date, date]] = field(default_factory=list)
    column_dates: tuple[DateExpr | None, ...] = ()  # per column, when the columns are dates


@dataclass
class Row(Sentence):
    """A table row or list item read as a statement of its table's trigger."""

    head: TableHead = field(default_factory=lambda: TableHead(None, None))


# -- lines -------------------------------------------------------------------------------
def _text(doc: Doc) -> str:
    """The doc's text, built once per doc and only for the few sentences that need their lines."""
    if _TEXT not in doc.user_data:
        doc.user_data[_TEXT] = doc.text
    return doc.user_data[_TEXT]  # type: ignore[no-any-return]


def _line_at(text: str, char: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return start, len(text) if end < 0 else end


def is_row(line: str) -> bool:
    """A short line with a digit laid out as a row: columns, a list marker, or "label: value"."""
    stripped = line.strip()
    if not stripped or len(stripped) > ROW_CHARS or not _DIGIT.search(stripped):
        return False
    return (
        any(s in stripped for s in _SEPARATORS)
        or stripped[0] in _MARKERS
        or stripped[0].isdigit()
        or bool(_LABEL.match(stripped))
    )


def _cells(line: str) -> tuple[str | None, list[str]]:
    separator = next((s for s in _SEPARATORS if s in line), None)
    return separator, [c.strip() for c in line.split(separator)] if separator else []


def _is_column_header(line: str, dates: bool = False) -> bool:
    """A line of short column names ("Date | Attempts | Section"); with `dates`, names may be dates
    ("Участок | 4–10 марта | 26 февраля – 3 марта"), but none a bare number."""
    if not dates and _DIGIT.search(line):
        return False
    _, cells = _cells(line)
    named = [c for c in cells if c]
    return len(named) >= 2 and all(len(c) <= COLUMN_CHARS and not _NUMBER.fullmatch(c) for c in named)


# -- tables ------------------------------------------------------------------------------
def rows_below(kit: LanguageKit, sentence: Sentence) -> list[Row]:
    """The rows of the table the sentence opens (it is the table's header, or a row that arrives
    first) that no sentence before has read: each a Row of its table's trigger."""
    first = _first_row(sentence)
    if first is None:
        return []
    doc = sentence.doc
    head = _head_above(kit, doc, first, sentence.published)
    if head is None or head.trigger is None:
        return []
    text = _text(doc)
    read = doc.user_data.setdefault(_READ, set())
    out = []
    start = first
    for _ in range(MAX_ROWS):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if not is_row(line):
            break
        if start not in read:
            read.add(start)
            row = _row(kit, doc, sentence, head, start, end)
            if row is not None:
                out.append(row)
        start = end + 1
    return out


def _first_row(sentence: Sentence) -> int | None:
    """Where the rows under the sentence start: its own line if it is a row (a heading row, or one
    with its own trigger), else the next line (or the one after a column header)."""
    if not (is_row(sentence.text) or _may_head(sentence)):
        return None  # prose: most sentences, decided without the doc's text
    text = _text(sentence.doc)
    start, end = _line_at(text, sentence.char_start)
    if end < sentence.char_start + len(sentence.text):
        return None  # a list read with its rows already
    if is_row(text[start:end]) and not _DIGIT.search(text, start, sentence.char_start):
        return start
    if text[sentence.char_start + len(sentence.text) : end].strip():
        return None  # more text on its line
    after = text[end + 1 : end + 1 + 2 * ROW_CHARS].split("\n")
    if after and is_row(after[0]):
        return end + 1
    if len(after) > 1 and _is_column_header(after[0]) and is_row(after[1]):
        return end + 2 + len(after[0])
    return None


def _row(kit: LanguageKit, doc: Doc, sentence: Sentence, head: TableHead, start: int, end: int) -> Row | None:
    """A row as a statement of its table's trigger; None when it has that type's trigger itself
    (it is a sentence of its own then, read as one)."""
    text = _text(doc)
    line = text[start:end]
    lead = len(line) - len(line.lstrip())
    span = doc.char_span(start + lead, start + len(line.rstrip()), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    hits = _span_hits(kit, doc, span.start, span.end)
    wanted = head.trigger.payload.type if head.trigger else None
    own = [h for h in hits.get("trigger") if h.payload.type == wanted]
    if own and any(fits_words(h.payload, _words(span), numbers=False) for h in own):
        return None
    # the row's other triggers are read with its own sentence; here it states its table's trigger
    hits.hits["trigger"] = (
        [Hit("trigger", head.trigger.payload, span.start, span.start)] if head.trigger else []
    )
    return Row(
        doc,
        hits,
        sentence.published,
        [],
        [],
        start + lead,
        line.strip(),
        sentence.arrays,
        sentence.locative_endings,
        head=head,
    )


def _head_above(kit: LanguageKit, doc: Doc, row_start: int, published: date | None) -> TableHead | None:
    """The header of the rows ending at `row_start`: the first line above them that is no row
    (a column header, and then the title above it), up to a blank line."""
    text = _text(doc)
    end = row_start - 1
    top: tuple[int, int] | None = None  # the highest row line so far
    for _ in range(LOOKBACK_LINES):
        start = text.rfind("\n", 0, end) + 1 if end > 0 else 0
        line = text[start:end] if end > 0 else ""
        if line.strip() and _RULE.fullmatch(line):
            end = start - 1  # "|---|---|": a markdown table's rule under its header
            continue
        if not line.strip() or not is_row(line):
            if (
                top is not None
                and top[0] < row_start
                and _is_column_header(text[top[0] : top[1]], dates=True)
            ):
                start, end = top  # the columns are named by dates: the top line is the header
            elif not line.strip():
                return None  # a blank line ends the table
            break
        top = (start, end)
        end = start - 1
    else:
        return None
    cache = doc.user_data.setdefault(_CACHE, {})
    if start not in cache:
        cache[start] = _read_head(kit, doc, start, end, published)
    return cache[start]  # type: ignore[no-any-return]


def _read_head(kit: LanguageKit, doc: Doc, start: int, end: int, published: date | None) -> TableHead:
    """What a table's header says: a column header (with the title above it, across a blank line)
    or a line ending in a colon over a list. A title or a paragraph over rows heads no table: the
    rows are statements of their own."""
    text = _text(doc)
    line = text[start:end]
    columns = _is_column_header(line, dates=True)
    if not columns and not line.rstrip().endswith(":"):
        return TableHead(None, None)
    separator, cells = _cells(line) if columns else (None, [])
    spans = [(start, end)]
    if columns:
        above = _line_above(text, start)
        if above is not None:
            spans.insert(0, above)  # the table's title above its column header
    words: list[str] = []
    found: list[list[Hit]] = []
    for a, b in spans:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is not None:
            words += _words(span)
            found.append(_span_hits(kit, doc, span.start, span.end).get("trigger"))
    trigger = None
    for triggers in found[::-1]:  # a column's name says what is counted better than the title
        fitting = strongest_per_type([h for h in triggers if fits_words(h.payload, words, numbers=True)])
        trigger = max(fitting.values(), key=lambda h: h.payload.weight, default=None)
        if trigger is not None:
            break
    units = [_unit_of(kit, cell) for cell in cells]
    if trigger is not None and separator is not None:
        # the column the trigger heads counts in the trigger's unit ("Вытеснено, чел.")
        at = doc[trigger.start].idx
        column = text.count(separator, start, at)
        if start <= at < end and units[column] == (None, None):
            units[column] = (trigger.payload.unit or kit.lexicon.types[trigger.payload.type].unit, None)
    dates = tuple(_date_of(kit, cell, published) for cell in cells)
    return TableHead(trigger, separator, tuple(units), column_dates=dates)


def _line_above(text: str, start: int) -> tuple[int, int] | None:
    """The nearest non-blank line above a line, across one blank line."""
    end = start - 1
    for _ in range(2):
        if end <= 0:
            return None
        above = text.rfind("\n", 0, end) + 1
        if text[above:end].strip():
            return above, end
        end = above - 1
    return None


def _date_of(kit: LanguageKit, cell: str, published: date | None) -> DateExpr | None:
    """The date a column is named by ("4–10 марта"), if it is one."""
    if not _DIGIT.search(cell):
        return None
    found = find_dates(cell, published, kit.dates, kit.spec.dateparser)
    return _weekly(found[0]) if len(found) == 1 else None


def _weekly(d: DateExpr) -> DateExpr:
    """A row's or column's seven days ("5–11 Feb") are a week's tally."""
    if d.period is None and d.precision == "day" and (d.end - d.start).days == 6:
        return replace(d, period="week", period_days=7)
    return d


def row_dates(
    head: TableHead, text: str, dates: list[DateExpr], quantities: list[QuantityExpr], series: bool
) -> list[DateExpr]:
    """A row's dates: its own ("5–11 Feb" a week's); each count under a column named by a date
    takes that date ("Краслава | 512 | 344" under "Участок | 4–10 марта | 26 февраля – 3 марта");
    and with `series` (a row of its table's trigger), a row with none in a table of dated rows
    ("Total | 2 400") covers them all: a week when they span seven days, else a span of their days."""
    own = [_weekly(d) for d in dates if not (d.comparison or d.redundant)]
    if head.separator is not None and any(head.column_dates):
        for q in quantities:
            column = text.count(head.separator, 0, q.char_start)
            d = head.column_dates[column] if column < len(head.column_dates) else None
            if d is not None:  # right before its count, so that the count takes it (groups.own_dates)
                own.append(replace(d, char_start=q.char_start, char_end=q.char_start, text=""))
        return sorted(own, key=lambda d: d.char_start)
    seen = head.row_dates
    if own:
        seen.append((own[0].start, own[0].end))
        return own
    if not series or len(seen) < 2:
        return own
    start, end = min(a for a, _ in seen), max(b for _, b in seen)
    days = (end - start).days + 1
    period, period_days = ("week", 7) if days == 7 else ("span", days)
    return [DateExpr(start, end, "day", "range", 0, 0, "", period=period, period_days=period_days)]


def _words(span: Span) -> list[str]:
    """A short span's words and, in an inflected language, their match keys."""
    words = [t.lower_ for t in span]
    keys = [t.norm_ for t in span]
    return words if keys == words else words + keys


def _unit_of(kit: LanguageKit, cell: str) -> tuple[str | None, str | None]:
    """The unit a column header names ("Attempts" -> attempts, "Detained" -> a casualty count)."""
    name = cell.strip()
    if not name or _DIGIT.search(name):
        return None, None
    for form in dict.fromkeys((name, name.lower())):  # "Attempts" is a heading's "attempts"
        found = kit.quantities.find(f"1 {form}", [])
        if found and (found[0].unit or found[0].casualty):
            return found[0].unit, found[0].casualty
    return None, None


def _span_hits(kit: LanguageKit, doc: Doc, start: int, end: int) -> SentenceHits:
    """What the matchers find in tokens start..end (as Matchers.sentences groups it)."""
    matchers = kit.matchers
    span = doc[start:end]
    out = SentenceHits(start, end)
    for match_id, a, b in [*matchers.folded(span), *matchers.exact(span)]:
        category, payload = matchers.keys[match_id]
        if category == "place" and payload.id in matchers.proper_places and doc[a].text[:1].islower():
            continue
        out.hits.setdefault(category, []).append(Hit(category, payload, a, b))
    for category in ("place", "actor"):
        out.hits[category] = _longest(out.get(category))
    for hits in out.hits.values():
        hits.sort(key=lambda h: (h.start, -h.end))
    return out


def _longest(hits: list[Hit]) -> list[Hit]:
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if all(hit.end <= k.start or k.end <= hit.start for k in kept):
            kept.append(hit)
    return kept


def in_columns(head: TableHead, text: str, quantities: list[QuantityExpr]) -> list[QuantityExpr]:
    """A row's counts with the units of their columns; a bare number under a column that names
    no unit ("Section 4", "No. 12") is no count when other columns name one."""
    if head.separator is None or not any(u or c for u, c in head.units):
        return quantities
    out = []
    for q in quantities:
        column = text.count(head.separator, 0, q.char_start)
        unit, casualty = head.units[column] if column < len(head.units) else (None, None)
        if q.unit is None and q.casualty is None:
            if unit is None and casualty is None and not _dated_column(head, column):
                continue
            q = replace(q, unit=unit, casualty=casualty)
        out.append(q)
    return out


def _dated_column(head: TableHead, column: int) -> bool:
    return column < len(head.column_dates) and head.column_dates[column] is not None


def _may_head(sentence: Sentence) -> bool:
    """Whether a sentence may head a table or a list (read from its last tokens): it ends its line,
    and ends in a colon, or without a full stop (a title), or names columns."""
    doc, end = sentence.doc, sentence.hits.end
    if end < len(doc) and "\n" not in doc[end - 1].text_with_ws and "\n" not in doc[end].text:
        return False
    return sentence.text[-1:] not in ".!?»”\"'" or _is_column_header(sentence.text)


def heads_table(sentence: Sentence) -> bool:
    """Whether the sentence is a table's column header ("Date | Attempts | Section"), or a title
    or a colon-ended line that the table's rows follow: it announces counts, it states none."""
    if not _may_head(sentence):
        return False
    text = _text(sentence.doc)
    start, end = _line_at(text, sentence.char_start)
    if text[start:end].strip() != sentence.text:
        return False  # a list already read with its rows, or one sentence of a paragraph
    if _is_column_header(sentence.text):
        return True
    after = text[end + 1 : end + 1 + 3 * ROW_CHARS].split("\n")
    if len(after) > 2 and not after[0].strip():
        after = after[1:]  # a title, a blank line, a table
    if len(after) > 1 and _is_column_header(after[0]) and is_row(after[1]):
        return True  # the title of a table
    return sentence.text.endswith(":") and bool(after) and is_row(after[0])  # a list's header


def table_of(kit: LanguageKit, sentence: Sentence) -> TableHead | None:
    """The table a sentence is a row of: its Row's, or, for a row read as a sentence of its own
    (it has its own trigger: "| 10 Apr | 131 | stones thrown at a patrol |"), the header above it."""
    if isinstance(sentence, Row):
        return sentence.head
    if not any(sep in sentence.text for sep in _SEPARATORS) or not is_row(sentence.text):
        return None
    text = _text(sentence.doc)
    start, end = _line_at(text, sentence.char_start)
    if text[start:end].strip() != sentence.text:
        return None
    return _head_above(kit, sentence.doc, start, sentence.published)
