"""A scripted border for the assessment tests: reports week by week, built by hand."""

from __future__ import annotations

from datetime import date, timedelta

from flankwatch.records import Document, Evidence, Mention, Place, Quantity
from flankwatch.weeks import parse_week


class Script:
    """Documents and mentions written week by week."""

    def __init__(self) -> None:
        self.documents: dict[str, Document] = {}
        self.mentions: list[Mention] = []

    def report(
        self,
        key: str,
        day: date,
        event_type: str = "MIGRATION_PRESSURE",
        *,
        publisher: str = "Polish Border Guard",
        url: str = "",
        published: date | None = None,
        **fields: object,
    ) -> Mention:
        text = f"Report {key}: something happened on {day.isoformat()} and it was counted."
        self.documents.setdefault(
            key,
            Document(
                id=key,
                name=key,
                text=text,
                language="en",
                published=published or day + timedelta(days=1),
                publisher=publisher,
                url=url,
                title=f"Report {key}",
            ),
        )
        start = len(self.mentions) % 5
        values: dict[str, object] = {
            "date_start": day,
            "date_end": day,
            "date_precision": "day",
            "theatre": "PL-BY",
            "actors": ("NS:MIGRANTS",),
            "place": Place("Kuźnica", "PL"),
            "evidence": Evidence(start, start + 30, text[start : start + 30]),
        }
        values.update(fields)
        mention = Mention(doc=key, type=event_type, **values)  # type: ignore[arg-type]
        self.mentions.append(mention)
        return mention

    def crossings(self, week: str, per_day: float, days: tuple[int, ...] = (0, 2, 4)) -> None:
        """The Border Guard's daily figures for some days of a week."""
        monday, _ = parse_week(week)
        for offset in days:
            day = monday + timedelta(days=offset)
            self.daily_attempts(f"sg-{day}", day, per_day)

    def daily_attempts(
        self, key: str, day: date, per_day: float, publisher: str = "Polish Border Guard"
    ) -> Mention:
        """One report of the crossing attempts of one day."""
        attempts = (Quantity(value=per_day, unit="attempts", period="day"),)
        return self.report(key, day, publisher=publisher, quantities=attempts)

    def deployment(self, key: str, day: date, sentence: str, **fields: object) -> Mention:
        """One report of a Belarusian force deployment on the Ukrainian border, in the words of `sentence`."""
        evidence = Evidence(0, len(sentence), sentence)
        return self.report(
            key, day, "FORCE_DEPLOYMENT", theatre="UA-BY", actors=("BLR",), evidence=evidence, **fields
        )

    def shots(
        self, key: str, day: date, publisher: str, actors: tuple[str, ...], **fields: object
    ) -> Mention:
        """One report of shots across the border that injured two."""
        injured = (Quantity(value=2, unit="injured"),)
        return self.report(
            key, day, "BORDER_INCIDENT", publisher=publisher, actors=actors, casualties=injured, **fields
        )


def by_key(assessments: list) -> dict[tuple[str, str, str], object]:
    return {(a.week, a.theatre, a.domain): a for a in assessments}
