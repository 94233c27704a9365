"""Reading: encodings, folders, bad input (one clear line each), the seed articles."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from kg.read import ReadError, ReadFailure, read_article, read_articles, shown

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

SIMPLIFIED = (
    "2023年6月18日上午，第五届长三角新能源汽车产业发展论坛在苏州工业园区开幕。来自上海、南京、杭州、合肥等地的"
    "三百余位企业家、专家学者和政府部门负责人齐聚一堂，围绕动力电池、智能网联、氢燃料电池等领域展开深入交流。"
    "论坛期间，共有二十六个重点项目现场签约，总投资额超过三百二十亿元，涵盖整车制造、核心零部件、充电基础设施和"
    "新材料研发。与会人士表示，长三角地区产业链完整、创新资源丰富、市场空间广阔，已经成为全国新能源汽车产业最重要"
    "的集聚区之一。下一步，园区将继续优化营商环境，完善人才政策，加大对创新型企业的金融支持力度，推动更多优质项目"
    "落地投产，努力打造具有国际竞争力的产业集群。"
)
TRADITIONAL = (
    "2023年6月18日上午，第五屆長三角新能源汽車產業發展論壇在蘇州工業園區開幕。來自上海、南京、杭州、合肥等地的"
    "三百餘位企業家、專家學者和政府部門負責人齊聚一堂，圍繞動力電池、智能網聯、氫燃料電池等領域展開深入交流。"
    "論壇期間，共有二十六個重點項目現場簽約，總投資額超過三百二十億元，涵蓋整車製造、核心零部件、充電基礎設施和"
    "新材料研發。與會人士表示，長三角地區產業鏈完整、創新資源豐富、市場空間廣闊，已經成為全國新能源汽車產業最重要"
    "的集聚區之一。下一步，園區將繼續優化營商環境，完善人才政策，加大對創新型企業的金融支持力度，推動更多優質項目"
    "落地投產，努力打造具有國際競爭力的產業集群。"
)
HEADLINE = "长三角新能源汽车产业发展论坛在苏州开幕"
EXPECTED_BODY = SIMPLIFIED.replace("，", ",")


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# ----------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "text", "traditional"),
    [("utf_8", SIMPLIFIED, False), ("gb18030", SIMPLIFIED, False), ("big5", TRADITIONAL, True)],
)
def test_each_encoding_is_detected_and_decoded(tmp_path, encoding, text, traditional):
    data = (HEADLINE + "\n\n" + text + "\n").encode(encoding) if not traditional else (text + "\n").encode(encoding)
    p = write(tmp_path / f"{encoding}.txt", data)
    a = read_article(p)
    assert a.encoding == encoding
    assert a.raw_text == data.decode(encoding)
    assert a.was_traditional is traditional
    assert EXPECTED_BODY in a.text
    assert a.digest == hashlib.sha256(data).hexdigest()
    assert a.source_file == p.name and a.path == p
    assert a.dateline == "2023-06-18"
    assert a.title == (None if traditional else HEADLINE)
    i = a.text.index("论坛期间")
    s, e = a.source_span(i, i + 4)
    assert a.raw_text[s:e] == ("論壇期間" if traditional else "论坛期间")


def test_utf8_with_bom_and_gbk_html(tmp_path):
    p1 = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"))
    html = f'<html><head><meta charset="gbk"></head><body><h1>{HEADLINE}</h1><p>{SIMPLIFIED}</p></body></html>'
    p2 = write(tmp_path / "page.htm", html.encode("gbk"))
    a1, a2 = read_article(p1), read_article(p2)
    assert a1.encoding == "utf_8" and not a1.raw_text.startswith("\ufeff")
    assert a2.encoding == "gb18030"
    assert a2.title == HEADLINE and EXPECTED_BODY in a2.text and "<" not in a2.text
    i = a2.text.index("论坛期间")
    s, e = a2.source_span(i, i + 4)
    assert a2.raw_text[s:e] == "论坛期间"


def test_utf16_without_a_byte_order_mark_is_read_in_its_byte_order(tmp_path):
    """Windows' "Unicode" saved without a BOM: NUL bytes, yet text (it was refused as a binary file)."""
    for order in ("utf-16-le", "utf-16-be"):
        a = read_article(write(tmp_path / f"{order}.txt", SIMPLIFIED.encode(order)))
        assert a.encoding == order.replace("-", "_") and EXPECTED_BODY in a.text, order
    with pytest.raises(ReadError, match="binary file"):
        read_article(write(tmp_path / "binary.txt", bytes(range(256)) * 8))


