# ruff: noqa: E501  (the tables below hold whole sentences, one per line)
"""Build the hand-made part of the corpus: ``corpus/cases/*.jsonl``.

Every case starts from a clean, realistic sentence written here (the gold).
Damaged text is made from it by a named recipe (``utf8_as("cp1252")``:
the UTF-8 bytes read as windows-1252), so each case can be reproduced and
checked: the recipe is written next to the case, in the ``note`` field too.
Damage that no codec makes (stray invisible characters, entities, escapes)
is written out by hand as a (damaged, gold) pair.

Run from the repository root; it rewrites the files it owns and prints how
many cases each holds::

    python scripts/build_corpus.py

Set ``expect``/``reason`` for known failures in KNOWN_FAILURES below, not in
the generated files (they are overwritten).
"""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_io import CORPUS, write_jsonl  # noqa: E402

Recipe = Callable[[str], str]


# ---------------------------------------------------------------- damage ---

def _sloppy(error: UnicodeError) -> tuple[str, int]:
    # A byte the code page leaves undefined shows as the Latin-1 character of
    # that byte: what browsers and Windows' MultiByteToWideChar do, and what
    # ftfy calls a "sloppy" codec.
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("corpus-sloppy", _sloppy)


def utf8_as(encoding: str, layers: int = 1) -> Recipe:
    """UTF-8 bytes read as ``encoding`` (``layers`` times over)."""
    def damage(text: str) -> str:
        for _ in range(layers):
            text = text.encode("utf-8").decode(encoding, "corpus-sloppy")
        return text
    damage.__name__ = f"utf8_as({encoding!r}{f', layers={layers}' if layers > 1 else ''})"
    return damage


def legacy_as(written: str, read: str) -> Recipe:
    """Text saved in the single/multi-byte code page ``written``, read as ``read``."""
    def damage(text: str) -> str:
        return text.encode(written).decode(read, "corpus-sloppy")
    damage.__name__ = f"legacy_as({written!r}, {read!r})"
    return damage


def only(recipe: Recipe, *parts: str) -> Recipe:
    """Apply ``recipe`` to the given substrings only (mixed damaged/clean text)."""
    def damage(text: str) -> str:
        for part in parts:
            if part not in text:
                raise ValueError(f"{part!r} is not in {text!r}")
            text = text.replace(part, recipe(part))
        return text
    damage.__name__ = f"{recipe.__name__} on {', '.join(repr(p) for p in parts)} only"
    return damage


def lines(recipe: Recipe, *numbers: int) -> Recipe:
    """Apply ``recipe`` to the given lines (0-based) of a multi-line text."""
    def damage(text: str) -> str:
        out = text.split("\n")
        for n in numbers:
            out[n] = recipe(out[n])
        return "\n".join(out)
    damage.__name__ = f"{recipe.__name__} on lines {list(numbers)}"
    return damage


