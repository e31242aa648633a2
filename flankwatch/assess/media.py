"""Is a document from the adversary's state media? (data/assess/state-media.yaml)"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from flankwatch.assess.datafile import need, packaged, read_yaml
from flankwatch.errors import DataFileError
from flankwatch.records import Document

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def _norm(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


@dataclass(frozen=True, slots=True)
class StateMedia:
    """Aliases (normalised) and web domains of the adversary's state media."""

    aliases: frozenset[str]
    domains: tuple[str, ...]

    def covers(self, doc: Document | None) -> bool:
        """True when the document's publisher or URL host is a listed state outlet.

        A publisher matches when it is an alias, or starts with one followed by
        more words ("BelTA (Minsk)").
        """
        if doc is None:
            return False
        name = _norm(doc.publisher)
        if name and any(name == a or name.startswith(a + " ") for a in self.aliases):
            return True
        host = urlsplit(doc.url).hostname or ""
        return any(host == d or host.endswith("." + d) for d in self.domains)


@lru_cache(maxsize=4)
def load_state_media(path: Path | None = None) -> StateMedia:
    """The packaged list, or a user file of the same shape."""
    where = path or packaged("assess/state-media.yaml")
    raw = read_yaml(where)
    aliases: set[str] = set()
    domains: list[str] = []
    for i, entry in enumerate(need(raw, "publishers", list, str(where))):
        spot = f"{where} -> publishers[{i}]"
        if not isinstance(entry, dict):
            raise DataFileError(spot, "each publisher must be a mapping with name, aliases, domains")
        aliases.add(_norm(need(entry, "name", str, spot)))
        aliases.update(_norm(str(a)) for a in entry.get("aliases") or ())
        domains.extend(str(d).lower() for d in entry.get("domains") or ())
    aliases.discard("")
    return StateMedia(aliases=frozenset(aliases), domains=tuple(domains))
