"""Assessment: a weekly level per theatre and domain on the escalation ladder,
a verdict against the weeks before with its reasons, and response options.

The rules (data/assess/rules-<version>.yaml, `load_rules`) and the response
catalogue (data/responses.yaml, `load_catalogue`) are data files; which
publishers count as the adversary's own comes from data/publishers.yaml
through `flankwatch.fuse.Sources`. `backtest` runs the assessment over a
period and summarises levels and verdicts per theatre.
"""

from flankwatch.assess.backtest import Backtest, BacktestCell, backtest
from flankwatch.assess.board import Placed, PlacedEvent, may_move, place_all, place_events
from flankwatch.assess.responses import Catalogue, Response, load_catalogue
from flankwatch.assess.rulefile import current_version, load_rules, versions
from flankwatch.assess.rules import SECURITY, IndicatorRule, LevelRule, Rules, SourceRule
from flankwatch.assess.watch import WATCH_KINDS, WatchItem, watch_kind, watch_list
from flankwatch.assess.weekly import DEESCALATED, ESCALATED, UNCHANGED, assess_weeks, verdict_for

__all__ = [
    "DEESCALATED",
    "ESCALATED",
    "SECURITY",
    "UNCHANGED",
    "WATCH_KINDS",
    "Backtest",
    "BacktestCell",
    "Catalogue",
    "IndicatorRule",
    "LevelRule",
    "Placed",
    "PlacedEvent",
    "Response",
    "Rules",
    "SourceRule",
    "WatchItem",
    "assess_weeks",
    "backtest",
    "current_version",
    "load_catalogue",
    "load_rules",
    "may_move",
    "place_all",
    "place_events",
    "verdict_for",
    "versions",
    "watch_kind",
    "watch_list",
]