# ----------------------------------------------------------------------------- folders


def test_folder_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b.txt", (SIMPLIFIED + "b").encode())
    write(tmp_path / "a" / "z.html", f"<p>{SIMPLIFIED}z</p>".encode())
    write(tmp_path / "A.htm", f"<p>{SIMPLIFIED}A</p>".encode())
    write(tmp_path / "notes.md", SIMPLIFIED.encode())
    write(tmp_path / ".hidden" / "c.txt", SIMPLIFIED.encode())
    articles, failures = read_articles(tmp_path)
    assert failures == []
    assert [a.path.relative_to(tmp_path).as_posix() for a in articles] == ["A.htm", "a/z.html", "b.txt"]
    again, _ = read_articles([str(tmp_path)])
    assert [a.digest for a in again] == [a.digest for a in articles]


def test_same_file_twice_is_read_once_and_identical_bytes_reported(tmp_path):
    p = write(tmp_path / "one.txt", SIMPLIFIED.encode())
    q = write(tmp_path / "copy.txt", SIMPLIFIED.encode())
    articles, failures = read_articles([p, p, q])
    # of identical files the first by name is kept, whatever the order they come in
    assert [a.path for a in articles] == [q]
    assert [(f.path, f.reason) for f in failures] == [(p, f"duplicate of {q} (identical bytes)")]
    again, again_failures = read_articles([q, p])
    assert [a.path for a in again] == [q] and again_failures == failures


# ----------------------------------------------------------------------------- bad input


