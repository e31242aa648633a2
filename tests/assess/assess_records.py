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
            self.report(
                f"sg-{day}", day, quantities=(Quantity(value=per_day, unit="attempts", period="day"),)
            )


def by_key(assessments: list) -> dict[tuple[str, str, str], object]:
    return {(a.week, a.theatre, a.domain): a for a in assessments}
