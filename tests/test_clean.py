"""Cleaning: furniture removal, glosses, script, width folding, title/dateline, offset map."""

from __future__ import annotations

import random
import re
from pathlib import Path

import opencc
import pytest

from kg.clean import Mapped, clean, clean_text, fold_width, html_text, is_traditional

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

SIMPLIFIED = (
    "2023年6月18日上午，第五届长三角新能源汽车产业发展论坛在苏州工业园区开幕。来自上海、南京、杭州、"
    "合肥等地的三百余位企业家、专家学者和政府部门负责人齐聚一堂，围绕动力电池、智能网联、氢燃料电池等"
    "领域展开深入交流。论坛期间，共有二十六个重点项目现场签约，总投资额超过三百二十亿元，涵盖整车制造、"
    "核心零部件、充电基础设施和新材料研发。"
)
TRADITIONAL = (
    "2023年6月18日上午，第五屆長三角新能源汽車產業發展論壇在蘇州工業園區開幕。來自上海、南京、杭州、"
    "合肥等地的三百餘位企業家、專家學者和政府部門負責人齊聚一堂，圍繞動力電池、智能網聯、氫燃料電池等"
    "領域展開深入交流。論壇期間，共有二十六個重點項目現場簽約，總投資額超過三百二十億元，涵蓋整車製造、"
    "核心零部件、充電基礎設施和新材料研發。"
)

_T2S = opencc.OpenCC("t2s")


def art(raw: str, html: bool = False):
    return clean(raw, "x.txt", Path("x.txt"), "0" * 64, "utf_8", html=html)


def assert_offsets_map_back(raw: str, text: str, offsets) -> None:
    """Every cleaned character comes from the raw character it points at (modulo folding/t2s)."""
    assert len(offsets) == len(text)
    assert list(offsets) == sorted(offsets), "offsets must be monotonic"
    for ch, o in zip(text, offsets):
        src = raw[o]
        if ch == src or ch == "\n" or (ch == " " and src.isspace()):
            continue
        assert _T2S.convert(fold_width(src)) == ch or fold_width(src) == ch, (ch, src, o)


# ----------------------------------------------------------------------------- Mapped


def test_mapped_sub_and_select_carry_offsets():
    m = Mapped.of("ab12cd345ef")
    d = m.sub(re.compile(r"\d+"))
    assert d.text == "abcdef"
    assert list(d.offsets) == [0, 1, 4, 5, 9, 10]
    r = m.sub(re.compile(r"\d+"), lambda x: "#")
    assert r.text == "ab#cd#ef"
    assert list(r.offsets) == [0, 1, 2, 4, 5, 6, 9, 10]
    w = Mapped.of("a1b2345c").sub(re.compile(r"\d+"), "##")  # shorter, as long, longer than the match
    assert (w.text, list(w.offsets)) == ("a##b##c", [0, 1, 1, 2, 3, 4, 7])
    s = m.select([(0, 2), (9, 11)])
    assert (s.text, list(s.offsets)) == ("abef", [0, 1, 9, 10])


# ----------------------------------------------------------------------------- characters


def test_pinyin_glosses_removed_and_offsets_skip_them():
    raw = "樓主 發(fā)表于: 2024-05-15\n" + "清陶能源圍繞固態(tài)鋰電池持續(xù)攻關(guān),成功攻克了多項(xiàng)世界性難題。" * 3
    a = art(raw)
    assert "(" not in a.text and "fā" not in a.text
    assert "固态锂电池持续攻关" in a.text
    assert a.was_traditional
    i = a.text.index("攻关")
    s, e = a.source_span(i, i + 3)
    assert raw[s:e] == "攻關(guān),"[:-1] + ","  # the gloss sits inside the mapped span, not in the text
    assert_offsets_map_back(raw, a.text, a.offsets)


def test_parentheses_that_are_not_glosses_are_kept():
    a = art("在2024年美国消费电子展(CES)上,友达光电展示了MicroLED(微发光二极管显示器)车用显示技术,得到全球市场的关注。")
    assert "(CES)" in a.text and "(微发光二极管显示器)" in a.text


def test_traditional_text_is_converted():
    a = art(TRADITIONAL)
    assert a.was_traditional
    assert a.text == fold_width(SIMPLIFIED)
    assert_offsets_map_back(TRADITIONAL, a.text, a.offsets)


