"""The one ordered list of steps. Steps run in this order, pass after pass,
until the text stops changing. Nothing is discovered by magic: a step exists
because it is listed here."""

from __future__ import annotations

from .step import Step
from .steps import (
    bom,
    c1_controls,
    codepage_mixups,
    dropped_ligatures,
    east_asian,
    fold_ascii,
    homoglyphs,
    html_entities,
    hyphenation,
    joined_words,
    kazakh_letters,
    latin_ligatures,
    mojibake,
    normalize,
    reflow,
    soft_hyphens,
    surrogates,
    symbol_markers,
    terminal_escapes,
    transliterate,
    zero_width,
)

__all__ = ["STEPS", "STEP_NAMES", "step_named"]

STEPS: tuple[Step, ...] = (
    # -- invisible or structural damage that would hide other damage
    #    (planned order: fix_surrogates, remove_terminal_escapes, remove_bom,
    #    unescape_html)
    surrogates.STEP,  # fix_surrogates
    terminal_escapes.STEP,  # remove_terminal_escapes
    bom.STEP,  # remove_bom
    html_entities.STEP,  # unescape_html
    # -- encoding damage. The single-byte mixups and legacy East Asian
    #    encodings go first: they decide per line with word evidence and leave
    #    lines that are valid UTF-8 mojibake alone, while fix_mojibake would
    #    read short pieces of legacy text as UTF-8 (a lone Armenian or
    #    Devanagari letter out of Russian) and leave nothing to repair.
    codepage_mixups.STEP,  # fix_codepage_mixups
    east_asian.STEP,  # fix_east_asian_mojibake
    mojibake.STEP,  # fix_mojibake
    # -- characters left behind by other software (planned order:
    #    fix_c1_controls, remove_zero_width, remove_soft_hyphens, fix_latin_ligatures)
    c1_controls.STEP,  # fix_c1_controls
    zero_width.STEP,  # remove_zero_width
    soft_hyphens.STEP,  # remove_soft_hyphens
    latin_ligatures.STEP,  # fix_latin_ligatures
    # -- PDF extraction damage (planned order: restore_dropped_ligatures,
    #    join_hyphenated_words, mark_symbol_markers)
    dropped_ligatures.STEP,  # restore_dropped_ligatures
    hyphenation.STEP,  # join_hyphenated_words
    symbol_markers.MARK_STEP,  # mark_symbol_markers (report only)
    symbol_markers.REPLACE_STEP,  # replace_symbol_markers (normalize profile)
    # -- words and scripts (planned order: fix_homoglyphs, fix_kazakh_letters,
    #    split_joined_words)
    homoglyphs.STEP,  # fix_homoglyphs
    kazakh_letters.STEP,  # fix_kazakh_letters
    joined_words.STEP,  # split_joined_words
    # -- normalisation, off in the default profile (planned order: normalize_nfc,
    #    normalize_line_endings, normalize_whitespace, straighten_quotes,
    #    reflow_paragraphs, transliterate_russian, transliterate_kazakh, fold_to_ascii)
    normalize.NFC_STEP,  # normalize_nfc
    normalize.LINE_ENDINGS_STEP,  # normalize_line_endings
    normalize.WHITESPACE_STEP,  # normalize_whitespace
    normalize.QUOTES_STEP,  # straighten_quotes (in no profile: enable by name)
    reflow.STEP,  # reflow_paragraphs (profile reflow)
    transliterate.STEP_RUSSIAN,  # transliterate_russian (in no profile: enable by name)
    transliterate.STEP_RUSSIAN_ICAO,  # transliterate_russian_icao (enable by name)
    transliterate.STEP_KAZAKH,  # transliterate_kazakh (in no profile: enable by name)
    fold_ascii.STEP,  # fold_to_ascii
)
"""Every step, in the order it runs."""

STEP_NAMES: tuple[str, ...] = tuple(step.name for step in STEPS)
"""The names of every step, in order."""


def step_named(name: str) -> Step:
    """The step with this name.

    >>> step_named("remove_bom").name
    'remove_bom'
    """
    for step in STEPS:
        if step.name == name:
            return step
    from .errors import UnknownStepError

    raise UnknownStepError(f"unknown step {name!r}")
