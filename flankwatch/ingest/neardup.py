"""Near-duplicate documents: syndicated copies and lightly edited re-runs of one text.

Exact copies already share a Document id (the id derives from the text). This
module catches the rest — a wire story re-run with another headline, a
dateline added, a paragraph trimmed — with a bottom-k MinHash sketch:

1. the text is folded (case, accents kept, punctuation and digits' separators
   dropped) and cut into overlapping 5-word shingles;
2. each shingle is hashed once (64-bit BLAKE2b); the sketch is the `SKETCH_SIZE`
   smallest hashes — a MinHash sketch with one hash function, which estimates
   the Jaccard similarity of two shingle sets from the k smallest hashes of
   their union (Broder 1997; Cohen & Kaplan 2007);
3. candidates are found through the few smallest hashes (`index_keys`): two
   texts sharing 80 % of their shingles share one of their eight smallest
   hashes with near certainty, so the store can look candidates up by key;
4. a pair is a near-duplicate when the estimated similarity reaches
   `THRESHOLD` and the figures agree: the numbers of one text, in their
   order, appear in the same order in the other. A copy reprints the figures
   it copies (and may add an update); two daily communiqués cut from one
   template differ in theirs, and are two reports.

Everything here is pure and deterministic: the same texts give the same
sketches and pairs in any order. No dependency beyond the standard library.
"""

from __future__ import annotations

import hashlib
import heapq
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

SHINGLE_WORDS = 5
SKETCH_SIZE = 128
INDEX_KEYS = 8
THRESHOLD = 0.8
# Shorter texts share 5-word sequences by chance (boilerplate, headlines):
# too little to call two of them copies.
MIN_SHINGLES = 20
MAX_FIGURES = 500  # enough to tell two texts apart; a table of thousands adds nothing

Rank = Callable[[str], int]  # document id -> a rank, lower first

_WORD = re.compile(r"\w+", re.UNICODE)
# "9,300", "2 400", "4.75": one figure, separators dropped.
_NUMBER = re.compile(r"\d(?:[\d\u00a0\u2009\u202f ,.]*\d)?")


@dataclass(frozen=True, slots=True)
class Sketch:
    """A document's MinHash sketch: its smallest shingle hashes, ascending."""

    doc: str
    shingles: int  # how many distinct shingles the text has
    hashes: tuple[int, ...]
    numbers: tuple[str, ...] = ()  # the figures of the text in their order, separators dropped

    @property
    def usable(self) -> bool:
        return self.shingles >= MIN_SHINGLES

    def index_keys(self) -> tuple[int, ...]:
        """The hashes under which the store files this sketch for candidate look-ups."""
        return self.hashes[:INDEX_KEYS] if self.usable else ()


@dataclass(frozen=True, slots=True)
class NearDuplicate:
    """Two documents whose texts are near-copies; `first` < `second` by id."""

    first: str
    second: str
    similarity: float


def sketch(doc: str, text: str) -> Sketch:
    """The sketch of a text (steps 1–2 of the module docstring)."""
    shingles = _shingles(text)
    hashes = {_hash(s) for s in shingles}
    return Sketch(doc, len(hashes), tuple(heapq.nsmallest(SKETCH_SIZE, hashes)), figures(text))


def figures(text: str) -> tuple[str, ...]:
    """The numbers of a text in order, separators dropped: '9,300 and 2 400' → ('9300', '2400')."""
    return tuple(re.sub(r"\D", "", n) for n in _NUMBER.findall(text))[:MAX_FIGURES]


def same_figures(a: Sketch, b: Sketch) -> bool:
    """The figures of the text with fewer of them appear, in order, among the other's."""
    fewer, more = sorted((a.numbers, b.numbers), key=len)
    rest = iter(more)
    return all(any(n == m for m in rest) for n in fewer)


def similarity(a: Sketch, b: Sketch) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (0 when either is too short)."""
    if not (a.usable and b.usable):
        return 0.0
    k = min(SKETCH_SIZE, len(a.hashes), len(b.hashes))
    union = heapq.nsmallest(k, set(a.hashes) | set(b.hashes))
    shared = set(a.hashes) & set(b.hashes)
    return sum(1 for h in union if h in shared) / len(union) if union else 0.0


def near_duplicates(
    new: Sequence[Sketch], known: Iterable[Sketch] = (), *, threshold: float = THRESHOLD
) -> list[NearDuplicate]:
    """Pairs among `new`, and between `new` and `known`, at or above the threshold.

    `known` are sketches already stored (typically those sharing an index key
    with a new one); pairs among `known` alone are not looked for again.
    """
    everyone = {s.doc: s for s in known}
    everyone.update({s.doc: s for s in new})
    by_key: dict[int, set[str]] = {}
    for s in everyone.values():
        for key in s.index_keys():
            by_key.setdefault(key, set()).add(s.doc)
    found: dict[tuple[str, str], NearDuplicate] = {}
    for s in new:
        candidates = {d for key in s.index_keys() for d in by_key[key]} - {s.doc}
        for other in candidates:
            pair = tuple(sorted((s.doc, other)))
            if pair in found:
                continue
            score = similarity(s, everyone[other])
            if score >= threshold and same_figures(s, everyone[other]):
                found[pair] = NearDuplicate(pair[0], pair[1], round(score, 3))  # type: ignore[index]
    return sorted(found.values(), key=lambda n: (n.first, n.second))


def copy_groups(
    pairs: Iterable[NearDuplicate],
    published: Mapping[str, date | None] | None = None,
    *,
    rank: Rank | None = None,
) -> dict[str, str]:
    """Each document of a near-duplicate group → the group's original.

    The original is the earliest published, then the first by `rank` (say,
    the more reliable publisher), then the smallest id — so the answer depends
    only on the set of pairs, never on the order of ingest. Documents in no
    pair are not in the result.
    """
    parent: dict[str, str] = {}

    def root(doc: str) -> str:
        parent.setdefault(doc, doc)
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    for pair in pairs:
        a, b = root(pair.first), root(pair.second)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[str, list[str]] = {}
    for doc in list(parent):
        groups.setdefault(root(doc), []).append(doc)
    dates = published or {}
    out: dict[str, str] = {}
    for members in groups.values():
        original = min(members, key=lambda d: (dates.get(d) or date.max, rank(d) if rank else 0, d))
        out.update({d: original for d in members})
    return out


def _shingles(text: str) -> set[str]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _hash(shingle: str) -> int:
    # Signed 63-bit, so that the store can keep it in a BIGINT.
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big") >> 1
