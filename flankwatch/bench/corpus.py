"""The generated benchmark corpus: any number of documents, made lazily from templates.

Templates and word lists are data (`data/bench/<lang>.yaml`). Documents come in
four genres with the length and event density such texts have — short border-guard
reports that are mostly events, news articles where a third of the sentences state
one, long analyses with footnotes where few do, and terse communiqués — so that a
benchmark over them costs what a monitoring corpus costs. Document `i` depends only
on the seed and `i`: the corpus is the same on every run and machine, and a
generator of a million documents holds one document at a time.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib.resources.abc import Traversable

from flankwatch.errors import DataFileError, UsageError
from flankwatch.extract.datafile import Where, mapping, only_keys, str_list
from flankwatch.nlp import default_data_root, read_yaml
from flankwatch.records import Document

_SLOT = re.compile(r"\{(\w+)\}")
_NUMBERS = ("n", "n2", "small", "big", "day", "day2", "year", "dec", "note")
_LISTS = ("titles", "publishers", "datelines", "events", "context", "footnotes", "general_titles", "general")
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_FIRST_DAY = date(2024, 1, 1)
MAX_DEPTH = 4  # slots inside slot values, at most this deep


@dataclass(frozen=True, slots=True)
class Genre:
    name: str
    weight: float  # share of the corpus
    sentences: tuple[int, int]  # body length range, in sentences
    event_share: float  # chance that a body sentence is an event template (else one of `pool`)
    paragraph: tuple[int, int]  # sentences per paragraph
    dateline: bool = False
    footnotes: bool = False  # footnote markers after sentences and a list of notes at the end
    signature: bool = False  # the publisher's name closes the text
    pool: str = "context"  # where sentences that state no event come from: context or general
    titles: str = "titles"


# What a morning's feeds hold: half of it news from the region about something else
# (prices, sport, weather — where "attacked", "plans" and "closed" still occur), half
# about security, in the genres that write it.
GENRES = (
    Genre("report", 0.12, (3, 8), 0.7, (1, 3), signature=True),
    Genre("news", 0.23, (12, 36), 0.3, (2, 4), dateline=True),
    Genre("analysis", 0.07, (30, 70), 0.15, (3, 6), footnotes=True),
    Genre("communique", 0.08, (3, 6), 0.5, (1, 2)),
    Genre("general", 0.5, (6, 30), 0.03, (2, 4), dateline=True, pool="general", titles="general_titles"),
)
GENRE_NAMES = tuple(g.name for g in GENRES)


@dataclass(frozen=True, slots=True)
class Templates:
    """One language's templates and word lists, validated."""

    language: str
    thousands: tuple[str, ...]
    decimal: str
    titles: tuple[str, ...]
    publishers: tuple[str, ...]
    datelines: tuple[str, ...]
    events: tuple[str, ...]
    context: tuple[str, ...]
    footnotes: tuple[str, ...]
    general_titles: tuple[str, ...]
    general: tuple[str, ...]
    slots: dict[str, tuple[str, ...]]


def template_languages(root: Traversable | None = None) -> list[str]:
    """The languages the benchmark can generate documents in."""
    folder = (root or default_data_root()).joinpath("bench")
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml"))


@lru_cache(maxsize=16)
def load_templates(language: str, root: Traversable | None = None) -> Templates:
    """The templates of a language; a DataFileError names the file and the problem."""
    rel = f"bench/{language}.yaml"
    where = Where(rel)
    raw = mapping(read_yaml(root or default_data_root(), rel), where)
    only_keys(raw, ("thousands", "decimal", "slots", *_LISTS), where)
    lists = {key: tuple(str_list(raw.get(key), where / key)) for key in _LISTS}
    for key in ("titles", "publishers", "datelines", "events", "context", "general_titles", "general"):
        if not lists[key]:
            raise (where / key).fail("expected at least one entry")
    slots = {
        name: tuple(str_list(values, where / "slots" / name, allow_none=False))
        for name, values in mapping(raw.get("slots"), where / "slots").items()
    }
    templates = Templates(
        language=language,
        thousands=tuple(str_list(raw.get("thousands", [","]), where / "thousands")) or (",",),
        decimal=str(raw.get("decimal", ".")),
        slots=slots,
        **lists,
    )
    _check_slots(templates, where)
    return templates


def _check_slots(t: Templates, where: Where) -> None:
    """Every slot a template names must be a word list or a generated number."""
    texts = [(key, s) for key in _LISTS for s in getattr(t, key)]
    texts += [(f"slots -> {name}", v) for name, values in t.slots.items() for v in values]
    for key, text in texts:
        for slot in _SLOT.findall(text):
            if _resolve(slot, t) is None:
                known = ", ".join(sorted({*t.slots, *_NUMBERS}))
                raise DataFileError(str(where / key), f"{text!r}: unknown slot {{{slot}}} (known: {known})")


def _resolve(slot: str, t: Templates) -> tuple[str, bool] | None:
    """The list or number a slot names, and whether its value is capitalised."""
    for name, capital in ((slot, False), (slot[:1].lower() + slot[1:], slot[:1].isupper())):
        if name in t.slots or name in _NUMBERS:
            return name, capital
    return None


