from __future__ import annotations

from pathlib import Path

import pytest

from curator.core.readers.html import read_html

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"
FIXTURES = sorted(p.name for p in PAGES.iterdir() if p.suffix in (".html", ".htm", ".mhtml", ".mht"))
FURNITURE = ("责任编辑", "ICP备", "公网安备", "分享到", "相关新闻", "热点推荐", "网友评论", "理性发言", "首页",
             "扫一扫", "上一篇", "打印", "广告位", "主办", "昆仑网友", "图片新闻", "轻点两下", "阅读原文", "关注该公众号")


def gold(name: str) -> tuple[dict[str, str], list[str]]:
    head, _, body = (PAGES / (name.rsplit(".", 1)[0] + ".gold.txt")).read_text(encoding="utf-8").partition("\n\n")
    return dict(line.split("\t", 1) for line in head.splitlines()), [line for line in body.splitlines() if line]


def read(name: str):
    return read_html((PAGES / name).read_bytes(), name=name)


@pytest.mark.parametrize("name", FIXTURES)
def test_page_gives_headline_date_source_and_every_body_paragraph(name):
    meta, body = gold(name)
    record = read(name)
    assert (record.title, record.published, record.source) == (meta["title"], meta["published"], meta["source"])
    lines = record.text.split("\n")
    assert lines[0] == meta["title"]
    assert [line for line in lines[1:] if line in body] == body  # all of them, in order


@pytest.mark.parametrize("name", FIXTURES)
def test_page_furniture_is_left_out(name):
    text = read(name).text
    assert [word for word in FURNITURE if word in text] == []


def test_short_article_beside_long_comments_keeps_only_the_article():
    _meta, body = gold("short_with_comments.html")
    lines = read("short_with_comments.html").text.split("\n")[1:]
    extra = [line for line in lines if line not in body]
    assert extra == ["图为志愿者在街头开展文明劝导。记者 供图"]  # a photo caption inside the body stays


def test_gbk_page_and_page_whose_meta_charset_lies_are_read_from_their_bytes():
    for name in ("gov_gbk.html", "lying_charset.htm"):
        data = (PAGES / name).read_bytes()
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        text = read(name).text
        assert "\ufffd" not in text and "格尔木" in text


def test_lying_meta_declares_utf8():
    assert b'charset="utf-8"' in (PAGES / "lying_charset.htm").read_bytes()[:2000]


def test_mhtml_quoted_printable_html_is_unpacked():
    data = (PAGES / "saved_chrome.mhtml").read_bytes()
    assert b"=E6=A0=BC" in data and "格尔木".encode() not in data
    assert "嘉峪关" in read("saved_chrome.mhtml").text


