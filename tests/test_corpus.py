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


def _script(name: str) -> ModuleType:
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


corpus_io = _script("corpus_io")
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


def test_generated_files_are_up_to_date() -> None:
    """The generated corpus files are what their scripts make (no hand edits).

    ftfy's cases are checked only with the ftfy release they were made with:
    their gold is ftfy 6.3.1's own result minus its normalisations.
    """
    import ftfy

    build_corpus = _script("build_corpus")
    generated = [
        (corpus_io.CORPUS / "cases" / f"{name}.jsonl", records)
        for name, records in build_corpus.build().items()
    ]
    if ftfy.__version__ == "6.3.1":
        generated += [
            (corpus_io.CORPUS / "ftfy" / f"{name}.jsonl", records)
            for name, records in _script("import_ftfy_cases").convert().items()
        ]
    for path, records in generated:
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        assert lines == [corpus_io.dumps_case(r) for r in records], (
            f"{path.name} differs from what its script makes: run the script again"
        )


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"label": "x", "kind": "k", "language": "en", "damaged": "a", "gold": "a",
          "source": "s", "colour": "red"}, "unknown field"),
        ({"label": "x", "kind": "k", "language": "en", "damaged": "a", "gold": "a"},
         "source"),
        ({"label": "x", "kind": "k", "language": "en", "damaged": "a", "gold": "a",
          "source": "s", "expect": "known-failure"}, "needs a reason"),
        ({"label": "x", "kind": "k", "language": "en", "damaged": "a", "gold": "a",
          "source": "s", "expect": "maybe"}, "expect must be"),
        ({"label": "x", "kind": "k", "language": "en", "damaged": "a", "gold": "a",
          "source": "s", "disable": "fix_mojibake"}, "list of step names"),
    ],
)
def test_malformed_case_is_refused(record: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        corpus_io._case_from(record, "test")


def test_duplicate_labels_are_refused(tmp_path: Path) -> None:
    line = corpus_io.dumps_case({"label": "same", "kind": "k", "language": "en",
                                 "damaged": "a", "gold": "a", "source": "s"})
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "a.jsonl").write_text(line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate label"):
        corpus_io.load_cases(tmp_path)


def test_surrogates_survive_a_round_trip() -> None:
    import json

    record = {"label": "s", "kind": "surrogates", "language": "en", "source": "s",
              "damaged": "a \ud83d\ude00 b\u00a0c", "gold": "a 😀 b\u00a0c"}
    line = corpus_io.dumps_case(record)
    assert r"\u00a0" in line  # invisible characters are escaped
    case = corpus_io._case_from(json.loads(line), "test")
    assert (case.damaged, case.gold) == (record["damaged"], record["gold"])


def test_seed_gold_is_what_the_script_makes() -> None:
    make_seed_gold = _script("make_seed_gold")
    seeds = corpus_io.CORPUS / "seeds"
    damaged = (seeds / "003_unesco_interview.damaged.txt").read_text(encoding="utf-8")
    gold = (seeds / "003_unesco_interview.gold.txt").read_text(encoding="utf-8")
    assert gold == make_seed_gold.repair_mac_roman_lines(damaged)
    assert "‚Äô" in damaged and "‚Äô" not in gold and "diult" in gold
