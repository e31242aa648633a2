"""Word lists as regular expressions that match like a plain alternation, only faster.

The grammars write a word list as `longest|…|shortest`, spaces matching any run of
whitespace. Python's `re` tries such alternatives one by one at every position of
the text, so a list of a hundred words costs a hundred attempts per character.
The same list written as a trie (`last\\s+(?:week(?:end)?|month)`) costs one
attempt per character and matches exactly what the alternation matches:

- at each node of the trie the next characters differ, so at most one branch can
  match the text at hand (with IGNORECASE, letters are folded to one key first);
- where a word ends inside a longer one, the longer branch is tried first, which
  is the order the longest-first alternation tries them in.

Lists for which that argument does not hold (two keys that the regex engine treats
as equal although Python's `lower()` does not, a separator that can match a letter
of a word) are written as the plain alternation, so the result never differs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

NEVER = r"(?!x)x"  # an empty list matches nothing
_SEP = None  # the trie key of a space in a word


def alternation(
    words: Iterable[str], separator: str = r"\s+", separator_chars: str = " ", ignorecase: bool = True
) -> str:
    """A regex matching any of `words` (longest first), each of `separator_chars` in a word
    matching `separator`; for patterns compiled with IGNORECASE unless told otherwise."""
    return _cached(tuple(sorted({w for w in words if w})), separator, separator_chars, ignorecase)


def plain_alternation(words: Iterable[str], separator: str = r"\s+", separator_chars: str = " ") -> str:
    """The longest-first alternation itself: what `alternation` must match exactly."""
    ordered = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(_escape_word(w, separator, separator_chars) for w in ordered) or NEVER


def _escape_word(word: str, separator: str, separator_chars: str) -> str:
    return "".join(separator if c in separator_chars else re.escape(c) for c in word)


@lru_cache(maxsize=1024)
def _cached(words: tuple[str, ...], separator: str, separator_chars: str, ignorecase: bool = True) -> str:
    if not words:
        return NEVER
    root: dict = {}
    for word in words:
        node = root
        for c in word:
            key = _SEP if c in separator_chars else (_fold(c) if ignorecase else c)
            node = node.setdefault(key, {})
        node[""] = {}  # a word ends here
    separated = re.compile(separator)
    if any(c not in separator_chars and (c.isspace() or separated.fullmatch(c)) for w in words for c in w):
        return plain_alternation(words, separator, separator_chars)  # "-" in a word, "[\s\-]+" between words
    if not _safe(root, re.IGNORECASE if ignorecase else re.NOFLAG):
        return plain_alternation(words, separator, separator_chars)
    return _emit(root, separator)


def _fold(c: str) -> str:
    lower = c.lower()
    return lower if len(lower) == 1 else c


def _safe(node: dict, flags: re.RegexFlag) -> bool:
    """Whether no two branches of any node can match the same character."""
    chars = [k for k in node if k and k is not _SEP]
    for i, a in enumerate(chars):
        for b in chars[i + 1 :]:
            if re.fullmatch(re.escape(a), b, flags):
                return False
    return all(_safe(child, flags) for child in node.values())


def _emit(node: dict, separator: str) -> str:
    branches = [
        (separator if key is _SEP else re.escape(key)) + _emit(child, separator)
        for key, child in sorted(node.items(), key=lambda kv: (kv[0] is _SEP, kv[0] or ""))
        if key != ""
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: try the longer words first, then stop
        return "(?:" + body + ")?"
    return body


def fold(text: str) -> str:
    """The text as IGNORECASE sees it, so that case-sensitive patterns of folded words find in it
    what IGNORECASE patterns of the words find in the text: two characters the regex engine
    treats as equal ("S", "s", "ſ"; "İ", "i", "ı") fold to one, and no character changes length."""
    if text.isascii():
        return text.lower()
    return text.replace("\u0130", "i").lower().translate(_FOLD)


def _fold_table() -> dict[int, str]:
    """Characters `re` matches case-insensitively beyond `lower()`, each mapped to one of its group."""
    try:
        from re._casefix import _EXTRA_CASES  # the table `re` compiles IGNORECASE patterns with
    except ImportError:  # another Python: the groups as of 3.11-3.13
        _EXTRA_CASES = {
            0x69: (0x131,),
            0x73: (0x17F,),
            0xB5: (0x3BC,),
            0x3B9: (0x345, 0x1FBE),
            0x3C3: (0x3C2,),
        }
    groups: dict[str, set[str]] = {}
    for key, others in _EXTRA_CASES.items():
        members = {chr(key), *map(chr, others)}
        for member in list(members):
            members |= groups.get(member, set())
        for member in members:
            groups[member] = members
    return {ord(c): min(members) for c, members in groups.items() if min(members) != c}


_FOLD = _fold_table()
