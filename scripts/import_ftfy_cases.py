"""Convert ftfy's published test cases into corpus cases: ``corpus/ftfy/*.jsonl``.

Input: ``corpus/ftfy/test_cases.json``, copied unchanged from the ftfy 6.3.1
source distribution on PyPI (``tests/test_cases.json``; ftfy is
Apache-2.0-licensed, see ``corpus/ftfy/README.md``), plus the two cases that
ftfy's GitHub repository added after 6.3.1 (``NEWER_CASES`` below, copied from
``tests/test-cases/*.json`` of rspeer/python-ftfy). Output: one ``.jsonl`` file
per file of ftfy's repository (in-the-wild, synthetic, language-names,
negative, known-failures), with ftfy's own fields kept as ``ftfy_*``.

The ``gold`` of a case is what cleantext's default profile must produce. ftfy's
``fixed`` is what ``ftfy.fix_text`` produces, and ftfy's defaults also
straighten curly quotes, turn full-width characters into ASCII and remove
some control characters: normalisations that our default profile does not do
(clean text must come back unchanged). So for the cases ftfy passes, the gold
is ftfy's own result with those normalisations switched off
(``uncurl_quotes``, ``fix_character_width``, ``remove_control_chars``,
``fix_line_breaks``, ``normalization``); the script checks that this differs
from ftfy's ``fixed`` only by those normalisations and prints every case
where it differs at all, for review. ftfy's known failures get ftfy's
``fixed`` (the intended text) with the hand-checked corrections in
``GOLD_FOR_FAILURES``.

Run from the repository root::

    python scripts/import_ftfy_cases.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import ftfy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_io import CORPUS, write_jsonl  # noqa: E402

SOURCE = CORPUS / "ftfy" / "test_cases.json"

# Cases added to ftfy's repository after the 6.3.1 release (GitHub main,
# tests/test-cases/in-the-wild.json and synthetic.json).
NEWER_CASES: list[dict[str, str]] = [
    {
        "label": "Russian text in KOI8-R mojibake",
        "comment": "issue #231. Reported as CP437/CP866, but it is KOI8-R: 0xD0 and 0xD1"
                   " decode to 'п' and 'я', which are the UTF-8 lead bytes of Cyrillic.",
        "original": "п∙я│п╩п╦ п▓я▀ п╫п╣ я▐п╡п╩я▐п╣я┌п╣я│я▄ п╟п╢я─п╣я│п╟я┌п╬п╪",
        "fixed": "Если Вы не являетесь адресатом",
        "expect": "pass",
        "file": "in-the-wild",
    },
    {
        "label": "Synthetic: mojibake at the beginning of a string (Ã¥ for å)",
        "comment": "issue #222: å mojibake not detected at the very start of a string.",
        "original": "Ã¥klagarmyndighets",
        "fixed": "åklagarmyndighets",
        "expect": "pass",
        "file": "synthetic",
    },
]

# ftfy's known failures: ftfy's "fixed" is the intended text, written with
# ftfy's default normalisations applied. Where those changed it, the gold
# undoes them (checked by hand against the damaged bytes).
GOLD_FOR_FAILURES: dict[str, str] = {
    # \x93 and \x94 are windows-1252 curly quotes; ftfy straightens them.
    "Misleading mix-up in Spanish": "tiene demora y está “próximo a resolverse”",
}

# Cases ftfy "repairs" that cleantext's default leaves alone on purpose:
# compatibility letters are letters (see cleantext.steps.latin_ligatures).
KEEP_AS_IS: dict[str, str] = {
    "Handle Afrikaans 'n character":
        "ŉ is a (deprecated) letter of Afrikaans, not damage; ftfy's default decomposes it"
        " and straightens the apostrophe, cleantext's default keeps it",
    "Handle Croatian single-codepoint digraphs":
        "ǌ and ǉ are letters of the Serbo-Croatian digraph set, not ligature damage;"
        " ftfy's default decomposes them, cleantext's default keeps them",
}

# Where ftfy's expectation is a refusal and its own comment names the intended
# text, the gold is that text: cleantext may go beyond ftfy's refusals.
INTENDED: dict[str, str] = {
    "Sort of negative: this inconsistent mojibake could be Latin-1 or MacRoman, and it was"
    " meant to be Latin-1, but it's safest to not decode it as either": "Bremer/Mccoy – Dråber",
}

# Our label -> reason, for cases cleantext fails (measured with the whole test
# suite at 06:30 UTC, when the steps had landed). Strict xfails: when one
# passes, the suite fails, and the mark must go.
FP = "FALSE POSITIVE (clean text changed): "
LOSSY = "lossy sequence (a byte lost to U+FFFD or '?'): "
SPACE_A0 = "the no-break-space byte 0xA0 of a UTF-8 sequence became a space: "
KNOWN_FAILURES: dict[str, str] = {
    "ftfy-in-the-wild-an-absolutely-hopeless-garble":
        FP + "fix_mojibake turns parts of a hopeless garble into unrelated characters"
        " ('۪', '㢀'); ftfy leaves it",
    "ftfy-known-failures-a-with-grave-in-vietnamese":
        "sloppy windows-1250 with lost A0 bytes: 'mới' and 'nhất' are repaired, but 'hĂ i'"
        " becomes 'hà i', not 'hài': the rule that French 'à' kept the space coalesced"
        " into its lost byte (ftfy's too) cannot tell a Vietnamese syllable (ftfy fails too)",
    "ftfy-known-failures-latin-1-macroman-mixup-in-spanish":
        "Mac Roman byte read as windows-1252 (a single-byte mixup for Spanish):"
        " fix_c1_controls makes \\x92 '’', not 'í' (ftfy fails too)",
    "ftfy-known-failures-latin-1-macroman-mixup-in-spanish-2-characters":
        "Mac Roman bytes read as windows-1252 (a single-byte mixup for Spanish):"
        " fix_c1_controls makes '‡' and '’', not 'á' and 'í' (ftfy fails too)",
}

# ftfy does these by default; cleantext's default profile does not.
NORMALISATIONS_OFF = {
    "uncurl_quotes": False,
    "fix_character_width": False,
    "remove_control_chars": False,
    "fix_line_breaks": False,
    "normalization": None,
}

LANGUAGES = {
    "Russian": "ru", "French": "fr", "German": "de", "Spanish": "es", "Turkish": "tr",
    "Czech": "cs", "Portuguese": "pt", "Italian": "it", "Malay": "ms", "Vietnamese": "vi",
    "Romanian": "ro", "Slovak": "sk", "Gaelic": "gd", "Dutch": "nl", "Latvian": "lv",
    "Lithuanian": "lt", "Hebrew": "he", "Arabic": "ar", "Greek": "el", "Bulgarian": "bg",
    "Serbian": "sr", "Hindi": "hi", "Tamil": "ta", "Thai": "th", "Chinese": "zh",
    "Japanese": "ja", "Korean": "ko", "Croatian": "hr", "Afrikaans": "af",
    "Swedish": "sv", "Norwegian": "no", "Finnish": "fi", "Ukrainian": "uk",
    "Indonesian": "id", "English": "en", "Russian mixup": "ru",
}


# Languages of cases whose label names none (read from the text itself).
LANGUAGE_BY_LABEL: dict[str, str] = {
    "Low-codepoint emoji": "en",
    "UTF-8 / MacRoman mix-up about smurfs": "fr",
    "Checkmark that almost looks okay as mojibake": "en",
    "Latin-1 / Windows-1252 mixup of the replacement character": "en",
    "Latin-1 / Windows-1252 mixup in İstanbul (issue #192)": "tr",
    "Latin-1 / Windows-1252 mixup in Rīga (issue #192)": "lv",
    "UTF-8 / Windows-1252 mixed up twice in naming Iggy Pop": "en",
    "Left quote is UTF-8, right quote is Latin-1, both encoded in Windows-1252": "it",
    "UTF-8 / Windows-1252 mixed up three times": "en",
    "For goodness' sake. We can come close to fixing this, but fail in the last step": "en",
    "The same text as above, but as a UTF-8 / ISO-8859-2 mixup": "en",
    "UTF-8 / Windows-1252 followed by UTF-8 / Windows-1251": "en",
    "Lossy decoding can have plain ASCII question marks, as well": "en",
    "CESU-8 / Latin-1 mixup over several emoji": "en",
    "Inconsistent UTF-8 / Latin-1 mojibake": "en",
    "Inconsistent UTF-8 / Latin-1 mojibake with an ellipsis from the Windows-1252"
    " character set": "en",
    "A with an acute accent, in isolation": "es",
    "sharp S, in isolation, via MacRoman encoding": "de",
    "'à' remains its own word, even if spaces after it get coalesced into one": "fr",
    "Fix 'à' in inconsistent mojibake": "fr",
    "This is why we require a space after the 's' in 'às'": "fr",
    "We can fix 'à' in windows-1251 sometimes as well": "fr",
    "Punctuation pile-up should actually be musical notes": "id",
    "UTF-8 / Windows-1251 mixup in tweet spam": "en",
    "UTF-8 / Windows-1251 mixup": "en",
    "Wide comma in UTF-8 / Windows-1252": "en",
    "Two levels of inconsistent mojibake": "en",
    "An example with 'à' in windows-1251 where we need our heuristic to be bolder": "fr",
    "Negative: More science! Don't fix a multiplication symbol in quotes": "en",
    "Negative: 'è' preceded by a non-breaking space is not a small capital Y": "it",
    "Negative: accents are sometimes used as quotes": "pt",
    "Negative: 'Ê' followed by an ellipsis": "pt",
    "Negative: 'É' followed by an ellipsis": "fr",
    "Negative: 'Ó' followed by an ellipsis": "pt",
    "Negative: 'É' followed by a curly apostrophe": "en",
    "Negative: 'é' preceded by curly apostrophe": "fr",
    "Negative: three raised eyebrows or something?": "pt",
    "Negative: multiplying by currency": "en",
    "Negative: registered chocolate brand name": "es",
    "Negative: it looks like Windows-1257 mojibake but someone writes their name this way": "en",
    "Mostly negative: we only need to fix C1 control characters": "fr",
    "Negative: We don't fix Ã in all contexts": "pt",
    "Negative: math in Unicode": "math",
    "Synthetic: we can recognize Ã in some cases when it's the only mojibake": "fr",
    "Synthetic: we can recognize Ã at the end of a word when it absorbs a following space": "fr",
    "Synthetic, negative: don't leak our internal use of byte 0x1A": "en",
    "Synthetic, negative: U+1A on its own": "en",
    "Synthetic, negative: A-with-circle as an Angstrom sign": "en",
    "Synthetic: curly quotes with mismatched encoding glitches in Latin-1": "en",
    "Synthetic: curly quotes with mismatched encoding glitches in Windows-1252": "en",
    "Synthetic: lossy decoding in sloppy-windows-1252": "en",
    "Synthetic, negative: Be careful around curly apostrophes": "en",
    "Synthetic: mojibake with trademark sign at the end of a word": "fr",
    "Synthetic: mojibake at the beginning of a string (Ã¥ for å)": "sv",
}


def ftfy_file(case: dict[str, str]) -> str:
    """Which file of ftfy's repository the case lives in."""
    label = case["label"]
    if "file" in case:
        return case["file"]
    if case["expect"] == "fail":
        return "known-failures"
    if "Messy language name" in label:
        return "language-names"
    if label.startswith("Synthetic"):
        return "synthetic"
    if label.startswith(("Negative", "Sort of negative", "Mostly negative")):
        return "negative"
    return "in-the-wild"


