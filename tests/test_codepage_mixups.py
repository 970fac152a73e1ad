"""fix_codepage_mixups: single-byte code page mixups, decided by language evidence."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cleantext import Config, fix_and_explain, fix_text, scan_text
from cleantext.config import PROFILES
from cleantext.steps.codepage_mixups import detect_codepage_mixups, fix_codepage_mixups


def _split(words: str) -> list[str]:
    return words.split()


STEP = "fix_codepage_mixups"
# This step alone (the other steps have their own tests).
ONLY = Config(disable=frozenset(PROFILES["repair"]) - {STEP})
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])

RUSSIAN = _split("работа человек время жизнь страна город история вопрос сторона ребёнок "
    "правительство президент школа деньги решение проблема развитие система "
    "говорил сказал будет можно нужно сегодня вчера всегда хорошо большой новый "
    "русский последний главный московский Москва Россия Казахстан")
RUSSIAN_SHORT = _split("и в на не что он с как это по но")
UKRAINIAN = _split("україна держава людина робота питання місто країна історія уряд закон "
    "розвиток школа сьогодні завжди добре великий новий український її їхній "
    "європейський Київ Україна")
KAZAKH = _split("Қазақстан республикасы астанасы қаласы мемлекеттік тілі және үшін бойынша "
    "туралы халықаралық ұлттық мәселесі жұмысы өнер ғылым қазақ тілінде бүгін "
    "жаңалықтар оқушылар мектебі облысының ауданы әкімі")


def _text(words: list[str], short: list[str]) -> st.SearchStrategy[str]:
    """Sentences of 4-12 distinct content words ("enough words"), with short
    words between. (The step wants several words of evidence, and a word
    repeated is one: windows-1251 read as ISO 8859-5, ``Человек всегда
    всегда всегда.`` is two words, ``зхыютхъ тёхуфр``, and stays as it is.)"""
    sep = st.sampled_from([" ", " ", " ", ", ", ". ", " - "])
    short_words = st.lists(st.sampled_from(short), max_size=2) if short else st.just([])

    def join(parts: list[tuple[list[str], str, str]]) -> str:
        out = "".join(" ".join([*extra, w]) + s for extra, w, s in parts).strip(" ,.-")
        return out[:1].upper() + out[1:] + "."

    return st.lists(st.tuples(short_words, st.sampled_from(words), sep),
                    min_size=4, max_size=12, unique_by=lambda part: part[1]).map(join)


def _damage(text: str, true: str, read_as: str) -> str:
    try:
        return text.encode(true).decode(read_as)
    except UnicodeError:
        assume(False)
        raise


RUSSIAN_MIXUPS = [
    ("cp1251", "koi8_r"), ("koi8_r", "cp1251"), ("cp866", "cp1251"), ("cp1251", "cp866"),
    ("cp1251", "latin-1"), ("cp1251", "cp1252"), ("koi8_r", "latin-1"),
    ("cp1251", "iso8859_5"), ("iso8859_5", "cp1251"),
]


@pytest.mark.parametrize(("true", "read_as"), RUSSIAN_MIXUPS)
@SETTINGS
@given(data=st.data())
def test_russian_round_trip(true: str, read_as: str, data: st.DataObject) -> None:
    clean = data.draw(_text(RUSSIAN, RUSSIAN_SHORT))
    damaged = _damage(clean, true, read_as)
    assert fix_text(damaged, ONLY) == clean


@pytest.mark.parametrize(("true", "read_as"), [
    ("cp1251", "koi8_u"), ("koi8_u", "cp1251"), ("cp1251", "latin-1"), ("cp1251", "cp1252"),
])
@SETTINGS
@given(data=st.data())
def test_ukrainian_round_trip(true: str, read_as: str, data: st.DataObject) -> None:
    clean = data.draw(_text(UKRAINIAN, []))
    damaged = _damage(clean, true, read_as)
    # KOI8-U shows windows-1251's ї and Ї as symbols ('©', '╞'): a text of
    # nothing but such words has no letters left to judge by, and a line of
    # symbols alone is only reported (see detect_codepage_mixups)
    assume(any(ch.isalpha() for ch in damaged))
    assert fix_text(damaged, ONLY) == clean


@pytest.mark.parametrize(("true", "read_as"), [("kz1048", "cp1251"), ("kz1048", "latin-1")])
@SETTINGS
@given(data=st.data())
def test_kazakh_round_trip(true: str, read_as: str, data: st.DataObject) -> None:
    clean = data.draw(_text(KAZAKH, []))
    assume(any(ch in clean for ch in "әғқңөұүһӘҒҚҢӨҰҮҺ"))
    damaged = _damage(clean, true, read_as)
    assert fix_text(damaged, ONLY) == clean


@pytest.mark.parametrize(("true", "read_as"), [("cp1251", "mac_cyrillic"),
                                               ("mac_cyrillic", "cp1251")])
@SETTINGS
@given(data=st.data())
def test_mac_cyrillic_round_trip_when_capitals_carry_evidence(
        true: str, read_as: str, data: st.DataObject) -> None:
    # Only capitals (and я) differ between the two: text without damaged
    # known words has nothing to decide by, so draw capitalised words.
    words = [w.capitalize() for w in RUSSIAN] + RUSSIAN
    clean = data.draw(_text(words, []))
    damaged = _damage(clean, true, read_as)
    assume(sum(1 for a, b in zip(clean.split(), damaged.split(), strict=True) if a != b) >= 3)
    assert fix_text(damaged, ONLY) == clean


CLEAN = [
    "Le garçon a mangé à midi. Où est-il? Déjà parti, à l'école.",
    "Müller fährt über die Straße nach Zürich; Ärger gibt es keinen.",
    "El niño comió en la mañana: acción, corazón, Málaga, señor.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Ünal İstanbul'da yaşıyor; öğrenci şehir ağaç.",
    "Þú ert góður. Ég á heima á Íslandi. Það er æð.",
    "São João, Kraków, Łódź, Ålesund, Øresund, Ærø.",
    "Привет, мир! Как дела? Всё хорошо, спасибо.",
    "ПРИВЕТ МИР! США, РФ, МГУ и ООН.",
    "Україна — держава у Східній Європі. Її столиця — Київ, ґанок, єдиний.",
    "Қазақстан Республикасының астанасы — Астана қаласы.",
    "Србија је држава. Ђоковић је тенисер из Београда, њен џеп, љубав.",
    "Македонија: ќе одам во Охрид, ѕвезда, ѓубре.",
    "България е държава. Съюзът, щъркел, ъгъл.",
    "Беларусь: краіна, мова, ўсё добра.",
    "Film festival in Astana: Тоқаев, Дворцевой, Eslyamova and Сарсенова.",
    "iPhone-ом пользуются в Москве; Windows XP, Linux, ООО «Ромашка».",
    "Ελληνικά: καλημέρα κόσμε.",
    "½ ¼ ¾ °C ±5 µm © ® ™ « » ¿Qué? ¡Hola!",
    "Ёлка, ЁЛКА, объявил, съёмки, подъезд.",
    # Ukrainian "є" before a closing quote is a word, not Mac Cyrillic for
    # windows-1251 "Її" (found by a random draw of test_joined_words)
    "є» є» є»",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_left_alone(text: str) -> None:
    assert detect_codepage_mixups(text) == []
    assert fix_text(text, ONLY) == text


@SETTINGS
@given(st.sampled_from(CLEAN), st.sampled_from(CLEAN))
def test_clean_text_mixed_lines_are_left_alone(a: str, b: str) -> None:
    text = a + "\n" + b
    assert scan_text(text, ONLY) == []


def test_strategies_clean_text() -> None:
    from hypothesis import find
    from hypothesis.errors import NoSuchExample

    strategies = pytest.importorskip("strategies")
    try:
        # Applied-level findings only: a short clean text can still get a
        # report below the threshold ('в\xa0в' reads as Ukrainian 'тат' in
        # CP866, confidence 0.45) -- a known weakness, not a repair.
        bad = find(
            strategies.sentences(1, 12),
            lambda t: any(f.confidence >= 0.5 for f in detect_codepage_mixups(t)),
            settings=settings(max_examples=200, deadline=None, derandomize=True),
        )
    except NoSuchExample:
        return
    pytest.fail(f"clean text flagged: {bad!r}")


@SETTINGS
@given(data=st.data())
def test_idempotent(data: st.DataObject) -> None:
    clean = data.draw(_text(RUSSIAN, RUSSIAN_SHORT))
    mixup = data.draw(st.sampled_from(RUSSIAN_MIXUPS))
    damaged = _damage(clean, *mixup)
    once = fix_text(damaged, ONLY)
    assert fix_text(once, ONLY) == once


# -- explicit examples, through the default pipeline ---------------------------

KK = "Қазақстан Республикасының астанасы — Астана қаласы."


@pytest.mark.parametrize(("damaged", "gold"), [
    ("Ïðèâåò, ìèð", "Привет, мир"),
    ("Ïðèâåò, ìèð! Êàê äåëà?", "Привет, мир! Как дела?"),
    ("рТЙЧЕФ, НЙТ! лБЛ ДЕМБ? чУЕ ИПТПЫП.", "Привет, мир! Как дела? Все хорошо."),
    ("оПХБЕР, ЛХП! йЮЙ ДЕКЮ? бЯЕ УНПНЬН.", "Привет, мир! Как дела? Все хорошо."),
    ("ЏаЁўҐв, ¬Ёа! Љ\xa0Є ¤Ґ«\xa0? ‚бҐ еЁаЁиЁ.".replace("еЁаЁиЁ", "е®а®и®"),
     "Привет, мир! Как дела? Все хорошо."),
    ("╧ЁштхЄ, ьшЁ! ╩ръ фхыр? ┬ёх їюЁю°ю.", "Привет, мир! Как дела? Все хорошо."),
    ("ðÒÉ×ÅÔ, ÍÉÒ! ëÁË ÄÅÌÁ?", "Привет, мир! Как дела?"),
    (KK.encode("kz1048").decode("cp1251"), KK),
    (KK.encode("kz1048").decode("latin-1"), KK),
    ("Óêðà¿íà — äåðæàâà ó Ñõ³äí³é ªâðîï³.", "Україна — держава у Східній Європі."),
])
def test_examples(damaged: str, gold: str) -> None:
    result = fix_and_explain(damaged, ONLY)
    assert result.text == gold
    assert [f.kind for f in result.applied] == ["codepage_mixup"]


@pytest.mark.parametrize("damaged", [
    "Ïðèâåò, ìèð",
    KK.encode("kz1048").decode("cp1251"),
    # (fix_mojibake used to run first and read 'лБЛ' as UTF-8 in windows-1251;
    # this step runs before it now)
    "рТЙЧЕФ, НЙТ! лБЛ ДЕМБ? чУЕ ИПТПЫП.",
])
def test_examples_through_the_default_profile(damaged: str) -> None:
    assert fix_text(fix_text(damaged)) == fix_text(damaged)
    assert fix_codepage_mixups(damaged) == fix_text(damaged)


def test_finding_says_why() -> None:
    [f] = detect_codepage_mixups("Ïðèâåò, ìèð! Êàê äåëà? Âñå õîðîøî.")
    assert f.kind == "codepage_mixup" and f.step == STEP
    assert f.why.startswith("Russian text in windows-1251 read as latin-1")
    assert "6 of 6 words become known Russian words" in f.why
    assert f.confidence >= 0.9


def test_kazakh_evidence_is_named() -> None:
    [f] = detect_codepage_mixups(KK.encode("kz1048").decode("cp1251"))
    assert f.why.startswith("Kazakh text in KZ-1048 read as windows-1251")


def test_one_short_word_is_reported_not_applied() -> None:
    # "мир" alone: three letters are too little evidence to rewrite text.
    findings = detect_codepage_mixups("ìèð")
    assert findings and all(f.confidence < 0.5 for f in findings)
    assert findings[0].replacement == "мир"
    assert fix_text("ìèð", ONLY) == "ìèð"


def test_single_character_is_never_enough() -> None:
    assert detect_codepage_mixups("Ï") == []
    assert detect_codepage_mixups("Москва — Ð") == []


def test_clean_and_damaged_lines_in_one_document() -> None:
    text = "Привет, мир! Как дела?\nÏðèâåò, ìèð! Êàê äåëà?\nLe garçon a mangé."
    assert fix_text(text, ONLY) == (
        "Привет, мир! Как дела?\nПривет, мир! Как дела?\nLe garçon a mangé.")


@SETTINGS
@given(data=st.data())
def test_spans_point_at_damage(data: st.DataObject) -> None:
    clean = data.draw(_text(RUSSIAN, RUSSIAN_SHORT))
    mixup = data.draw(st.sampled_from(RUSSIAN_MIXUPS))
    prefix = data.draw(st.sampled_from(["", "Hello. ", "Note:\n", "Привет, мир!\n"]))
    text = prefix + _damage(clean, *mixup)
    findings = scan_text(text, ONLY)
    assert findings
    for f in findings:
        assert text[f.start:f.end] == f.original
        assert f.start >= len(prefix)


# -- clean text in many languages: never touched by either encoding step -------

MANY_LANGUAGES = {
    "fr": _split("le la les des une été déjà où garçon français élève après très même "
                 "à ça là côté fenêtre hôtel naïve cœur"),
    "de": _split("der die das und über für Straße Mädchen schön Größe fährt Äpfel "
                 "Öl Übung weiß heißt"),
    "es": _split("el los niño señor año mañana acción corazón también está aquí qué "
                 "¿cómo ¡hola"),
    "cs": _split("příliš žluťoučký kůň úpěl ďábelské ódy že čí řeka což ještě"),
    "tr": _split("ve bir için çok güzel şehir öğrenci ağaç İstanbul Ünal ılık"),
    "is": _split("þú ég á og það er í góður Íslandi æð ó fjörður"),
    "pl": _split("że się jest łódź źródło żółć gęś"),
    "pt": _split("são joão não ação coração irmã avô"),
    "vi": _split("tôi là người Việt Nam không có được"),
    "en": _split("the of and naïve café résumé coöperate"),
    "ru": _split("привет мир Москва съёмки объявил ещё ООН США"),
    "uk": _split("україна її ґанок єдиний київ п'ять м’ята"),
    "kk": _split("қазақстан әлем ғылым өнер ұлт үй һәм және"),
    "sr": _split("србија ђоковић ћерка џеп љубав њен ја"),
    "mk": _split("македонија ќе ѕвезда ѓубре јас"),
    "bg": _split("българия съюзът щъркел ъгъл"),
    "be": _split("беларусь краіна ўсё мова"),
}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(sorted(MANY_LANGUAGES)), min_size=1, max_size=3)
       .flatmap(lambda langs: st.lists(
           st.sampled_from([w for lang in langs for w in MANY_LANGUAGES[lang]]),
           min_size=1, max_size=15)),
       st.sampled_from([" ", ", ", "\n", " — "]))
def test_clean_text_in_many_languages_is_left_alone(words: list[str], sep: str) -> None:
    text = sep.join(words)
    both = Config(disable=frozenset(PROFILES["repair"])
                  - {STEP, "fix_east_asian_mojibake"})
    assert scan_text(text, both) == []
    assert fix_text(text, both) == text


# -- document evidence ---------------------------------------------------------

DOCUMENT = ("Глава первая\nМир\nПривет, мир! Как дела? Все хорошо, спасибо. "
            "Сегодня хорошая погода.\nИван Петров\nКонец")


def test_short_line_is_repaired_when_the_document_is_certain() -> None:
    damaged = DOCUMENT.encode("cp1251").decode("koi8_r")
    assert fix_text(damaged, ONLY) == DOCUMENT
    alone = "Мир".encode("cp1251").decode("koi8_r")
    assert fix_text(alone, ONLY) == alone  # on its own: reported only
    [f] = scan_text(alone, ONLY)
    assert f.confidence < 0.5 and f.replacement == "Мир"


def test_document_evidence_from_chunks_equals_whole() -> None:
    from cleantext.steps.codepage_mixups import (
        gather_codepage_evidence,
        merge_codepage_evidence,
    )

    damaged = DOCUMENT.encode("cp1251").decode("koi8_r")
    cut = damaged.index("\n", damaged.index("\n") + 1) + 1  # chunks end at lines
    head, tail = damaged[:cut], damaged[cut:]
    merged = merge_codepage_evidence(gather_codepage_evidence(head),
                                     gather_codepage_evidence(tail))
    assert merged == gather_codepage_evidence(damaged)
    assert set(merged) == {"cp1251>koi8_r"}
    short = damaged.split("\n")[1]
    with_evidence = ONLY.with_changes(evidence={STEP: merged})
    assert fix_text(short, with_evidence) == "Мир"


def test_a_letter_the_code_page_cannot_show_rules_it_out() -> None:
    # Mongolian 'ү' is not in CP866: the line was not decoded with it, though
    # 'эсэх' read back through KOI8-R is the Russian word 'маме'
    line = "Xft·Бичгүүдэд hint·хэрэглэх эсэх;·0=үгүй,·1=тийм,·-1=стандарт"
    assert detect_codepage_mixups(line) == []
    # the same mixup on Russian text is still repaired
    assert fix_codepage_mixups("Привет, мир! Как дела?".encode("koi8_r").decode("cp866")) == (
        "Привет, мир! Как дела?")


def test_letters_that_fit_an_alphabet_only_in_chaotic_case_are_no_evidence() -> None:
    # Serbian capitals with a Russian Ё fit no alphabet; through CP866 they
    # read 'КМгиА', Russian letters in no sane case
    assert detect_codepage_mixups("ЉЊЈЁЂ ЉЊЈЁЂ") == []


def test_quotation_marks_opening_words_are_no_finding() -> None:
    # «ол “ол reads as windows-1251 Зол Тол through Mac Cyrillic: only the
    # marks change, which is how clean Kazakh and Russian are written
    for text in ("the «ол “ол", "Ол айтты: «ол “ол келеді»"):
        assert detect_codepage_mixups(text) == []


def test_a_weak_repair_that_turns_letters_into_marks_is_no_finding() -> None:
    # 'Від «на «на' reads as windows-1251 '‚ґд Зна Зна' through Mac Cyrillic:
    # the quotes become letters, but В and і become marks; nothing is mended
    assert detect_codepage_mixups("Від «на «на") == []


def test_a_reading_with_known_words_beats_one_without() -> None:
    # Mac Cyrillic read as windows-1251: the line reads as four known Russian
    # words (0.67); its last word alone reads as KZ-1048 Kazakh that no list
    # holds (0.72), which used to win and leave the rest damaged
    damaged = "Сказал Сказал Сказал Новый.".encode("mac_cyrillic").decode("cp1251")
    assert damaged == "‘казал ‘казал ‘казал Ќовый."
    assert fix_text(damaged, ONLY) == "Сказал Сказал Сказал Новый."
