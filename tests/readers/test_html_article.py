"""The article of a web page: what is pruned before GNE, which lines are furniture, how paragraphs and the headline come out."""

from __future__ import annotations

import lxml.html
import pytest

from curator.core.readers import html_article
from curator.core.readers.html_article import extract

PROSE = "格尔木市注册志愿者超过三万人，志愿服务队三百二十四支，文明城市创建工作扎实推进，群众满意度不断提高。"


def article_page(body: str, *, head: str = "", title: str = "格尔木市文明城市创建工作掠影") -> str:
    return (f"<html><head><title>{title}</title>{head}</head><body><h1>格尔木市文明城市创建工作掠影</h1>"
            f"<div class='content'>{body}</div></body></html>")


PARAGRAPHS = "".join(f"<p>{PROSE}第{i}段。</p>" for i in range(1, 6))


# --- furniture ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "责任编辑：王伟", "（责编：李四）", "青ICP备05000001号", "青公网安备 63010402000123号", "网站标识码6300000001",
    "版权所有：格尔木市人民政府", "Copyright © 2023 qh.gov.cn", "Copyright (c) 2023", "Copyright &copy; 2023", "扫一扫在手机打开当前页",
    "分享到：", "分享让更多人看到", "打印本页", "关闭窗口", "【打印】", "【 关闭 】", "【纠错】", "【我要纠错】", "【收藏】", "【字号 大 中 小】",
    "【字体：大 中 小】", "字号：大 中 小", "字体: 大", "视频加载中...", "您的浏览器不支持video标签", "编辑：王伟", "[校对：李四]",
    "（审核：张三）", "值班编辑：赵六", "终审：钱七", "初审：孙八", "复审：周九", "监制：吴十", "签发：郑一", "上一篇：某某",
    "下一篇: 某某", "上一页 1 2 3 下一页", "首页 尾页", "第 2 页", "12", " | | ", "来源：青海日报", "信息来源：格尔木市文明办",
    "稿源: 新华网", "来源： 青海日报",
])
def test_furniture_lines(line):
    assert html_article._is_furniture(line)


@pytest.mark.parametrize("line", [
    "记者从格尔木市文明办获悉", "编辑部的故事", "来源：青海日报记者在格尔木市采访时了解到的情况如下所述", "上一篇文章里说",
    "2023年", "第二页", "字号", "ICP",
])
def test_lines_that_are_not_furniture(line):
    assert not html_article._is_furniture(line)


def test_only_lines_of_sixty_characters_or_fewer_are_judged():
    assert html_article._is_furniture("责任编辑" + "字" * 56)
    assert not html_article._is_furniture("责任编辑" + "字" * 57)


# --- paragraphs -------------------------------------------------------------------------------------------

def test_block_elements_and_breaks_make_paragraphs_inline_ones_do_not():
    html = ("<div><p>第一段\n  文字</p>尾巴<b>粗</b>字\u2029下一行<h2>小标题</h2><p>a\n b\xa0 c</p>"
            "<span>\u3000\u3000缩进\u2003</span><li>一项</li><td>格</td><!-- 注释 --></div>")
    assert html_article._paragraphs(html) == ["第一段文字", "尾巴粗字", "下一行", "小标题", "a b c", "缩进", "一项", "格"]


def test_a_line_wrap_between_chinese_characters_is_no_space_but_between_latin_words_it_is():
    assert html_article._paragraphs("<p>格尔木\n   市志愿者</p><p>civic\nvolunteers</p><p>文明 \n city</p>") == [
        "格尔木市志愿者", "civic volunteers", "文明 city"]


def test_no_body_gives_no_paragraphs():
    assert html_article._paragraphs("") == [] and html_article._paragraphs("  \n") == []
    assert html_article._paragraphs("<div><p> </p></div>") == []


@pytest.mark.parametrize("tag", sorted(html_article._BLOCKS))
def test_each_block_element_is_a_paragraph_of_its_own(tag):
    assert html_article._paragraphs(f"<div>前<{tag}>中</{tag}>后</div>") == ["前", "中", "后"]


# --- the headline ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("title, page_title, cleaned", [
    ("格尔木市文明城市创建 - 青海日报 - 中国", "格尔木市文明城市创建 - 青海日报 - 中国", "格尔木市文明城市创建"),
    ("格尔木市文明城市创建_青海新闻网", "格尔木市文明城市创建_青海新闻网", "格尔木市文明城市创建"),
    ("格尔木市文明城市创建 | 新华网", " 格尔木市文明城市创建  |  新华网 ", "格尔木市文明城市创建"),
    ("格尔木市文明城市创建 — 青海日报", "格尔木市文明城市创建 — 青海日报", "格尔木市文明城市创建"),
    ("格尔木市文明城市创建 - 青海日报", "别的标题", "格尔木市文明城市创建 - 青海日报"),  # GNE's own headline: kept whole
    ("短标题啊_网站", "短标题啊_网站", "短标题啊_网站"),  # cutting would leave under six characters
    ("六个字的标题_网站", "六个字的标题_网站", "六个字的标题"),
    ("  格尔木市\n文明城市  ", "", "格尔木市 文明城市"),
])
def test_a_sites_name_is_cut_from_the_pages_own_title(title, page_title, cleaned):
    assert html_article._clean_title(title, page_title=page_title) == cleaned