def test_each_bad_file_gives_one_clear_line_and_the_rest_is_read(tmp_path):
    good = write(tmp_path / "good.txt", SIMPLIFIED.encode("gb18030"))
    write(tmp_path / "empty.txt", b"")
    write(tmp_path / "blank.txt", b"  \n\r\n\t ")
    write(tmp_path / "binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    write(tmp_path / "garbage.txt", bytes(x % 255 + 1 for x in os.urandom(4096)))
    big = write(tmp_path / "big.txt", SIMPLIFIED.encode() * 40)
    menu = '<html><body><nav>首页 | 新闻</nav><div class="share">分享到微信</div><p>收藏</p><footer>© 某某网</footer></body></html>'
    write(tmp_path / "menu.html", menu.encode())
    articles, failures = read_articles([tmp_path, tmp_path / "missing.txt"], max_bytes=20_000)
    assert [a.path for a in articles] == [good]
    reasons = {f.path.name: f.reason for f in failures}
    assert reasons == {
        "big.txt": f"file too large ({big.stat().st_size / 1024:.1f} kB > limit 19.5 kB)",
        "binary.txt": "binary file (contains NUL bytes), not text",
        "blank.txt": "empty file",
        "empty.txt": "empty file",
        "garbage.txt": "undecodable: no text encoding fits its bytes (binary or corrupt file?)",
        "menu.html": "no article text left after removing page furniture",
        "missing.txt": "no such file or folder",
    }
    for f in failures:
        line = str(f)
        assert "\n" not in line and line.startswith(str(f.path)) and f.reason in line
        path, reason = f  # unpacks like the (path, reason) pairs of BuildReport.failures
        assert (path, reason) == (f.path, f.reason)


def test_size_limit_message_is_readable(tmp_path):
    p = write(tmp_path / "big.txt", SIMPLIFIED.encode() * 4000)
    with pytest.raises(ReadError) as e:
        read_article(p, max_bytes=1024 * 1024)
    assert str(e.value) == f"{p}: file too large ({p.stat().st_size / 2**20:.1f} MB > limit 1.0 MB)"
    assert read_article(p).text.startswith("2023年6月18日")  # the default limit (20 MB) accepts it


def test_folder_without_articles_and_missing_path(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    write(tmp_path / "other" / "data.csv", b"a,b\n1,2\n")
    articles, failures = read_articles([empty, tmp_path / "other", tmp_path / "nope"])
    assert articles == []
    assert failures == [
        ReadFailure(empty, "folder has no .txt, .html or .htm files"),
        ReadFailure(tmp_path / "other", "folder has no .txt, .html or .htm files"),
        ReadFailure(tmp_path / "nope", "no such file or folder"),
    ]


def test_read_article_errors(tmp_path):
    with pytest.raises(ReadError, match="no such file or folder"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ReadError, match="is a folder"):
        read_article(tmp_path)
    pdf = write(tmp_path / "x.pdf", b"%PDF-1.4")
    with pytest.raises(ReadError, match=r"unsupported file type '\.pdf'"):
        read_article(pdf)
    english = write(tmp_path / "en.txt", b"This page is written in English only, and it has no Chinese at all.")
    with pytest.raises(ReadError, match="no Chinese text"):
        read_article(english)


# ----------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seeds():
    articles, failures = read_articles(SEEDS)
    assert failures == []
    return {a.source_file[:3]: a for a in articles}


def test_all_seeds_read(seeds):
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    for a in seeds.values():
        assert a.encoding == "utf_8"
        assert a.digest == hashlib.sha256(a.path.read_bytes()).hexdigest()


def test_seed_000_loses_english_menu_and_placeholders(seeds):
    a = seeds["000"]
    assert "{{" not in a.text and "Matchexpo" not in a.text and "Register" not in a.text
    assert a.title == "昆山打造具有全球竞争优势的新兴产业“高地”"
    assert a.dateline == "2021-11-09"
    assert a.text.startswith(a.title + "\n2021年11月9日下午,昆山市新兴产业发展大会举行。")
    assert a.text.endswith("昆山市委书记周伟说。")
    assert "供图" not in a.text


def test_seed_001_simplified_without_glosses(seeds):
    a = seeds["001"]
    assert a.was_traditional
    assert not any(c in a.text for c in "發態機區產業與")
    assert "(fā)" not in a.text and "(chǎn)" not in a.text
    assert "(CES)" in a.text
    assert "第一代固态动力电池装载新能源汽车" in a.text
    assert a.dateline == "2024-05-15"
    assert "楼主" not in a.text and "来自" not in a.text


def test_seed_002_keeps_body_and_drops_tail(seeds):
    a = seeds["002"]
    assert a.title == "苏州市电子信息产业创新集群建设推进大会在昆山召开"
    assert a.dateline is None  # the article never states its year
    assert a.text.endswith("产业创新集群“六个一”支撑体系发布")
    assert "编辑" not in a.text and "点亮" not in a.text


def test_seed_003_loses_trailing_headline_list(seeds):
    a = seeds["003"]
    assert a.text.endswith("面对全球征集优秀运营团队。")
    assert "人民币市场汇价" not in a.text and "记者" not in a.text and "资料图" not in a.text
    body = a.raw_text.split("\n")[1:7]  # after the photo label, before the byline
    assert a.text.split("\n") == body


def test_seed_004_loses_related_list_and_copyright(seeds):
    a = seeds["004"]
    assert "猜你喜欢" not in a.text and "版权所有" not in a.text and "...更多" not in a.text
    assert "关键词" not in a.text and "发布时间" not in a.text
    assert a.title == "苏州高新区抢抓国家战略机遇 积极融入长三角"
    assert a.dateline == "2021-11-05"
    assert "苏州高新区-深圳科技金融创新中心揭牌落地" in a.text
    paragraphs = [p for p in a.raw_text.split("\n") if p.startswith(("推介会上", "据介绍", "作为长三角"))]
    assert len(paragraphs) == 5
    for p in paragraphs:
        assert p.strip() in a.text


def test_special_files_are_refused_without_reading(tmp_path):
    """A FIFO named .txt would block forever and /dev/zero never ends: one line each, nothing read."""
    import os

    from kg.read import ReadError, read_article

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="not a regular file \\(a named pipe\\)"):
        read_article(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    with pytest.raises(ReadError, match="not a regular file \\(a character device\\)"):
        read_article(zero)


def test_special_files_and_broken_links_in_a_folder_each_get_a_line(tmp_path):
    """A folder's named pipe, link to nothing, link in a loop or link to a folder is not passed over
    in silence: one line each, the rest read; a link to a folder is not entered (as rglob)."""
    good = write(tmp_path / "good.txt", SIMPLIFIED.encode())
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    write(tmp_path / "elsewhere" / "inner.txt", (SIMPLIFIED + "另").encode())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "linked.txt").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    articles, failures = read_articles(tmp_path)
    assert [a.path for a in articles] == [tmp_path / "elsewhere" / "inner.txt", good]
    assert {f.path.name: f.reason for f in failures} == {
        "linked.txt": "a symbolic link to a folder, not followed (give the folder itself to read it)",
        "dangling.txt": "a symbolic link to nothing (its target is missing)",
        "loop.txt": "a symbolic link in a loop (it leads back to itself)",
        "pipe.txt": "not a regular file (a named pipe)",
    }
    named, named_failures = read_articles([tmp_path / "dangling.txt", tmp_path / "loop.txt", good])
    assert [a.path for a in named] == [good]
    assert [f.reason for f in named_failures] == ["a symbolic link to nothing (its target is missing)",
                                                  "a symbolic link in a loop (it leads back to itself)"]


def test_a_folder_that_cannot_be_listed_gets_its_line(tmp_path, monkeypatch):
    good = write(tmp_path / "good.txt", SIMPLIFIED.encode())
    write(tmp_path / "locked" / "inner.txt", (SIMPLIFIED + "另").encode())
    scandir = os.scandir

    def refused(path):  # (the tests may run as root, who lists any folder: the OS's answer to others)
        if os.fspath(path) == str(tmp_path / "locked"):
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refused)
    articles, failures = read_articles(tmp_path)
    assert [a.path for a in articles] == [good]
    assert [(f.path, f.reason) for f in failures] == [(tmp_path / "locked", "folder cannot be read (Permission denied)")]


