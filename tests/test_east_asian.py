"""fix_east_asian_mojibake: GBK, Big5, Shift-JIS, EUC-JP, EUC-KR shown as Western text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from cleantext import Config, fix_and_explain, fix_text, scan_text
from cleantext.config import PROFILES
from cleantext.steps.east_asian import detect_east_asian_mojibake


def _split(words: str) -> list[str]:
    return words.split()


STEP = "fix_east_asian_mojibake"
ONLY = Config(disable=frozenset(PROFILES["repair"]) - {STEP})
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow])

# Common words, written by hand (not drawn from the frequency tables the step uses).
CHINESE_SIMPLIFIED = _split("我们 中国 今天 北京 学生 老师 工作 时间 问题 发展 经济 社会 "
                      "政府 国家 人民 大家 朋友 学习 生活 世界 公司 市场 文化 历史")
CHINESE_TRADITIONAL = _split("我們 中國 今天 台灣 學生 老師 工作 時間 問題 發展 經濟 社會 "
                       "政府 國家 人民 大家 朋友 學習 生活 世界 公司 市場 文化 歷史")
JAPANESE = _split("私 日本 東京 今日 学校 先生 仕事 時間 問題 会社 電話 新聞 世界 "
            "です ます した から まで ない テスト コンピュータ ニュース")
JAPANESE_PARTICLES = _split("は が を に で の と も")
KOREAN = _split("한국 서울 오늘 학교 선생님 회사 시간 문제 사람 친구 세계 경제 "
          "정부 국가 문화 역사 합니다 있습니다 없습니다 그리고")

PUNCT = {"zh": "，。", "ja": "、。", "ko": " "}


def _cjk_text(words: list[str], lang: str, joiner: str = "") -> st.SearchStrategy[str]:
    def join(parts: list[str]) -> str:
        return joiner.join(parts) + ("." if lang == "ko" else "。")

    return st.lists(st.sampled_from(words), min_size=3, max_size=12, unique=True).map(join)


def _show(data: bytes, reader: str) -> str:
    """Decode as ``reader``; windows-1252 "sloppily", as browsers and ftfy do
    (its five undefined bytes show as the latin-1 code point)."""
    if reader != "cp1252":
        return data.decode(reader)
    return "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b))
                   for b in data)


def _damage(text: str, codec: str, reader: str) -> str:
    try:
        return _show(text.encode(codec), reader)
    except UnicodeError:
        assume(False)
        raise


READERS = ["latin-1", "cp1252", "mac_roman"]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize(("codec", "words", "joiner"), [
    ("gbk", CHINESE_SIMPLIFIED, ""),
    ("gb18030", CHINESE_SIMPLIFIED, "，"),
    ("big5", CHINESE_TRADITIONAL, ""),
    ("shift_jis", JAPANESE + JAPANESE_PARTICLES, ""),
    ("euc_jp", JAPANESE + JAPANESE_PARTICLES, ""),
    ("euc_kr", KOREAN, " "),
])
@SETTINGS
@given(data=st.data())
def test_round_trip(codec: str, words: list[str], joiner: str, reader: str,
                    data: st.DataObject) -> None:
    lang = "ko" if codec == "euc_kr" else ("ja" if "jp" in codec or "jis" in codec else "zh")
    clean = data.draw(_cjk_text(words, lang, joiner))
    damaged = _damage(clean, codec, reader)
    assert fix_text(damaged, ONLY) == clean


@pytest.mark.parametrize(("clean", "codec"), [
    ("中文字符编码", "gbk"),
    ("这是一个测试，我们在北京。", "gbk"),
    ("我們的國家很美麗", "big5"),
    ("日本語のテキストです。", "shift_jis"),
    ("テスト", "shift_jis"),
    ("日本語のテキストです。", "euc_jp"),
    ("한국어 텍스트입니다", "euc_kr"),
    ("使用Windows系统", "gbk"),
])
@pytest.mark.parametrize("reader", READERS)
def test_examples(clean: str, codec: str, reader: str) -> None:
    damaged = _show(clean.encode(codec), reader)
    result = fix_and_explain(damaged, ONLY)
    assert result.text == clean
    assert [f.kind for f in result.applied] == ["east_asian_mojibake"]


def test_finding_says_why() -> None:
    [f] = detect_east_asian_mojibake("ÕâÊÇÒ»¸ö²âÊÔ£¬ÎÒÃÇÔÚ±±¾©¡£")
    assert f.why.startswith("Chinese text in GBK/GB18030 read as latin-1/windows-1252")
    assert f.confidence > 0.9


def test_mixed_line_keeps_western_words() -> None:
    damaged = "Title: " + "中文字符编码".encode("gbk").decode("latin-1") + " (2024)"
    assert fix_text(damaged, ONLY) == "Title: 中文字符编码 (2024)"


CLEAN = [
    "Crème brûlée à la française, s'il vous plaît.",
    "Müller Straße Zürich Ålesund Øresund Ærø.",
    "réélu à l'unanimité; déjà vu; naïve; coöperate.",
    "Þú ert góður. Ég á heima á Íslandi.",
    "São João, Ñandú, ¿Qué tal? ¡Olé!",
    "ÉCOLE ÀLA CAFÉ ÜBER ÖL ÄRA ÅÄÖ.",
    "½ ¼ ¾ °C ±5 µm © ® ™ « » § ¶ · × ÷",
    "Ïðèâåò",  # the business of fix_codepage_mixups
    "中文字符编码。日本語のテキスト。한국어 텍스트.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_is_left_alone(text: str) -> None:
    assert detect_east_asian_mojibake(text) == []
    assert fix_text(text, ONLY) == text


@pytest.mark.parametrize("clean", ["中文字符编码", "日本語のテキスト", "한국어 텍스트"])
def test_utf8_read_as_latin1_is_not_this_step(clean: str) -> None:
    damaged = clean.encode("utf-8").decode("latin-1")
    assert detect_east_asian_mojibake(damaged) == []


@pytest.mark.parametrize("reader", ["latin-1", "mac_roman"])
def test_a_line_of_utf8_mojibake_is_not_read_as_east_asian(reader: str) -> None:
    from cleantext.steps.east_asian import _is_utf8_line

    damaged = "Привет, как дела? Всё хорошо.".encode().decode(reader)
    assert _is_utf8_line(damaged, "western" if reader == "latin-1" else reader)
    assert not _is_utf8_line("ÖÐÎÄ×Ö·û±àÂë", "western")  # GBK, not UTF-8
    assert not _is_utf8_line("plain ASCII", "western")
    assert detect_east_asian_mojibake(damaged) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0xA0, max_codepoint=0xFF),
               min_size=12, max_size=40))
# Runs that a codec cannot decode count against it: once read as Shift-JIS
# (EUC-JP) through Mac Roman, only a few runs of these lines decoded, to
# common characters (0.59 and 0.55: repaired, the rest left as it was).
@example("\xa0ÅÓ®úÅèûýì£ä´Ä¤ë§ÇÈÐ»Ê¡ÔÊîàÍÈì¿ÐÉá")
@example("ñïïºýÈ±Áõ§»¶¼»ø¡¸§¡²²¿åéú¦¨ÃÓÞô»")
def test_latin1_noise_is_never_repaired(text: str) -> None:
    # Random latin-1 characters decode to random, mostly rare CJK characters:
    # they may be reported, but never applied. Noise of 12 characters or
    # more: a shorter line made only of high characters that decodes in full
    # to three or more common characters is what a short line of CJK
    # mojibake looks like (ÖÐÎÄ×Ö for 中文字), and is repaired by design;
    # about 1 in 17,000 random lines of 2-40 characters is such a line, all
    # of them under 12 characters (see test_short_symbol_line_reads_as_cjk).
    assert all(f.confidence < 0.5 for f in scan_text(text, ONLY))


def test_short_symbol_line_reads_as_cjk() -> None:
    """The price of repairing short lines (three common characters are
    enough): six symbols found by a random draw of the noise test read in
    full as three common Hangul syllables (EUC-KR through Mac Roman)."""
    assert fix_text("ÖÐÎÄ×Ö", ONLY) == "中文字"
    assert fix_text("µÈ¡¡¥\xa0", ONLY) == "들좋늦"


@SETTINGS
@given(st.sampled_from([("gbk", CHINESE_SIMPLIFIED), ("big5", CHINESE_TRADITIONAL),
                        ("shift_jis", JAPANESE), ("euc_kr", KOREAN)]),
       st.sampled_from(READERS), st.data())
def test_idempotent(case: tuple[str, list[str]], reader: str, data: st.DataObject) -> None:
    codec, words = case
    clean = data.draw(_cjk_text(words, "ko" if codec == "euc_kr" else "zh"))
    once = fix_text(_damage(clean, codec, reader), ONLY)
    assert fix_text(once, ONLY) == once


def test_a_line_with_letters_no_western_code_page_shows_gets_no_weak_report() -> None:
    """Cyrillic on the line: it was not shown through a Western code page, so
    its accented letters are not read as Shift-JIS (found by Hypothesis)."""
    assert scan_text("café\xa0résumé привет", ONLY) == []
    assert [f.replacement for f in scan_text("ÖÐÎÄ×Ö·û±àÂë привет", ONLY)] == ["中文字符编码"]
