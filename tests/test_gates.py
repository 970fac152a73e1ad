"""The fast gates find exactly what their readable definitions find.

``cleantext.script_pairs.mixed_pair_starts`` and the mojibake detector's
``_gate_hits`` replace several regex scans with fewer (class bytes and big
integers; one merged regex); the references here are the plain scans they
replace.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cleantext.mojibake.detect import _MIXED_GATES, _gate_hits, gates
from cleantext.script_pairs import letter_classes, mixed_pair_starts
from cleantext.steps.homoglyphs import _GATE, _gate_starts

# letters of the three scripts and their edges, the characters the gates look
# for (Latin-1, box drawing, quotes, dashes, no-break space), and surrogates
_ALPHABET = st.one_of(
    st.sampled_from("aZ Àÿɏɐʯʰʿ̀ͯͰΩωϿЀЖжӿԀԯ԰ԱՀ \u00a0\n–—«“‘¿¡‹â€œ™ÃÂÐÑ©╗¤¦\ufffd"),
    st.characters(max_codepoint=0x2FFF),
    st.just("\ud800"),
)
_TEXTS = st.text(alphabet=_ALPHABET, max_size=80)

_PAIR = re.compile(
    "(?=[A-Za-z\u00c0-\u02bf][\u0340-\u053f]|[\u0340-\u03ff][A-Za-z\u00c0-\u02bf\u0400-\u053f]"
    "|[\u0400-\u053f][A-Za-z\u00c0-\u02bf\u0340-\u03ff])"
)


def _reference_pairs(text: str) -> tuple[int, ...]:
    """Positions where two letter classes touch, by one lookahead regex."""
    return tuple(m.start() for m in _PAIR.finditer(text))


def _reference_hits(text: str) -> tuple[list[int], list[int]]:
    """Every gate's matches, by scanning with each gate (no cut-off)."""
    all_gates = gates()
    hits: set[int] = set()
    mixed: set[int] = set()
    for i, g in enumerate(all_gates):
        found = {m.start() for m in g.finditer(text)}
        hits |= found
        if i >= len(all_gates) - _MIXED_GATES:
            mixed |= found
    return sorted(hits), sorted(mixed)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
@example("Kаzаkh and Астана")
@example("Ωмega βc")
@example("\u0400\u02c0")  # a modifier letter after Cyrillic: no class of its own
def test_mixed_pair_starts_are_where_two_classes_touch(text: str) -> None:
    assert len(letter_classes(text)) == len(text)
    assert mixed_pair_starts(text) == _reference_pairs(text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
@example("Kаzаkh and Астана")
def test_homoglyph_gate_starts_are_the_gates_matches(text: str) -> None:
    assert _gate_starts(text) == [m.start() for m in _GATE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
@example("cafÃ© and Kаzаkh")
@example("Å\u00a0koda, Å veices, —Да, «Ъ»x, âœ”")
def test_mojibake_gate_hits_are_every_gates_matches(text: str) -> None:
    text = text.ljust(len(text) * 300)  # no cut-off: fewer hits than one per window
    hits, mixed = _gate_hits(text)
    assert (hits, mixed) == _reference_hits(text)


def test_a_document_full_of_hits_is_cut_short() -> None:
    hits, mixed = _gate_hits("Ã©" * 1000)
    assert mixed is None
    assert len(hits) == 2000 // 256 + 1
