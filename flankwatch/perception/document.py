"""One document, from bytes to counted, placed and topical mentions (pure).

Steps: 1. decode the bytes, warning about what is wrong with them; 2. mask
extraction noise and split into words; 3. tell the language (unless given);
4. find the forms of every known target in the document's languages (the
main one, any secondary one, and English, which official texts quote) and
keep those of the targets asked for; 5. find topic cues and give each
mention its topic; 6. count per target and category.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from flankwatch.perception.decode import decode_bytes
from flankwatch.perception.language import detect_languages
from flankwatch.perception.lexicon import Target
from flankwatch.perception.matcher import Match, Matcher, token_keys
from flankwatch.perception.metadata import DocMeta
from flankwatch.perception.records import PerceptionDocument, PerceptionSettings, TargetCount, TargetMention
from flankwatch.perception.tokens import Token, mask_noise, tokenize, word_key
from flankwatch.perception.topics import choose_topics, topic_matcher
from flankwatch.records import content_id

SHINGLE = 5  # words per sequence compared when looking for duplicate texts
_SPACES = re.compile(r"\s+")


class FormIndex:
    """Matchers over the forms of all known targets, one per set of languages."""

    def __init__(self, catalogue: dict[str, Target]) -> None:
        self._patterns = tuple(p for target in catalogue.values() for p in target.patterns)
        self._matchers: dict[tuple[str, ...], Matcher] = {}

    def matcher(self, languages: tuple[str, ...]) -> Matcher:
        if languages not in self._matchers:
            self._matchers[languages] = Matcher(p for p in self._patterns if p.language in languages)
        return self._matchers[languages]


@dataclass(frozen=True, slots=True)
class DocumentAnalysis:
    document: PerceptionDocument
    counts: tuple[TargetCount, ...]
    mentions: tuple[TargetMention, ...]
    shingles: frozenset[int]  # hashed 5-word sequences, to find duplicate texts


def analyse_document(
    meta: DocMeta,
    data: bytes,
    forms: FormIndex,
    targets: Sequence[Target],
    settings: PerceptionSettings,
    notes: Sequence[str] = (),
) -> DocumentAnalysis:
    """Everything one document says about `targets` (see the module docstring for the steps)."""
    decoded = decode_bytes(data)
    text = decoded.text
    masked = mask_noise(text)
    tokens = tokenize(masked)
    main, languages, source, language_notes = _languages(meta, masked)
    keys = token_keys(tokens, languages)
    found = forms.matcher(languages).find(masked, tokens, keys)
    wanted = {t.id for t in targets}
    hits = [m for m in found if m.pattern.label in wanted]
    cues = _cues_outside(topic_matcher(languages).find(masked, tokens, keys), found)
    topics = choose_topics([(m.first, m.last) for m in hits], cues, tokens, masked, settings.window)
    mentions = tuple(
        _mention(meta.name, hit, choice.topic, choice.cues, tokens, text, masked, settings.context_chars)
        for hit, choice in zip(hits, topics, strict=True)
    )
    document = PerceptionDocument(
        id=content_id(text),
        name=meta.name,
        path=meta.path,
        country=meta.country,
        year=meta.year,
        title=meta.title,
        doc_type=meta.doc_type,
        language=main,
        languages=languages,
        language_source=source,
        original=meta.original,
        encoding=decoded.encoding,
        words=len(tokens),
        chars=len(text),
        institution=meta.institution,
        warnings=tuple(notes) + decoded.warnings + language_notes,
    )
    return DocumentAnalysis(
        document, _counts(meta.name, len(tokens), targets, mentions), mentions, _shingles(tokens)
    )


def _languages(meta: DocMeta, text: str) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
    """Main language, languages to match, where the language came from, and warnings."""
    if meta.language:
        return meta.language, tuple(dict.fromkeys((meta.language, "en"))), "sidecar", ()
    guess = detect_languages(text)
    if guess.main is None:
        return "und", ("en",), "detected", ("language not recognised; only English forms were matched",)
    notes: tuple[str, ...] = ()
    if not meta.original and guess.main != "en":
        notes = (
            f"the file name marks an English translation, but the text is in {guess.main}; read as {guess.main}",
        )
    return guess.main, tuple(dict.fromkeys((guess.main, *guess.secondary, "en"))), "detected", notes


def _cues_outside(cues: list[Match], targets: list[Match]) -> list[Match]:
    """Cues that are not words of a target's name ("Atlanto sutarties" in NATO's Lithuanian name)."""
    taken = {i for m in targets for i in range(m.first, m.last + 1)}
    return [c for c in cues if not any(i in taken for i in range(c.first, c.last + 1))]


def _mention(
    doc: str,
    hit: Match,
    topic: str,
    cues: tuple[str, ...],
    tokens: Sequence[Token],
    text: str,
    masked: str,
    context: int,
) -> TargetMention:
    start, end = tokens[hit.first].start, tokens[hit.last].end
    return TargetMention(
        doc=doc,
        target=hit.pattern.label,
        category=hit.pattern.category,
        text=text[start:end],
        start=start,
        end=end,
        form=hit.pattern.spec,
        language=hit.pattern.language,
        topic=topic,
        cues=cues,
        left=_SPACES.sub(" ", masked[max(0, start - context) : start]).strip(),
        right=_SPACES.sub(" ", masked[end : end + context]).strip(),
    )


def _counts(
    doc: str, words: int, targets: Sequence[Target], mentions: Sequence[TargetMention]
) -> tuple[TargetCount, ...]:
    tally = Counter((m.target, m.category) for m in mentions)
    return tuple(
        TargetCount(
            doc, t.id, words, tally[(t.id, "names")], tally[(t.id, "demonyms")], tally[(t.id, "adjectives")]
        )
        for t in targets
    )


def _shingles(tokens: Sequence[Token]) -> frozenset[int]:
    # crc32, not hash(): str hashes change from run to run, and set-aside choices must not.
    words = [word_key(t.text) for t in tokens]
    return frozenset(
        zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)
    )
