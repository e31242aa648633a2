"""Documents and mentions for the indicator tests, written by hand."""

from __future__ import annotations

from datetime import date, timedelta

from flankwatch.records import Document, Evidence, Mention, Quantity


class Reports:
    """Reports of counts, each in its own document unless a key is reused."""

    def __init__(self) -> None:
        self.documents: dict[str, Document] = {}
        self.mentions: list[Mention] = []

    def count(
        self,
        key: str,
        day: date,
        value: float,
        *,
        unit: str = "attempts",
        period: str | None = "day",
        publisher: str = "Polish Border Guard",
        published: date | None = None,
        theatre: str = "PL-BY",
        end: date | None = None,
        precision: str = "day",
        qualifier: str = "exact",
        event_type: str = "MIGRATION_PRESSURE",
        text: str = "",
    ) -> Mention:
        body = text or f"Report {key} of {publisher}: {value} {unit} counted around {day.isoformat()}."
        self.documents.setdefault(
            key,
            Document(
                id=key,
                name=key,
                text=body,
                language="en",
                published=published or (end or day) + timedelta(days=1),
                publisher=publisher,
            ),
        )
        start = 7 * len([m for m in self.mentions if m.doc == key])
        mention = Mention(
            doc=key,
            type=event_type,
            evidence=Evidence(start, start + 5, body[start : start + 5]),
            date_start=day,
            date_end=end or day,
            date_precision=precision,
            theatre=theatre,
            quantities=(Quantity(value=value, unit=unit, period=period, qualifier=qualifier),),
        )
        self.mentions.append(mention)
        return mention

    def total(self, key: str, since: date, as_of: date, value: float, **fields: object) -> Mention:
        """A running total 'since <since>' as of a day."""
        return self.count(key, since, value, period="total", end=as_of, precision="day", **fields)  # type: ignore[arg-type]
