"""Hypothesis strategies for clean text in English, Russian, Kazakh and mixes.

Shared by the test modules: generated text is *clean* (what a default repair
must leave alone) and made of real words, so damage applied to it (mojibake,
dropped letters...) can be checked for an exact round trip. Keep the names and
their meaning stable; add new strategies rather than changing these.

The word lists are small on purpose (fast, no data files); they cover the
letters that matter: Latin-1 and Central European accents, the Russian
alphabet with ё, the Kazakh letters ә ғ қ ң ө ұ ү һ і, typographic quotes,
dashes, the ellipsis, the no-break space and a few emoji.
"""

from __future__ import annotations

from hypothesis import strategies as st

__all__ = [
    "ENGLISH_WORDS", "KAZAKH_WORDS", "LATIN_ACCENTED_WORDS", "PUNCTUATION", "RUSSIAN_WORDS",
    "damage", "damage_lossy", "english_text", "kazakh_text", "lose_a0", "lost_chars",
    "mixed_text", "russian_text", "sentences", "sloppy_decode", "text_in",
]

def _words(spaced: str) -> tuple[str, ...]:
    return tuple(spaced.split())


ENGLISH_WORDS: tuple[str, ...] = _words(
    "the of and to in is was for on that with as by at from film first people year "
    "interview festival director country history world state city government new "
    "Kazakhstan Astana Almaty Russia Europe UNESCO Courier January president water "
    "difficult official sacrifice different affecting artificial finished office "
    "I you he she we they it said would could about after before between during "
    "time life work school house music story reflection international cinema"
)
LATIN_ACCENTED_WORDS: tuple[str, ...] = _words(
    "café naïve résumé déjà vu élève Zürich Müller Straße Ålesund São João Ünal "
    "İstanbul Kraków Łódź Škoda Dvořák řeka příliš žluťoučký kůň Gdańsk "
    "niño señor año mañana acción Málaga corazón crème brûlée façade où garçon "
    "Þór Ísland Øresund æble Ærø Ñandú ÉCOLE CAFÉ ÀLA İzmir ağaç şehir öğrenci "
    "Bucureşti Iași Timișoara"
)
RUSSIAN_WORDS: tuple[str, ...] = _words(
    "в и на с по не что это как для от из к о за то все его её всё ещё моё "
    "Казахстан Россия Москва Астана Алматы ТАСС РИА СССР ООО фильм режиссёр "
    "фестиваль история мир страна город год люди первый новый большой "
    "Привет спасибо сегодня завтра вчера Группа Від Київ їжак ґанок є "
    "объявил съёмки подъезд щёки чёрный жёлтый Ёлка ЁЛКА"
)
KAZAKH_WORDS: tuple[str, ...] = _words(
    "Қазақстан Республикасы әлем ғылым қала өнер ұлт үй һәм және бұл осы "
    "біз сіз олар мен сен ол бір екі үш төрт бес алты жеті сегіз тоғыз он "
    "Астана Алматы Шымкент Ақтөбе Қарағанды Өскемен ағылшын тілі қазақ тілі "
    "мектеп кітап жаңа ескі үлкен кіші ақ қара көк жасыл сары Әлия Ұлан Үміт"
)
PUNCTUATION: tuple[str, ...] = (
    " ", " ", " ", " ", ", ", ". ", "; ", ": ", " — ", " – ", "… ", "\u00a0",
    " «", "» ", " “", "” ", " ‘", "’ ", "’s ", " (", ") ", " 2024 ", " 3,5 ",
    " 📄 ", " 🙂 ", "\n",
)


def text_in(words: tuple[str, ...], min_words: int = 1, max_words: int = 12
            ) -> st.SearchStrategy[str]:
    """Text made of ``words`` joined by spaces and punctuation."""
    return st.lists(
        st.tuples(st.sampled_from(words), st.sampled_from(PUNCTUATION)),
        min_size=min_words, max_size=max_words,
    ).map(lambda pairs: "".join(w + p for w, p in pairs).strip())


def english_text(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    """English with some accented names."""
    return text_in(ENGLISH_WORDS * 3 + LATIN_ACCENTED_WORDS, min_words, max_words)


def russian_text(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    """Russian (with some Ukrainian words)."""
    return text_in(RUSSIAN_WORDS, min_words, max_words)


def kazakh_text(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    """Kazakh."""
    return text_in(KAZAKH_WORDS, min_words, max_words)


def mixed_text(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    """English, Russian and Kazakh words mixed."""
    return text_in(
        ENGLISH_WORDS + LATIN_ACCENTED_WORDS + RUSSIAN_WORDS + KAZAKH_WORDS,
        min_words, max_words,
    )


def sentences(min_words: int = 1, max_words: int = 12) -> st.SearchStrategy[str]:
    """Any of the above."""
    return st.one_of(
        english_text(min_words, max_words), russian_text(min_words, max_words),
        kazakh_text(min_words, max_words), mixed_text(min_words, max_words),
    )


def sloppy_decode(data: bytes, codepage: str) -> str:
    """Decode as Windows software does: bytes the code page leaves undefined
    become the Latin-1 character of that byte. Uses Python's codecs only."""
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode(codepage))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def damage(text: str, codepage: str, layers: int = 1) -> str:
    """``text`` encoded as UTF-8 and decoded (sloppily) with ``codepage``,
    ``layers`` times: mojibake as it is made in the wild."""
    for _ in range(layers):
        text = sloppy_decode(text.encode("utf-8"), codepage)
    return text


def lose_a0(damaged: str, coalesce: bool = False) -> str:
    """Mojibake passed on by software that takes byte A0 for a space: every
    no-break space becomes a plain space (and with ``coalesce`` two spaces in
    a row become one, as HTML and many editors do): ``voilÃ\u00a0 le`` becomes
    ``voilÃ  le``, then ``voilÃ le``."""
    damaged = damaged.replace("\u00a0", " ")
    return damaged.replace("  ", " ") if coalesce else damaged


def damage_lossy(text: str, codepage: str) -> str:
    """``text`` encoded as UTF-8 and decoded strictly with ``codepage``: each
    byte the code page leaves undefined becomes U+FFFD (``”`` in windows-1252
    is ``â€\ufffd``)."""
    return text.encode("utf-8").decode(codepage, errors="replace")


def lost_chars(text: str, codepage: str) -> str:
    """``text`` with each character that :func:`damage_lossy` loses a byte of
    replaced by U+FFFD: the best repair of that damage."""
    return "".join(
        "\ufffd" if "\ufffd" in damage_lossy(ch, codepage) else ch for ch in text
    )