# ------------------------------------------------------------- sentences ---
# Realistic clean text, by language. Keys are used in labels.

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "cafe": "The café’s new menu — crêpes, jalapeño poppers and a crème brûlée — starts on Monday.",
        "quote": "“We don’t expect any delays,” the spokesperson said, adding that the report was final.",
        "prices": "Prices rose 2–3% in the third quarter; the CEO called it “manageable”…",
        "resume": "Send your résumé to the hiring manager before Friday – we’ll reply within a week.",
        "weather": "The temperature reached 40 °C in Seville, a record for May.",
        "legal": "Copyright © 2019 Acme Ltd. Acme™ and Roadrunner® are trademarks of Acme Ltd.",
        "money": "I’d pay £5 or €6 for a ticket, but not ¥900.",
        "short": "Ålesund",
    },
    "fr": {
        "reform": "Le président a annoncé une réforme très controversée à l’Assemblée nationale.",
        "noel": "À Noël, nous irons à la fête du village près de Besançon, où l’on mange des bûches glacées.",
        "hopital": "L’hôpital a reçu des élèves de troisième pour une journée « découverte des métiers ».",
        "oeuvre": "Il faut lire une œuvre de Molière pour le cours de français de l’été.",
        "naive": "naïve",
    },
    "de": {
        "strasse": "Die Bürgermeisterin hat die Straße gesperrt, weil die Brücke marode ist.",
        "mieten": "Größere Städte wie München und Köln melden höhere Mieten als im Vorjahr.",
        "minister": "„Wir müssen schneller handeln“, sagte der Minister für Wirtschaft und Energie.",
        "name": "Jürgen Müller",
        "pruefung": "Die Prüfung der Unterlagen dauert voraussichtlich drei Wochen, teilte das Amt mit.",
    },
    "es": {
        "nino": "El niño comió una piña y un pequeño trozo de turrón en la montaña.",
        "donde": "¿Dónde está la estación de autobuses? Necesito llegar a Logroño antes de las diez.",
        "compania": "La compañía anunció que el año próximo abrirá una sucursal en Córdoba.",
        "futbol": "¡Qué alegría! Mañana empieza el campeonato de fútbol en Málaga.",
    },
    "cs": {
        "vlada": "Vláda schválila návrh zákona o státním rozpočtu na příští rok.",
        "pocasi": "Dnešní počasí: v Brně bude slunečno, teploty kolem dvaceti stupňů.",
        "konference": "Účastníci konference se sejdou ve čtvrtek v Českých Budějovicích.",
        "kun": "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    },
    "tr": {
        "istanbul": "İstanbul’da bugün hava güneşli, akşam saatlerinde yağmur bekleniyor.",
        "ogrenci": "Öğrenciler sınav sonuçlarını çarşamba günü öğrenecekler.",
        "ihracat": "Türkiye’nin ihracatı geçen yıla göre yüzde on iki arttı.",
        "fabrika": "Şirketin genel müdürü, yeni fabrikanın ağustos ayında açılacağını söyledi.",
    },
    "ru": {
        "zakon": "Президент подписал закон о повышении минимальной зарплаты с первого января.",
        "moskva": "В Москве ожидается снег, температура опустится до минус пятнадцати градусов.",
        "aika": "Фильм «Айка» получил приз за лучшую женскую роль на Каннском кинофестивале.",
        "syomki": "Съёмки продолжались шесть лет, а бюджет составил 2,5 миллиона евро.",
        "privet": "Привет! Как дела? Напиши, когда освободишься.",
        "kompania": "Компания объявила о выпуске новой версии программы для бухгалтерии.",
        "kazakh": "В Казахстане лента откроет Международный кинофестиваль в Алматы.",
    },
    "kk": {
        "prezident": "Қазақстан Республикасының Президенті жаңа заңға қол қойды.",
        "festival": "Алматыда өткен кинофестивальге көптеген көрермендер қатысты.",
        "aua": "Бүгін ауа райы жылы болады, түстен кейін жаңбыр жаууы мүмкін.",
        "student": "Ұлттық университеттің студенттері ғылыми конференцияға дайындалуда.",
        "akimdik": "Әкімдік қала күніне арналған мерекелік іс-шаралар жоспарын жариялады.",
    },
    "uk": {
        "vid": "Від сьогодні в Києві діє новий розклад руху громадського транспорту.",
        "yizhak": "Їжачок ґаздує в лісі, а білка збирає горіхи на зиму.",
    },
    "el": {
        "athina": "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της χώρας.",
    },
    "zh": {
        "beijing": "我们明天在北京开会，请准时到达。",
        "tianqi": "今天的天气很好，我们去公园散步吧。",
        "taipei": "我們明天在台北開會，請準時到達。",
    },
    "ja": {
        "tokyo": "東京の天気は明日から晴れる見込みです。",
        "kaigi": "会議の資料は金曜日までに送ってください。",
    },
    "ko": {
        "seoul": "서울의 날씨는 내일 맑을 것으로 예상됩니다.",
    },
    "mul": {
        "emoji_doc": "📄 Report attached, see page 3 👍",
        "emoji_heart": "Thank you so much ❤️ see you soon 😊",
        "emoji_family": "Happy holidays from all of us 👨‍👩‍👧‍👦🎄",
        "emoji_flag": "Greetings from Almaty 🇰🇿 and Berlin 🇩🇪!",
        "emoji_skin": "Great job, team 👍🏽🎉",
    },
}


# Paragraphs: more evidence per case, as in real scraped news.
for _lang, _keys in {
    "ru": ("zakon", "syomki", "kazakh", "moskva"),
    "kk": ("prezident", "festival", "student", "akimdik"),
    "en": ("quote", "resume", "money"),
    "fr": ("reform", "noel", "hopital"),
    "de": ("strasse", "mieten", "minister"),
}.items():
    TEXT[_lang]["paragraph"] = " ".join(TEXT[_lang][k] for k in _keys)

