"""Read and write the corpus (``corpus/``): one place that knows its format.

The format is described in ``corpus/README.md``. In short:

* ``corpus/cases/*.jsonl`` and ``corpus/ftfy/*.jsonl``: one JSON object per
  line, one case each (``label``, ``kind``, ``language``, ``damaged``, ``gold``,
  ``source``, ``note`` and optional ``profile``/``enable``/``disable``/
  ``expect``/``reason``). A line whose object has the key ``"#"`` is a comment
  (generated files start with one naming the script that made them).
* ``corpus/seeds/manifest.json``: whole-document cases; each entry names a
  ``NAME.damaged.txt`` and a ``NAME.gold.txt`` next to it.

Invisible and ambiguous characters (controls, format characters, unusual
spaces, surrogates) are written as ``\\uXXXX`` escapes so that a diff shows
them; everything else is written as itself, so the files read as text.

Used by ``tests/test_corpus.py``, ``benchmarks/compare_ftfy.py`` and the
scripts that build the corpus. Import it with :func:`load_module` from places
that do not have ``scripts/`` on ``sys.path``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

KNOWN_FIELDS = frozenset({
    "label", "kind", "language", "damaged", "gold", "source", "note", "profile",
    "enable", "disable", "expect", "reason", "ftfy_label", "ftfy_expect",
    "ftfy_fixed", "ftfy_fixed_encoding", "ftfy_comment", "surrogates",
})
EXPECT_VALUES = frozenset({"pass", "known-failure"})


@dataclass(frozen=True)
class Case:
    """One corpus case: damaged text, the text it must become, and why."""

    label: str
    kind: str
    language: str
    damaged: str
    gold: str
    source: str
    note: str = ""
    profile: str = "repair"
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    expect: str = "pass"
    reason: str = ""
    origin: str = ""
    """The file the case was read from (relative to the repository root)."""
    extra: dict[str, str] = field(default_factory=dict)
    """Other fields (for ftfy's cases: ``ftfy_fixed``, ``ftfy_expect``...)."""

    @property
    def negative(self) -> bool:
        """A negative case: clean text that must come back unchanged."""
        return self.damaged == self.gold


def _escape_char(ch: str) -> str:
    cp = ord(ch)
    if cp > 0xFFFF:
        cp -= 0x10000
        return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"
    return f"\\u{cp:04x}"


def _needs_escape(ch: str) -> bool:
    if ch == " ":
        return False
    cat = unicodedata.category(ch)
    return cat in {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"} or ch in "\ufffe\uffff"


# Candidates for escaping (anything outside printable ASCII); _needs_escape decides.
_ESCAPE_RE = re.compile("[^\x20-\x7e]")


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_SURROGATE_TEXT_RE = re.compile(r"\\u(d[89a-f][0-9a-f]{2})")


def _hide_surrogates(record: dict[str, object]) -> dict[str, object]:
    # JSON cannot keep a high and a low surrogate apart: json.loads joins
    # "\ud83d\ude00" into one emoji. Text that holds surrogate code points
    # (the damage fix_surrogates repairs) is therefore written with them as
    # the six characters "\ud83d", and the record says so.
    out = dict(record)
    for key in ("damaged", "gold"):
        value = out.get(key)
        if isinstance(value, str) and _SURROGATE_RE.search(value):
            out[key] = _SURROGATE_RE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", value)
            out["surrogates"] = True
    return out


def _restore_surrogates(value: str) -> str:
    return _SURROGATE_TEXT_RE.sub(lambda m: chr(int(m.group(1), 16)), value)


def dumps_case(record: dict[str, object]) -> str:
    """One JSON line for ``record``, with invisible characters escaped.

    >>> dumps_case({"damaged": "a\\u00a0b\\u200bc", "gold": "é"})
    '{"damaged": "a\\\\u00a0b\\\\u200bc", "gold": "é"}'
    """
    text = json.dumps(_hide_surrogates(record), ensure_ascii=False)

    def escape(m: re.Match[str]) -> str:
        ch = m.group(0)
        return _escape_char(ch) if _needs_escape(ch) else ch

    return _ESCAPE_RE.sub(escape, text)


def write_jsonl(path: Path, records: Iterable[dict[str, object]], comment: str) -> int:
    """Write ``records`` to ``path`` as JSON Lines after a ``{"#": comment}`` line.

    Returns the number of records written.
    """
    lines = [dumps_case({"#": comment})]
    lines.extend(dumps_case(r) for r in records)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines) - 1


def _case_from(record: dict[str, object], origin: str) -> Case:
    if record.get("surrogates"):
        record = dict(record)
        for key in ("damaged", "gold"):
            record[key] = _restore_surrogates(str(record[key]))
    unknown = set(record) - KNOWN_FIELDS
    if unknown:
        raise ValueError(f"{origin}: unknown field(s) {sorted(unknown)} in {record.get('label')!r}")
    for key in ("label", "kind", "language", "damaged", "gold", "source"):
        if not isinstance(record.get(key), str):
            raise ValueError(f"{origin}: field {key!r} missing or not a string in {record!r}")
    expect = str(record.get("expect", "pass"))
    if expect not in EXPECT_VALUES:
        raise ValueError(f"{origin}: expect must be one of {sorted(EXPECT_VALUES)}")
    if expect == "known-failure" and not record.get("reason"):
        raise ValueError(f"{origin}: known-failure {record['label']!r} needs a reason")

    def names(key: str) -> tuple[str, ...]:
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{origin}: {key!r} must be a list of step names")
        return tuple(value)

    extra = {k: str(v) for k, v in record.items() if k.startswith("ftfy_")}
    return Case(
        label=str(record["label"]), kind=str(record["kind"]),
        language=str(record["language"]), damaged=str(record["damaged"]),
        gold=str(record["gold"]), source=str(record["source"]),
        note=str(record.get("note", "")), profile=str(record.get("profile", "repair")),
        enable=names("enable"), disable=names("disable"), expect=expect,
        reason=str(record.get("reason", "")), origin=origin, extra=extra,
    )


def _relative(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def read_jsonl(path: Path) -> Iterator[Case]:
    """The cases in one ``.jsonl`` file (comment lines skipped)."""
    origin = _relative(path)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        if not isinstance(record, dict):
            raise ValueError(f"{origin}:{number}: not a JSON object")
        if "#" in record:
            continue
        yield _case_from(record, f"{origin}:{number}")


def read_seeds(folder: Path) -> Iterator[Case]:
    """The whole-document cases listed in ``folder/manifest.json``."""
    manifest = folder / "manifest.json"
    origin = _relative(manifest)
    for entry in json.loads(manifest.read_text(encoding="utf-8"))["documents"]:
        name = entry["name"]
        record = {k: v for k, v in entry.items() if k not in {"name", "damaged_file", "gold_file"}}
        damaged_file = folder / entry.get("damaged_file", f"{name}.damaged.txt")
        gold_file = folder / entry.get("gold_file", f"{name}.gold.txt")
        record["damaged"] = damaged_file.read_text(encoding="utf-8")
        record["gold"] = gold_file.read_text(encoding="utf-8")
        record.setdefault("label", f"seed-{name}")
        yield _case_from(record, origin)


def load_cases(root: Path = CORPUS) -> list[Case]:
    """Every case of the corpus: seeds first, then the ``.jsonl`` files in order.

    Raises ``ValueError`` on a malformed file or a duplicate label.
    """
    cases: list[Case] = []
    if (root / "seeds" / "manifest.json").exists():
        cases.extend(read_seeds(root / "seeds"))
    for path in sorted(root.glob("*/*.jsonl")):
        cases.extend(read_jsonl(path))
    seen: dict[str, str] = {}
    for case in cases:
        if case.label in seen:
            raise ValueError(
                f"duplicate label {case.label!r} in {case.origin} and {seen[case.label]}"
            )
        seen[case.label] = case.origin
    return cases


def summary(cases: list[Case]) -> str:
    """Case counts by kind (rows) and language (columns), as plain text."""
    kinds = sorted({c.kind for c in cases})
    langs = sorted({c.language for c in cases}, key=lambda lang: (-sum(
        c.language == lang for c in cases), lang))
    head = ["kind", *langs, "total"]
    rows = [[k, *(str(sum(c.kind == k and c.language == lang for c in cases) or "")
                  for lang in langs), str(sum(c.kind == k for c in cases))] for k in kinds]
    rows.append(["total", *(str(sum(c.language == lang for c in cases)) for lang in langs),
                 str(len(cases))])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    return "\n".join(
        " ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths,
                 strict=True)))
        for r in [head, *rows]
    )


if __name__ == "__main__":
    everything = load_cases()
    print(summary(everything))
    by_source: dict[str, int] = {}
    for case in everything:
        by_source[case.source] = by_source.get(case.source, 0) + 1
    print()
    for source, count in sorted(by_source.items()):
        print(f"{source}: {count}")