# --- pruning ------------------------------------------------------------------------------------------------

def prune(html: str) -> str:
    root = lxml.html.fromstring(html)
    html_article._prune(root)
    return lxml.html.tostring(root, encoding="unicode")


def test_scripts_forms_and_comments_are_left_out_with_the_text_after_them_kept():
    kept = prune("<div><p>正文<script>var a = '脚本';</script>尾巴</p><form>表单</form><!-- 注释 -->"
                 "<style>.a{}</style><select><option>选项</option></select><iframe></iframe>后面</div>")
    assert "脚本" not in kept and "表单" not in kept and "注释" not in kept and "选项" not in kept
    assert "尾巴" in kept and "后面" in kept


def test_a_list_that_is_nearly_all_links_is_left_out():
    menu = "<ul>" + "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(5)) + "</ul>"
    assert "栏目" not in prune(f"<div><p>{PROSE}</p>{menu}</div>")


def test_a_list_with_fewer_than_three_links_or_much_plain_text_stays():
    two = "<ul><li><a href='/1'>栏目一</a></li><li><a href='/2'>栏目二</a></li></ul>"
    assert "栏目一" in prune(f"<div><p>{PROSE}</p>{two}</div>")
    mixed = "<ul>" + "".join(f"<li><a href='/{i}'>栏目{i}</a>说明文字说明</li>" for i in range(5)) + "</ul>"
    assert "栏目" in prune(f"<div><p>{PROSE}</p>{mixed}</div>")  # a third of its text is not linked


@pytest.mark.parametrize("linked, dropped", [(80, False), (81, True)])
def test_eighty_percent_linked_is_the_bound(linked, dropped):
    links = "".join(f"<a href='/{i}'>{'链' * (linked // 4)}</a>" for i in range(4))
    table = f"<table><tr><td>{links}{'字' * (100 - linked)}</td></tr></table>"
    assert ("链" not in prune(f"<div><p>{PROSE}</p>{table}</div>")) is dropped


def test_a_link_list_holding_a_sentence_of_prose_stays():
    links = "".join(f"<a href='/{i}'>{'链' * 100}</a>" for i in range(3))
    assert "链" in prune(f"<div><div>{links}<span>{PROSE[:40]}</span></div></div>")
    assert "链" not in prune(f"<div><div>{links}<span>{PROSE[:39]}</span></div></div>")
    tail = f"<div><div>{links}<a href='/x'>x</a>{PROSE[:40]}</div></div>"  # prose after a link, not in it
    assert "链" in prune(tail)


def test_a_link_of_forty_characters_is_not_prose():
    element = lxml.html.fromstring(f"<div><a href='/x'>{PROSE[:45]}</a></div>")
    assert html_article._has_prose(element) is False
    element = lxml.html.fromstring(f"<div><span>  {PROSE[:40]}  </span></div>")
    assert html_article._has_prose(element) is True


def test_inner_lists_are_judged_before_their_wrapper():
    menu = "<ul>" + "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(5)) + "</ul>"
    kept = prune(f"<html><body><div id='wrap'><div id='article'><p>{PROSE}</p></div>{menu}</div></body></html>")
    assert "wrap" in kept and PROSE in kept and "栏目" not in kept


# --- the whole extraction -------------------------------------------------------------------------------------

def test_an_article_comes_out_without_its_furniture_and_with_its_headline():
    body = PARAGRAPHS + "<p>责任编辑：王伟</p><p>【打印本页】【关闭窗口】</p>"
    found = extract(article_page(body), url="http://www.qh.gov.cn/2023-07/12/c_1.htm")
    assert found.title == "格尔木市文明城市创建工作掠影"
    assert found.paragraphs == tuple(f"{PROSE}第{i}段。" for i in range(1, 6))
    assert found.source == "http://www.qh.gov.cn/2023-07/12/c_1.htm" and found.published == "2023-07-12"


def test_the_headline_repeated_as_the_first_paragraph_is_dropped():
    found = extract(article_page("<p>格尔木市文明城市创建工作掠影</p>" + PARAGRAPHS))
    assert found.paragraphs[0] == f"{PROSE}第1段。"


def test_a_declared_headline_and_date_come_before_what_the_page_shows():
    head = ('<meta name="ArticleTitle" content="声明的标题文字"><meta name="PubDate" content="2021-08-03">'
            '<link rel="canonical" href="https://www.qh.gov.cn/a.html">')
    found = extract(article_page(PARAGRAPHS, head=head), url="http://other.cn/2023-07/12/x.htm")
    assert (found.title, found.published, found.source) == ("声明的标题文字", "2021-08-03", "https://www.qh.gov.cn/a.html")


