"""Modality from cue words scoped to the clause that governs a trigger.

A `before` cue governs triggers to its right in its clause, within the lexicon's
window ("plans to [build]"); an `after` cue may follow a nominal trigger ("the
[exercise] will start"). A cue inside the trigger's own phrase does not apply to it
("threatened" is a THREAT_RHETORIC that occurred), unless it is a word form matched
as written: a future tense that lemmas erase ("викличуть", they will summon, is
planned). Among the cues in scope the lexicon's priority decides (a threat outranks
a plan: "warned it will cut gas").
"""

from __future__ import annotations

from dataclasses import dataclass

from flankwatch.extract.lexicon import Cues
from flankwatch.extract.matching import Hit
from flankwatch.extract.sentence import Sentence

NEGATION_REACH = 4  # tokens: "did not close", "has not yet deployed"


@dataclass(frozen=True, slots=True)
class ModalityCall:
    modality: str  # occurred, planned, threatened, claimed, hypothetical
    negated: bool
    cue: Hit | None


def modality_of(trigger: Hit, sentence: Sentence, cues: Cues) -> ModalityCall:
    clause_start, clause_end = sentence.clause(trigger.start)
    found: dict[str, Hit] = {}
    reported: dict[str, Hit] = {}  # cues that govern only as the opening of a reported part
    negated = False
    for cue in _outermost(sentence.hits.get("cue")):
        kind, direction = cue.payload
        if kind == "neutral":
            continue  # "не только", "не менее": a phrase that only hides the cue inside it
        inside = cue.start < trigger.end and trigger.start < cue.end
        if inside and not (kind != "negated" and _word_form(cue, sentence, cues)):
            continue  # the cue is (part of) the trigger itself
        direct = inside or _in_scope(cue, direction, trigger, clause_start, clause_end, cues)
        if not direct and not _governs_report(cue, kind, trigger, sentence, cues):
            continue
        if kind == "negated":
            reach = trigger.start - cue.end if direction == "before" else cue.start - trigger.end
            negated = negated or 0 <= reach <= NEGATION_REACH  # "did not close"; "порушено не було"
            continue
        (found if direct else reported).setdefault(kind, cue)
    # a cue of the trigger's own clause outranks one that opened an earlier clause: "warned that
    # Belarus would respond, and the same day claimed that helicopters had entered" is claimed
    for candidates in (found, reported):
        for kind in cues.priority:
            if kind in candidates:
                return ModalityCall(kind, negated, candidates[kind])
    return ModalityCall("occurred", negated, None)


def _word_form(cue: Hit, sentence: Sentence, cues: Cues) -> bool:
    """Whether a cue is a word form matched as written (`case_sensitive`): a tense that a lemma
    erases ("викличуть", they will summon), which marks the very trigger it is."""
    text = " ".join(sentence.words(cue.start, cue.end))
    return text in cues.form_keys


def _in_scope(cue: Hit, direction: str, trigger: Hit, clause_start: int, clause_end: int, cues: Cues) -> bool:
    if direction == "before":
        return (
            clause_start <= cue.start
            and cue.end <= trigger.start
            and trigger.start - cue.end <= cues.window_before
        )
    return trigger.end <= cue.start and cue.end <= clause_end and cue.start - trigger.end <= cues.window_after


def _governs_report(cue: Hit, kind: str, trigger: Hit, sentence: Sentence, cues: Cues) -> bool:
    """A threat or claim that opens a reported part governs all of it, across its clauses ("warned
    that Belarus would shoot down drones, and if the flights go on, would strike …")."""
    if kind not in ("threatened", "claimed") or cue.end > trigger.start:
        return False
    if trigger.start - cue.end > 2 * cues.window_before:
        return False
    if not any(c.start == cue.end - 1 for c in sentence.hits.get("complement")):
        return False
    return not any(
        cue.end <= b <= trigger.start and sentence.words(b, b + 1) == [";"] for b in sentence.breaks
    )


def _outermost(cues: list[Hit]) -> list[Hit]:
    """Cues not inside a longer cue: "said it would" (planned) hides its "would" (hypothetical)."""
    return [
        c
        for c in cues
        if not any(
            o is not c and o.start <= c.start and c.end <= o.end and (o.end - o.start) > (c.end - c.start)
            for o in cues
        )
    ]