# (kind, language, sentence key, recipe). Labels are made from these.
DERIVED: list[tuple[str, str, str, Recipe]] = [
    # -- UTF-8 read as a Western code page
    ("mojibake", "en", "cafe", utf8_as("cp1252")),
    ("mojibake", "en", "quote", utf8_as("cp1252")),
    ("mojibake", "en", "prices", utf8_as("cp1252")),
    ("mojibake", "en", "resume", utf8_as("cp1252")),
    ("mojibake", "en", "weather", utf8_as("cp1252")),
    ("mojibake", "en", "legal", utf8_as("cp1252")),
    ("mojibake", "en", "money", utf8_as("cp1252")),
    ("mojibake", "en", "short", utf8_as("cp1252")),
    ("mojibake", "de", "name", utf8_as("cp1252")),
    ("mojibake", "fr", "naive", utf8_as("cp1252")),
    ("mojibake", "en", "quote", utf8_as("latin-1")),
    ("mojibake", "en", "resume", utf8_as("latin-1")),
    ("mojibake", "en", "cafe", utf8_as("mac_roman")),
    ("mojibake", "en", "quote", utf8_as("mac_roman")),
    ("mojibake", "en", "weather", utf8_as("mac_roman")),
    ("mojibake", "en", "cafe", utf8_as("cp437")),
    ("mojibake", "en", "quote", utf8_as("cp1252", layers=2)),
    ("mojibake", "en", "prices", utf8_as("cp1252", layers=2)),
    ("mojibake", "en", "quote", utf8_as("cp1252", layers=3)),
    ("mojibake", "en", "resume", utf8_as("mac_roman", layers=2)),
    ("mojibake", "en", "money", utf8_as("cp1251")),
    ("mojibake", "fr", "reform", utf8_as("cp1252")),
    ("mojibake", "fr", "noel", utf8_as("cp1252")),
    ("mojibake", "fr", "hopital", utf8_as("cp1252")),
    ("mojibake", "fr", "oeuvre", utf8_as("cp1252")),
    ("mojibake", "fr", "noel", utf8_as("mac_roman")),
    ("mojibake", "fr", "hopital", utf8_as("latin-1")),
    ("mojibake", "fr", "reform", utf8_as("cp1252", layers=2)),
    ("mojibake", "fr", "oeuvre", utf8_as("cp1250")),
    ("mojibake", "de", "strasse", utf8_as("cp1252")),
    ("mojibake", "de", "mieten", utf8_as("cp1252")),
    ("mojibake", "de", "minister", utf8_as("cp1252")),
    ("mojibake", "de", "pruefung", utf8_as("cp1252")),
    ("mojibake", "de", "mieten", utf8_as("mac_roman")),
    ("mojibake", "de", "minister", utf8_as("latin-1")),
    ("mojibake", "de", "strasse", utf8_as("cp1252", layers=2)),
    ("mojibake", "es", "nino", utf8_as("cp1252")),
    ("mojibake", "es", "donde", utf8_as("cp1252")),
    ("mojibake", "es", "compania", utf8_as("cp1252")),
    ("mojibake", "es", "futbol", utf8_as("cp1252")),
    ("mojibake", "es", "donde", utf8_as("mac_roman")),
    ("mojibake", "es", "compania", utf8_as("cp1252", layers=2)),
    ("mojibake", "es", "futbol", utf8_as("iso8859_15")),
    ("mojibake", "cs", "vlada", utf8_as("cp1250")),
    ("mojibake", "cs", "pocasi", utf8_as("cp1250")),
    ("mojibake", "cs", "konference", utf8_as("cp1250")),
    ("mojibake", "cs", "kun", utf8_as("iso8859_2")),
    ("mojibake", "cs", "vlada", utf8_as("cp1252")),
    ("mojibake", "cs", "konference", utf8_as("mac_roman")),
    ("mojibake", "tr", "istanbul", utf8_as("cp1254")),
    ("mojibake", "tr", "ogrenci", utf8_as("cp1254")),
    ("mojibake", "tr", "ihracat", utf8_as("cp1252")),
    ("mojibake", "tr", "fabrika", utf8_as("cp1252")),
    ("mojibake", "tr", "ogrenci", utf8_as("mac_roman")),
    ("mojibake", "tr", "fabrika", utf8_as("iso8859_9")),
    ("mojibake", "el", "athina", utf8_as("cp1253")),
    ("mojibake", "el", "athina", utf8_as("cp1252")),
    # -- UTF-8 Cyrillic read as a Cyrillic or Western code page
    ("mojibake", "ru", "zakon", utf8_as("cp1251")),
    ("mojibake", "ru", "moskva", utf8_as("cp1251")),
    ("mojibake", "ru", "aika", utf8_as("cp1251")),
    ("mojibake", "ru", "syomki", utf8_as("koi8_r")),
    ("mojibake", "ru", "privet", utf8_as("koi8_r")),
    ("mojibake", "ru", "zakon", utf8_as("cp866")),
    ("mojibake", "ru", "kompania", utf8_as("cp866")),
    ("mojibake", "ru", "kazakh", utf8_as("mac_roman")),
    ("mojibake", "ru", "aika", utf8_as("mac_roman")),
    ("mojibake", "ru", "moskva", utf8_as("iso8859_5")),
    ("mojibake", "ru", "privet", utf8_as("mac_cyrillic")),
    ("mojibake", "ru", "syomki", utf8_as("cp1252")),
    ("mojibake", "ru", "kompania", utf8_as("latin-1")),
    ("mojibake", "ru", "privet", utf8_as("cp1251", layers=2)),
    ("mojibake", "ru", "zakon", utf8_as("cp437")),
    ("mojibake", "uk", "vid", utf8_as("cp1251")),
    ("mojibake", "uk", "yizhak", utf8_as("koi8_u")),
    ("mojibake", "kk", "prezident", utf8_as("cp1251")),
    ("mojibake", "kk", "student", utf8_as("cp1251")),
    ("mojibake", "kk", "festival", utf8_as("cp1252")),
    ("mojibake", "kk", "akimdik", utf8_as("cp1252")),
    ("mojibake", "kk", "aua", utf8_as("koi8_r")),
    ("mojibake", "kk", "prezident", utf8_as("mac_roman")),
    ("mojibake", "kk", "festival", utf8_as("kz1048")),
    ("mojibake", "ru", "paragraph", utf8_as("cp1251")),
    ("mojibake", "ru", "paragraph", utf8_as("mac_roman")),
    ("mojibake", "kk", "paragraph", utf8_as("cp1251")),
    ("mojibake", "kk", "paragraph", utf8_as("cp1252")),
    ("mojibake", "en", "paragraph", utf8_as("cp1252")),
    ("mojibake", "fr", "paragraph", utf8_as("mac_roman")),
    ("mojibake", "de", "paragraph", utf8_as("cp1252", layers=2)),
    # -- mojibake mixed with clean text on one line
    ("mojibake-mixed", "en", "cafe", only(utf8_as("cp1252"), "café’s", "brûlée")),
    ("mojibake-mixed", "fr", "noel", only(utf8_as("cp1252"), "Besançon")),
    ("mojibake-mixed", "de", "minister", only(utf8_as("cp1252"), "müssen")),
    ("mojibake-mixed", "ru", "aika", only(utf8_as("cp1251"), "лучшую женскую роль")),
    ("mojibake-mixed", "kk", "festival", only(utf8_as("cp1251"), "көптеген")),
    ("mojibake-mixed", "en", "prices", only(utf8_as("mac_roman"), "2–3%")),
    # -- single-byte to single-byte mixups
    ("codepage-mixup", "ru", "privet", legacy_as("cp1251", "cp1252")),
    ("codepage-mixup", "ru", "zakon", legacy_as("cp1251", "cp1252")),
    ("codepage-mixup", "ru", "moskva", legacy_as("cp1251", "latin-1")),
    ("codepage-mixup", "ru", "aika", legacy_as("cp1251", "koi8_r")),
    ("codepage-mixup", "ru", "kompania", legacy_as("cp1251", "koi8_r")),
    ("codepage-mixup", "ru", "syomki", legacy_as("koi8_r", "cp1251")),
    ("codepage-mixup", "ru", "zakon", legacy_as("koi8_r", "cp1251")),
    ("codepage-mixup", "ru", "moskva", legacy_as("cp866", "cp1251")),
    ("codepage-mixup", "ru", "privet", legacy_as("cp866", "cp1251")),
    ("codepage-mixup", "ru", "kazakh", legacy_as("cp1251", "cp866")),
    ("codepage-mixup", "ru", "kompania", legacy_as("koi8_r", "cp866")),
    ("codepage-mixup", "uk", "vid", legacy_as("cp1251", "cp1252")),
    ("codepage-mixup", "uk", "vid", legacy_as("koi8_u", "cp1251")),
    ("codepage-mixup", "kk", "prezident", legacy_as("kz1048", "cp1251")),
    ("codepage-mixup", "kk", "student", legacy_as("kz1048", "cp1251")),
    ("codepage-mixup", "kk", "akimdik", legacy_as("kz1048", "cp1251")),
    ("codepage-mixup", "kk", "aua", legacy_as("kz1048", "cp1252")),
    ("codepage-mixup", "kk", "festival", legacy_as("kz1048", "latin-1")),
    ("codepage-mixup", "ru", "paragraph", legacy_as("cp1251", "cp1252")),
    ("codepage-mixup", "ru", "paragraph", legacy_as("koi8_r", "cp1251")),
    ("codepage-mixup", "ru", "paragraph", legacy_as("cp866", "cp1251")),
    ("codepage-mixup", "kk", "paragraph", legacy_as("kz1048", "cp1251")),
    ("codepage-mixup", "kk", "paragraph", legacy_as("kz1048", "cp1252")),
    ("codepage-mixup", "el", "athina", legacy_as("cp1253", "cp1252")),
    ("codepage-mixup", "cs", "vlada", legacy_as("cp1250", "cp1252")),
    # -- East Asian legacy encodings read as a Western code page
    ("east-asian-mojibake", "zh", "beijing", legacy_as("gbk", "latin-1")),
    ("east-asian-mojibake", "zh", "tianqi", legacy_as("gbk", "cp1252")),
    ("east-asian-mojibake", "zh", "taipei", legacy_as("big5", "latin-1")),
    ("east-asian-mojibake", "zh", "taipei", legacy_as("big5", "cp1252")),
    ("east-asian-mojibake", "ja", "tokyo", legacy_as("shift_jis", "cp1252")),
    ("east-asian-mojibake", "ja", "kaigi", legacy_as("shift_jis", "latin-1")),
    ("east-asian-mojibake", "ja", "tokyo", legacy_as("euc_jp", "latin-1")),
    ("east-asian-mojibake", "ko", "seoul", legacy_as("euc_kr", "latin-1")),
    ("east-asian-mojibake", "ko", "seoul", legacy_as("euc_kr", "cp1252")),
    ("east-asian-mojibake", "zh", "beijing", utf8_as("cp1252")),
    ("east-asian-mojibake", "ja", "kaigi", utf8_as("cp1252")),
    ("east-asian-mojibake", "ko", "seoul", utf8_as("cp1252")),
    # -- emoji
    ("emoji-mojibake", "mul", "emoji_doc", utf8_as("cp1252")),
    ("emoji-mojibake", "mul", "emoji_heart", utf8_as("cp1252")),
    ("emoji-mojibake", "mul", "emoji_family", utf8_as("cp1252")),
    ("emoji-mojibake", "mul", "emoji_flag", utf8_as("cp1252")),
    ("emoji-mojibake", "mul", "emoji_skin", utf8_as("cp1252")),
    ("emoji-mojibake", "mul", "emoji_heart", utf8_as("mac_roman")),
    ("emoji-mojibake", "mul", "emoji_doc", utf8_as("cp1251")),
]

