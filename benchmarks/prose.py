"""Clean prose from packages installed on the system, for measurements.

English and Russian prose come from Debian's fortune packages
(``apt-get install fortunes fortunes-ru``): about 2.5 MB of English and
3.5 MB of Russian quotations, jokes and verse, in UTF-8. Each fortune is one
paragraph; the ``%`` separators are dropped and the ``-- Author`` lines kept
(they are prose too: names, titles, dates).

Used by the measurement scripts (ligature and word-split false positives,
speed); never by the test suite, which must run without these packages.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["FORTUNE_DIRS", "load_prose", "prose_available"]

FORTUNE_DIRS: dict[str, Path] = {
    "en": Path("/usr/share/games/fortunes"),
    "ru": Path("/usr/share/games/fortunes/ru"),
}
"""Where Debian's fortune packages put English and Russian fortunes."""


def _fortune_files(lang: str) -> list[Path]:
    folder = FORTUNE_DIRS[lang]
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and not p.is_symlink() and p.suffix not in {".dat", ".u8"}
    )


def prose_available(lang: str) -> bool:
    """Whether the fortune package for ``lang`` ("en" or "ru") is installed."""
    return bool(_fortune_files(lang))


def load_prose(lang: str, min_bytes: int = 1_000_000) -> str:
    """At least ``min_bytes`` (UTF-8) of clean prose in ``lang`` ("en" or "ru").

    Paragraphs are separated by blank lines. Files are read in name order,
    so the result is reproducible. The text repeats if the package holds less.

    Raises FileNotFoundError with the install command when the package is missing.
    """
    files = _fortune_files(lang)
    if not files:
        pkg = "fortunes" if lang == "en" else "fortunes-ru"
        raise FileNotFoundError(f"no {lang} prose: run `apt-get install {pkg}`")
    paragraphs: list[str] = []
    for path in files:
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            continue  # a fortune file in a legacy encoding is not clean prose
        for fortune in text.split("\n%\n"):
            fortune = fortune.strip("\n%")
            if fortune.strip():
                paragraphs.append(fortune)
    if not paragraphs:
        raise FileNotFoundError(f"no readable {lang} prose in {FORTUNE_DIRS[lang]}")
    out = "\n\n".join(paragraphs) + "\n"
    size = len(out.encode("utf-8"))
    if size < min_bytes:
        out = out * (min_bytes // size + 1)
    return out