@pytest.mark.parametrize(("data", "name", "reason"), [
    (b"", "a.html", "empty file"),
    (b"<html><body><p></p></body></html>", "a.html", "no article"),
    (b"\x00\x01\x02\xff\xfe\x00" * 100, "a.html", "not a readable web page"),
    (b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello", "a.mhtml", "HTML part"),
])
def test_bad_page_is_refused_with_one_reason(data, name, reason):
    with pytest.raises(ValueError, match=reason):
        read_html(data, name=name)


def test_page_over_the_size_limit_is_refused_before_parsing():
    with pytest.raises(ValueError, match="over 20 MB"):
        read_html(b"<p>" + b"a" * (21 * 1024 * 1024), name="big.html")


def test_page_with_too_many_elements_is_refused_not_ground_through(monkeypatch):
    from curator.core.readers import html_article as html_reader

    monkeypatch.setattr(html_reader, "MAX_ELEMENTS", 100)
    with pytest.raises(ValueError, match=r"too large a page \(\d+ elements .*limit 100\); save the article alone"):
        read("news_utf8.html")


@pytest.mark.parametrize("line", [
    "【我要纠错】 责任编辑：王娟", "(责编：王娟、李明)", "【字体：大 中 小】", "上一页 1 2 3 下一页", "第 2 页",
    "编辑：赵敏", "网站标识码：6328000001", "扫一扫在手机打开当前页", "来源：新华网",
])
def test_furniture_lines_inside_the_article_element_are_dropped(line):
    from curator.core.readers.html_article import _is_furniture

    assert _is_furniture(line)


@pytest.mark.parametrize("line", [
    "本报记者 漆世平", "上下齐心", "目前，全市建立新时代文明实践站75个，注册志愿者超3万人。", "2023年", "——青海格尔木市凝心聚力绘好文明城市新画卷",
    "编辑部组织开展“我来说文明”微视频创作", "来源于群众、服务于群众的志愿服务队伍不断壮大，目前已有324支。",
])
def test_article_lines_that_look_alike_are_kept(line):
    from curator.core.readers.html_article import _is_furniture

    assert not _is_furniture(line)


def test_short_news_item_in_a_portal_full_of_links_is_found():
    links = "".join(f"<li><a href='/{i}.html'>第{i}条新闻标题：全国文明城市创建工作动态与经验交流</a></li>" for i in range(300))
    page = (f"<html><head><title>格尔木市开展文明交通劝导活动</title></head><body><div class='wrap'>"
            f"<div class='nav'><ul>{links[:3000]}</ul></div><h1>格尔木市开展文明交通劝导活动</h1>"
            f"<div class='con'><p>7月12日，格尔木市组织200余名志愿者在主要路口开展文明交通劝导活动，引导市民文明出行。</p></div>"
            f"<div class='list'><ul>{links}</ul></div></div></body></html>")
    record = read_html(page.encode("utf-8"), name="portal.html")
    assert record.text.split("\n")[1:] == ["7月12日，格尔木市组织200余名志愿者在主要路口开展文明交通劝导活动，引导市民文明出行。"]


@pytest.mark.parametrize(("head", "h1", "title"), [
    ("格尔木市开展志愿服务活动_文明创建_青海新闻网", "", "格尔木市开展志愿服务活动"),
    ("“十四五”开局-文明城市建设再出发-青海新闻网", "“十四五”开局-文明城市建设再出发", "“十四五”开局-文明城市建设再出发"),
])
def test_site_name_is_cut_from_a_title_tag_but_a_headline_keeps_its_dashes(head, h1, title):
    body = "<p>格尔木市组织200余名志愿者在主要路口开展文明交通劝导活动，引导市民文明出行，助力文明城市创建。</p>" * 3
    page = f"<html><head><title>{head}</title></head><body>{f'<h1>{h1}</h1>' if h1 else ''}<div>{body}</div></body></html>"
    assert read_html(page.encode("utf-8"), name="a.html").title == title


def test_gbk_page_declared_as_latin1_is_read_from_its_bytes():
    page = (PAGES / "gov_gbk.html").read_bytes().replace(b"charset=gb2312", b"charset=iso-8859-1")
    assert "格尔木" in read_html(page, name="x.html").text


def test_utf8_page_with_a_stray_bad_byte_is_still_read():
    page = (PAGES / "news_utf8.html").read_bytes().replace("青海日报".encode(), b"\xff\xfe", 1)
    text = read_html(page, name="x.html").text
    assert "仲夏时节" in text


def test_a_gne_settings_file_in_the_working_folder_changes_nothing():
    import gne.utils

    gne.utils.config.update({"body": {"xpath": '//div[@id="comments"]'}, "title": {"xpath": '//div[@class="crumbs"]/text()'}})
    try:
        meta, body = gold("news_utf8.html")
        record = read("news_utf8.html")
    finally:
        gne.utils.config.clear()
    assert record.title == meta["title"] and record.text.split("\n")[1:] == body


def test_headline_and_date_declared_in_json_ld_are_used_though_scripts_are_left_out():
    body = "<p>格尔木市组织200余名志愿者在主要路口开展文明交通劝导活动，引导市民文明出行，助力文明城市创建。</p>" * 3
    ld = '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "格尔木市开展文明交通劝导", "datePublished": "2023-07-12T09:30:00+08:00"}'
    page = (f'<html><head><title>新闻中心</title><script type="application/ld+json">{ld}</script></head>'
            f"<body><div class='nav'>今天是2026年12月1日</div><div class='content'>{body}</div></body></html>")
    record = read_html(page.encode("utf-8"), name="a.html")
    assert (record.title, record.published) == ("格尔木市开展文明交通劝导", "2023-07-12")


# --- bytes into a page ---------------------------------------------------------------------------------

from curator.core.readers.html import Page, decode_html, page_of, record_of  # noqa: E402
from curator.core.readers.html_article import Extracted  # noqa: E402

ARTICLE = "格尔木市注册志愿者超过三万人，志愿服务队三百二十四支，文明城市创建工作扎实推进。"


@pytest.mark.parametrize("data, text", [
    (ARTICLE.encode(), ARTICLE),
    (b"\xef\xbb\xbf" + ARTICLE.encode(), ARTICLE),
    (b'<meta charset="gbk">' + ARTICLE.encode("gbk"), '<meta charset="gbk">' + ARTICLE),
    (b"<meta http-equiv='Content-Type' content='text/html; charset=GB2312'>" + ARTICLE.encode("gbk"), None),
    (b"<meta charset=big5>" + "格爾木市註冊志願者".encode("big5hkscs"), "<meta charset=big5>格爾木市註冊志願者"),
    (b'<meta charset="iso-8859-1">' + ARTICLE.encode("gbk"), '<meta charset="iso-8859-1">' + ARTICLE),
    (b'<meta charset="windows-1252">' + ARTICLE.encode("gbk"), '<meta charset="windows-1252">' + ARTICLE),
    (b'<meta charset="no-such-charset">' + ARTICLE.encode("gbk"), '<meta charset="no-such-charset">' + ARTICLE),
])
def test_the_bytes_decide_the_encoding_then_the_declared_charset(data, text):
    decoded = decode_html(data)
    assert decoded == (text if text is not None else data.decode("gb18030"))


def test_a_western_charset_declared_over_chinese_bytes_is_not_believed():
    data = b'<meta charset="latin1">' + ARTICLE.encode("gbk")
    assert ARTICLE in decode_html(data)
    assert ARTICLE in decode_html(ARTICLE.encode("gbk"), "ISO-8859-1")


def test_the_charset_an_archive_part_declares_comes_first():
    data = "格爾木市註冊志願者超過三萬人".encode("big5")
    assert decode_html(data, "big5") == "格爾木市註冊志願者超過三萬人"
    assert decode_html(data, "no-such") == "格爾木市註冊志願者超過三萬人"  # unknown: detected instead


def test_a_declared_charset_is_looked_for_in_the_first_8192_bytes():
    russian = "Привет, мир. Это страница в кодировке KOI8-R.".encode("koi8-r")
    near = b" " * 8000 + b'<meta charset="koi8-r">' + russian
    assert decode_html(near).endswith("Привет, мир. Это страница в кодировке KOI8-R.")
    far = b" " * 8200 + b'<meta charset="koi8-r">' + russian
    with pytest.raises(ValueError, match="^not a readable web page "):
        decode_html(far)


def test_a_page_cut_inside_a_few_characters_is_read_with_them_replaced():
    body = ("<p>" + "文明城市" * 100 + "</p>").encode()
    three = body[:51] + b"\xff\xff\xff" + body[51:]
    assert decode_html(three).count("\ufffd") == 3
    four = body[:51] + b"\xff" * 4 + body[51:]
    with pytest.raises(ValueError) as caught:
        decode_html(four)
    assert str(caught.value).startswith("not a readable web page (cannot read its encoding")


def test_one_bad_byte_in_a_thousand_is_allowed_in_a_long_page():
    body = ("<p>" + "a" * 998 + "</p>").encode() * 5  # 5025 characters: five replacements allowed
    cut = b"\xff".join(body[i:i + 1000] for i in range(0, 5000, 1000))
    assert decode_html(cut).count("\ufffd") == 4
    worse = b"\xff\xfe".join(body[i:i + 800] for i in range(0, 5600, 800))
    with pytest.raises(ValueError, match="^not a readable web page "):
        decode_html(worse)


def test_a_saved_pages_address_comes_from_its_saved_from_comment():
    page = page_of(b"<!-- saved from url=(0043)http://www.qh.gov.cn/2023-07/12/c_1.htm -->\n<html></html>", name="a.html")
    assert page == Page("<!-- saved from url=(0043)http://www.qh.gov.cn/2023-07/12/c_1.htm -->\n<html></html>",
                        "http://www.qh.gov.cn/2023-07/12/c_1.htm")
    late = b" " * 4100 + b"<!-- saved from url=(0010)http://x.cn -->"
    assert page_of(late, name="a.html").url == ""
    assert page_of(b"<html><p>x</p></html>", name="a.htm").url == ""


def mhtml(parts: list[tuple[str, bytes]], headers: str = "") -> bytes:
    out = (f"From: <Saved by Blink>\r\n{headers}MIME-Version: 1.0\r\n"
           'Content-Type: multipart/related; boundary="B"\r\n\r\n')
    for head, body in parts:
        out += f"--B\r\n{head}\r\n\r\n" + body.decode("latin-1") + "\r\n"
    return (out + "--B--\r\n").encode("latin-1")


def test_an_archive_gives_its_html_part_and_its_address():
    data = mhtml([("Content-Type: image/png", b"PNG"),
                  ("Content-Type: text/html\r\nContent-Location: http://part.cn/a", b"   "),
                  ("Content-Type: text/html; charset=gbk\r\nContent-Location: http://part.cn/b",
                   ARTICLE.encode("gbk"))], "Snapshot-Content-Location: http://snap.cn/x\r\n")
    assert page_of(data, name="a.mhtml") == Page(ARTICLE, "http://snap.cn/x")
    plain = mhtml([("Content-Type: text/html\r\nContent-Location: http://part.cn/b", b"<p>x</p>")],
                  "Content-Location: http://top.cn/y\r\n")
    assert page_of(plain, name="a.mht").url == "http://top.cn/y"
    part = mhtml([("Content-Type: text/html\r\nContent-Location: http://part.cn/b", b"<p>x</p>")])
    assert page_of(part, name="A.MHT").url == "http://part.cn/b"
    bare = mhtml([("Content-Type: text/html", b"<p>x</p>")])
    assert page_of(bare, name="saved.html") == Page("<p>x</p>", "")  # known by its headers, whatever its name


def test_an_archive_without_html_is_named():
    with pytest.raises(ValueError) as caught:
        page_of(mhtml([("Content-Type: image/png", b"PNG"), ("Content-Type: text/html", b"  \r\n ")]), name="a.mhtml")
    assert str(caught.value) == "not a web page archive (.mhtml) with an HTML part"


def test_an_archive_is_known_by_its_first_header():
    data = b"MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n<p>x</p>"
    assert page_of(data, name="a.html") == Page("<p>x</p>", "")


def test_a_record_is_the_headline_then_the_paragraphs():
    found = Extracted("标题", "2023-07-12", "http://x.cn", ("一段。", "二段。"))
    record = record_of(found)
    assert (record.text, record.title, record.published, record.source) == (
        "标题\n一段。\n二段。", "标题", "2023-07-12", "http://x.cn")
    assert record_of(Extracted("", "", "", ("一段。",))).text == "一段。"


def test_the_address_of_a_saved_page_is_its_source_when_the_page_names_none():
    body = "".join(f"<p>{ARTICLE}{i}</p>" for i in range(5))
    data = (f"<!-- saved from url=(0030)http://www.qh.gov.cn/t20230802_1.html -->\n<html><head><title>格尔木市文明城市创建"
            f"</title></head><body><h1>格尔木市文明城市创建</h1><div>{body}</div></body></html>").encode()
    record = read_html(data, name="a.html")
    assert record.source == "http://www.qh.gov.cn/t20230802_1.html" and record.published == "2023-08-02"


def test_a_page_declaring_big5_is_read_with_hong_kongs_characters():
    page = '<meta charset="big5"><p>佢哋講㗎，香港嘅朋友。</p>'
    assert decode_html(page.encode("big5hkscs")) == page  # 㗎 and 嘅 are HKSCS, beyond plain Big5