# Multi-line texts where only some lines are damaged (as when files are
# concatenated or a database column was converted row by row).
DOCUMENTS: list[tuple[str, str, str, Recipe]] = [
    ("mojibake-lines", "en",
     "Meeting notes – 14 March\nAttendees: José, Zoë, François\nNext step: “final” review\n",
     lines(utf8_as("cp1252"), 1)),
    ("mojibake-lines", "ru",
     "Протокол собрания\nПрисутствовали: Иванов, Пётр Сергеевич\nРешение: утвердить бюджет\n",
     lines(utf8_as("cp1251"), 0, 2)),
    ("mojibake-lines", "mul",
     "Almaty — Алматы\nKazakhstan — Қазақстан\nFrance — Франция\n",
     lines(utf8_as("cp1252"), 1)),
    ("mojibake-lines", "de",
     "Größe: 42\nFarbe: Grün\nPreis: 19,99 €\n",
     lines(utf8_as("mac_roman"), 0, 1, 2)),
]


# Damage that no codec makes: written out by hand, (kind, language, damaged, gold, note).
HAND: list[tuple[str, str, str, str, str]] = [
    # HTML entities outside markup
    ("html-entities", "fr", "Caf&eacute; cr&egrave;me &agrave; 2&nbsp;&euro;",
     "Café crème à 2\u00a0€", "named entities in plain text"),
    ("html-entities", "en", "It&#8217;s a &#8220;must-see&#8221; film, says the critic.",
     "It’s a “must-see” film, says the critic.", "decimal character references"),
    ("html-entities", "en", "Tom &amp; Jerry return in a new series this autumn.",
     "Tom & Jerry return in a new series this autumn.", "&amp; in plain text (a scraped title)"),
    ("html-entities", "de", "Gr&uuml;&szlig;e aus M&uuml;nchen und K&ouml;ln",
     "Grüße aus München und Köln", "named entities"),
    ("html-entities", "es", "Espa&ntilde;a gan&oacute; el partido en Sevilla.",
     "España ganó el partido en Sevilla.", "named entities"),
    ("html-entities", "ru", "&#1055;&#1088;&#1080;&#1074;&#1077;&#1090;, &#1084;&#1080;&#1088;!",
     "Привет, мир!", "decimal references for every Cyrillic letter"),
    ("html-entities", "kk", "&#x49A;&#x430;&#x437;&#x430;&#x49B;&#x441;&#x442;&#x430;&#x43D; &#x436;&#x430;&#x4A3;&#x430;&#x43B;&#x44B;&#x49B;&#x442;&#x430;&#x440;&#x44B;",
     "Қазақстан жаңалықтары", "hexadecimal references"),
    ("html-entities", "en", "Caf&amp;eacute; au lait for &amp;pound;3",
     "Café au lait for £3", "double-escaped entities (escaped twice on the way)"),
    ("html-entities", "en", "&amp;#8220;Breaking news&amp;#8221; &amp;mdash; live",
     "“Breaking news” — live", "double-escaped numeric references"),
    ("html-entities", "fr", "l&rsquo;&eacute;t&eacute; dernier &agrave; Paris",
     "l’été dernier à Paris", "named entities for quotes and accents"),
    ("html-entities", "en", "caf&Atilde;&copy; and cr&Atilde;&uml;me",
     "café and crème", "entities on top of UTF-8/windows-1252 mojibake"),
    # C1 controls: windows-1252 text read as Latin-1
    ("c1-controls", "en", "\x93Hello,\x94 she said. \x93It\x92s late.\x94",
     "“Hello,” she said. “It’s late.”", "windows-1252 quotes read as Latin-1"),
    ("c1-controls", "en", "Pages 10\x9620 cover the 1990s\x85",
     "Pages 10–20 cover the 1990s…", "en dash and ellipsis as C1 controls"),
    ("c1-controls", "fr", "Le prix est de 5\x80 \x96 offre limit\u00e9e",
     "Le prix est de 5€ – offre limitée", "euro sign and en dash as C1 controls"),
    ("c1-controls", "de", "\x84Guten Morgen\x93, sagte er.",
     "„Guten Morgen“, sagte er.", "German low-high quotes as C1 controls"),
    ("c1-controls", "es", "Bienvenidos a \x93La Casa\x94 \x97 abierto todos los días",
     "Bienvenidos a “La Casa” — abierto todos los días", "quotes and em dash as C1 controls"),
    # Zero-width and invisible characters inside words
    ("invisible", "en", "Kazak\u200bhstan signed the agree\u200bment on Tuesday.",
     "Kazakhstan signed the agreement on Tuesday.", "zero-width spaces inside words"),
    ("invisible", "en", "Reset your pass\u200bword\u200b here.",
     "Reset your password here.", "zero-width spaces from a web form"),
    ("invisible", "ru", "Прави\u200bтельство утвердило бюд\u2060жет.",
     "Правительство утвердило бюджет.", "zero-width space and word joiner inside Russian words"),
    ("invisible", "en", "Hello\ufeff world, this is a test.",
     "Hello world, this is a test.", "a byte-order mark in the middle of a line (files concatenated)"),
    ("invisible", "en", "\ufeffTitle: Annual report 2023",
     "Title: Annual report 2023", "byte-order mark at the start"),
    ("invisible", "en", "The infor\u00admation was avail\u00adable to every\u00adone.",
     "The information was available to everyone.", "soft hyphens inside words"),
    ("invisible", "de", "Die Donau\u00addampf\u00adschiff\u00adfahrts\u00adgesellschaft",
     "Die Donaudampfschifffahrtsgesellschaft", "soft hyphens in a German compound"),
    ("invisible", "ru", "Госу\u00adдарст\u00adвенная дума",
     "Государственная дума", "soft hyphens in Russian"),
    # Latin ligature code points
    ("ligature-codepoints", "en", "The ﬁnancial report shows a ﬂat trend.",
     "The financial report shows a flat trend.", "fi and fl ligature code points"),
    ("ligature-codepoints", "en", "Our oﬃce will make every eﬀort to help.",
     "Our office will make every effort to help.", "ffi and ff ligature code points"),
    ("ligature-codepoints", "en", "The results were baﬄing and the ﬁrst ﬁgures too.",
     "The results were baffling and the first figures too.", "ffl and fi ligature code points"),
    ("ligature-codepoints", "fr", "Une méthode eﬃcace et ﬁable.",
     "Une méthode efficace et fiable.", "ffi and fi ligatures in French"),
    ("ligature-codepoints", "de", "Die Auﬂage ist ausverkauft, sagte der Verlag oﬀiziell.",
     "Die Auflage ist ausverkauft, sagte der Verlag offiziell.", "fl and ff ligatures in German"),
    # Terminal escapes
    ("terminal-escapes", "en", "\x1b[1;31mERROR\x1b[0m: disk quota exceeded",
     "ERROR: disk quota exceeded", "ANSI colour codes in a log line"),
    ("terminal-escapes", "en", "Build \x1b[32mpassed\x1b[39m in 4.2s",
     "Build passed in 4.2s", "ANSI colour codes around one word"),
    # Surrogates left by UTF-16 handling
    ("surrogates", "en", "Great news \ud83d\ude00 see you there",
     "Great news 😀 see you there", "an emoji as a surrogate pair of code points"),
    ("surrogates", "ru", "Отлично \ud83d\udc4d",
     "Отлично 👍", "an emoji as a surrogate pair after Russian text"),
]

