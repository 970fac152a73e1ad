"""Make the seed documents' files in ``corpus/seeds/`` from ``/work/shared/seeds``.

* ``003_unesco_interview``: the UNESCO Courier interview (a PDF extraction).
  Its gold for the mojibake stage is made mechanically: every line that is
  Mac Roman mojibake of UTF-8 (``line.encode("mac_roman").decode("utf-8")``
  succeeds) is replaced by its repair; every other line stays byte-identical.
  The dropped ligatures (``diult``), the symbol-font markers (``Ý``/``Ü``, the
  repaired form of ``√ù``/``√ú``) and the hard line breaks stay: they are the
  PDF issue's damage, and the case disables those steps.
* ``000_aika_news``: English news item then the same in Russian; both halves
  also as separate documents (split at the first line holding Cyrillic). The
  English half has run-together words (another issue): for the default
  profile its gold is the input. The Russian half is a clean negative.
* ``004_madina_news``: a clean English news item, a negative.

Run from the repository root (the damaged files are copies of the shared
seeds, unchanged)::

    python scripts/make_seed_gold.py [SEED_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_io import CORPUS  # noqa: E402

SEEDS = CORPUS / "seeds"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"  # beside the repo

# The run-together words of seed 000's English half are issue 4's damage: its
# gold for this stage is the input, so that step is switched off here.
WORD_STEPS = ["split_joined_words"]
PDF_STEPS = ["restore_dropped_ligatures", "join_hyphenated_words", "mark_symbol_markers"]


def repair_mac_roman_lines(text: str) -> str:
    """Undo UTF-8-read-as-Mac-Roman on every line where that round trip is valid.

    >>> repair_mac_roman_lines("it‚Äôs\\nclean caf\\u00e9")
    'it’s\\nclean café'
    """
    out = []
    for line in text.split("\n"):
        try:
            out.append(line.encode("mac_roman").decode("utf-8"))
        except UnicodeError:
            out.append(line)
    return "\n".join(out)


def _first_cyrillic_line(text: str) -> int:
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if any("\u0400" <= c <= "\u04ff" for c in line):
            return n
    raise ValueError("no Cyrillic line")


def main() -> None:
    """Write the seed files and ``corpus/seeds/manifest.json``."""
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else SHARED
    SEEDS.mkdir(parents=True, exist_ok=True)

    def write(name: str, damaged: str, gold: str) -> None:
        (SEEDS / f"{name}.damaged.txt").write_text(damaged, encoding="utf-8")
        (SEEDS / f"{name}.gold.txt").write_text(gold, encoding="utf-8")

    unesco = (shared / "003_4eda92d6010d5cbd.txt").read_text(encoding="utf-8")
    write("003_unesco_interview", unesco, repair_mac_roman_lines(unesco))

    aika = (shared / "000_9d304b95c593325b.txt").read_text(encoding="utf-8")
    write("000_aika_news", aika, aika)
    cut = _first_cyrillic_line(aika)
    lines = aika.split("\n")
    english = "\n".join(lines[:cut]) + "\n"
    russian = "\n".join(lines[cut:])
    assert english + russian == aika
    write("000_aika_news_en", english, english)
    write("000_aika_news_ru", russian, russian)

    madina = (shared / "004_cc10fa06e849894e.txt").read_text(encoding="utf-8")
    write("004_madina_news", madina, madina)

    manifest = {
        "#": "written by scripts/make_seed_gold.py; the gold files are checked by eye"
             " (see corpus/README.md)",
        "documents": [
            {
                "name": "003_unesco_interview", "kind": "mojibake", "language": "en",
                "source": "seed 003",
                "note": "UNESCO Courier interview extracted from a PDF: UTF-8 read as Mac Roman"
                        " (‚Äô ¬† ‚Äì ‚Äú ‚Äù ¬© √ù √ú). Gold for the mojibake stage: the"
                        " dropped ligatures (diult), symbol-font markers (Ý, Ü) and line"
                        " breaks stay, so the PDF steps are disabled.",
                "disable": PDF_STEPS,
            },
            {
                "name": "003_unesco_interview_repair", "kind": "pdf-extraction",
                "language": "en", "source": "seed 003",
                "damaged_file": "../pdf/003_unesco_interview.damaged.txt",
                "gold_file": "../pdf/003_unesco_interview.repaired.txt",
                "note": "The same interview under the full default profile: mojibake and"
                        " dropped ligatures repaired. Gold made and hand-checked by the PDF"
                        " issue (corpus/pdf/README.md).",
            },
            {
                "name": "003_unesco_interview_reflow", "kind": "pdf-extraction",
                "language": "en", "source": "seed 003", "profile": "reflow",
                "damaged_file": "../pdf/003_unesco_interview.damaged.txt",
                "gold_file": "../pdf/003_unesco_interview.reflowed.txt",
                "note": "The interview under the reflow profile: as above, and hard-wrapped"
                        " lines joined into paragraphs (corpus/pdf/README.md).",
            },
            {
                "name": "000_aika_news", "kind": "negative", "language": "mul",
                "source": "seed 000",
                "note": "English then Russian news item. Default-profile gold = input: the"
                        " English half's run-together words (firstinternational) are another"
                        " issue's damage (split_joined_words is disabled here), the Russian"
                        " half is clean.",
                "disable": WORD_STEPS,
            },
            {
                "name": "000_aika_news_en", "kind": "negative", "language": "en",
                "source": "seed 000",
                "note": "English half of seed 000: names that are in no dictionary"
                        " (Dvortsevoi, Eslyamova) must stay; run-together words are left"
                        " for now (gold = input, split_joined_words disabled).",
                "disable": WORD_STEPS,
            },
            {
                "name": "000_aika_news_ru", "kind": "negative", "language": "ru",
                "source": "seed 000",
                "note": "Russian half of seed 000: clean Cyrillic with mixed quote styles"
                        " («…\") and a double space.",
            },
            {
                "name": "004_madina_news", "kind": "negative", "language": "en",
                "source": "seed 004",
                "note": "Clean English news item with a scraped metadata prefix"
                        " (' date 2024-05-22 ASTANA –').",
            },
        ],
    }
    (SEEDS / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(manifest['documents'])} seed documents to {SEEDS}")


if __name__ == "__main__":
    main()
