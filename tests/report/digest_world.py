"""A small, hand-written world for the digest tests: six weeks on the Polish–
Belarusian border with a surge in week 5, an exercise, a state-media claim,
a plan and a threat. Texts are the tests' own."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from flankwatch.records import Document, Evidence, Mention, Place, Quantity

START = date(2024, 4, 1)  # Monday of 2024-W14
SURGE_WEEK = "2024-W18"
DISPUTE_DAY = date(2024, 3, 18)  # the Monday of 2024-W12, the week of the small worlds of disputed figures


class World:
    def __init__(self) -> None:
        self.documents: dict[str, Document] = {}
        self.mentions: list[Mention] = []

    def doc(self, key: str, published: date, text: str, publisher: str, url: str = "") -> Document:
        document = Document(
            id=key,
            name=key,
            text=text,
            language="en",
            published=published,
            date_source="metadata",
            title=f"{publisher}: report of {published}",
            publisher=publisher,
            url=url or f"https://example.org/{key}",
        )
        self.documents[key] = document
        return document

    def mention(
        self, doc: Document, sentence: str, event_type: str, day: date | None, **fields: object
    ) -> Mention:
        start = doc.text.index(sentence)
        values: dict[str, object] = {
            "date_start": day,
            "date_end": day,
            "date_precision": "day" if day else None,
            "date_source": "text" if day else "publication",
        }
        values.update(fields)
        mention = Mention(
            doc=doc.id, type=event_type, evidence=Evidence(start, start + len(sentence), sentence), **values
        )  # type: ignore[arg-type]
        self.mentions.append(mention)
        return mention


def border_reports(published: date, reports: Iterable[tuple[str, str, str, tuple[Quantity, ...]]]) -> World:
    """A world of one document per (key, publisher, text, quantities), all published on `published`.

    Each whole text is one migration-pressure mention at the Poland–Belarus border on DISPUTE_DAY.
    """
    w = World()
    for key, publisher, text, quantities in reports:
        doc = w.doc(key, published, text, publisher)
        w.mention(doc, text, "MIGRATION_PRESSURE", DISPUTE_DAY, theatre="PL-BY", quantities=quantities)
    return w


def attempts(value: float, qualifier: str = "exact") -> tuple[Quantity, ...]:
    return (Quantity(value=value, unit="attempts", qualifier=qualifier, period="day", period_days=1),)


def build() -> World:
    w = World()
    kuznica = Place("Kuźnica", "PL", 53.51, 23.64)
    for week in range(6):
        for offset in (1, 3):
            day = START + timedelta(days=7 * week + offset)
            value = 400 if week == 4 else 20 + week
            sentence = (
                f"On {day:%A} the Border Guard recorded {value} attempts to cross the border near Kuźnica."
            )
            doc = w.doc(
                f"sg-{day}",
                day + timedelta(days=1),
                f"Daily report. {sentence} Patrols continue.",
                "Polish Border Guard",
            )
            w.mention(
                doc,
                sentence,
                "MIGRATION_PRESSURE",
                day,
                theatre="PL-BY",
                place=kuznica,
                actors=("NS:MIGRANTS",),
                targets=("POL",),
                quantities=attempts(value, "up_to" if week == 4 else "exact"),
                confidence=0.8,
            )
    surge_day = START + timedelta(days=7 * 4 + 1)
    wire = w.doc(
        "wire-surge",
        surge_day + timedelta(days=1),
        "Warsaw (Wire). Up to 400 migrants a day tried to breach the fence near Kuźnica on Tuesday, "
        "the Border Guard said. Belarus started a snap exercise with about 3,000 troops near Hrodna.",
        "Northern Wire",
    )
    w.mention(
        wire,
        "Warsaw (Wire). Up to 400 migrants a day tried to breach the fence near Kuźnica on Tuesday, "
        "the Border Guard said.",
        "MIGRATION_PRESSURE",
        surge_day,
        theatre="PL-BY",
        place=kuznica,
        actors=("NS:MIGRANTS",),
        targets=("POL",),
        quantities=attempts(400, "up_to"),
        confidence=0.6,
    )
    w.mention(
        wire,
        "Belarus started a snap exercise with about 3,000 troops near Hrodna.",
        "MILITARY_EXERCISE",
        surge_day,
        theatre="BY",
        place=Place("Hrodna", "BY"),
        actors=("BLR",),
        quantities=(Quantity(value=3000, unit="troops", qualifier="about"),),
        confidence=0.6,
    )
    belta = w.doc(
        "belta-claim",
        surge_day + timedelta(days=2),
        "Minsk (BelTA). Polish soldiers fired shots across the border near Bruzgi, the State Border "
        "Committee said.",
        "BelTA",
        "https://www.belta.by/society/view/1",
    )
    w.mention(
        belta,
        "Minsk (BelTA). Polish soldiers fired shots across the border near Bruzgi, the State Border "
        "Committee said.",
        "BORDER_INCIDENT",
        surge_day + timedelta(days=1),
        theatre="PL-BY",
        place=Place("Bruzgi", "BY"),
        actors=("POL",),
        targets=("BLR",),
        casualties=(Quantity(value=1, unit="injured"),),
        confidence=0.4,
    )
    plan = w.doc(
        "mod-plan",
        surge_day + timedelta(days=2),
        "The Ministry of Interior plans to reinforce the barrier with 60 km of electronic sensors in June.",
        "Ministry of Interior",
    )
    w.mention(
        plan,
        plan.text,
        "BORDER_FORTIFICATION",
        date(2024, 6, 1),
        theatre="PL-BY",
        modality="planned",
        actors=("POL",),
        quantities=(Quantity(value=60, unit="km"),),
        date_end=date(2024, 6, 30),
        date_precision="month",
    )
    threat = w.doc(
        "minsk-threat",
        surge_day + timedelta(days=3),
        "Lukashenko warned that Belarus could cut gas transit to Poland if provoked.",
        "Northern Wire",
    )
    w.mention(
        threat,
        threat.text,
        "THREAT_RHETORIC",
        surge_day + timedelta(days=3),
        theatre="PL-BY",
        actors=("BLR",),
        targets=("POL",),
    )
    w.mention(
        threat,
        threat.text,
        "ENERGY_COERCION",
        None,
        theatre="PL-BY",
        modality="threatened",
        actors=("BLR",),
        targets=("POL",),
    )
    return w