# Clean text that looks suspicious: it must come back byte-identical.
NEGATIVE: list[tuple[str, str, str]] = [
    ("tr", "Ünal Bey dün akşam İstanbul’a döndü.", "Turkish name and dotted capital I"),
    ("tr", "İZMİR VE IĞDIR ARASINDAKİ MESAFE ÇOK UZUN", "all-caps Turkish with İ and Ğ"),
    ("tr", "Şişli’de yeni bir müze açıldı.", "Turkish letters ş, ı, ü"),
    ("pt", "São João del-Rei fica em Minas Gerais.", "Portuguese ã in a place name"),
    ("pt", "SÃO PAULO E NÃO RIO", "all-caps Ã, which looks like the start of mojibake"),
    ("de", "Herr Ünal aus Österreich wohnt in der Ägidiusstraße.", "German capitals with umlauts"),
    ("de", "Größe: 5 × 10 cm, Preis: 19,99 €", "multiplication sign and euro sign"),
    ("fr", "Déjà vu : une naïve crème brûlée à l’hôtel.", "many accents in one line"),
    ("fr", "« Où est l’Œuvre ? » demanda-t-il.", "guillemets and the Œ ligature letter"),
    ("es", "¿Qué? ¡Ñandú! Año 2024.", "Spanish inverted marks and Ñ"),
    ("is", "Þórður Guðjónsson fór til Ísafjarðar.", "Icelandic þ and ð, which appear in mojibake"),
    ("da", "Ærø og Åbenrå ligger i Danmark.", "Danish Æ, ø, Å"),
    ("pl", "Zażółć gęślą jaźń.", "Polish pangram"),
    ("cs", "Příliš žluťoučký kůň úpěl ďábelské ódy.", "Czech pangram, clean"),
    ("ro", "Ţara şi oraşul: România are 41 de judeţe.", "Romanian with cedilla letters"),
    ("math", "∀x ∈ ℝ: x² ≥ 0, and ∑ᵢ aᵢ ≤ ∞.", "mathematical symbols"),
    ("math", "(-1/2)! = √π and ±5 °C is ½ of ±10 °C.", "root, pi, plus-minus, degree, half"),
    ("math", "¬p ∨ q ≡ p → q", "logic symbols including ¬, which appears in Mac Roman mojibake"),
    ("en", "The price is £100 (about €115 or $127) © 2024.", "currency and copyright signs"),
    ("en", "AT&T and R&D teams met for a Q&A session.", "ampersands that are not entities"),
    ("en", "Use &amp; to write an ampersand in HTML: <b>AT&amp;T</b>", "entities inside markup"),
    ("en", "<p class=\"note\">Caf&eacute; &amp; bar</p>", "an HTML line: its entities are markup, not damage"),
    ("en", "if (a <= b && c != d) { return x ? y : z; }", "a C snippet"),
    ("en", "C:\\new\\table\\data.txt", "a Windows path with backslashes"),
    ("en", "grep -E '^[A-Za-z_]\\w*$' names.txt | sort -u", "a shell command with a regex"),
    ("en", "{\"name\": \"Zoë\", \"city\": \"Zürich\", \"ok\": true}", "JSON with accents"),
    ("en", "naïve café résumé – “quoted” ‘single’ … — •", "typographic punctuation"),
    ("ru", "ТАСС сообщает: в Москве открылась выставка.", "all-caps Russian abbreviation"),
    ("ru", "ООО «Ромашка» и АО «Газпром» подписали договор.", "Russian company names in guillemets"),
    ("ru", "ВСЕ НА ВЫБОРЫ! ГОЛОСУЙТЕ ЗА СВОЕГО КАНДИДАТА!", "all-caps Russian"),
    ("ru", "Ёлка, ёжик и съёмки — всё как в детстве.", "Russian ё and ъ"),
    ("ru", "Windows 10 и macOS поддерживают UTF-8 по умолчанию.", "Latin words inside Russian text"),
    ("uk", "Від сьогодні в Києві діє новий розклад.", "Ukrainian Від, і, ї"),
    ("uk", "ЇЖАК І ҐАНОК: ЄДИНА ВІДПОВІДЬ", "all-caps Ukrainian"),
    ("uk", "В’ячеслав отримав ґрант на навчання.", "Ukrainian apostrophe and ґ"),
    ("kk", "Қазақстан Республикасының Президенті жаңа заңға қол қойды.", "Kazakh letters"),
    ("kk", "ӘКІМДІК ҚАЛА КҮНІНЕ ДАЙЫНДАЛУДА", "all-caps Kazakh"),
    ("be", "Беларуская мова мае літару ў.", "Belarusian ў"),
    ("sr", "Ђорђе и Љубица живе у Новом Саду.", "Serbian Ђ, Љ"),
    ("el", "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.", "Greek"),
    ("zh", "我们明天在北京开会，请准时到达。", "Chinese with full-width punctuation"),
    ("ja", "東京の天気は明日から晴れる見込みです。", "Japanese"),
    ("ko", "서울의 날씨는 내일 맑을 것으로 예상됩니다.", "Korean"),
    ("fa", "می‌خواهم به خانه بروم.", "Persian with a zero-width non-joiner that belongs there"),
    ("ar", "مرحبا بكم في المؤتمر.", "Arabic"),
    ("he", "שלום עולם", "Hebrew"),
    ("mul", "Happy holidays 👨‍👩‍👧‍👦 from 🇰🇿 with ❤️ and 👍🏽", "emoji ZWJ sequence, flag, VS16, skin tone"),
    ("mul", "Almaty — Алматы — Алмати", "the same city in three scripts"),
    ("en", "The symbol ™ follows the name, and Å is the ångström.", "™ and Å, which appear in mojibake"),
    ("en", "Vitamin B₁₂ and H₂O at 10⁻³ mol", "subscripts and superscripts"),
]


