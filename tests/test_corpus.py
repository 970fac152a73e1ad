"""Every corpus case (``corpus/``): the repair must give the gold text.

One test per case, its id the case's label. A negative (gold == damaged) must
also come back without any finding that would be applied: a report-only or
low-confidence finding is allowed, a repair is not. Cases marked
``expect: known-failure`` are strict xfails: when one starts passing the
suite goes red, so that its label gets updated. The corpus format is
described in ``corpus/README.md``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cleantext import Config, fix_text, scan_text
from cleantext.registry import STEP_NAMES

ROOT = Path(__file__).resolve().parent.parent


def _corpus_io() -> ModuleType:
    name = "corpus_io"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "corpus_io.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


corpus_io = _corpus_io()
CASES = corpus_io.load_cases()


def config_for(case: Any) -> Config:
    """The configuration a case runs with.

    Steps named in ``disable`` that are not registered (yet) are skipped:
    disabling a step that does not run changes nothing. A step named in
    ``enable`` must exist: the case depends on it.
    """
    missing = [name for name in case.enable if name not in STEP_NAMES]
    if missing:
        pytest.fail(f"case needs step(s) {missing}, which are not registered")
    return Config(
        profile=case.profile,
        enable=frozenset(case.enable),
        disable=frozenset(n for n in case.disable if n in STEP_NAMES),
    )


def _param(case: Any) -> Any:
    marks = []
    if case.expect == "known-failure":
        marks.append(pytest.mark.xfail(strict=True, reason=case.reason))
    return pytest.param(case, id=case.label, marks=marks)


def test_corpus_is_well_formed() -> None:
    labels = [case.label for case in CASES]
    assert len(labels) == len(set(labels))
    assert len(CASES) >= 150
    for case in CASES:
        assert case.kind and case.language and case.source, case.label


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_corpus_case(case: Any) -> None:
    config = config_for(case)
    damaged: str = case.damaged
    gold: str = case.gold
    assert fix_text(damaged, config) == gold
    if damaged == gold:
        applied = [
            f for f in scan_text(damaged, config)
            if f.changes and f.confidence >= config.min_confidence
        ]
        assert applied == [], "a negative case must have no applied-level finding"
