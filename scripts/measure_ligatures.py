"""Measure restore_dropped_ligatures against the targets of issue 3.

    python scripts/measure_ligatures.py            # all measurements
    python scripts/measure_ligatures.py --quick    # 200 kB of prose instead of 1 MB

Prints:
1. the UNESCO seed (after the default pipeline, or a line-wise Mac Roman
   repair when fix_mojibake is not available): each damaged word type, how
   many tokens were restored, and every change that is not one of them;
2. clean English and Russian prose (Debian's fortunes, >= 1 MB each, as one
   document): the number of changes the step makes (target: 0);
3. synthetic damage made from that prose: every word holding a lost
   sequence loses it, as an extractor would (two profiles: standard
   ligatures; standard plus ``fic``/``ffic``), in documents of ~4 kB, and
   for the English profile also with U+FFFD and a space left in the gap:
   recall (damaged words restored) and precision (changes that are right);
   and documents of 60 paragraphs whose runs of 20 are damaged or not (a
   damaged body, clean sidebars): recall and precision;
4. speed on the clean prose and on the synthetic damage, against ftfy.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from bisect import bisect_right
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.prose import load_prose  # noqa: E402

from cleantext import Config, fix_and_explain  # noqa: E402
from cleantext.evidence_words import zipf  # noqa: E402
from cleantext.step import select_findings  # noqa: E402
from cleantext.steps import dropped_ligatures as dl  # noqa: E402
from cleantext.steps.dropped_ligatures import (  # noqa: E402
    MIN_RARE_RESTORED,
    detect_dropped_ligatures,
    restore_dropped_ligatures,
)

SEED = Path(__file__).resolve().parent.parent / "corpus/seeds/003_unesco_interview.damaged.txt"
SEED_DAMAGE = {
    "diult": "difficult", "lm": "film", "rst": "first", "nd": "find", "oial": "official",
    "sacrie": "sacrifice", "inux": "influx", "dierent": "different",
    "aecting": "affecting", "articial": "artificial", "artice": "artifice",
    "justied": "justified", "ction": "fiction", "nished": "finished",
    "lmmaker": "filmmaker", "lmmaking": "filmmaking", "lms": "films",
}
STEP = "restore_dropped_ligatures"
PROFILES = {
    "standard": ("ffi", "ffl", "fi", "fl", "ff"),
    "unesco": ("ffic", "fic", "ffi", "ffl", "fi", "fl", "ff"),
}
WORD = re.compile(r"[A-Za-z]+")


def seed_text() -> str:
    """The seed after the default pipeline, minus this step (Mac Roman repaired)."""
    raw = SEED.read_text("utf-8")
    cfg = Config(disable=frozenset({STEP}))
    text = fix_and_explain(raw, cfg).text
    if "\u221a" in text or "\u00ac" in text:  # fix_mojibake not there yet
        lines = []
        for line in raw.split("\n"):
            try:
                lines.append(line.encode("mac_roman").decode("utf-8"))
            except (UnicodeEncodeError, UnicodeDecodeError):
                lines.append(line)
        text = "\n".join(lines)
    return text


def measure_seed() -> None:
    text = seed_text()
    expected: Counter[str] = Counter()
    for broken in SEED_DAMAGE:
        expected[broken] = len(re.findall(rf"(?<![\w']){broken}(?![\w'])", text))
    findings = [f for f in fix_and_explain(text).applied if f.step == STEP]
    restored = Counter(f.original for f in findings if SEED_DAMAGE.get(f.original) == f.replacement)
    other = [f for f in findings if SEED_DAMAGE.get(f.original) != f.replacement]
    print("== UNESCO seed ==")
    for broken, n in sorted(expected.items()):
        print(f"  {broken:10} -> {SEED_DAMAGE[broken]:12} {restored[broken]}/{n}")
    print(f"  restored {sum(restored.values())}/{sum(expected.values())} tokens, "
          f"{sum(1 for b in expected if restored[b] == expected[b])}/{len(expected)} types; "
          f"other changes: {len(other)}")
    for f in other:
        print(f"    WRONG {f.original!r} -> {f.replacement!r} at {f.start}")


def measure_clean(lang: str, size: int) -> str:
    text = load_prose(lang, size)
    t0 = time.process_time()
    found = detect_dropped_ligatures(text)
    dt = time.process_time() - t0
    changes = [f for f in found if f.changes and f.confidence >= 0.5]
    print(f"== clean {lang} prose, {len(text.encode()) / 1e6:.2f} MB: {len(changes)} changes "
          f"({dt:.2f} s, {len(text.encode()) / 1e6 / max(dt, 1e-9):.1f} MB/s)")
    for f in changes[:20]:
        print(f"    {f.original!r} -> {f.replacement!r}: {text[max(0, f.start - 30):f.end + 30]!r}")
    return text


def damage_word(word: str, sequences: tuple[str, ...], gap: str) -> str:
    """The word as the extractor leaves it: every lost sequence replaced by ``gap``
    (at a word's edge a space gap makes a double space with the word space)."""
    out = re.sub("|".join(sequences), gap, word)
    return out if out.strip(" ") else word


def damage(
    text: str, sequences: tuple[str, ...], gap: str
) -> tuple[str, dict[int, tuple[int, str]]]:
    """Damaged text, and for each damaged word: start -> (end, original word)."""
    parts: list[str] = []
    spans: dict[int, tuple[int, str]] = {}
    pos = 0
    out_len = 0
    for m in WORD.finditer(text):
        parts.append(text[pos:m.start()])
        out_len += m.start() - pos
        bad = damage_word(m.group(), sequences, gap)
        if bad != m.group():
            spans[out_len] = (out_len + len(bad), m.group())
        parts.append(bad)
        out_len += len(bad)
        pos = m.end()
    parts.append(text[pos:])
    return "".join(parts), spans


def split_documents(text: str, doc_size: int = 4000) -> list[str]:
    """The prose cut at paragraph breaks into documents of about ``doc_size`` characters."""
    docs: list[str] = []
    cur: list[str] = []
    size = 0
    for p in text.split("\n\n"):
        cur.append(p)
        size += len(p)
        if size >= doc_size:
            docs.append("\n\n".join(cur))
            cur, size = [], 0
    if cur:
        docs.append("\n\n".join(cur))
    return docs


def measure_clean_documents(text: str, lang: str) -> None:
    """Clean prose in documents of ~4 kB (as the synthetic damage is cut): changes."""
    changes: list[tuple[str, str]] = []
    for doc in split_documents(text):
        changes.extend(
            (f.original, f.replacement) for f in select_findings(detect_dropped_ligatures(doc), 0.5)
        )
    print(f"== clean {lang} prose in ~4 kB documents: {len(changes)} changes", changes[:10])


def _document_state(bad: str) -> str:
    """Why the step may refuse a whole document ("" when it reads it)."""
    ev, kind = dl.gather_ligature_evidence(bad).decisive()
    if not ev.damage:
        return "document shows no unambiguous case (nothing to learn from)"
    state = ev.refusal(dl.LANGUAGES[0], kind)
    if not state and ev.lone_family("en") and not dl.detect_dropped_ligatures(bad):
        return "document refused: its only evidence is one word (and its plural)"
    return state


def _why_missed(bad: str, s: int, e: int, orig: str, doc_state: str) -> str:
    """The first reason, in the step's order, why a damaged word was not restored."""
    tok = bad[s:e].strip(" ")
    low = tok.lower()
    en = dl.LANGUAGES[0]
    if doc_state:
        return doc_state
    if s in dl._CodeLines(bad):
        return "on a line that looks like source code"
    if s in dl._InventedParagraphs(bad, en):
        return "in a paragraph of invented or foreign spelling"
    if zipf(orig, "en") < MIN_RARE_RESTORED:
        return "original word not in wordfreq (Zipf < 1.5: names, coinages)"
    if zipf(orig, "en") < dl.MIN_RESTORED:
        return "original word rare (Zipf 1.5-2.5: only restored from a non-word)"
    if zipf(low, "en") < dl.RARE:
        return "broken form is a non-word (region read as clean, or several readings)"
    if not tok.islower():
        return "broken form is a word, capitalised (Je, Pu, O)"
    if low not in dl._viable_keys(en):
        return "broken form is a word too frequent ever to be restored (at, red, nest)"
    if not dl._prose_position(bad, s, e, orig.lower()):
        edge = bad[s - 1:s] + bad[e:e + 1]
        if "-" in edge:
            return "broken form is a word or fragment, in a hyphened compound (ve-hundred)"
        return "broken form is a word or fragment, not between two words of a sentence"
    return "broken form is a word or fragment between words, confidence too low"


_REACH = (
    "broken form a non-word, original known",
    "broken form a word (only context tells)",
    "original absent from wordfreq (nothing restores it)",
)


def _reach(bad: str, orig: str) -> str:
    """What could restore a damaged word at all, one of ``_REACH``: no word
    list gives back a word wordfreq has never seen (``Overfiend``, even in its
    large list); a broken form that is itself a word (``at`` for ``flat``,
    ``rst``) needs the sentence around it, which word frequencies do not give;
    the rest, word evidence can restore. The share of the last class is the
    ceiling of recall for any method whose words come from wordfreq alone."""
    if zipf(orig, "en") == 0:  # (zipf reads wordfreq's large list)
        return _REACH[2]
    if zipf(bad.strip(" ").lower(), "en") >= dl.RARE:
        return _REACH[1]
    return _REACH[0]


def measure_synthetic(
    text: str, profile: str, gap: str, doc_size: int = 4000, verbose: bool = False
) -> None:
    seqs = PROFILES[profile]
    docs = split_documents(text, doc_size)
    damaged_words = right = changes = 0
    # damaged words wordfreq knows (Zipf >= 1.5); no word list restores the others
    # (Overfiend, asuffield)
    known_words = known_right = edge = 0
    wrong: Counter[tuple[str, str]] = Counter()
    missed: Counter[tuple[str, str]] = Counter()
    t_total = 0.0
    n_bytes = 0
    why_missed: Counter[str] = Counter()
    why_examples: dict[str, Counter[tuple[str, str]]] = {}
    wrong_lines: list[str] = []
    # each damaged word by what could restore it at all (see _reach), and how
    # many of each this step restored
    reach: Counter[str] = Counter()
    reach_right: Counter[str] = Counter()
    for doc in docs:
        bad, spans = damage(doc, seqs, gap)
        n_bytes += len(bad.encode())
        t0 = time.process_time()
        applied = select_findings(detect_dropped_ligatures(bad), 0.5)
        t_total += time.process_time() - t0
        damaged_words += len(spans)
        got = set()
        starts = sorted(spans)
        for f in applied:
            changes += 1
            end, orig = spans.get(f.start, (-1, ""))
            if end == f.end and orig == f.replacement:
                right += 1
                got.add(f.start)
                continue
            # the right word, but a space of the gap left at a line's start
            # (`` rst`` -> `` first``) or a sentence's end: counted apart
            k = bisect_right(starts, f.end - 1) - 1
            if k >= 0 and spans[starts[k]][1] == f.replacement and spans[starts[k]][0] > f.start:
                right += 1
                edge += 1
                got.add(starts[k])
            else:
                wrong[(f.original, f.replacement)] += 1
                wrong_lines.append(
                    f"{f.original!r} -> {f.replacement!r}: "
                    f"{bad[max(0, f.start - 40):f.end + 30]!r}"
                )
        doc_state = None
        for s, (e, orig) in spans.items():
            if s not in got:
                missed[(bad[s:e], orig)] += 1
                if doc_state is None:
                    doc_state = _document_state(bad)
                why = _why_missed(bad, s, e, orig, doc_state)
                why_missed[why] += 1
                why_examples.setdefault(why, Counter())[(bad[s:e], orig)] += 1
            kind = _reach(bad[s:e], orig)
            reach[kind] += 1
            reach_right[kind] += s in got
            if zipf(orig, "en") >= MIN_RARE_RESTORED:
                known_words += 1
                known_right += s in got
    name = {"": "dropped", "\ufffd": "U+FFFD", " ": "space"}[gap]
    print(f"== synthetic {profile}/{name}: {len(docs)} docs, {damaged_words} damaged words; "
          f"recall {right / max(1, damaged_words):.4f}, "
          f"precision {right / max(1, changes):.5f} ({changes - right} wrong of {changes}; "
          f"{edge} right words with a space of the gap left beside them); "
          f"recall on the {known_words} words wordfreq knows "
          f"{known_right / max(1, known_words):.4f}; "
          f"{n_bytes / 1e6 / max(t_total, 1e-9):.1f} MB/s")
    print("    by what could restore them:", "; ".join(
        f"{kind}: {reach[kind]} ({reach[kind] / max(1, damaged_words):.1%}), "
        f"restored {reach_right[kind] / max(1, reach[kind]):.4f}"
        for kind in _REACH if reach[kind]))
    print("    most missed:", missed.most_common(12))
    print("    wrong:", wrong.most_common(12))
    if verbose:
        print("    misses by cause:")
        for why, n in why_missed.most_common():
            print(f"      {n:5}  {why}: {why_examples[why].most_common(8)}")
        print("    every wrong change, in context:")
        for line in wrong_lines:
            print("      " + line)


def measure_regions(text: str, size: int = 60, run: int = 20, seed: int = 5) -> None:
    """Documents of ``size`` paragraphs in runs of ``run``, each run damaged
    (standard ligatures dropped) or not, as a coin falls: a damaged body and
    clean sidebars. Recall and precision as in :func:`measure_synthetic`."""
    rng = random.Random(seed)
    paras = text.split("\n\n")
    damaged_words = right = changes = 0
    for k in range(0, len(paras), size):
        parts: list[str] = []
        spans: dict[int, tuple[int, str]] = {}
        pos = 0
        for i, p in enumerate(paras[k:k + size]):
            if i % run == 0:
                bad_run = rng.random() < 0.5
            if bad_run:
                bad, sp = damage(p, PROFILES["standard"], "")
                spans.update((pos + s, (pos + e, o)) for s, (e, o) in sp.items())
                p = bad
            parts.append(p)
            pos += len(p) + 2
        doc = "\n\n".join(parts)
        damaged_words += len(spans)
        for f in select_findings(detect_dropped_ligatures(doc), 0.5):
            changes += 1
            right += spans.get(f.start) == (f.end, f.replacement)
    print(f"== region-damaged documents ({size} paragraphs, runs of {run}, half damaged): "
          f"{damaged_words} damaged words; recall {right / max(1, damaged_words):.4f}, "
          f"precision {right / max(1, changes):.5f} ({changes - right} wrong of {changes})")


def _best_of(fn: object, arg: str, n: int = 5) -> float:
    times = []
    for _ in range(n):
        t0 = time.process_time()
        fn(arg)  # type: ignore[operator]
        times.append(time.process_time() - t0)
    return min(times)


def measure_seed_speed() -> None:
    import ftfy

    from cleantext import fix_text

    raw = SEED.read_text("utf-8")
    text = seed_text()
    ours = _best_of(restore_dropped_ligatures, text)
    pipeline = _best_of(fix_text, raw)
    theirs = _best_of(ftfy.fix_text, raw)
    print(f"== speed on the UNESCO seed ({len(raw.encode()) / 1e3:.1f} kB): this step "
          f"{ours * 1e3:.1f} ms, the whole default pipeline {pipeline * 1e3:.1f} ms, "
          f"ftfy {theirs * 1e3:.1f} ms ({theirs / max(ours, 1e-9):.1f}x this step, "
          f"{theirs / max(pipeline, 1e-9):.1f}x the pipeline)")


def measure_speed(text: str) -> None:
    import ftfy

    sample = text[:1_000_000]
    bad, _ = damage(sample, PROFILES["unesco"], "")
    for name, t in (("clean", sample), ("damaged", bad)):
        t0 = time.process_time()
        restore_dropped_ligatures(t)
        ours = time.process_time() - t0
        t0 = time.process_time()
        ftfy.fix_text(t)
        theirs = time.process_time() - t0
        print(f"== speed on {name} en ({len(t.encode()) / 1e6:.2f} MB): this step {ours:.3f} s, "
              f"ftfy {theirs:.3f} s ({theirs / max(ours, 1e-9):.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 kB of prose, not 1 MB")
    parser.add_argument(
        "--why", action="store_true",
        help="for the standard profile, misses by cause and every wrong change in context",
    )
    args = parser.parse_args()
    size = 200_000 if args.quick else 1_000_000
    detect_dropped_ligatures("warm up the word lists: diult")
    measure_seed()
    en = measure_clean("en", size)
    ru = measure_clean("ru", size)
    measure_clean_documents(en, "en")
    measure_clean_documents(ru, "ru")
    for profile in PROFILES:
        measure_synthetic(en, profile, "", verbose=args.why and profile == "standard")
    measure_synthetic(en, "standard", "\ufffd")
    measure_synthetic(en, "standard", " ")
    measure_regions(en)
    measure_speed(en)
    measure_seed_speed()


if __name__ == "__main__":
    main()