def _slug(text: str) -> str:
    from unidecode import unidecode

    out = "".join(c if c.isascii() and c.isalnum() else "-" for c in unidecode(text).lower())
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")


def _recipe_slug(recipe: Recipe) -> str:
    name = recipe.__name__
    for old, new in (("utf8_as(", "utf8-as-"), ("legacy_as(", ""), ("layers=", "x")):
        name = name.replace(old, new)
    name = name.split(" on ")[0]
    return _slug(name.replace("', '", "-as-"))


def build() -> dict[str, list[dict[str, object]]]:
    """Every hand-made case, by output file name."""
    files: dict[str, list[dict[str, object]]] = {}
    labels: set[str] = set()

    def add(file: str, record: dict[str, object]) -> None:
        label = str(record["label"])
        n = 2
        while label in labels:
            label = f"{record['label']}-{n}"
            n += 1
        record["label"] = label
        labels.add(label)
        files.setdefault(file, []).append(record)

    for kind, lang, key, recipe in DERIVED:
        gold = TEXT[lang][key]
        damaged = recipe(gold)
        if damaged == gold:
            raise ValueError(f"{recipe.__name__} does not change {gold!r}")
        add(kind, {
            "label": f"{kind}-{lang}-{key}-{_recipe_slug(recipe)}",
            "kind": kind, "language": lang, "damaged": damaged, "gold": gold,
            "source": "hand-made", "note": f"made with {recipe.__name__}",
        })
    for kind, lang, gold, recipe in DOCUMENTS:
        add(kind, {
            "label": f"{kind}-{lang}-{_recipe_slug(recipe)}",
            "kind": kind, "language": lang, "damaged": recipe(gold), "gold": gold,
            "source": "hand-made", "note": f"made with {recipe.__name__}",
        })
    for kind, lang, damaged, gold, note in HAND:
        add(kind, {
            "label": f"{kind}-{lang}-{_slug(gold)[:32].strip('-')}",
            "kind": kind, "language": lang, "damaged": damaged, "gold": gold,
            "source": "hand-made", "note": note,
        })
    for lang, text, note in NEGATIVE:
        add("negative", {
            "label": f"negative-{lang}-{_slug(text)[:32].strip('-')}",
            "kind": "negative", "language": lang, "damaged": text, "gold": text,
            "source": "hand-made", "note": note,
        })
    for records in files.values():
        for record in records:
            if record["label"] in SOURCES:
                record["source"], record["note"] = SOURCES[str(record["label"])]
            failure = KNOWN_FAILURES.get(str(record["label"]))
            if failure:
                record["expect"] = "known-failure"
                record["reason"] = failure
    unknown = set(KNOWN_FAILURES) - labels
    if unknown:
        raise ValueError(f"KNOWN_FAILURES names unknown labels: {sorted(unknown)}")
    return files


