"""The weekly verdicts: a surge escalates, a return to baseline de-escalates, a steady week is unchanged,
and the adversary's state media alone move nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from assess_records import Script, by_key

from flankwatch.assess import assess_weeks, current_version, load_rules, verdict_for, watch_list
from flankwatch.errors import UsageError
from flankwatch.records import Quantity
from flankwatch.weeks import parse_week

WEEKS = [f"2024-W{n:02d}" for n in range(10, 18)]


def _surge_script() -> Script:
    script = Script()
    for week in WEEKS[:5]:  # five calm weeks: 20 attempts a day
        script.crossings(week, 20)
    script.crossings(WEEKS[5], 400)  # the surge
    script.crossings(WEEKS[6], 22)  # back to baseline
    script.crossings(WEEKS[7], 19)  # and it stays there
    return script


def test_surge_escalates_return_de_escalates_steady_week_is_unchanged() -> None:
    script = _surge_script()
    found = by_key(assess_weeks(script.mentions, script.documents, WEEKS[4:]))
    calm, surge, back, steady = (found[(w, "PL-BY", "migration")] for w in WEEKS[4:8])
    assert (calm.level, calm.verdict) == (1, "unchanged")
    assert (surge.level, surge.previous_level, surge.verdict) == (2, 1, "escalated")
    assert (back.level, back.previous_level, back.verdict) == (1, 2, "de-escalated")
    assert (steady.level, steady.previous_level, steady.verdict) == (1, 1, "unchanged")
    assert found[(WEEKS[5], "PL-BY", "security")].verdict == "escalated"


def test_the_surge_verdict_cites_the_peak_figure_and_its_document() -> None:
    script = _surge_script()
    surge = by_key(assess_weeks(script.mentions, script.documents, [WEEKS[5]]))[
        (WEEKS[5], "PL-BY", "migration")
    ]
    first = surge.reasons[0]
    assert "400" in first.text and "20" in first.text
    peak_doc = next(m.doc for m in script.mentions if m.id == first.mention_id)
    assert first.doc == peak_doc and peak_doc.startswith("sg-")
    assert "border-guard-reinforcement" in surge.responses


def test_a_modest_rise_is_not_a_surge() -> None:
    script = Script()
    for week in WEEKS[:4]:
        script.crossings(week, 20)
    script.crossings(WEEKS[4], 35)  # below twice the median
    result = by_key(assess_weeks(script.mentions, script.documents, [WEEKS[4]]))
    assert result[(WEEKS[4], "PL-BY", "migration")].verdict == "unchanged"


def test_a_claim_only_state_media_make_moves_no_level() -> None:
    script = Script()
    for week in WEEKS[:3]:
        script.crossings(week, 20)
    thursday = parse_week(WEEKS[2])[0] + timedelta(days=3)
    script.shots("belta-shots", thursday, "BelTA", ("POL",), url="https://www.belta.by/society/view/123")
    script.daily_attempts("belta-numbers", thursday, 900, "BelTA")
    found = by_key(assess_weeks(script.mentions, script.documents, [WEEKS[2]]))
    assert found[(WEEKS[2], "PL-BY", "security")].level == 1
    assert found[(WEEKS[2], "PL-BY", "migration")].verdict == "unchanged"
    claims = [i for i in watch_list(script.mentions, script.documents, WEEKS[2]) if i.kind == "claimed"]
    assert {i.mention.doc for i in claims} == {"belta-shots", "belta-numbers"}
    assert all(i.adversary for i in claims)


def test_the_same_incident_from_an_independent_source_does_move_the_level() -> None:
    script = Script()
    thursday = parse_week(WEEKS[2])[0] + timedelta(days=3)
    script.shots("belta-shots", thursday, "BelTA", ("POL",))
    script.shots("wire-shots", thursday, "Northern Wire", ("BLR",))
    found = by_key(assess_weeks(script.mentions, script.documents, [WEEKS[2]]))
    security = found[(WEEKS[2], "PL-BY", "security")]
    assert security.level == 4
    assert security.reasons[0].doc == "wire-shots"


def test_state_media_carrying_the_adversarys_own_threat_is_a_speech_act_that_counts() -> None:
    script = Script()
    script.report(
        "belta-threat",
        parse_week(WEEKS[2])[0],
        "THREAT_RHETORIC",
        publisher="БелТА",
        theatre="BY",
        actors=("BLR",),
    )
    found = by_key(assess_weeks(script.mentions, script.documents, [WEEKS[2]]))
    assert found[(WEEKS[2], "BY", "political")].level == 1


def test_plans_and_threats_go_to_watch_and_move_nothing() -> None:
    script = Script()
    monday, _ = parse_week(WEEKS[3])
    script.report("mod", monday, "FORCE_DEPLOYMENT", modality="planned", actors=("BLR",), theatre="UA-BY")
    script.report("minsk", monday, "ENERGY_COERCION", modality="threatened", actors=("BLR",), theatre="LT-BY")
    found = by_key(assess_weeks(script.mentions, script.documents, [WEEKS[3]]))
    assert found[(WEEKS[3], "UA-BY", "security")].level == 0
    assert found[(WEEKS[3], "LT-BY", "political")].level == 0  # economic levers are judged as political
    kinds = [i.kind for i in watch_list(script.mentions, script.documents, WEEKS[3])]
    assert kinds == ["planned", "threatened"]


def test_adversary_exercise_signals_and_allied_exercise_does_not() -> None:
    script = Script()
    monday, _ = parse_week(WEEKS[1])
    script.report("minsk", monday, "MILITARY_EXERCISE", actors=("BLR", "RUS"), theatre="BY")
    script.report("nato", monday, "MILITARY_EXERCISE", actors=("POL", "NATO"), theatre="PL")
    found = by_key(assess_weeks(script.mentions, script.documents, [WEEKS[1]]))
    assert found[(WEEKS[1], "BY", "military")].level == 2
    assert found[(WEEKS[1], "PL", "military")].level == 0


def test_forces_returning_to_base_are_not_a_posture_shift() -> None:
    script = Script()
    monday, _ = parse_week(WEEKS[1])
    back = "Part of the units deployed to Gomel region began returning to their permanent bases."
    ruback = "Часть подразделений возвращается в пункты постоянной дислокации."
    script.deployment("minsk", monday, back)
    script.deployment("minsk-ru", monday, ruback, language="ru")
    military = (WEEKS[1], "UA-BY", "military")
    assert by_key(assess_weeks(script.mentions, script.documents, [WEEKS[1]]))[military].level == 0
    script.deployment("wire", monday, "Belarus moved special operations units to the border with Ukraine.")
    assert by_key(assess_weeks(script.mentions, script.documents, [WEEKS[1]]))[military].level == 3


def test_stones_that_slightly_injure_a_guard_are_not_a_military_incident_but_a_death_is() -> None:
    script = Script()
    monday, _ = parse_week(WEEKS[1])
    script.report("stones", monday, "BORDER_INCIDENT", casualties=(Quantity(value=1, unit="injured"),))
    found = by_key(assess_weeks(script.mentions, script.documents, [WEEKS[1]]))
    assert found[(WEEKS[1], "PL-BY", "military")].level == 2
    script.report("died", monday, "BORDER_INCIDENT", casualties=(Quantity(value=1, unit="killed"),))
    found = by_key(assess_weeks(script.mentions, script.documents, [WEEKS[1]]))
    assert found[(WEEKS[1], "PL-BY", "military")].level == 4


def test_a_theatre_that_calms_down_is_still_assessed_and_de_escalates() -> None:
    script = Script()
    script.crossings(WEEKS[0], 20)
    script.report("strike", parse_week(WEEKS[1])[0], "AIRSPACE_VIOLATION", theatre="PL-UA", actors=("RUS",))
    script.crossings(WEEKS[2], 20)
    found = by_key(assess_weeks(script.mentions, script.documents, WEEKS[1:3]))
    assert found[(WEEKS[1], "PL-UA", "security")].level == 3
    quiet = found[(WEEKS[2], "PL-UA", "security")]
    assert (quiet.level, quiet.previous_level, quiet.verdict) == (0, 3, "de-escalated")
    assert (WEEKS[2], "PL-UA", "political") not in found


def test_first_week_of_data_is_unchanged_not_escalated() -> None:
    script = Script()
    script.crossings(WEEKS[0], 20)
    (security, migration) = sorted(
        assess_weeks(script.mentions, script.documents, [WEEKS[0]]), key=lambda a: a.domain
    )
    assert migration.verdict == security.verdict == "unchanged"
    assert "first week" in security.reasons[-1].text


def test_undated_mention_is_placed_by_publication_date() -> None:
    script = Script()
    monday, _ = parse_week(WEEKS[4])
    script.report(
        "undated",
        monday,
        "BORDER_INCIDENT",
        date_start=None,
        date_end=None,
        date_precision=None,
        date_source="publication",
        published=monday + timedelta(days=7),
        actors=("BLR",),
    )
    found = by_key(assess_weeks(script.mentions, script.documents, WEEKS[4:6]))
    assert (WEEKS[5], "PL-BY", "security") in found and (WEEKS[4], "PL-BY", "security") not in found


def test_every_assessment_is_complete_and_reproducible() -> None:
    script = _surge_script()
    first = assess_weeks(script.mentions, script.documents, WEEKS)
    again = assess_weeks(list(reversed(script.mentions)), script.documents, WEEKS)
    assert first == again
    for a in first:
        assert a.rules_version == current_version() and a.reasons and a.responses
        assert a.verdict in {"escalated", "unchanged", "de-escalated"}
        assert 0 <= a.level <= 5


def test_a_malformed_week_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="2024-12"):
        assess_weeks([], {}, ["2024-12"])


def test_a_dip_from_thin_reporting_does_not_make_the_next_normal_week_an_escalation() -> None:
    rules = load_rules()
    assert verdict_for(2, [0, 2], rules)[0] == "unchanged"  # back to where it was two weeks ago
    assert verdict_for(3, [0, 2], rules)[0] == "escalated"
    assert verdict_for(1, [2, 2], rules)[0] == "de-escalated"
    assert verdict_for(1, [1, 2], rules)[0] == "unchanged"  # de-escalation is said once, not twice
