"""What the sentences before one say about it: date headings, restatements, threats.

A document is read sentence by sentence; these rules use what earlier sentences (or
the other mentions of the same sentence) established: a line that is only a date
dates the lines under it, a later mention that adds nothing restates an earlier
one, a plan stated in a threat is threatened, and a text about past years leaves
its undated statements undated.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from flankwatch.extract.dates import find_dates
from flankwatch.extract.kit import LanguageKit
from flankwatch.extract.roles import SPEECH_ACTS
from flankwatch.extract.sentence import Sentence
from flankwatch.extract.theatre import DocumentState
from flankwatch.records import Mention

HEADING_SLACK = 16  # characters a date heading may hold besides its date ("Понедельник, 1 апреля.")
CURRENT_DAYS = 31  # a text whose latest dated event is older than this looks back: its statements are undated


def note_heading(kit: LanguageKit, sentence: Sentence, published: date | None, state: DocumentState) -> None:
    """A line that is only a date ("Вторник, 2 апреля.") dates the undated lines under it."""
    dates = [d for d in find_dates(sentence.text, published, kit.dates, None) if not d.redundant]
    if (
        len(dates) == 1
        and dates[0].precision in ("day", "week")
        and dates[0].kind in ("point", "range")
        and len(sentence.text) - (dates[0].char_end - dates[0].char_start) <= HEADING_SLACK
    ):
        state.last_date = (dates[0].start, dates[0].end, dates[0].precision)


def is_current(last: tuple[date, date, str] | None, published: date | None) -> bool:
    """Whether the text is about the days before its publication, so that a statement it reports
    without a date was made then (news); an analysis of past years leaves it undated."""
    return last is None or published is None or (published - last[1]).days <= CURRENT_DAYS


def without_restatements(
    kit: LanguageKit, mentions: list[Mention], sentence: Sentence, state: DocumentState
) -> list[Mention]:
    """Drop a back-reference to an event the text already stated ("В ходе учений …", "К учениям будут
    привлечены также …"): of the types marked skip_restated, a later mention with no date, count or
    place of its own (annotation.md annotates a restatement only with its own facts)."""
    dated = any(not (d.comparison or d.redundant) for d in sentence.dates)
    kept = []
    for m in mentions:
        rules = kit.lexicon.types.get(m.type)
        own_facts = dated or m.quantities or m.casualties or m.place
        earlier = state.seen_types.get(m.type, []) if rules and rules.skip_restated and not own_facts else []
        if any(_restates(m, modality, parties) for modality, parties in earlier):
            continue
        kept.append(m)
    for m in kept:
        state.seen_types.setdefault(m.type, []).append((m.modality, (*m.actors, *m.targets)))
    return kept


def _restates(m: Mention, modality: str, parties: tuple[str, ...]) -> bool:
    """Whether a mention says again what an earlier one of its type said: no new party, and no new
    plan or threat ("troops returned …; troops will be sent back if …" are two events)."""
    new_future = m.modality in ("planned", "threatened") and m.modality != modality
    # sanctions on Russia, then on Belarus: a new party
    new_party = bool(m.targets) and bool(parties) and not set(m.targets) <= set(parties)
    return not (new_future or new_party)


def threatened(mentions: list[Mention], clauses: dict[str, int] | None = None) -> list[Mention]:
    """A plan or an option its actor states in a threat is threatened (the speech-act rule): "Литва
    готова закрыть оставшиеся пункты пропуска, если провокации продолжатся". With `clauses` (where
    each type's trigger clause starts), a threat that states its object in its own clause or after
    ("…, and Minsk warned it would cut transit") leaves a plan of an earlier clause a plan ("Lithuania
    said it plans to close two crossings"); a bare condition ("…, если провокации продолжатся") makes
    the clause before it the threat."""
    threateners = {a for m in mentions if m.type == "THREAT_RHETORIC" for a in m.actors}
    if not threateners:
        return mentions
    where = clauses or {}
    opens = where.get("THREAT_RHETORIC", -1)
    if not any(m.type not in SPEECH_ACTS and where.get(m.type, -1) >= opens for m in mentions):
        opens = -1  # nothing threatened in its own clause: the threat is about what came before
    return [
        replace(m, modality="threatened")
        if m.type not in SPEECH_ACTS
        and m.modality in ("planned", "hypothetical")
        and (not m.actors or set(m.actors) & threateners)
        and where.get(m.type, opens) >= opens
        else m
        for m in mentions
    ]
