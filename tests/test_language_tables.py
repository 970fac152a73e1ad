"""The language tables shipped in ``src/cleantext/data/`` are what
``scripts/gen_language_tables.py`` makes with the installed wordfreq (run it
again when this fails), and the letter-pair models read from them are the
models counted from the word lists."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from cleantext.evidence import cyrillic

ROOT = Path(__file__).resolve().parent.parent


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "gen_language_tables", ROOT / "scripts" / "gen_language_tables.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["accented_latin_words.txt", "cyrillic_letter_pairs.tsv"])
def test_shipped_table_is_what_the_script_makes(name: str) -> None:
    made = _generator().TABLES[name]()
    shipped = (ROOT / "src" / "cleantext" / "data" / name).read_text("utf-8")
    assert shipped == made, f"run scripts/gen_language_tables.py again ({name})"


@pytest.mark.parametrize("lang", cyrillic.SHIPPED_PAIRS)
def test_shipped_pair_counts_are_the_counted_ones(lang: str) -> None:
    # the same floats, not only the same text: the models' sums are exact
    assert cyrillic._shipped_pairs()[lang] == cyrillic.compute_pair_counts(lang)


def test_pair_counts_read_back_as_written() -> None:
    counts = {"ru": cyrillic.compute_pair_counts("kk")}
    assert cyrillic.parse_pair_counts(cyrillic.format_pair_counts(counts)) == counts
