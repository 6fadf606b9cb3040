"""A page's date, address and headline, from what it declares before what it shows."""

from __future__ import annotations

import lxml.html
import pytest

from curator.core.readers import html_meta
from curator.core.readers.html_meta import (declared_date, declared_title, published_date, script_date,
                                            source_url)


def root(html: str):
    return lxml.html.fromstring(html)


@pytest.mark.parametrize("text, date", [
    ("2023-07-12", "2023-07-12"), ("2023/7/2", "2023-07-02"), ("2023.07.12", "2023-07-12"),
    ("2023年7月12日", "2023-07-12"), ("1999 年 12 月 31 日", "1999-12-31"), ("发布于 2021-08-03 10:00", "2021-08-03"),
    ("2023-13-01", ""), ("2023-00-10", ""), ("2023-01-32", ""), ("2023-01-00", ""), ("2023-12-31", "2023-12-31"),
    ("2023-01-01", "2023-01-01"), ("1899-01-01", ""), ("2123-01-01", ""), ("没有日期", ""), ("", ""),
    ("20230712", ""), ("2023-07", ""),
])
def test_a_date_in_text(text, date):
    assert html_meta._date(text) == date


@pytest.mark.parametrize("url, date", [
    ("http://www.qh.gov.cn/2023-07/12/c_1.htm", "2023-07-12"), ("http://x.cn/202307/12/a.html", "2023-07-12"),
    ("http://x.cn/2023/07/12/a", ""), ("http://x.cn/20230712/a.html", "2023-07-12"), ("http://x.cn/2023-0712_a", "2023-07-12"),
    ("http://www.gov.cn/xinwen/t20230802_123.html", "2023-08-02"), ("http://x.cn/t2023080_1.html", ""),
    ("http://x.cn/2023-13/12/a", ""), ("http://x.cn/a.html", ""), ("", ""),
])
def test_a_date_in_the_address(url, date):
    assert html_meta._date_in_url(url) == date


def test_the_byline_after_the_headline_gives_the_date_not_the_pages_header():
    page = root("<html><body><div>今天是2024年1月1日</div><h1>格尔木市文明城市创建工作掠影</h1>"
                "<div>来源：青海日报 2023-07-12 10:00</div><p>正文 2022-01-01</p></body></html>")
    assert html_meta._date_near_headline(page, "格尔木市文明城市创建工作掠影") == "2023-07-12"


def test_a_date_just_before_the_headline_is_the_last_one_there():
    page = root("<html><body><div>2020-01-01</div><span>2023/07/12</span><h2>格尔木市文明城市创建工作掠影</h2>"
                "<p>正文没有日期</p></body></html>")
    assert html_meta._date_near_headline(page, "格尔木市文明城市创建工作掠影") == "2023-07-12"


def test_xinhuas_split_date_is_read_loosely():
    page = root("<html><body><h1>格尔木市文明城市创建</h1><div><em>2023</em> <em>07</em>/<em>12</em></div></body></html>")
    assert html_meta._date_near_headline(page, "格尔木市文明城市创建") == "2023-07-12"


def test_only_three_hundred_characters_around_the_headline_are_searched():
    far = "字" * 300
    after = root(f"<html><body><h1>格尔木市文明城市创建</h1><p>{far}2023-07-12</p></body></html>")
    assert html_meta._date_near_headline(after, "格尔木市文明城市创建") == ""
    near = root(f"<html><body><h1>格尔木市文明城市创建</h1><p>{far[:280]}2023-07-12</p></body></html>")
    assert html_meta._date_near_headline(near, "格尔木市文明城市创建") == "2023-07-12"
    before = root(f"<html><body><p>2023-07-12{far}</p><h1>格尔木市文明城市创建</h1></body></html>")
    assert html_meta._date_near_headline(before, "格尔木市文明城市创建") == ""


def test_scripts_styles_and_the_title_do_not_count_as_the_byline():
    page = root("<html><head><title>2020-01-01</title></head><body><h1>格尔木市文明城市创建</h1>"
                "<script>var d='2021-02-02'</script><style>.a{}/*2022-03-03*/</style><p>2023-07-12</p></body></html>")
    assert html_meta._date_near_headline(page, "格尔木市文明城市创建") == "2023-07-12"