def test_an_article_of_one_paragraph_per_section_is_taken_whole():
    sections = "".join(f"<section class='p'><span>{PROSE}第{i}节。</span></section>" for i in range(1, 6))
    found = extract(article_page(f"<div id='js_content'>{sections}</div>"))
    assert found.paragraphs == tuple(f"{PROSE}第{i}节。" for i in range(1, 6))


def test_three_alike_sections_are_not_enough_to_take_their_parent():
    sections = "".join(f"<section class='p'><span>{PROSE * 3 if i == 1 else PROSE}第{i}节。</span></section>"
                       for i in range(1, 4))
    found = extract(article_page(f"<div id='js_content'>{sections}</div>"))
    assert found.paragraphs == (f"{PROSE * 3}第1节。",)


@pytest.mark.parametrize("html, message", [
    ("", "empty web page"),
    (" \n ", "empty web page"),
    ("<html><body><p></p></body></html>", "no article text found in the page"),
    ("<html><body><p>责任编辑：王伟</p></body></html>", "no article text found in the page"),
])
def test_a_page_without_an_article_is_named(html, message):
    with pytest.raises(ValueError) as caught:
        extract(html)
    assert str(caught.value) == message


def test_a_page_that_lxml_cannot_parse_is_named():
    with pytest.raises(ValueError) as caught:
        extract("<?xml version='1.0' encoding='utf-8'?><p>x</p>")
    assert str(caught.value).startswith("not a readable web page (")


def test_a_page_of_too_many_elements_is_refused_after_pruning(monkeypatch):
    monkeypatch.setattr(html_article, "MAX_ELEMENTS", 20)
    page = article_page(PARAGRAPHS)
    elements = sum(1 for _ in lxml.html.fromstring(page).iter())
    monkeypatch.setattr(html_article, "MAX_ELEMENTS", elements)
    assert extract(page).paragraphs
    monkeypatch.setattr(html_article, "MAX_ELEMENTS", elements - 1)
    with pytest.raises(ValueError) as caught:
        extract(page)
    assert str(caught.value) == (f"too large a page ({elements} elements after menus and link lists are left out; "
                                 f"limit {elements - 1}); save the article alone")


def test_the_element_limit_is_thirty_thousand():
    assert html_article.MAX_ELEMENTS == 30_000


def test_an_extractor_failure_is_named_by_its_kind(monkeypatch):
    import gne

    def broken(self, *args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(gne.GeneralNewsExtractor, "extract", broken)
    with pytest.raises(ValueError) as caught:
        extract(article_page(PARAGRAPHS))
    assert str(caught.value) == "no article found in the page (IndexError)"


def test_a_gne_file_in_the_working_folder_changes_nothing(tmp_path, monkeypatch):
    (tmp_path / ".gne").write_text("title:\n  xpath: //p/text()\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    import gne.utils

    gne.utils.config["title"] = {"xpath": "//p/text()"}
    assert extract(article_page(PARAGRAPHS)).title == "格尔木市文明城市创建工作掠影"


def sections(*classes: str) -> str:
    return "".join(f"<section class='{cls}'><span>{PROSE * 3 if i == 1 else PROSE}第{i}节。</span></section>"
                   for i, cls in enumerate(classes, start=1))


def test_four_alike_sections_are_enough_to_take_their_parent():
    found = extract(article_page(f"<div id='js_content'>{sections('p', 'p', 'p', 'p')}</div>"))
    assert len(found.paragraphs) == 4 and found.paragraphs[-1] == f"{PROSE}第4节。"


def test_sections_of_another_class_are_not_alike():
    found = extract(article_page(f"<div id='js_content'>{sections('p', 'p', 'q', 'p')}</div>"))
    assert found.paragraphs == (f"{PROSE * 3}第1节。",)


def test_the_date_found_in_the_text_is_the_last_resort():
    body = "".join(f"<p>{PROSE * 2}第{i}段。</p>" for i in range(5)) + "<p>2023年7月12日</p>"  # far from the headline
    assert extract(article_page(body)).published == "2023-07-12"
    assert extract(article_page(PARAGRAPHS)).published == ""


def test_a_headline_taken_from_the_pages_title_loses_the_sites_name():
    page = ("<html><head><title>格尔木市文明城市创建工作掠影_青海新闻网</title></head><body><div class='content'>"
            + PARAGRAPHS + "</div></body></html>")
    assert extract(page).title == "格尔木市文明城市创建工作掠影"


def test_a_paragraph_may_start_with_a_latin_letter():
    assert html_article._paragraphs("<p>X光检查</p><p>XX</p>") == ["X光检查", "XX"]


def test_a_menu_is_pruned_wherever_it_stands_among_other_blocks():
    menu = "<ul>" + "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(5)) + "</ul>"
    kept = prune(f"<html><body><div>{menu}<div><p>{PROSE}</p></div><div><p>尾</p></div></div></body></html>")
    assert "栏目" not in kept and PROSE in kept
