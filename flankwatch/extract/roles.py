"""Actors and targets of a mention, by the strategies the trigger lexicon names.

Actor mentions are found by the matchers; who is speaking is read from reporting
verbs ("X said", "according to X"), so that a border guard reporting crossings is
not taken for the one crossing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from flankwatch.extract.actors import ActorTable
from flankwatch.extract.gazetteer import GazetteerPlace
from flankwatch.extract.matching import Hit
from flankwatch.extract.sentence import Sentence

SPEAKER_GAP = 3  # tokens between an actor and its reporting verb ("the Border Guard said", "said on Tuesday")
INVERTED_GAP = 4  # tokens after a trailing reporting verb (", заявил во вторник Президент Беларуси")
PASSIVE_AGENT = ("by",)
_BY_THEATRE = ("theatre_member", "theatre_other", "theatre_opposite")  # the strategies that read ctx.theatre


@dataclass(frozen=True, slots=True)
class ActorMention:
    hit: Hit
    code: str
    speaker: bool
    report: Hit | None = None  # the reporting verb it is the speaker of
    border: bool = False  # part of a border's name ("польско-белорусская граница"): it places, it does not act


SPEECH_ACTS = ("THREAT_RHETORIC", "ACCUSATION")
_NOT_PLACES = ("institution", "person", "media")  # "в МИД России заявили": a speaker, not a location


def located_at(sentence: Sentence, mention: ActorMention) -> bool:
    """Whether an actor is named as a place ("in Lithuania"): a state after a locative, not an
    institution or a person after one ("в Кремле", "в Госпогранкомитете" speak)."""
    return getattr(mention.hit.payload, "kind", "state") not in _NOT_PLACES and sentence.preceded_by(
        mention.hit, "locative", gap=2
    )


def actor_mentions(sentence: Sentence, extra: list[tuple[Hit, str]]) -> list[ActorMention]:
    """Every actor named in the sentence (plus capitals standing for governments), marking speakers:
    of reporting verbs, and of threats and accusations ("Minsk accused Poland of …")."""
    named = [(h, h.payload.code) for h in sentence.hits.get("actor")] + extra
    reports = sentence.hits.get("report") + [
        h for h in sentence.hits.get("trigger") if h.payload.type in SPEECH_ACTS
    ]
    out = []
    for hit, code in sorted(named, key=lambda x: x[0].start):
        border = _names_border(sentence, hit)
        report = None if border else next((r for r in reports if _speaks(sentence, hit, r)), None)
        out.append(ActorMention(hit, code, report is not None, report, border))
    return out


def _names_border(sentence: Sentence, hit: Hit) -> bool:
    """Whether an adjective is half of a hyphenated pair before a border word ("the Polish-Belarusian
    border", "на белорусско-украинской границе")."""
    for border in sentence.hits.get("border"):
        between = sentence.words(hit.end, border.start)
        if not between and sentence.words(hit.start - 1, hit.start) in (["-"], ["–"]):
            return True  # "-украинской границе"
        if 2 <= len(between) <= 3 and between[0] in ("-", "–"):
            return True  # "белорусско-" … "границе"
        if hit.start - border.end == 1 and any(
            loc.start == border.end and loc.end == hit.start for loc in sentence.hits.get("locative")
        ):
            return True  # "granicy z Białorusią": the state names the border, it does not act
    return False


def _speaks(sentence: Sentence, actor: Hit, report: Hit) -> bool:
    """ "The Border Guard said", "according to Minsk", "…, said Lukashenko" — not "said Polish guards crossed"."""
    if 0 <= report.start - actor.end <= SPEAKER_GAP:
        between = sentence.words(actor.end, report.start)
        passive = any(0 <= report.start - p.end <= 1 for p in sentence.hits.get("passive"))
        return not passive and not any(w in (",", ";", "that") for w in between)
    gap = actor.start - report.end
    if 0 <= gap <= INVERTED_GAP:
        if _opens_report(sentence, report.end, actor.start):
            return False
        inverted = sentence.words(report.start - 1, report.start) in ([","], ['"'], ["”"], ["'"], ["—"], ["»"])
        attributive = gap <= 2 and (
            len(sentence.words(report.start, report.end)) > 1 or report.payload == "attribution"
        )  # "according to", "według"; only the first actor after it ("według BiełTA polskie …")
        if attributive and any(report.end <= h.start < actor.start for h in sentence.hits.get("actor")):
            return False
        return inverted or attributive
    return False


def _opens_report(sentence: Sentence, start: int, end: int) -> bool:
    """Whether a comma or a complementizer stands between a reporting verb and a later actor
    (", said that Polish troops …"): the actor is then inside what is reported."""
    if any(w in (",", ";", ":") for w in sentence.words(start, end)):
        return True
    return any(start <= c.start < end for c in sentence.hits.get("complement"))


@dataclass(frozen=True, slots=True)
class RoleContext:
    sentence: Sentence
    trigger: Hit
    mentions: list[ActorMention]
    table: ActorTable
    place: GazetteerPlace | None
    theatre: str | None  # None in the first pass, before the theatre is known
    publisher: str | None = None  # the actor code the document's publisher speaks for
    # what each strategy found: an event's chains ask the same ones several times, before and
    # after its theatre is known (shared by the copies `replace` makes, so keyed by theatre where it matters)
    found: dict[tuple[str, str | None], list[str]] = field(default_factory=dict, compare=False, repr=False)


def resolve(chain: tuple[str, ...], ctx: RoleContext, exclude: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The codes of the first strategy in the chain that yields any (other than those excluded)."""
    for strategy in chain:
        codes = [c for c in _found(strategy, ctx) if c not in exclude]
        if codes:
            return tuple(dict.fromkeys(codes))
    return ()


def _found(name: str, ctx: RoleContext) -> list[str]:
    key = (name, ctx.theatre if name in _BY_THEATRE else None)
    if key not in ctx.found:
        ctx.found[key] = _strategy(name, ctx)
    return ctx.found[key]


def _strategy(name: str, ctx: RoleContext) -> list[str]:
    s, t = ctx.sentence, ctx.trigger
    if name in ("subject", "object"):
        left, right, agents = _sides(ctx)
        if _passive(s, t):  # "the chargé d'affaires was summoned": the one before is acted upon
            return [m.code for m in agents] if name == "subject" else [m.code for m in left + right]
        return [m.code for m in left + agents] if name == "subject" else [m.code for m in right]
    if name == "speaker":
        return [m.code for m in ctx.mentions if m.speaker]
    if name == "sentence":
        return [
            m.code for m in ctx.mentions if not m.speaker and not m.border and not (t.start <= m.hit.start < t.end)
        ]
    if name in ("adversary", "ally"):
        return [m.code for m in ctx.mentions if ctx.table.side(m.code) == name and not m.border]
    if name == "place_country":
        code = ctx.table.alpha3_of.get(ctx.place.country or "") if ctx.place else None
        return [code] if code else []
    if name in ("theatre_member", "theatre_other"):
        return _theatre_side(name, ctx)
    if name == "publisher":
        return [ctx.publisher] if ctx.publisher else []
    if name == "theatre_opposite":
        return _opposite(ctx)
    if name == "located":
        return [m.code for m in ctx.mentions if ctx.table.is_state(m.code) and located_at(s, m)]
    if name == "origin":  # "залетел со стороны Литвы": the state it came from
        return [m.code for m in ctx.mentions if ctx.table.is_state(m.code) and s.preceded_by(m.hit, "origin", gap=2)]
    if name in ("opponent", "own_side"):
        own = ctx.table.side(ctx.publisher) if ctx.publisher else "ally"
        own = own if own in ("ally", "adversary") else "ally"
        wanted = own if name == "own_side" else ("adversary" if own == "ally" else "ally")
        return [
            m.code for m in ctx.mentions if ctx.table.side(m.code) == wanted and ctx.table.is_state(m.code)
        ]
    return [name]  # a literal actor code, validated when the lexicon was loaded


def _opposite(ctx: RoleContext) -> list[str]:
    """The side of the theatre's pair that is not the acting one: a Latvian fence faces Belarus,
    Belarusian units moved to Hrodna face Poland."""
    if not ctx.theatre or "-" not in ctx.theatre:
        return []
    sides = [ctx.table.alpha3_of.get(p) for p in ctx.theatre.split("-")]
    acting = set(resolve(("subject", "speaker", "publisher"), replace(ctx, theatre=None)))
    others = [c for c in sides if c and c not in acting]
    return others[:1] if len(others) < len(sides) else others[1:2]


def _sides(ctx: RoleContext) -> tuple[list[ActorMention], list[ActorMention], list[ActorMention]]:
    """Actors before the trigger in its clause, after it, and after a "by" (the agent of a passive)."""
    s, t = ctx.sentence, ctx.trigger
    clause_start, clause_end = s.clause(t.start)
    others = [m for m in ctx.mentions if not (t.start <= m.hit.start < t.end) and not m.speaker and not m.border]
    agents = [m for m in others if m.hit.start >= t.end and _after_by(s, m.hit)]
    left = [m for m in others if clause_start <= m.hit.start and m.hit.end <= t.start]
    left = left or [m for m in others if m.hit.end <= t.start]
    right = [m for m in others if t.end <= m.hit.start < clause_end and m not in agents]
    return left, right, agents


def _passive(sentence: Sentence, trigger: Hit) -> bool:
    return any(0 <= trigger.start - p.end <= 1 for p in sentence.hits.get("passive")) and sentence.words(
        trigger.start, trigger.start + 1
    )[0].endswith("ed")


def _after_by(sentence: Sentence, hit: Hit) -> bool:
    before = sentence.words(hit.start - 3, hit.start)
    return any(w in PASSIVE_AGENT for w in before)


def _theatre_side(name: str, ctx: RoleContext) -> list[str]:
    if not ctx.theatre or ctx.theatre == "REGION":
        return []
    parts = ctx.theatre.split("-")
    if name == "theatre_other" and len(parts) < 2:
        return []
    code = ctx.table.alpha3_of.get(parts[0] if name == "theatre_member" else parts[1])
    return [code] if code else []