def test_hong_kong_variant_forms_that_t2s_keeps_are_simplified_too():
    raw = TRADITIONAL + "\n江門市委書記黃衞東出席推介會並致辭。"
    a = art(raw)
    assert a.was_traditional
    assert "黄卫东" in a.text and "衞" not in a.text
    assert len(a.offsets) == len(a.text) and raw[a.offsets[a.text.index("黄卫东") + 1]] == "衞"


def test_corner_quotes_become_the_mainland_quotes():
    a = art("「2026衡州投资合作推介会」昨日在香港举行,『链长制』同步启动。")
    assert "“2026衡州投资合作推介会”" in a.text and "“链长制”" in a.text
    assert len(a.text) == len(a.offsets)


def test_simplified_text_is_left_alone_even_where_t2s_would_change_it():
    raw = SIMPLIFIED + "\n会上,国家工业信息安全发展研究中心赛昇研究院发布了产业发展报告,乾元资本参与投资。"
    assert opencc.OpenCC("t2s").convert("赛昇") == "赛升"  # the damage being avoided
    a = art(raw)
    assert not a.was_traditional
    assert "赛昇研究院" in a.text and "乾元资本" in a.text
    assert not is_traditional(raw)


def test_traditional_name_inside_simplified_text_is_not_converted():
    a = art(SIMPLIFIED + "会上,友達光電董事长介绍了项目进展。")
    assert not a.was_traditional
    assert "友達光電" in a.text


def test_full_width_folded_and_replacement_chars_dropped():
    raw = "会议指出（２０２４年），ＡＩ产业规模达到１０００亿元：增长１５％！新质\ufffd生产力\u200b加速形成。"
    a = art(raw)
    assert a.text == "会议指出(2024年),AI产业规模达到1000亿元:增长15%!新质生产力加速形成。"
    assert "。" in a.text and "、" not in raw  # 。 is kept: it is not ASCII punctuation
    assert_offsets_map_back(raw, a.text, a.offsets)


def test_whitespace_normalised():
    raw = "  第一段\t\u3000文字,  内容较多。\r\n\r\n\r\n\n   第二段文字。   \n"
    a = art(raw)
    assert a.text == "第一段 文字, 内容较多。\n第二段文字。"
    assert_offsets_map_back(raw, a.text, a.offsets)


def test_stacked_commas_from_dropped_characters_collapse():
    a = art("在清陶,第一代固态电池装载新能源汽车,;在飞鹏,,无人机斩获设计奖,。")
    assert a.text == "在清陶,第一代固态电池装载新能源汽车;在飞鹏,无人机斩获设计奖。"


# ----------------------------------------------------------------------------- furniture

BODY1 = "2022年3月1日上午,某市人工智能产业大会在市会展中心举行,现场共有二十个重大项目集中签约,总投资达到一百五十亿元,涵盖算力中心、智能装备和工业软件等领域。"
BODY2 = "会上,市政府发布了加快人工智能产业发展的若干政策措施,设立规模五十亿元的产业引导基金,重点支持本地企业开展关键技术攻关。"


def test_template_placeholders_and_english_ui_removed():
    raw = "\n".join(
        [
            "Register {{ baseUserInfo.curr_enterprise_name }}",
            "Quick publish",
            "{{ website.name }}",
            "3,311",
            "某市召开人工智能产业大会 {{ article.tag }}",
            BODY1,
            BODY2,
            "Share",
            "Give the thumbs-up",
            "The content is the author's independent opinion and cannot be reproduced without permission",
        ]
    )
    a = art(raw)
    assert "{{" not in a.text and "}}" not in a.text
    assert not re.search("[A-Za-z]{4,}", a.text)
    assert a.text == "某市召开人工智能产业大会\n" + BODY1 + "\n" + BODY2
    assert a.title == "某市召开人工智能产业大会"
    assert_offsets_map_back(raw, a.text, a.offsets)


def test_related_list_copyright_and_icp_removed():
    raw = "\n".join(
        [
            "首页 > 新闻中心 > 正文",
            "某市召开人工智能产业大会",
            "来源:某某日报 发布时间:2022-03-02 09:15:00",
            BODY1,
            BODY2,
            "关键词: 人工智能 产业大会",
            "猜你喜欢",
            "另一篇新闻的标题 与本文无关",
            "另一篇新闻的摘要,讲的是别的城市的另一件事情,与本文毫无关系,不应当出现在正文中。更多",
            "2022-01-14 11:48:01",
            "© 2012-2020 某某网 版权所有",
            "苏ICP备12345678号",
        ]
    )
    a = art(raw)
    assert a.text == "某市召开人工智能产业大会\n" + BODY1 + "\n" + BODY2
    assert a.dateline == "2022-03-02"  # the publishing metadata wins over the body's date