def generate(
    count: int,
    languages: tuple[str, ...] = ("en", "ru", "pl"),
    seed: int = 0,
    genres: tuple[str, ...] = GENRE_NAMES,
    root: Traversable | None = None,
) -> Iterator[Document]:
    """`count` documents, the languages taking turns, in the mix of `genres`; lazily, one at a time."""
    tables = [load_templates(code, root) for code in languages]
    chosen = tuple(g for g in GENRES if g.name in genres)
    if not chosen:
        raise UsageError(f"no known genre in {', '.join(genres)} (known: {', '.join(GENRE_NAMES)})")
    for index in range(count):
        yield make_document(index, tables[index % len(tables)], seed, chosen)


def make_document(index: int, t: Templates, seed: int = 0, genres: tuple[Genre, ...] = GENRES) -> Document:
    """Document `index` of the corpus: the same for the same seed, index, templates and genres."""
    rng = random.Random(f"{seed}:{t.language}:{index}")  # a string seed is hashed stably across runs
    genre = rng.choices(genres, weights=[g.weight for g in genres])[0]
    fill = _Filler(t, rng)
    lines = [fill(rng.choice(getattr(t, genre.titles)))]
    deck = _Deck(t, genre, rng)
    body = [fill(deck.draw()) for _ in range(rng.randint(*genre.sentences))]
    if genre.footnotes:
        body = [s + _marker(rng) if rng.random() < 0.2 else s for s in body]
    if genre.dateline:
        body[0] = f"{fill(rng.choice(t.datelines))} {body[0]}"
    lines += _paragraphs(body, genre, rng)
    if genre.footnotes and t.footnotes:
        lines += ["", *(fill(rng.choice(t.footnotes)) for _ in range(rng.randint(2, 5)))]
    publisher = rng.choice(t.publishers)
    if genre.signature:
        lines.append(publisher)
    return Document(
        id=f"bench-{seed}-{index:08d}",
        name=f"bench-{index:08d}-{t.language}-{genre.name}",
        text="\n".join(lines),
        language=t.language,
        published=_FIRST_DAY + timedelta(days=rng.randrange(366)),
        date_source="metadata",
        publisher=publisher,
        fmt="txt",
    )


class _Deck:
    """Body templates drawn like cards, so that a text repeats a sentence only after using them all."""

    def __init__(self, t: Templates, genre: Genre, rng: random.Random) -> None:
        self.t, self.genre, self.rng = t, genre, rng
        self.piles: dict[bool, list[str]] = {True: [], False: []}

    def draw(self) -> str:
        event = self.rng.random() < self.genre.event_share
        pile = self.piles[event]
        if not pile:
            pile.extend(self.t.events if event else getattr(self.t, self.genre.pool))
            self.rng.shuffle(pile)
        return pile.pop()


def _paragraphs(sentences: list[str], genre: Genre, rng: random.Random) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        size = rng.randint(*genre.paragraph)
        out.append(" ".join(sentences[i : i + size]))
        i += size
    separator = [""] if genre.name in ("news", "analysis") else []
    return [line for p in out for line in (*separator, p)]


def _marker(rng: random.Random) -> str:
    """A footnote marker glued to the text: "[3]" or a superscript "¹²"."""
    number = str(rng.randint(1, 40))
    return f"[{number}]" if rng.random() < 0.5 else number.translate(_SUPERSCRIPTS)


class _Filler:
    """Fills the slots of templates from the word lists and the number generators."""

    def __init__(self, t: Templates, rng: random.Random) -> None:
        self.t, self.rng, self.day = t, rng, 1

    def __call__(self, template: str, depth: int = 0) -> str:
        return _SLOT.sub(lambda m: self._value(m.group(1), depth), template)

    def _value(self, slot: str, depth: int) -> str:
        resolved = _resolve(slot, self.t)
        if resolved is None or depth >= MAX_DEPTH:
            return ""
        name, capital = resolved
        if name in self.t.slots:
            value = self(self.rng.choice(self.t.slots[name]), depth + 1)
        else:
            value = self._number(name)
        return value[:1].upper() + value[1:] if capital else value

    def _number(self, name: str) -> str:
        rng = self.rng
        if name in ("n", "n2"):
            return self._grouped(rng.randint(2, 400))
        if name == "small":
            return str(rng.randint(2, 12))
        if name == "big":
            return self._grouped(rng.randint(1_000, 60_000))
        if name == "day":
            self.day = rng.randint(1, 22)
            return str(self.day)
        if name == "day2":
            return str(self.day + rng.randint(1, 6))
        if name == "year":
            return str(rng.randint(2019, 2024))
        if name == "dec":
            return f"{rng.randint(1, 4)}{self.t.decimal}{rng.randint(1, 9)}"
        return _marker(rng)  # note

    def _grouped(self, value: int) -> str:
        separator = self.rng.choice(self.t.thousands)
        return f"{value:,}".replace(",", separator)
