"""The digest's words, per language, from report/labels-<lang>.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from flankwatch.errors import DataFileError
from flankwatch.records import Quantity

_REQUIRED = (
    "title",
    "headings",
    "domains",
    "verdict_lines",
    "arrows",
    "levels",
    "phrases",
    "units",
    "money",
    "qualifiers",
    "periods",
    "types",
    "actors",
    "theatres",
    "months",
    "month_names",
    "weekdays",
    "watch_kinds",
    "table",
    "subtitle",
    "generated_note",
)


@dataclass(frozen=True, slots=True)
class Labels:
    """Lookups with sensible fallbacks: an unknown code shows as itself."""

    raw: dict[str, Any]

    def __getitem__(self, section: str) -> Any:
        return self.raw[section]

    def phrase(self, key: str, **values: object) -> str:
        return str(self.raw["phrases"][key]).format(**values)

    def type(self, event_type: str) -> str:
        return str(self.raw["types"].get(event_type, event_type.replace("_", " ").capitalize()))

    def theatre(self, code: str) -> str:
        return str(self.raw["theatres"].get(code, code))

    def actor(self, code: str) -> str:
        return str(self.raw["actors"].get(code, code.removeprefix("NS:").capitalize()))

    def level(self, level: int) -> str:
        return str(self.raw["levels"].get(level, level))

    def unit(self, unit: str) -> str:
        return str(self.raw["units"].get(unit, unit))

    def number(self, value: float) -> str:
        """Thousands separated; money in millions and billions."""
        if abs(value) >= 1e9:
            return f"{value / 1e9:,.2f}".rstrip("0").rstrip(".") + " bn"
        if abs(value) >= 1e6:
            return f"{value / 1e6:,.1f}".rstrip("0").rstrip(".") + " m"
        return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"

    def quantity(self, q: Quantity) -> str:
        """'up to 210 crossing attempts a day', '$4.75 bn', '2.3 % of GDP'."""
        amount = self.number(q.value)
        if q.value_max is not None and q.value_max > q.value:
            amount = f"{amount}–{self.number(q.value_max)}"
        money = self.raw["money"].get(q.unit)
        single = q.value == 1 and q.value_max is None
        unit = self.raw.get("units_one", {}).get(q.unit) if single else None
        text = str(money).format(amount=amount) if money else f"{amount} {unit or self.unit(q.unit)}"
        period = str(self.raw["periods"].get(q.period or "", "")).format(days=q.period_days or "")
        return f"{self.raw['qualifiers'].get(q.qualifier, '')}{text}{period}"

    def day(self, d: date, weekday: bool = False) -> str:
        text = f"{d.day} {self.raw['months'][d.month - 1]}"
        return f"{self.raw['weekdays'][d.weekday()]} {text}" if weekday else text

    def span(self, start: date, end: date, precision: str | None) -> str:
        """'Tue 19 Mar', '20–21 Mar', 'April 2024', '2021 to 21 Mar'."""
        if precision == "year" and start.month == 1 and start.day == 1 and end.year == start.year:
            return str(start.year)
        if precision == "month" and start.day == 1 and (end.month, end.year) == (start.month, start.year):
            return f"{self.raw['month_names'][start.month - 1]} {start.year}"
        if start == end:
            return self.day(start, weekday=True)
        if (start.month, start.year) == (end.month, end.year):
            return f"{start.day}–{self.day(end)}"
        return f"{self.day(start)} – {self.day(end)}"


@lru_cache(maxsize=4)
def load_labels(language: str = "en") -> Labels:
    """The packaged labels of a language; a DataFileError names a missing file or key."""
    where = f"flankwatch/report/labels-{language}.yaml"
    try:
        text = resources.files("flankwatch.report").joinpath(f"labels-{language}.yaml").read_text("utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(where, f"no digest labels for language {language!r}") from exc
    raw = yaml.safe_load(text)
    missing = [k for k in _REQUIRED if not isinstance(raw, dict) or k not in raw]
    if missing:
        raise DataFileError(where, f"lacks the keys {', '.join(missing)}")
    return Labels(raw)