def test_copyright_line_alone_is_removed_anywhere_after_body():
    a = art(BODY1 + "\n" + BODY2 + "\n版权所有 © 某某网 京ICP证000000号")
    assert a.text == BODY1 + "\n" + BODY2


def test_share_buttons_and_call_to_action_tail_removed():
    raw = "\n".join(
        [
            "分享",
            "收藏",
            BODY1,
            "图片",
            BODY2,
            "点亮【赞】+【在看】",
            "让我们的服务更温暖",
            "来源某市发布",
            "编辑张三",
            "编审李四",
        ]
    )
    a = art(raw)
    assert a.text == BODY1 + "\n" + BODY2


def test_byline_closes_the_article_before_teasers_of_other_pages():
    teasers = [
        "某地集中签约二十个重点项目 本报讯 2月7日,某省某市2023年首批产业项目集中签约暨招商引资启动仪式举行,总...",
        "兔年退市第一股出现,2月15日摘牌! 本报记者某某2月8日,某公司公告称,当日收到交易所的决定,因触及交易类退市指标,上",
        "才有风就狂飙,追热点像追热剧 某某网2月9日讯今天是周四,昨天某股5连板,某股4连板,盘面上,固态电池、充电",
    ]
    raw = "\n".join(["(资料图)", BODY1, BODY2, "某某晚报/某某新闻记者 王小明", "校对 李海慧", *teasers])
    a = art(raw)
    assert a.text == BODY1 + "\n" + BODY2


def test_byline_followed_by_body_keeps_the_body():
    more = "据介绍,该市人工智能核心产业规模已突破三百亿元,集聚相关企业四百余家。"
    raw = "\n".join([BODY1, "记者 王小明", BODY2, more, "相关企业负责人表示,将加大投资力度。"])
    a = art(raw)
    assert BODY2 in a.text and more in a.text
    assert "王小明" not in a.text


def test_inline_credits_removed_but_real_parentheses_kept():
    raw = "清陶(昆山)能源发展股份有限公司董事长分享了成长历程。(某报融媒记者 王小明 某市融媒体中心供图)"
    a = art(raw)
    assert a.text == "清陶(昆山)能源发展股份有限公司董事长分享了成长历程。"


def test_forum_metadata_lines_removed_and_dateline_read():
    raw = "|\n樓主 發(fā)表于: 2024-05-15\n, 來自:江蘇省0==\n" + TRADITIONAL + "\n|"
    a = art(raw)
    assert a.dateline == "2024-05-15"
    assert a.title is None  # the body starts at once: no headline
    assert a.text == fold_width(SIMPLIFIED)


# ----------------------------------------------------------------------------- title / dateline


def test_title_is_headline_not_site_name_or_menu():
    raw = "\n".join(["财经快报网", "首页 | 新闻 | 财经 | 科技", "某市召开人工智能产业大会 二十个项目签约", BODY1])
    a = art(raw)
    assert a.title == "某市召开人工智能产业大会 二十个项目签约"
    assert a.dateline == "2022-03-01"


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("发布日期:2021年11月5日", "2021-11-05"),
        ("发表于: 2024-05-15", "2024-05-15"),
        ("时间:2020/09/22 08:00", "2020-09-22"),
        ("发布时间:2021年4月", "2021-04"),
    ],
)
def test_dateline_from_metadata(first, expected):
    assert art(first + "\n" + BODY2).dateline == expected


@pytest.mark.parametrize("line", ["2026/11/27 04:50 经贸时报 记者 陈明/台北报导", "2026.11.27 经贸时报"])
def test_dateline_from_a_date_with_slashes_or_dots_near_the_top(line):
    assert art("某厂投产 产能倍增\n" + line + "\n" + BODY2).dateline == "2026-11-27"


def test_dateline_from_first_full_date_in_body_or_none():
    assert art("某市召开大会\n" + BODY1).dateline == "2022-03-01"
    no_year = "2月8日下午,某市召开产业创新集群建设大会,会上十四个特色园区集中开工,总投资二百九十二亿元。到2025年,园区总量达到五十个。"
    assert art(no_year).dateline is None
    far = BODY2 * 10 + "\n2019年5月6日,该市曾举办过类似活动。"
    assert art(far).dateline is None  # too deep in the body to be the article's date


