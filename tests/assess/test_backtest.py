"""The backtest: a scripted period run through the weekly assessment. A surge escalates, the return
to baseline de-escalates, a steady week is unchanged, and what only the adversary's own media claim
moves no level. Rule versions re-assess the same weeks as they were judged then."""

from __future__ import annotations

from datetime import timedelta

from assess_records import Script

from flankwatch.assess import assess_weeks, backtest, load_catalogue, load_rules
from flankwatch.records import Quantity
from flankwatch.weeks import parse_week

WEEKS = [f"2024-W{n:02d}" for n in range(10, 22)]


def _period() -> Script:
    """Nine calm weeks at about 20 attempts a day, a surge in week 9 (index), then back to calm."""
    script = Script()
    for n, week in enumerate(WEEKS):
        per_day = {9: 400}.get(n, 18 + n % 4)
        script.crossings(week, per_day)
    return script


def test_a_scripted_surge_escalates_its_end_de_escalates_and_steady_weeks_are_unchanged() -> None:
    script = _period()
    grid = backtest(assess_weeks(script.mentions, script.documents, WEEKS), WEEKS)
    cells = [grid.cell("PL-BY", w) for w in WEEKS]
    assert all(c is not None for c in cells)
    levels = [c.level for c in cells]  # type: ignore[union-attr]
    verdicts = [c.verdict for c in cells]  # type: ignore[union-attr]
    assert levels[9] == 2 and set(levels[:9]) == {1} and set(levels[10:]) == {1}
    assert verdicts[9] == "escalated" and verdicts[10] == "de-escalated"
    assert set(verdicts[1:9]) == {"unchanged"} and verdicts[11] == "unchanged"
    surge = cells[9]
    assert surge is not None and "400 a day" in surge.reason
    assert "the median of 19 over the previous 9 weeks" in surge.reason
    assert [(c.week, c.verdict) for c in grid.moves()] == [
        (WEEKS[9], "escalated"),
        (WEEKS[10], "de-escalated"),
    ]
    assert grid.verdict_counts() == {"escalated": 1, "unchanged": 10, "de-escalated": 1}


def test_a_surge_claimed_only_by_the_adversarys_state_media_moves_no_level() -> None:
    script = _period()
    claim_week = WEEKS[6]
    monday, _ = parse_week(claim_week)
    for offset in (0, 2, 4):
        script.daily_attempts(f"belta-{offset}", monday + timedelta(days=offset), 900, "BelTA")
    script.shots("belta-shots", monday + timedelta(days=3), "BelTA", ("POL",))
    grid = backtest(assess_weeks(script.mentions, script.documents, WEEKS), WEEKS)
    cell = grid.cell("PL-BY", claim_week)
    assert cell is not None and (cell.level, cell.verdict) == (1, "unchanged")
    assert "900" not in cell.reason


def test_the_adversarys_officials_alone_move_no_level_under_v2_but_did_under_v1() -> None:
    script = _period()
    monday, _ = parse_week(WEEKS[4])
    script.report(
        "committee",
        monday + timedelta(days=1),
        "AIRSPACE_VIOLATION",
        publisher="State Border Committee of Belarus",
        actors=("POL",),
        targets=("BLR",),
    )
    v2 = backtest(assess_weeks(script.mentions, script.documents, WEEKS, rules=load_rules("v2")), WEEKS)
    v1 = backtest(assess_weeks(script.mentions, script.documents, WEEKS, rules=load_rules("v1")), WEEKS)
    assert v2.cell("PL-BY", WEEKS[4]).level == 1  # type: ignore[union-attr]
    assert v1.cell("PL-BY", WEEKS[4]).level == 3  # type: ignore[union-attr]
    assert {v1.rules_version, v2.rules_version} == {"v1", "v2"}


def test_the_adversarys_own_declared_exercise_counts_under_v2() -> None:
    script = _period()
    monday, _ = parse_week(WEEKS[3])
    script.report(
        "belta-drill", monday, "MILITARY_EXERCISE", publisher="BelTA", theatre="BY", actors=("BLR",)
    )
    found = {
        a.rules_version: a
        for version in ("v1", "v2")
        for a in assess_weeks(script.mentions, script.documents, [WEEKS[3]], rules=load_rules(version))
        if (a.theatre, a.domain) == ("BY", "military")
    }
    assert found["v2"].level == 2 and found["v1"].level == 0


