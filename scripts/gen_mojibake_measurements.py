"""Measure the fix_mojibake step: round trips per code page, false positives, speed.

Usage: python scripts/gen_mojibake_measurements.py [--n 100] [--speed] [--prose]

* Round trips: clean English, Russian, Kazakh and mixed text made from the word
  lists of tests/strategies.py (seeded random, 3-12 words), written as UTF-8
  and read with each code page (sloppy: undefined bytes -> Latin-1), 1, 2 and
  3 times; pass = ``fix_text(damaged) == text``.
* False positives: the clean texts themselves, and with ``--prose`` Debian's
  fortunes (benchmarks/prose.py) line by line: lines changed by fix_text, and
  lines with any mojibake finding.
* ``--speed``: MB/s (CPU time) of fix_text vs ftfy.fix_text on ~2 MB of clean
  English, clean Russian and mojibake text.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tests"), str(ROOT)]

from cleantext import Config, fix_text, scan_text  # noqa: E402
from cleantext.mojibake import CODEPAGES  # noqa: E402
from cleantext.registry import STEP_NAMES  # noqa: E402
from strategies import (  # noqa: E402
    ENGLISH_WORDS,
    KAZAKH_WORDS,
    LATIN_ACCENTED_WORDS,
    PUNCTUATION,
    RUSSIAN_WORDS,
    damage,
)

LANGS = {
    "en": ENGLISH_WORDS * 3 + LATIN_ACCENTED_WORDS,
    "ru": RUSSIAN_WORDS,
    "kk": KAZAKH_WORDS,
    "mixed": ENGLISH_WORDS + LATIN_ACCENTED_WORDS + RUSSIAN_WORDS + KAZAKH_WORDS,
}


def make_text(rng: random.Random, words: tuple[str, ...]) -> str:
    n = rng.randint(3, 12)
    return "".join(rng.choice(words) + rng.choice(PUNCTUATION) for _ in range(n)).strip()


CONFIG: Config | None = None


def fix(text: str) -> str:
    return fix_text(text, CONFIG)


def round_trips(n: int) -> None:
    rng = random.Random(1234)
    texts = {lang: [make_text(rng, w) for _ in range(n)] for lang, w in LANGS.items()}
    print(f"round trips, {n} texts per language; pass % for 1/2/3 layers")
    print(f"{'code page':14}" + "".join(f"{lang:>18}" for lang in LANGS))
    fails: list[tuple[str, str, int, str, str]] = []
    for cp in CODEPAGES:
        row = f"{cp:14}"
        for lang in LANGS:
            cells = []
            for layers in (1, 2, 3):
                ok = 0
                for t in texts[lang]:
                    d = damage(t, cp, layers)
                    got = fix(d)
                    if got == t:
                        ok += 1
                    elif len(fails) < 4000:
                        fails.append((cp, lang, layers, t, got))
                cells.append(f"{100 * ok // n:3d}")
            row += f"{'/'.join(cells):>18}"
        print(row, flush=True)
    out = ROOT / "build" / "mojibake_failures.txt"
    out.parent.mkdir(exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for cp, lang, layers, t, got in fails:
            fh.write(f"{cp} {lang} {layers}\n  want {t!r}\n  got  {got!r}\n")
    print(f"failures written to {out}")
    fp = sum(fix(t) != t for ts in texts.values() for t in ts)
    fs = sum(bool(scan_text(t, CONFIG)) for ts in texts.values() for t in ts)
    print(f"clean generated texts: {fp} changed, {fs} with findings, of {4 * n}")


def prose_false_positives() -> None:
    from benchmarks.prose import load_prose, prose_available

    for lang in ("en", "ru"):
        if not prose_available(lang):
            print(f"prose {lang}: not installed")
            continue
        text = load_prose(lang)
        lines = [ln for ln in text.splitlines() if not ln.isascii()]
        changed = [ln for ln in lines if fix(ln) != ln]
        found = [ln for ln in lines if any(f.kind == "mojibake" for f in scan_text(ln, CONFIG))]
        print(f"prose {lang}: {len(lines)} non-ASCII lines, {len(changed)} changed, "
              f"{len(found)} with a mojibake finding")
        for ln in (changed + found)[:10]:
            print("   ", repr(ln[:100]))


def speed() -> None:
    import ftfy
    from benchmarks.prose import load_prose, prose_available

    rng = random.Random(5)
    samples: dict[str, str] = {}
    for lang in ("en", "ru"):
        if prose_available(lang):
            samples[f"clean {lang}"] = load_prose(lang)[: 2_000_000]
        else:
            samples[f"clean {lang}"] = "\n".join(
                make_text(rng, LANGS[lang]) for _ in range(30000))[: 2_000_000]
    en = samples["clean en"]
    mixed = "\n".join(
        make_text(rng, LANGS["en"]) for _ in range(40000)
    )[: 1_000_000]
    samples["mojibake en (cp1252)"] = damage(mixed, "windows-1252", 1)[:2_000_000]
    ru = samples["clean ru"][: 1_000_000]
    samples["mojibake ru (cp1251)"] = damage(ru, "windows-1251", 1)[:2_000_000]
    samples["mojibake en (mac_roman)"] = damage(en[:1_000_000], "mac_roman", 1)
    t0 = time.process_time()
    fix("cafÃ© Ð¿Ñ€Ð¸Ð²ÐµÑ‚ РџСЂРёРІРµС‚")  # build the lazy tables and regexes once
    ftfy.fix_text("cafÃ©")
    print(f"one-time table/regex build: {time.process_time() - t0:.2f} s CPU")
    for name, text in samples.items():
        size = len(text.encode("utf-8")) / 1e6
        row = f"{name:26} {size:5.2f} MB"
        for label, fn in (("cleantext", fix), ("ftfy", ftfy.fix_text)):
            t0 = time.process_time()
            fn(text)
            dt = time.process_time() - t0
            row += f"  {label} {size / dt:7.2f} MB/s"
        print(row, flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--speed", action="store_true")
    ap.add_argument("--prose", action="store_true")
    ap.add_argument("--no-round-trips", action="store_true")
    ap.add_argument("--only", action="store_true",
                    help="run fix_mojibake alone (default: the whole repair profile)")
    args = ap.parse_args()
    global CONFIG
    if args.only:
        CONFIG = Config(disable=set(STEP_NAMES) - {"fix_mojibake"})
    if not args.no_round_trips:
        round_trips(args.n)
    if args.prose:
        prose_false_positives()
    if args.speed:
        speed()


if __name__ == "__main__":
    main()