# ----------------------------------------------------------------------------- HTML


def test_html_text_skips_furniture_and_maps_into_raw_html():
    raw = (
        "<!DOCTYPE html><html><head><title>站点</title><style>p{color:red}</style>"
        '<script>var s="某市";</script></head><body>'
        '<header><a href="/">首页</a></header><nav>新闻 | 财经</nav>'
        '<div class="share-bar">分享到微信</div>'
        "<article><header><h1>某市召开人工智能产业大会</h1><span>发布时间:2022-03-02</span></header>"
        f"<p>{BODY1}</p>\n<p>会上,市政府发布&ldquo;人工智能十条&rdquo;&amp;设立规模五十亿元的产业引导基金,"
        "重点支持本地企业\n开展关键技术攻关。</p></article>"
        '<aside><ul><li>相关新闻</li></ul></aside><footer>© 2022 某某网 版权所有</footer></body></html>'
    )
    a = art(raw, html=True)
    assert a.title == "某市召开人工智能产业大会"
    assert a.dateline == "2022-03-02"
    assert "<" not in a.text and "var" not in a.text and "分享" not in a.text and "版权" not in a.text
    assert "首页" not in a.text and "相关新闻" not in a.text
    assert "发布“人工智能十条”&设立" in a.text
    assert "本地企业 开展" in a.text  # source newline inside <p> is a space
    i = a.text.index("人工智能十条")
    s, e = a.source_span(i, i + len("人工智能十条"))
    assert raw[s:e] == "人工智能十条"
    q = a.text.index("“")
    assert raw[a.offsets[q] : a.offsets[q] + 7] == "&ldquo;"
    for ch, o in zip(a.text, a.offsets):
        if ch.isspace():
            assert raw[o].isspace() or raw[o] == "<"
        elif ch not in "“”&":
            assert raw[o] == ch


def test_html_is_sniffed_when_not_told():
    raw = f"<html><body><p>{BODY1}</p><p>{BODY2}</p></body></html>"
    a = clean(raw, "x.txt", Path("x.txt"), "0" * 64, "utf_8")
    assert a.text == BODY1 + "\n" + BODY2


def test_html_text_of_plain_fragment():
    m = html_text("<p>a&lt;b</p>c")
    assert m.text == "\na<b\nc"
    assert list(m.offsets) == [0, 3, 4, 8, 9, 13]


# ----------------------------------------------------------------------------- seeds and offsets


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_offsets_map_back_on_random_spans(path):
    raw = path.read_text(encoding="utf-8")
    m, *_ = clean_text(raw)
    assert_offsets_map_back(raw, m.text, m.offsets)
    a = clean(raw, path.name, path, "0" * 64, "utf_8")
    rng = random.Random(path.name)
    for _ in range(200):
        start = rng.randrange(len(a.text))
        end = min(len(a.text), start + rng.randrange(1, 40))
        s, e = a.source_span(start, end)
        span = a.raw_text[s:e]
        # the raw span holds every cleaned character of the span, in order
        want = [c for c in a.text[start:end] if c not in " \n"]
        got = _T2S.convert(fold_width(span))
        it = iter(got)
        assert all(any(c == g for g in it) for c in want), (a.text[start:end], span)


def test_short_sentences_with_ui_words_are_content():
    raw = "\n".join([BODY1, "网友纷纷为他们点赞。", "分享经验的企业家有三位。", BODY2])
    a = art(raw)
    assert a.text == raw


def test_date_and_source_line_dropped_and_read():
    raw = "\n".join(["某市召开人工智能产业大会", "2022-03-02 09:15 来源:某某日报 字号:大 中 小", BODY2])
    a = art(raw)
    assert a.text == "某市召开人工智能产业大会\n" + BODY2
    assert a.dateline == "2022-03-02"


def test_unpunctuated_page_still_ends_at_related_list():
    body = BODY1.replace(",", "").replace("。", "") * 2
    a = art("\n".join([body, "相关阅读", "另一篇新闻的标题 与本文无关"]))
    assert a.text == body


