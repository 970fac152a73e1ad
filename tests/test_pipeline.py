"""The pipeline, configuration, findings and plans."""

from __future__ import annotations

import pytest

import cleantext
from cleantext import Config, Finding, apply_plan, fix_and_explain, fix_text, scan_text
from cleantext.errors import UnknownStepError
from cleantext.pipeline import _EditMap
from cleantext.plan import plan_from_json, plan_to_json
from cleantext.registry import STEP_NAMES, STEPS
from cleantext.step import apply_findings, select_findings


def _f(start: int, end: int, original: str, replacement: str, conf: float = 1.0) -> Finding:
    return Finding("test", start, end, original, replacement, conf, "test_step", "test")


def test_step_names_are_unique_and_verb_object() -> None:
    assert len(set(STEP_NAMES)) == len(STEP_NAMES)
    for step in STEPS:
        assert "_" in step.name, step.name
        assert step.summary


def test_profiles_name_only_known_steps_or_planned_ones() -> None:
    for name in cleantext.PROFILES:
        assert Config(profile=name).step_names()


def test_unknown_profile_and_step_are_refused() -> None:
    with pytest.raises(UnknownStepError):
        Config(profile="nope")
    with pytest.raises(UnknownStepError):
        Config(enable={"fix_everything"})


def test_disable_removes_a_step() -> None:
    assert "remove_bom" in Config().step_names()
    assert "remove_bom" not in Config(disable={"remove_bom"}).step_names()
    assert fix_text("\ufeffx", Config(disable="remove_bom")) == "\ufeffx"


def test_select_findings_drops_overlaps_and_low_confidence() -> None:
    chosen = select_findings(
        [_f(0, 3, "abc", "x"), _f(2, 4, "cd", "y"), _f(5, 6, "f", "z", 0.1), _f(6, 7, "g", "g")],
        0.5,
    )
    assert [(f.start, f.end) for f in chosen] == [(0, 3)]


def test_apply_findings_replaces_spans() -> None:
    assert apply_findings("abcdef", [_f(0, 1, "a", "AA"), _f(3, 5, "de", "")]) == "AAbcf"


def test_edit_map_maps_positions_back() -> None:
    # "abcdef" -> "XXXbcf": a replaced by XXX, de deleted
    m = _EditMap([_f(0, 1, "a", "XXX"), _f(3, 5, "de", "")])
    assert (m.start(0), m.end(3)) == (0, 1)  # the XXX came from a
    assert (m.start(3), m.end(5)) == (1, 3)  # "bc"
    assert m.start(5) == 5 and m.end(6) == 6  # "f"


def test_findings_map_back_to_input_and_plan_replays() -> None:
    assert scan_text("x y") == []
    result = fix_and_explain("\ufeffabc")
    assert result.text == "abc"
    assert result.changed and result.steps == ("remove_bom",)
    assert [(f.start, f.end) for f in result.applied] == [(0, 1)]
    assert apply_plan("\ufeffabc", result.plan) == "abc"
    # On other text the recorded damage is replaced wherever it occurs.
    assert apply_plan("\ufeffzz", result.plan) == "zz"
    assert plan_from_json(plan_to_json(result.plan)) == result.plan


def test_explain_mentions_every_finding() -> None:
    result = fix_and_explain("\ufeffabc")
    assert "remove_bom" in result.explain()
    assert fix_and_explain("abc").explain() == "no damage found"


def test_non_str_input_is_refused_clearly() -> None:
    with pytest.raises(TypeError, match="fix_bytes"):
        fix_text(b"abc")  # type: ignore[arg-type]
