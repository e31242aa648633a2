"""Can two named places be the scene of one happening?

Groups of migrants push at Dubicze Cerkiewne and Czeremcha, five kilometres
apart, in one night: one happening. Stones thrown at Kuźnica and at Terespol,
two hundred kilometres apart, are two. A report that names only the region
(Podlaskie) fits any place inside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from math import asin, cos, radians, sin, sqrt

import yaml

from flankwatch.records import Place

# Within a border sector: one crossing and the villages around it.
NEAR_KM = 30.0
# A region's centre and a place anywhere in it.
REGION_KM = 200.0
_WIDE_KINDS = ("region", "sea")


@dataclass(frozen=True, slots=True)
class _Known:
    kind: str
    region: str | None


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """True when the two places may be where one happening took place (a missing place fits any)."""
    if a is None or b is None:
        return True
    if (a.id and a.id == b.id) or a.name == b.name:
        return True
    kind_a, kind_b = _kind(a), _kind(b)
    if kind_a.kind in _WIDE_KINDS or kind_b.kind in _WIDE_KINDS:
        return _inside(a, kind_a, b, kind_b)
    distance = distance_km(a, b)
    return distance is not None and distance <= NEAR_KM


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance, or None when either place lacks coordinates."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    lat1, lon1, lat2, lon2 = map(radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def _inside(a: Place, kind_a: _Known, b: Place, kind_b: _Known) -> bool:
    """A region (or sea) and a place: the place lies in it, by the gazetteer or by distance."""
    if kind_a.kind in _WIDE_KINDS and kind_b.region == a.name:
        return True
    if kind_b.kind in _WIDE_KINDS and kind_a.region == b.name:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    distance = distance_km(a, b)
    return distance is None or distance <= REGION_KM


def _kind(place: Place) -> _Known:
    return _gazetteer().get(place.id or "", _Known("town", None))


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, _Known]:
    """Place id → kind and region, read from the packaged gazetteer (only these two fields)."""
    folder = resources.files("flankwatch").joinpath("data", "gazetteer")
    out: dict[str, _Known] = {}
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".yaml"):
            continue
        for entry in yaml.safe_load(path.read_text("utf-8")) or []:
            if isinstance(entry, dict) and entry.get("id"):
                out[str(entry["id"])] = _Known(str(entry.get("kind", "town")), entry.get("region"))
    return out