def test_previous_and_next_article_links_end_the_article():
    raw = "\n".join(["某县召开招商引资推进会", BODY1, BODY2, "上一篇:某市举办营商环境恳谈会  下一篇:另一城市外贸稳中有升"])
    a = art(raw)
    assert BODY2 in a.text
    assert "恳谈会" not in a.text and "外贸" not in a.text


def test_fold_width_is_the_width_table_translation():
    from kg.clean import WIDTH_TABLE

    text = "（昆山）２０２３年，ＡＢＣ公司　签约・項目﹐﹑﹒！？" + SIMPLIFIED
    assert fold_width(text) == text.translate(WIDTH_TABLE)
    assert fold_width(text) != text


def test_line_rules_tested_apart_answer_as_their_alternation():
    """The furniture rules are searched as anchored alternation + free patterns (faster): every
    line of the seeds and of rule-shaped samples gets the answer of the one alternation."""
    from kg.clean.rules import AnyOf, _alt, _anchored, rules

    assert _anchored("^(?:a|b)c", 0) and _anchored("^a|^b", 0)
    assert not _anchored("a|^b", 0) and not _anchored("(?:a)$", 0) and not _anchored("^a", re.M) and not _anchored("(?m)^a", 0)
    lines = [ln for p in sorted(SEEDS.glob("*.txt")) for ln in p.read_text(encoding="utf-8").splitlines()]
    lines += ["分享", "返回顶部", "【打印】【关闭】", "来源:新华网", "发布时间:2024-01-02", "字号:大 中 小", "只看该作者",
              "未经授权不得转载", "更多...", "版权所有 某某网", "上一篇:x", "copyright 2024", "相关新闻", "正文"]
    r = rules()
    for key in ("drop", "end"):
        import tomllib
        from importlib import resources

        patterns = tomllib.loads(resources.files("kg").joinpath("data/noise.toml").read_text(encoding="utf-8"))["line"][key]
        one, parts = _alt(patterns, re.I), AnyOf(patterns, re.I)
        assert parts.anchored is not None and parts.free  # both kinds exist in the rules
        found = [parts.found(ln) for ln in lines]
        assert found == [bool(one.search(ln)) for ln in lines]
        assert any(found) and not all(found)
        assert [getattr(r, key + "_any").found(ln) for ln in lines] == found


def test_cjk_count_and_traditional_share():
    from kg.clean.chars import _differing, cjk_count, has_cjk

    assert cjk_count("ab昆山c𠀀d") == 3 and cjk_count("abc") == 0
    assert has_cjk("x昆") and not has_cjk("abc, 123")
    a, b = TRADITIONAL * 3, _T2S.convert(TRADITIONAL * 3)
    assert _differing(a, b, float("inf")) == sum(x != y for x, y in zip(a, b))
    assert 10 <= _differing(a, b, 10) < sum(x != y for x, y in zip(a, b))


def test_edge_spaces_pattern_matches_as_its_plain_form():
    """The edge-spaces pattern carries a lookahead for its first character (faster): the same matches."""
    from kg.clean.chars import _EDGE_SPACES

    plain = re.compile("^ +| +$", re.M)
    for text in ("  甲 乙  \n 丙\n\n丁 ", " ", "", "a  b", "  \n  ", SIMPLIFIED.replace("，", " ，  ")):
        assert [m.span() for m in _EDGE_SPACES.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in _EDGE_SPACES.finditer("  甲 乙  \n 丙")] == [(0, 2), (5, 7), (8, 9)]


def test_a_breadcrumb_trail_goes_with_the_page_buttons_after_it():
    raw = "\n".join(["某市政府门户网站 > 新闻中心 > 本地要闻　【简体】【繁体】【打印本页】【关闭窗口】", "某县召开招商引资推进会", BODY1])
    a = art(raw)
    assert "门户网站" not in a.text and "打印本页" not in a.text
    assert BODY1 in a.text


@pytest.mark.parametrize("page", [
    "<html><head><title>站</title></head><body><form id='form1'><div><p>{body}</p></div></form></body></html>",  # ASP.NET
    "<html><head><title>站</title><body><p>{body}</p></body></html>",  # </head> left out
    "<html><head></head><body class='single no-sidebar'><p>{body}</p></body></html>",
    "<html><body class='article-body has-comments'><main class='menu-open'><p>{body}</p></main></body></html>",
])
def test_the_page_or_its_article_is_never_skipped_as_furniture(page):
    assert BODY1 in html_text(page.format(body=BODY1)).text
