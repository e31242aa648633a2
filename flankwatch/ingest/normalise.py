"""Text normalisation: the one form of a text that ids, offsets and extraction refer to.

NFC composition, Unix line endings, no byte-order marks or control characters,
no trailing whitespace at the end. Spaces inside numbers ("1 256" with a thin or
no-break space) are left exactly as written: the quantity parser reads them.
Leading text is never trimmed, so offsets still match the text as read.
"""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except tab and newline; BOM and zero-width space anywhere; soft hyphens.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u200b\u00ad]")


def normalise(text: str) -> str:
    """The normalised form of `text` (idempotent: normalise(normalise(t)) == normalise(t))."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text).rstrip()