# label -> (source, note) for cases that reproduce a reported real-world case.
SOURCES: dict[str, tuple[str, str]] = {
    "mojibake-en-short-utf8-as-cp1252": (
        "real-world report",
        "ftfy issue 203: ftfy refuses this short string; made with utf8_as('cp1252')"),
    "mojibake-ru-kazakh-utf8-as-mac-roman": (
        "real-world report",
        "the Russian seed's damage (`–í –ö–∞–∑–∞—Ö‚Ä¶`) that ftfy leaves broken;"
        " made with utf8_as('mac_roman')"),
}


# label -> reason. Only for damage nobody repairs yet (checked against the
# test suite before being written here).
KNOWN_FAILURES: dict[str, str] = {
    "codepage-mixup-el-athina-cp1253-as-cp1252":
        "fix_codepage_mixups covers Cyrillic and Kazakh code pages: Greek cp1253 read as"
        " windows-1252 is left as it is",
    "codepage-mixup-cs-vlada-cp1250-as-cp1252":
        "fix_codepage_mixups covers Cyrillic and Kazakh code pages: Czech cp1250 read as"
        " windows-1252 ('rozpoètu', 'pøíští') is left as it is",
}


def main() -> None:
    """Write corpus/cases/*.jsonl."""
    out = CORPUS / "cases"
    total = 0
    for file, records in build().items():
        n = write_jsonl(out / f"{file}.jsonl", records,
                        "generated by scripts/build_corpus.py; edit that script, not this file")
        print(f"{file}: {n}")
        total += n
    print(f"total: {total}")


if __name__ == "__main__":
    main()
