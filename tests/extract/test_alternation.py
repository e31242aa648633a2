"""The trie alternation matches exactly what the longest-first alternation matches, and folding
finds in the folded text what IGNORECASE finds in the text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from flankwatch.extract.alternation import NEVER, alternation, fold, plain_alternation

# Letters that case folding treats specially (ſ ~ s, ı ~ i, İ, K/k, µ/μ, ς/σ), separators, dots.
ALPHABET = "abcAB kK.-'ſıİiµμςσ"
WORDS = st.lists(st.text(ALPHABET, min_size=1, max_size=6), max_size=8)
CONTEXTS = (r"(?:{})", r"\b(?:{})\b", r"(?:{})x?", r"(?:{})\s+b", r"(?<!\w)(?P<w>{})(?!\w)")


@settings(max_examples=300, deadline=None)
@given(words=WORDS, text=st.text(ALPHABET + "xyz\u00a0", max_size=40), context=st.sampled_from(CONTEXTS))
def test_the_trie_matches_what_the_alternation_matches(words: list[str], text: str, context: str) -> None:
    for separator, chars in ((r"\s+", " "), (r"[\s\-]+", " ")):
        ordered = sorted({w for w in words if w})
        trie = re.compile(context.format(alternation(words, separator, chars)), re.IGNORECASE)
        plain = re.compile(context.format(plain_alternation(ordered, separator, chars)), re.IGNORECASE)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_word_list_becomes_a_trie() -> None:
    pattern = alternation(["last week", "last weekend", "last month"])
    assert pattern == r"last\s+(?:month|week(?:end)?)"
    assert re.fullmatch(pattern, "LAST  Weekend", re.IGNORECASE)
    assert alternation([]) == NEVER and re.search(NEVER, "x") is None


def test_case_sensitive_tries_keep_case_apart() -> None:
    pattern = re.compile(alternation(["May", "MAY"], ignorecase=False))
    assert pattern.fullmatch("May") and pattern.fullmatch("MAY") and not pattern.fullmatch("may")


@settings(max_examples=200, deadline=None)
@given(
    word=st.text(ALPHABET + "ŁłŚśДдЁё", min_size=1, max_size=5),
    text=st.text(ALPHABET + "ŁłŚśДдЁё", max_size=30),
)
def test_folding_finds_what_ignorecase_finds(word: str, text: str) -> None:
    found = re.search(re.escape(word), text, re.IGNORECASE)
    if found:
        assert fold(word) in fold(text)
    assert len(fold(text)) == len(text)  # offsets in the folded text are offsets in the text
