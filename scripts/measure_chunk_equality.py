"""How far a streamed (chunked) repair is from the whole-text repair.

    python scripts/measure_chunk_equality.py               # 2.5 MB, default chunks
    python scripts/measure_chunk_equality.py --chunk 1000  # small chunks, more cuts

Builds a document of English and Russian prose (Debian's fortunes, see
:mod:`benchmarks.prose`) in runs of 20 paragraphs, half of the runs damaged
(region damage, as in a PDF whose body lost its ligatures and whose sidebars
did not): dropped ``fi``/``fl``/``ff``/``ffi``/``ffl`` (English), two words
run together in one sentence of three and a sentence run into the next in
one of four (both), a Latin look-alike in one Russian word of ten. Then
repairs it whole (``fix_text``) and streamed (``iter_fix`` with ``--chunk``
characters a chunk, the size ``fix_file`` and the command line use by
default), with the default profile and with each of the two steps that
were the last to become exact alone, and prints
how many words the two results disagree on, against how many the whole
repair changed (0 for both since they became exact: their document-level
reads come from additive evidence; the test suite checks every step on
generated documents, this script on 4.6 MB of real prose).
"""

from __future__ import annotations

import argparse
import difflib
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.prose import load_prose  # noqa: E402

from cleantext import PROFILES, Config, fix_text  # noqa: E402
from cleantext.stream import DEFAULT_CHUNK_SIZE, iter_fix  # noqa: E402

STEPS = ("restore_dropped_ligatures", "split_joined_words")
_LIGATURES = re.compile("ffi|ffl|fi|fl|ff")
_LOOKALIKE = str.maketrans("аеорсух", "aeopcyx")


def damage_paragraph(p: str, rng: random.Random) -> str:
    """One paragraph as a damaged document region holds it."""
    cyrillic = bool(re.search("[а-яА-Я]", p))
    if not cyrillic:
        p = re.sub(r"[A-Za-z]+", lambda m: _LIGATURES.sub("", m.group()) or m.group(), p)
    sentences = re.split(r"(?<=[.!?]) ", p)
    for i, s in enumerate(sentences):
        words = s.split(" ")
        if len(words) > 3 and rng.random() < 1 / 3:
            k = rng.randrange(len(words) - 1)
            if words[k].isalpha() and words[k + 1].isalpha():
                words[k:k + 2] = [words[k] + words[k + 1]]
        if cyrillic:
            words = [w.translate(_LOOKALIKE) if rng.random() < 0.1 else w for w in words]
        sentences[i] = " ".join(words)
    # a sentence run into the next one, its full stop and space lost
    # (``outcastsThe``): the anchor that lets word joins be split at all
    out = sentences[:1]
    for s in sentences[1:]:
        if rng.random() < 1 / 4 and re.search(r"[a-zа-я]\.$", out[-1]) and s[:1].isupper():
            out[-1] = out[-1][:-1] + s
        else:
            out.append(s)
    return " ".join(out)


def document(mb: float, seed: int) -> str:
    """English and Russian prose in runs of 20 paragraphs, half of the runs damaged."""
    rng = random.Random(seed)
    paras = [p for lang in ("en", "ru") for p in load_prose(lang, int(mb * 5e5)).split("\n\n")]
    out: list[str] = []
    for i in range(0, len(paras), 20):
        bad = rng.random() < 0.5
        out += [damage_paragraph(p, rng) if bad else p for p in paras[i:i + 20]]
    return "\n\n".join(out)


def words_differing(a: str, b: str) -> int:
    """How many words of ``a`` are not in ``b`` at their place: line by line
    when the two have the same lines (the default profile keeps the line
    count), each differing line's words compared with difflib."""
    if a == b:
        return 0
    lines_a, lines_b = a.split("\n"), b.split("\n")
    pairs = zip(lines_a, lines_b, strict=True) if len(lines_a) == len(lines_b) else [(a, b)]
    return sum(
        sum(1 for d in difflib.ndiff(x.split(), y.split()) if d[0] == "-")
        for x, y in pairs if x != y
    )


def compare(text: str, config: Config, chunk: int) -> tuple[int, int, float, float]:
    """(words that differ, words the whole repair changed, seconds whole, seconds chunked)."""
    t = time.process_time()
    whole = fix_text(text, config)
    t_whole = time.process_time() - t
    t = time.process_time()
    chunked = "".join(iter_fix([text], config, chunk_size=chunk))
    t_chunked = time.process_time() - t
    return words_differing(whole, chunked), words_differing(text, whole), t_whole, t_chunked


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2.5, help="document size (MB of text)")
    parser.add_argument("--chunk", type=int, default=DEFAULT_CHUNK_SIZE,
                        help="characters a chunk (default: fix_file's)")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    text = document(args.mb, args.seed)
    print(f"document: {len(text) / 1e6:.2f} M characters, chunks of {args.chunk}")
    print("| configuration | words changed (whole) | words that differ streamed "
          "| whole s | streamed s |")
    print("|---|---:|---:|---:|---:|")
    configs = [("default profile", Config())] + [
        (f"{step} alone", Config(disable=set(PROFILES["repair"]) - {step})) for step in STEPS
    ]
    for name, config in configs:
        differ, changed, t_whole, t_chunked = compare(text, config, args.chunk)
        print(f"| {name} | {changed} | {differ} | {t_whole:.1f} | {t_chunked:.1f} |")


if __name__ == "__main__":
    main()