def language_of(label: str) -> str:
    """A language code from ftfy's label ("und" when it is not told)."""
    if label in LANGUAGE_BY_LABEL:
        return LANGUAGE_BY_LABEL[label]
    for word, code in LANGUAGES.items():
        if word in label:
            return code
    return "und"


def kind_of(original: str, gold: str) -> str:
    """The damage kind of a case, by what its repair changes."""
    if original == gold:
        return "negative"
    if "&" in original and ";" in original:
        return "html-entities"
    if any(0x80 <= ord(c) <= 0x9F for c in original) and not any(
        ord(c) > 0xFF for c in original
    ) and all(ord(c) < 0x80 or c.isalpha() or 0x80 <= ord(c) <= 0x9F for c in original):
        return "c1-controls"
    return "mojibake"


def _slug(text: str) -> str:
    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower())
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:60].strip("-")


def convert() -> dict[str, list[dict[str, object]]]:
    """ftfy's cases as corpus records, by output file name."""
    raw: list[dict[str, str]] = json.loads(SOURCE.read_text(encoding="utf-8"))
    raw = raw + NEWER_CASES
    config = ftfy.TextFixerConfig(**NORMALISATIONS_OFF)  # type: ignore[arg-type]
    files: dict[str, list[dict[str, object]]] = {}
    labels: set[str] = set()
    for case in raw:
        file = ftfy_file(case)
        original, fixed = case["original"], case["fixed"]
        fixed_encoding = case.get("fixed-encoding", fixed)
        if case["expect"] == "fail":
            gold = GOLD_FOR_FAILURES.get(case["label"], fixed)
        elif case in NEWER_CASES:
            gold = fixed
        elif case["label"] in KEEP_AS_IS:
            gold = original
        elif case["label"] in INTENDED:
            gold = INTENDED[case["label"]]
        else:
            gold = ftfy.fix_text(original, config)
            # The gold may differ from ftfy's result only by its normalisations.
            if ftfy.fix_text(gold) != fixed:
                raise ValueError(f"{case['label']!r}: {gold!r} vs ftfy's {fixed!r}")
        base = f"ftfy-{file}-{_slug(case['label'].split(':', 1)[-1])}"
        label, n = base, 2
        while label in labels:
            label, n = f"{base}-{n}", n + 1
        labels.add(label)
        record: dict[str, object] = {
            "label": label,
            "kind": kind_of(original, gold),
            "language": language_of(case["label"]),
            "damaged": original,
            "gold": gold,
            "source": f"ftfy test-cases {file}",
            "note": case["label"] + (
                f"; {KEEP_AS_IS[case['label']]}" if case["label"] in KEEP_AS_IS
                else "; gold is the intended text named in ftfy's comment, where ftfy declines"
                if case["label"] in INTENDED
                else "" if gold == fixed else "; gold keeps what ftfy's default normalises"
            ),
            "ftfy_label": case["label"],
            "ftfy_expect": case["expect"],
            "ftfy_fixed": fixed,
        }
        if label in KNOWN_FAILURES:
            record["expect"] = "known-failure"
            record["reason"] = KNOWN_FAILURES[label]
        if fixed_encoding != fixed:
            record["ftfy_fixed_encoding"] = fixed_encoding
        if case.get("comment"):
            record["ftfy_comment"] = case["comment"]
        files.setdefault(file, []).append(record)
    unknown = set(KNOWN_FAILURES) - labels
    if unknown:
        raise ValueError(f"KNOWN_FAILURES names unknown labels: {sorted(unknown)}")
    return files


def main() -> None:
    """Write corpus/ftfy/*.jsonl and show where the gold differs from ftfy's."""
    for file, records in convert().items():
        n = write_jsonl(
            CORPUS / "ftfy" / f"{file}.jsonl", records,
            "generated by scripts/import_ftfy_cases.py from corpus/ftfy/test_cases.json"
            " (ftfy 6.3.1, Apache-2.0, see corpus/ftfy/README.md); do not edit by hand",
        )
        print(f"{file}: {n}")
        for r in records:
            if r["gold"] != r["ftfy_fixed"]:
                print(f"  gold != ftfy fixed: {r['label']}\n    gold  {r['gold']!r}\n"
                      f"    ftfy  {r['ftfy_fixed']!r}")


if __name__ == "__main__":
    main()