def test_a_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path):
    raw = os.fsencode(tmp_path) + b"/bad\xff\xfename.txt"
    with open(raw, "wb") as fh:
        fh.write(SIMPLIFIED.encode())
    articles, failures = read_articles(tmp_path)
    assert failures == [] and [a.source_file for a in articles] == ["bad\\xff\\xfename.txt"]
    assert shown("two\nlines.txt") == "two\\nlines.txt" and shown("正常.txt") == "正常.txt"


def test_a_utf8_file_with_a_stray_byte_keeps_its_text(tmp_path):
    data = SIMPLIFIED.encode()
    p = write(tmp_path / "stray.txt", SIMPLIFIED[:10].encode() + b"\xff" + SIMPLIFIED[10:].encode())
    article = read_article(p)
    assert "第五届长三角新能源汽车产业发展论坛" in article.text and "打造具有国际竞争力的产业集群" in article.text
    with pytest.raises(ReadError, match="undecodable"):  # (bytes that are mostly not UTF-8 are still refused)
        read_article(write(tmp_path / "noise.txt", bytes(range(128, 256)) * 40 + data))


def test_a_store_kept_among_the_articles_is_no_failure(tmp_path):
    """kg build archive/ --store archive/store, again: the store's link is passed over, not said to be a
    folder link that failed (every build exited 1)."""
    from kg.api import KnowledgeGraph
    from kg.find import article_files

    write(tmp_path / "a.txt", SIMPLIFIED.encode("utf-8"))
    KnowledgeGraph.build([tmp_path], store=tmp_path / "store")
    assert article_files([tmp_path]) == [tmp_path / "a.txt"]
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    assert [type(x).__name__ for x in article_files([tmp_path])] == ["ReadFailure", "PosixPath"]


def test_a_view_kept_among_the_articles_is_no_article(tmp_path):
    """kg viz -o archive/graph.html, then kg build archive/: the view is passed over (it was read as an article)."""
    from kg.api import KnowledgeGraph
    from kg.find import article_files

    write(tmp_path / "a.txt", SIMPLIFIED.encode("utf-8"))
    kg = KnowledgeGraph.build([tmp_path], store=tmp_path / "store")
    kg.view(tmp_path / "graph.html")
    write(tmp_path / "page.html", f"<html><head><title>{HEADLINE}</title></head><body><p>{SIMPLIFIED}</p></body></html>".encode())
    assert article_files([tmp_path]) == [tmp_path / "a.txt", tmp_path / "page.html"]

