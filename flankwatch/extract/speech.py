"""The speech-act rule: a threat or accusation is an event that occurred; what an adversary
asserts about another party is claimed, and the saying is an ACCUSATION (annotation.md)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from flankwatch.extract.actors import ActorTable
from flankwatch.extract.candidate import DocumentInfo
from flankwatch.extract.dating import best_date, dates_of
from flankwatch.extract.kit import LanguageKit
from flankwatch.extract.layout import Row
from flankwatch.extract.matching import Hit
from flankwatch.extract.roles import ActorMention
from flankwatch.extract.sentence import Sentence
from flankwatch.records import Mention

SPEECH_ACTS = ("THREAT_RHETORIC", "ACCUSATION")


def threat_dates(mentions: list[Mention], claims: bool = False) -> list[Mention]:
    """What is threatened without a date of its own is dated by the threat that states it (annotation:
    "Lukashenko threatened on Tuesday to cut gas transit" dates both on Tuesday); with `claims` (a
    language whose annotation dates statements, dates.yaml statements_on_publication) what is claimed
    is dated by its accusation too ("Minsk claimed on Wednesday that Ukraine massed troops")."""
    pairs = (
        (("threatened", "THREAT_RHETORIC"), ("claimed", "ACCUSATION"))
        if claims
        else (("threatened", "THREAT_RHETORIC"),)
    )
    if claims:  # a plan with no target date takes the date of the statement that makes it (ontology.md)
        said = next((m for m in mentions if m.type in SPEECH_ACTS and m.date_source == "text"), None)
        if said is not None:
            mentions = [
                replace(
                    m,
                    date_start=said.date_start,
                    date_end=said.date_end,
                    date_precision=said.date_precision,
                    date_source="text",
                )
                if m.modality == "planned" and m.date_source == "publication"
                else m
                for m in mentions
            ]
    for modality, act in pairs:
        said = next((m for m in mentions if m.type == act and m.date_start is not None), None)
        if said is None:
            continue
        mentions = [
            replace(
                m,
                date_start=said.date_start,
                date_end=said.date_end,
                date_precision=said.date_precision,
                date_source=said.date_source,
            )
            if m.modality == modality and m.date_start is None
            else m
            for m in mentions
        ]
    return mentions


def speech_acts(
    kit: LanguageKit,
    out: list[Mention],
    sentence: Sentence,
    mentions: list[ActorMention],
    info: DocumentInfo,
    publisher: str | None,
    last_statement: tuple[date, date, str] | None = None,
    current: bool = True,
) -> list[Mention]:
    """What an adversary asserts about another party is claimed, and the saying is an ACCUSATION.

    The adversary is a speaker of the sentence ("Minsk said …", "…, the State Border
    Committee said") for the events in what it says, or the publisher itself (state media)
    for every event of its text (annotation.md)."""
    table = kit.actors
    speakers = [
        m for m in mentions if m.speaker and m.report is not None and table.side(m.code) == "adversary"
    ]
    voice = publisher if publisher and table.side(publisher) == "adversary" else None
    if not speakers and not voice:
        return out
    # State media quoting the other side ("по версии польской стороны") do not make a claim of it.
    quoted = [m for m in mentions if m.speaker and m.report is not None and table.side(m.code) != "adversary"]
    named = {m.code for m in mentions if not m.border}
    # a state named alone before its border ("Polish border guards") is named; a pair only places
    # ("на белорусско-украинской границе задержаны 15 нарушителей" accuses no one)
    bordering = [m.code for m in mentions if m.border]
    if len(set(bordering)) == 1:
        named |= set(bordering)
    # a table row names no one: its table's text does ("25.03 | 74 | Кузница")
    row = isinstance(sentence, Row)
    result: list[Mention] = []
    accusers: list[str] = []
    accused: list[str] = []
    said_in: list[Hit] = []  # the reporting verbs of the adversary speakers: they date the accusation
    for mention in out:
        rules = kit.lexicon.types.get(mention.type)
        # a sanction, a closure or an expulsion is done in the open: saying it makes no claim
        in_scope = (
            []
            if rules and rules.open_act
            else [m for m in speakers if _in_report_scope(sentence, m, mention)]
        )
        said_by = [m.code for m in in_scope]
        if (
            not said_by
            and voice
            and not (rules and rules.open_act)  # a sanction or a closure is no claim
            and not any(_in_report_scope(sentence, m, mention) for m in quoted)
        ):
            said_by = [voice]
        # whom it accuses: another state the sentence names, not one the border's name implies
        # ("на белорусско-украинской границе задержаны 15 нарушителей" accuses no one)
        against = [
            c
            for c in (*mention.actors, *mention.targets)
            if (c in named or row)
            and c not in said_by
            and (table.is_state(c) or _kind(table, c) == "organisation")
        ]
        if (
            said_by
            and against
            and mention.modality in ("occurred", "claimed")  # "заявило, що … нібито": claimed by its own cue
            and mention.type not in SPEECH_ACTS
            and not {table.side(a) for a in mention.actors} & {"adversary"}
            and not set(said_by) & set(mention.actors)
        ):
            mention = replace(mention, modality="claimed")
            accusers.extend(said_by)
            said_in.extend(m.report for m in in_scope if m.report is not None)
            accused.extend(against)
        result.append(mention)
    if accusers and not row and not any(m.type == "ACCUSATION" for m in result):
        # the trailing attribution dates it ("X зафиксировали …, сообщили сегодня в ГПК")
        reports = said_in[::-1] or sentence.hits.get("report")
        expr = next((d for d in (best_date(sentence, r, speech_act=True) for r in reports) if d), None)
        start, end, precision, source = dates_of(
            expr, "occurred", info.published, statement=kit.dates.words.statements_on_publication and current
        )
        if expr is None and kit.dates.words.statements_carry and last_statement is not None:
            start, end, precision = last_statement
            source = "text"
        result.append(
            Mention(
                doc=info.id,
                type="ACCUSATION",
                evidence=sentence.evidence,
                modality="occurred",
                date_start=start,
                date_end=end,
                date_precision=precision,
                date_source=source,
                actors=tuple(dict.fromkeys(accusers)),
                targets=tuple(dict.fromkeys(accused)),
                theatre=result[0].theatre,
                confidence=0.55,
                language=info.language,
            )
        )
    return result


def _kind(table: ActorTable, code: str) -> str:
    entry = table.entries.get(code)
    return entry.kind if entry else "other"


def _in_report_scope(sentence: Sentence, speaker: ActorMention, mention: Mention) -> bool:
    """Whether the mention's sentence part is what the speaker says: after its reporting verb up
    to the next clause break, or before it when the attribution trails (", Minsk said.")."""
    report = speaker.report
    assert report is not None
    first = (
        sentence.token_at(mention.evidence.start - sentence.char_start)
        if mention.evidence.start > sentence.char_start
        else sentence.hits.start
    )
    trigger_tokens = [h.start for h in sentence.hits.get("trigger") if h.payload.type == mention.type] or [
        first
    ]
    token = trigger_tokens[0]
    if token >= report.end:
        return not any(
            report.end <= b <= token and sentence.words(b, b + 1) == [";"] for b in sentence.breaks
        )
    trailing = sentence.hits.end - report.end <= 8
    return trailing and min(speaker.hit.start, report.start) > token