def test_a_lasting_move_holds_its_level_until_its_hold_ends_or_a_withdrawal_releases_it() -> None:
    script = _period()
    monday, _ = parse_week(WEEKS[2])
    moved = "Belarus moved two battalions to the border."
    script.deployment("deploy", monday, moved)
    rules = load_rules("v2")
    held = backtest(assess_weeks(script.mentions, script.documents, WEEKS, rules=rules), WEEKS)
    assert [held.cell("UA-BY", w).level for w in WEEKS[2:6]] == [3, 3, 3, 0]  # type: ignore[union-attr]
    assert held.cell("UA-BY", WEEKS[3]).verdict == "unchanged"  # type: ignore[union-attr]
    assert held.cell("UA-BY", WEEKS[3]).reason.startswith(f"Still standing from {WEEKS[2]}")  # type: ignore[union-attr]
    v1 = backtest(assess_weeks(script.mentions, script.documents, WEEKS, rules=load_rules("v1")), WEEKS)
    assert v1.cell("UA-BY", WEEKS[3]).verdict == "de-escalated"  # type: ignore[union-attr]
    back = "The battalions returned to their permanent bases."
    script.deployment("withdraw", monday + timedelta(days=8), back)
    released = backtest(assess_weeks(script.mentions, script.documents, WEEKS, rules=rules), WEEKS)
    assert [released.cell("UA-BY", w).level for w in WEEKS[2:4]] == [3, 0]  # type: ignore[union-attr]
    assert released.cell("UA-BY", WEEKS[4]) is None  # calm, and no longer carried over


def test_every_verdict_carries_response_options_for_its_level_and_its_reasons() -> None:
    script = _period()
    catalogue = load_catalogue()
    for a in assess_weeks(script.mentions, script.documents, WEEKS):
        assert a.responses == catalogue.for_level(a.domain, a.level)
        assert catalogue.options_for(a.responses)
        why = a.reasons[-1].text  # the verdict's own sentence closes the reasons
        assert why.startswith(("Escalated:", "Unchanged:", "De-escalated:")) or "first week of data" in why


def test_a_spate_of_border_incidents_is_an_indicator_reason() -> None:
    script = _period()
    for n, week in enumerate(WEEKS[:10]):
        if n % 3 == 0:
            script.report(f"stone-{week}", parse_week(week)[0], "BORDER_INCIDENT", place=None)
    monday, _ = parse_week(WEEKS[10])
    for offset in range(5):
        script.report(f"stones-{offset}", monday + timedelta(days=offset), "BORDER_INCIDENT", place=None)
    military = next(
        a for a in assess_weeks(script.mentions, script.documents, [WEEKS[10]]) if a.domain == "military"
    )
    assert military.level == 2
    assert military.reasons[0].text.startswith("Spate of border incidents: 5 border incidents this week")


def test_the_top_rungs_need_confidence_and_an_uncorroborated_aside_holds_nothing() -> None:
    script = _period()
    monday, _ = parse_week(WEEKS[5])
    attack = {"theatre": "PL", "actors": ("RUS",), "place": None}
    script.report("think-tank", monday, "ARMED_ATTACK", publisher="Vistula Policy Forum", **attack)
    rules = load_rules("v2")
    grid = backtest(assess_weeks(script.mentions, script.documents, WEEKS, rules=rules), WEEKS)
    aside = grid.cell("PL", WEEKS[5])
    assert aside is not None and aside.level == 4  # B3: 0.55, below the 0.6 an armed attack needs
    assert "counted at level 4, not 5: confidence 0.55 is too low" in aside.reason
    assert grid.cell("PL", WEEKS[6]).level == 0  # type: ignore[union-attr]  # and it holds nothing
    script.report(
        "guard", monday, "ARMED_ATTACK", publisher="Operational Command of the Polish Armed Forces", **attack
    )
    grid = backtest(assess_weeks(script.mentions, script.documents, WEEKS, rules=rules), WEEKS)
    assert [grid.cell("PL", w).level for w in WEEKS[5:10]] == [5, 5, 5, 5, 5]  # type: ignore[union-attr]
    assert grid.cell("PL", WEEKS[10]).level == 0  # type: ignore[union-attr]  # four weeks held, then over
    v1 = backtest(assess_weeks(script.mentions, script.documents, WEEKS, rules=load_rules("v1")), WEEKS)
    assert v1.cell("PL", WEEKS[5]).level == 5 and v1.cell("PL", WEEKS[6]).level == 0  # type: ignore[union-attr]


def test_a_report_of_zero_incidents_is_an_absence_and_moves_no_level_under_v2() -> None:
    script = _period()
    monday, _ = parse_week(WEEKS[3])
    script.report("quiet", monday, "BORDER_INCIDENT", quantities=(Quantity(value=0, unit="incidents"),))
    levels = {
        version: next(
            a.level
            for a in assess_weeks(script.mentions, script.documents, [WEEKS[3]], rules=load_rules(version))
            if a.domain == "military"
        )
        for version in ("v1", "v2")
    }
    assert levels == {"v1": 2, "v2": 0}
