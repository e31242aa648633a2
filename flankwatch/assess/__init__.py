"""Assessment: a weekly level per theatre and domain on the escalation ladder,
a verdict against the weeks before with its reasons, and response options.

Rules, the adversary's state media and the response catalogue are data files
under flankwatch/data/; see `load_rules`, `load_state_media`, `load_catalogue`.
"""

from flankwatch.assess.board import Placed, place_all
from flankwatch.assess.media import StateMedia, load_state_media
from flankwatch.assess.responses import Catalogue, Response, load_catalogue
from flankwatch.assess.rules import SECURITY, LevelRule, Rules, load_rules
from flankwatch.assess.watch import WATCH_KINDS, WatchItem, watch_kind, watch_list
from flankwatch.assess.weekly import DEESCALATED, ESCALATED, UNCHANGED, assess_weeks, verdict_for

__all__ = [
    "DEESCALATED",
    "ESCALATED",
    "SECURITY",
    "UNCHANGED",
    "WATCH_KINDS",
    "Catalogue",
    "LevelRule",
    "Placed",
    "Response",
    "Rules",
    "StateMedia",
    "WatchItem",
    "assess_weeks",
    "load_catalogue",
    "load_rules",
    "load_state_media",
    "place_all",
    "verdict_for",
    "watch_kind",
    "watch_list",
]