def test_the_headline_is_matched_by_its_first_ten_characters_in_a_heading():
    page = root("<html><body><strong>格尔木市文明城市创建工作掠影（组图）</strong><p>2023-07-12</p></body></html>")
    assert html_meta._date_near_headline(page, "格尔木市文明城市创建工作掠影") == "2023-07-12"
    assert html_meta._date_near_headline(page, "") == ""
    assert html_meta._date_near_headline(page, "别的标题别的标题别的标题") == ""
    bold = root("<html><body><b>格尔木市文明城市创建</b><p>正文</p></body></html>")
    assert html_meta._date_near_headline(bold, "格尔木市文明城市创建") == ""
    h3 = root("<html><body><h3>格尔木市文明城市创建</h3><p>2023-07-12</p></body></html>")
    assert html_meta._date_near_headline(h3, "格尔木市文明城市创建") == "2023-07-12"


@pytest.mark.parametrize("html, date", [
    ('<meta name="PubDate" content="2023-07-12 10:00">', "2023-07-12"),
    ('<meta property="article:published_time" content="2023-07-12T10:00:00+08:00">', "2023-07-12"),
    ('<script type="application/ld+json">{"datePublished": "2023-07-12"}</script>', "2023-07-12"),
    ('<time datetime="2023-07-12">7月12日</time>', "2023-07-12"),
    ('<script>var ct = "1691031000";</script>', "2023-08-03"),
    ('<p>nothing</p>', ""),
])
def test_the_declared_date(html, date):
    page = f"<html><head>{html}</head><body><p>正文</p></body></html>"
    assert declared_date(root(page), page) == date


@pytest.mark.parametrize("html, date", [
    ('var ct = "1691031000";', "2023-08-03"), ("create_time=1691031000", "2023-08-03"),
    ("publish_time = '1691031000'", "2023-08-03"), ("ct=1691006399", "2023-08-03"), ("ct=1691006400", "2023-08-03"),
    ("ct=1691006399 ", "2023-08-03"), ("xct=1691031000", ""), ("ct=169103100", ""), ("ct=2691031000", ""), ("", ""),
])
def test_a_timestamp_in_a_script_is_read_in_beijing_time(html, date):
    assert script_date(html) == date


def test_a_timestamp_is_a_day_in_beijing_not_in_utc():
    assert script_date("ct=1690992000") == "2023-08-03"  # 2023-08-02 16:00 UTC is midnight in Beijing
    assert script_date("ct=1690991999") == "2023-08-02"


@pytest.mark.parametrize("head, url", [
    ('<link rel="canonical" href=" https://www.qh.gov.cn/a.html ">', "https://www.qh.gov.cn/a.html"),
    ('<meta property="og:url" content="http://x.cn/b">', "http://x.cn/b"),
    ('<meta name="Url" content="http://x.cn/c">', "http://x.cn/c"),
    ('<meta name="url" content="http://x.cn/d">', "http://x.cn/d"),
    ('<meta name="URL" content="http://x.cn/e">', "http://x.cn/e"),
    ('<link rel="canonical" href="/relative.html"><meta property="og:url" content="http://x.cn/f">', "http://x.cn/f"),
    ('<link rel="canonical" href="ftp://x.cn/g">', ""),
    ('<meta name="description" content="http://x.cn/h">', ""),
    ("", ""),
])
def test_the_source_address(head, url):
    assert source_url(root(f"<html><head>{head}</head><body><p>x</p></body></html>")) == url


@pytest.mark.parametrize("head, title", [
    ('<meta name="ArticleTitle" content=" 格尔木市\n文明  城市 ">', "格尔木市 文明 城市"),
    ('<meta name="ArticleTitle" content="四个字啊">', "四个字啊"),
    ('<meta name="ArticleTitle" content="三个字">', ""),
    ('<meta name="ArticleTitle" content="三个字"><script type="application/ld+json">{"headline": " 标题\\n 二 "}</script>',
     "标题 二"),
    ("", ""),
])
def test_the_declared_headline(head, title):
    assert declared_title(root(f"<html><head>{head}</head><body><p>x</p></body></html>")) == title


def test_the_publication_date_comes_from_the_first_source_that_has_one():
    page = root("<html><body><h1>格尔木市文明城市创建</h1><p>2023-07-12</p></body></html>")
    args = {"title": "格尔木市文明城市创建", "source": "http://x.cn/2022-01/02/a.htm", "found": "2021-03-04"}
    assert published_date(page, declared="2020-05-06", **args) == "2020-05-06"
    assert published_date(page, declared="", **args) == "2023-07-12"
    assert published_date(page, declared="", **{**args, "title": ""}) == "2022-01-02"
    assert published_date(page, declared="", **{**args, "title": "", "source": ""}) == "2021-03-04"
    assert published_date(page, declared="", title="", source="", found="") == ""
