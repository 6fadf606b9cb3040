"""Build the fixture web pages around the sample articles: python tests/data/pages/build_pages.py

Each page carries real page furniture (menus, breadcrumbs, share buttons, editor lines,
related-article lists, comments, ICP footers, scripts, nested layout tables). The article
body of each page is written beside it as NAME.body.txt (paragraphs, one a line): the gold
text the extractor is scored against.
"""

from __future__ import annotations

import html
import quopri
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from curator.core.importing import normalise, reflow  # noqa: E402

NAV = """<div class="header"><div class="logo"><a href="/"><img src="/logo.png" alt="青海新闻网"></a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/sz/">时政</a></li><li><a href="/sh/">社会</a></li>
<li><a href="/wm/">文明创建</a></li><li><a href="/ty/">图片</a></li><li><a href="/sp/">视频</a></li><li><a href="/zt/">专题</a></li></ul>
<form class="search"><input name="q" placeholder="请输入关键词"><button>搜索</button></form></div>"""
CRUMBS = '<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/wm/">文明创建</a> &gt; 正文</div>'
SHARE = """<div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a>
<a href="javascript:window.print()">【打印】</a><a>【关闭窗口】</a> 字号：<a>大</a><a>中</a><a>小</a></div>"""
RELATED = """<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/wm/1.html">海西州召开全国文明城市创建推进会</a><span>2023-07-10</span></li>
<li><a href="/wm/2.html">德令哈市开展“文明交通劝导”志愿服务活动</a><span>2023-07-08</span></li>
<li><a href="/wm/3.html">青海省新时代文明实践中心建设取得新进展</a><span>2023-07-05</span></li>
<li><a href="/wm/4.html">格尔木市举办第二届志愿服务项目大赛</a><span>2023-07-01</span></li></ul></div>
<div class="hot"><h3>热点推荐</h3><ol><li><a>柴达木盆地迎来旅游旺季 游客同比增长三成</a></li>
<li><a>西宁至格尔木铁路扩能改造工程进入冲刺阶段</a></li><li><a>昆仑山下的“绿色长城”：三北防护林建设纪实</a></li></ol></div>"""
COMMENTS = """<div id="comments"><h3>网友评论</h3><div class="comment"><span class="user">昆仑网友</span>
<p>为家乡点赞！格尔木越来越美了，希望继续保持。</p><span class="time">2023-07-12 10:21</span></div>
<div class="comment"><span class="user">柴达木人</span><p>志愿者辛苦了，文明城市大家一起创建。</p>
<span class="time">2023-07-12 11:02</span></div><textarea placeholder="文明上网，理性发言"></textarea><button>发表评论</button></div>"""
FOOTER = """<div class="footer"><p><a>关于我们</a> | <a>联系我们</a> | <a>广告服务</a> | <a>版权声明</a> | <a>网站地图</a></p>
<p>主办单位：青海日报社 版权所有 未经授权禁止复制或建立镜像</p>
<p>青ICP备05000247号-1 <img src="/gongan.png">青公网安备 63010402000123号 互联网新闻信息服务许可证：63120170001</p>
<p>违法和不良信息举报电话：0971-8888888 举报邮箱：jubao@qhnews.example</p></div>"""
SCRIPTS = """<script>var _hmt = _hmt || [];(function(){var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?abc";
var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();</script>
<script type="text/javascript">document.write('<div class="ad">广告位招租 联系电话 0971-1234567</div>');</script>"""


def article(seed: str) -> tuple[str, list[str]]:
    """(headline, body paragraphs) of a sample article, its layout breaks repaired."""
    text = reflow(normalise((ROOT / "seeds" / seed).read_text(encoding="utf-8")))
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    return lines[0], lines[1:]


def paragraphs(body: list[str], indent: bool = False) -> str:
    lead = "&nbsp;&nbsp;&nbsp;&nbsp;" if indent else ""
    return "\n".join(f"<p>{lead}{html.escape(p)}</p>" for p in body)


def news_page(title: str, body: list[str], *, charset: str, date: str, source: str, url: str,
              editor: str, head_extra: str = "", pre: str = "") -> str:
    return f"""{pre}<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>{html.escape(title)}_文明创建_青海新闻网</title>
<meta name="keywords" content="格尔木,文明城市,志愿服务">
<meta name="description" content="{html.escape(body[0][:60])}">
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:url" content="{url}">
<meta name="publishdate" content="{date}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/css/main.css">{head_extra}
{SCRIPTS}
</head><body>
{NAV}
{CRUMBS}
<div class="main"><div class="left">
<div class="article">
<h1 class="title">{html.escape(title)}</h1>
<div class="info"><span class="time">{date} 09:30:12</span> <span class="source">来源：{source}</span>
<span class="author">作者：记者 樊永涛</span> <span class="views">阅读：1,204</span></div>
{SHARE}
<div class="content" id="articleContent">
{paragraphs(body)}
<p style="text-align:right">【责任编辑：{editor}】</p>
<div class="qr">扫一扫在手机打开当前页</div>
</div>
<div class="pager">上一篇：<a>海西州召开全国文明城市创建推进会</a><br>下一篇：<a>德令哈市开展“文明交通劝导”志愿服务活动</a></div>
{SHARE}
</div>
{RELATED}
{COMMENTS}
</div><div class="right"><div class="box"><h3>图片新闻</h3><ul><li><a>察尔汗盐湖日落</a></li><li><a>可可西里藏羚羊迁徙</a></li></ul></div></div></div>
{FOOTER}
</body></html>
"""


def table_page(title: str, body: list[str], *, charset: str, date: str, source: str, pre: str = "") -> str:
    """An older government site: layout in nested tables, the body in a td, an editor line and ICP footer."""
    return f"""{pre}<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}-格尔木市人民政府</title>
<script language="javascript" src="/js/common.js"></script>
</head><body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td>
<table width="100%"><tr><td><img src="/images/banner.jpg"></td></tr>
<tr><td class="menu"><a href="/">网站首页</a> | <a>政务公开</a> | <a>政务服务</a> | <a>互动交流</a> | <a>走进格尔木</a></td></tr></table>
<table width="100%"><tr><td width="200" valign="top">
<table><tr><td class="lm"><a>工作动态</a></td></tr><tr><td class="lm"><a>通知公告</a></td></tr>
<tr><td class="lm"><a>部门动态</a></td></tr><tr><td class="lm"><a>乡镇动态</a></td></tr></table></td>
<td valign="top"><table width="100%"><tr><td class="crumb">您现在的位置：<a>首页</a> &gt;&gt; <a>工作动态</a></td></tr>
<tr><td align="center" class="biaoti"><strong>{html.escape(title)}</strong></td></tr>
<tr><td align="center" class="sj">发布时间：{date}&nbsp;&nbsp;信息来源：{source}&nbsp;&nbsp;浏览次数：<script>document.write(356)</script></td></tr>
<tr><td class="zw" style="line-height:30px;font-size:16px">
{paragraphs(body, indent=True)}
</td></tr>
<tr><td align="right">（责任编辑：李明）</td></tr>
<tr><td align="right"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></td></tr>
</table></td></tr></table>
<table width="100%" class="foot"><tr><td align="center">主办：格尔木市人民政府办公室 承办：格尔木市政务服务监督管理局<br>
网站标识码：6328010001 青ICP备10000123号 <a>青公网安备 63280102000018号</a><br>
地址：青海省格尔木市昆仑中路 邮编：816000 建议使用1024*768分辨率浏览</td></tr></table>
</td></tr></table></body></html>
"""


LONG_COMMENTS = "".join(
    f"<div class=\"reply\"><b>网友{i}</b><div>{text}</div><i>2023-10-0{i} 1{i}:2{i}</i></div>"
    for i, text in enumerate((
        "我是格尔木人，在外地工作多年，每次回家都能感受到家乡的变化。道路更宽了，街道更干净了，公园也越来越多，晚上散步的人特别多，真心为家乡点赞，希望文明城市创建工作继续坚持下去，让我们的城市越来越好。",
        "志愿者们真的很辛苦，夏天顶着烈日在路口劝导交通，冬天冒着寒风清扫积雪。作为一名普通市民，我们也应该从自身做起，不闯红灯、不乱扔垃圾、文明养犬，共同维护来之不易的创建成果。",
        "建议有关部门多关注一下老旧小区的改造问题，有的小区楼道灯坏了很久没人修，垃圾分类的桶也不够，希望创建工作不只是面子工程，要真正让老百姓得到实惠。",
        "看了这篇报道很受鼓舞，我们社区最近也开展了邻里节活动，大家一起包饺子、做游戏，邻里之间的关系更融洽了，这就是文明城市创建带来的最直接的变化。",
    ), start=1))


def short_page(title: str, body: list[str], *, date: str, url: str) -> str:
    """A short article in a page with long comments and a big sidebar; paragraphs by <br>, an image with caption."""
    lines = "<br>\n".join("&emsp;&emsp;" + html.escape(p) for p in body[1:])
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)} - 海西新闻</title>
<meta name="pubdate" content="{date}T08:00:00+08:00"><meta property="og:url" content="{url}">
{SCRIPTS}</head><body>{NAV}{CRUMBS}
<div class="wrap"><div class="con">
<h2 class="hd">{html.escape(title)}</h2>
<div class="sub">{date} 08:00 | 来源：海西新闻网 | 编辑：赵敏</div>
{SHARE}
<div class="TRS_Editor"><p>{html.escape(body[0])}</p>
<p style="text-align:center"><img src="/pic/2023/1.jpg"></p>
<p style="text-align:center" class="caption">图为志愿者在街头开展文明劝导。记者 供图</p>
<div>{lines}</div>
<p>（责任编辑：赵敏）</p>
</div>
<div class="comments"><h3>热门评论（4）</h3>{LONG_COMMENTS}</div>
</div>
<div class="side">{RELATED}{RELATED.replace("相关新闻", "延伸阅读")}</div></div>
{FOOTER}</body></html>
"""


TODAY = '<div class="topbar">今天是2026年12月1日 星期二 <a>设为首页</a> <a>加入收藏</a> <a>无障碍浏览</a></div>'


def people_page(title: str, body: list[str], *, date: str) -> str:
    """A central news site: today's date in the header, the date only in the byline, no canonical link."""
    y, m, d = date.split("-")
    indented = "\n".join(f'<p style="text-indent: 2em;">{html.escape(p)}</p>' for p in body)
    return f"""<!DOCTYPE html><html><head><meta http-equiv="content-type" content="text/html;charset=UTF-8"/>
<title>{html.escape(title)}--地方--人民网</title><meta name="keywords" content="文明城市">
<script src="/js/jquery.js"></script></head><body>
{TODAY}
<div class="header"><h1 class="logo"><a href="/"><img alt="人民网" src="/img/logo.png"></a></h1>
<div class="nav"><a>首页</a><a>时政</a><a>地方</a><a>财经</a><a>教育</a><a>文化</a></div></div>
<div class="col1"><div class="path"><a>人民网</a>&gt;&gt;<a>地方</a></div>
<h3 class="pre">文明创建进行时</h3>
<h1>{html.escape(title)}</h1>
<div class="col-1-1 fl">{y}年{m}月{d}日08:21 | 来源：<a href="http://paper.people.example/">人民网－人民日报</a></div>
<div class="col-1-1 fr"><span>小字号</span><span>分享到：</span></div>
<div class="rm_txt_con cf">
{indented}
<div class="edit cf">(责编：王娟、李明)</div>
</div>
<div class="box_pic">分享让更多人看到</div>
<div class="rm_relevant"><div class="title">相关专题</div><ul>
<li><a>• 全国文明城市创建工作综述：让城市更有温度</a></li><li><a>• 志愿服务点亮城市文明之光</a></li>
<li><a>• 新时代文明实践中心建设试点工作扎实推进</a></li></ul></div>
<div class="rm_ranking"><h2>推荐阅读</h2><ol><li>柴达木盆地迎来旅游旺季 游客同比增长三成</li><li>西宁至格尔木铁路扩能改造工程进入冲刺阶段</li></ol></div>
</div>
<div class="footer"><p>人民日报社概况 | 关于人民网 | 报社招聘 | 招聘英才 | 广告服务 | 合作加盟 | 供稿服务</p>
<p>人民网版权所有，未经书面授权禁止使用</p><p>Copyright &copy; 1997-2023 by www.people.example. all rights reserved</p>
<p>京ICP证000000号 京公网安备11000000000001号</p></div></body></html>
"""


def xinhua_page(title: str, body: list[str], *, url: str) -> str:
    """A wire service: the date split over three spans, the editor inside the article, a 纠错 link."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(title)}-新华网</title>
<meta name="description" content="{html.escape(title)}"><script>var pageType = "article";</script></head><body>
<div class="topNav"><a>新华网</a> <a>English</a> <a>Français</a> <a>Русский язык</a> <a>Español</a> <a>日本語</a></div>
<div class="header"><div class="header-cont"><div class="header-nav">
<div class="header-time left"><span class="year"><em> 2023</em></span><span class="day"><em> 07</em>/<em>12</em></span>
<span class="time"> 09:30:12</span></div><div class="source">来源：新华网</div></div>
<div class="head-line"><h1><span class="title">{html.escape(title)}</span></h1></div></div></div>
<div class="main clearfix"><div class="main-left left"><div id="detail">
{paragraphs(body)}
<div id="articleEdit"><span class="tiyi1"><a>【纠错】</a></span><span class="editor">【责任编辑:王娟】</span></div>
</div><div class="bookList"><div class="tit">相关新闻</div><ul>
<li><a>海西州召开全国文明城市创建推进会</a></li><li><a>德令哈市开展“文明交通劝导”志愿服务活动</a></li></ul></div></div>
<div class="main-right right"><div class="columBox"><div class="col-tit">热点推荐</div>
<ul><li>昆仑山下的“绿色长城”：三北防护林建设纪实</li><li>高原上的文明新风：青海各地创建全国文明城市纪实</li></ul></div></div></div>
<div class="foot">Copyright &copy; 2000-2023 XINHUANET.com All Rights Reserved. 制作单位：新华网股份有限公司 <a>版权所有 新华网</a></div>
<script>(function(){{ var x = document.getElementById("detail"); }})();</script></body></html>
"""


def gov_cn_page(title: str, body: list[str], *, date: str, url: str) -> str:
    """A government portal: the 政府网站 metadata (ArticleTitle, PubDate, ContentSource, Url), pages_content."""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="SiteName" content="海西州人民政府"><meta name="SiteDomain" content="www.haixi.gov.example">
<meta name="SiteIDCode" content="6328000001"><meta name="ColumnName" content="工作动态">
<meta name="ArticleTitle" content="{html.escape(title)}"><meta name="PubDate" content="{date} 15:30">
<meta name="ContentSource" content="海西州文明办"><meta name="Url" content="{url}">
<title>{html.escape(title)}_工作动态_海西州人民政府</title></head><body>
{TODAY}
<div class="header"><div class="logo"><img alt="海西州人民政府"></div><ul class="menu"><li>首页</li><li>政务公开</li>
<li>政务服务</li><li>互动交流</li><li>走进海西</li></ul></div>
<div class="position">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>工作动态</a></div>
<div class="article"><div class="article_title"><h1>{html.escape(title)}</h1></div>
<div class="pages-date">{date} 15:30 <span class="font">来源： 海西州文明办</span>
<span class="font index_switchsize">【字体：<span>大</span> <span>中</span> <span>小</span>】</span></div>
<div class="pages_content" id="UCAP-CONTENT">
{paragraphs(body, indent=True)}
</div>
<div class="editor">【我要纠错】 责任编辑：王娟</div>
<div class="pages_print"><span>【打印】</span><span>【关闭窗口】</span><span class="share">分享：</span></div>
<div class="xgxx"><h4>相关稿件</h4><ul><li><a>海西州召开全国文明城市创建推进会</a></li>
<li><a>海西州2023年精神文明建设工作要点</a></li></ul></div></div>
<div class="footer"><p>主办单位：海西州人民政府办公室　承办单位：海西州政务服务监督管理局</p>
<p>网站标识码：6328000001　<a>青ICP备12000123号-1</a>　<a>青公网安备 63280102000011号</a></p>
<p>联系电话：0977-8222222（仅受理网站建设维护相关事宜）</p></div></body></html>
"""


def county_page(title: str, body: list[str], *, date: str) -> str:
    """An old county site: GB2312, the whole body one <td> with <br> breaks, 【字体：大 中 小】."""
    y, m, d = date.split("-")
    lines = "<br>\r\n".join("　　" + html.escape(p) for p in body)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{html.escape(title)}</title><style>td {{ font-size: 14px }}</style></head><body>
<table width="980" align="center"><tr><td>{TODAY}</td></tr><tr><td><img src="images/top.jpg"></td></tr>
<tr><td><a>首页</a> | <a>新闻中心</a> | <a>政务公开</a> | <a>办事服务</a> | <a>公众参与</a></td></tr></table>
<table width="980" align="center"><tr><td>
<table width="100%"><tr><td align="center"><font size="5"><b>{html.escape(title)}</b></font></td></tr>
<tr><td align="center">发布日期：{y}年{m}月{d}日　 作者：文明办　 【字体：大 中 小】</td></tr>
<tr><td><hr></td></tr>
<tr><td class="content">{lines}</td></tr>
<tr><td align="right">编辑：王娟</td></tr></table>
<table width="100%"><tr><td><b>相关链接</b></td></tr><tr><td><a>· 我县召开创建全国文明城市动员大会</a></td></tr>
<tr><td><a>· 县文明办开展文明交通劝导志愿服务活动</a></td></tr></table>
</td></tr></table>
<table width="980" align="center"><tr><td align="center">版权所有：格尔木市人民政府 技术支持：某某网络公司 青ICP备09000123号</td></tr></table>
</body></html>
"""


def wechat_page(title: str, body: list[str], *, stamp: int, url: str) -> str:
    """A WeChat official-account article saved from the browser: sections and spans, the date only in a script."""
    sections = "\n".join(
        f'<section style="margin-bottom: 16px;"><p style="text-indent: 2em;"><span leaf="">{html.escape(p)}</span></p></section>'
        for p in body)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0">
<meta property="og:title" content="{html.escape(title)}"><meta property="og:url" content="{url}">
<meta property="og:type" content="article"><meta property="og:site_name" content="微信公众平台">
<title>{html.escape(title)}</title>
<script>var ct = "{stamp}"; var publish_time = "" || ""; var msg_title = '{html.escape(title)}'.html(false);</script>
</head><body id="activity-detail" class="zh_CN">
<div class="rich_media_wrp"><div class="rich_media_area_primary"><div class="rich_media_area_primary_inner">
<div id="img-content" class="rich_media_wrp">
<h1 class="rich_media_title" id="activity-name">{html.escape(title)}</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text">文明格尔木</span>
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name">格尔木文明办</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>
<em id="js_ip_wording_wrp" class="rich_media_meta_area">青海</em></div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: visible;">
<section><section style="text-align: center;"><img data-src="https://mmbiz.qpic.example/1.jpg" class="rich_pages wxw-img"></section>
{sections}
<section style="text-align: center;"><span style="color: rgb(136, 136, 136);">来源：格尔木文明办</span></section>
<p style="text-align: center;"><span>编辑：赵敏　审核：李明</span></p>
</section></div>
<div class="rich_media_tool" id="js_toobar3"><div class="media_tool_meta">阅读原文</div>
<div id="js_read_area3" class="media_tool_meta tips_global_primary meta_primary">阅读 <span id="readNum3">1204</span></div>
<span class="media_tool_meta meta_extra meta_praise">赞</span><span>在看</span></div>
<div id="js_pc_qr_code" class="qr_code_pc_outer"><p>微信扫一扫<br>关注该公众号</p></div>
<div class="weui-dialog__bd">微信扫一扫可打开此内容，<br>使用完整服务</div>
<div class="wx_tap_link">：，。视频小程序赞，轻点两下取消赞在看，轻点两下取消在看分享留言收藏听过</div>
</div></div></div></div>
<script>window.__second_open__ = false; var biz = "MzA4NjQ5MzQ0Mg==";</script></body></html>
"""


def word_mht(page: str, url: str) -> bytes:
    """A page as Internet Explorer or Word saves it ("Web Archive, single file"): base64 GB2312 HTML."""
    import base64

    encoded = base64.encodebytes(page.encode("gb18030")).decode("ascii")
    return "\r\n".join([
        "From: <Saved by Windows Internet Explorer 11>", f"Subject: saved page", "Date: Wed, 2 Aug 2023 10:00:00 +0800",
        "MIME-Version: 1.0", 'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000_0000_01D9C4F1.7A3B2C10"',
        "", "This is a multi-part message in MIME format.", "",
        "------=_NextPart_000_0000_01D9C4F1.7A3B2C10", 'Content-Type: text/html; charset="gb2312"',
        "Content-Transfer-Encoding: base64", f"Content-Location: {url}", "", encoded,
        "------=_NextPart_000_0000_01D9C4F1.7A3B2C10--", "",
    ]).replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")


def mhtml(page: str, url: str, title: str) -> bytes:
    """A page as Chrome saves it ("Webpage, single file"): MIME multipart, quoted-printable HTML."""
    qp = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    boundary = "----MultipartBoundary--8Jf1yB6mXvQ0aGZhIQRn9H4kLwRrZ1t2oU3d5s7c9E----"
    parts = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {url}",
        "Subject: " + "\n ".join("=?utf-8?Q?" + "".join(f"={b:02X}" for b in title[i:i + 8].encode("utf-8")) + "?="
                                  for i in range(0, len(title), 8)),
        "Date: Wed, 12 Jul 2023 02:31:05 -0000",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{boundary}"',
        "",
        "",
        f"--{boundary}",
        "Content-Type: text/html",
        "Content-ID: <frame-0C4B7E2D1F0A3B5C6D7E8F9A0B1C2D3E@mhtml.blink>",
        "Content-Transfer-Encoding: quoted-printable",
        f"Content-Location: {url}",
        "",
        qp,
        "",
        f"--{boundary}",
        "Content-Type: text/css",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Location: https://www.qhnews.example/css/main.css",
        "",
        "body { font-family: =E5=BE=AE=E8=BD=AF=E9=9B=85=E9=BB=91; }",
        "",
        f"--{boundary}--",
        "",
    ]
    return "\r\n".join(parts).replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")


def write(name: str, data: bytes, title: str, body: list[str], meta: dict[str, str]) -> None:
    (HERE / name).write_bytes(data)
    gold = "\n".join([f"title\t{title}", *(f"{k}\t{v}" for k, v in meta.items()), "", *body, ""])
    (HERE / (name.rsplit(".", 1)[0] + ".gold.txt")).write_text(gold, encoding="utf-8")


def main() -> None:
    title, body = article("000_a4d19c64646bffd5.txt")
    url = "https://www.qhnews.example/wm/2023-07/12/c_1129743.htm"
    page = news_page(title, body, charset="utf-8", date="2023-07-12", source="青海日报", url=url, editor="王娟")
    write("news_utf8.html", page.encode("utf-8"), title, body, {"published": "2023-07-12", "source": url})

    title, body = article("001_e43fbc783dfd2842.txt")
    saved = "http://www.geermu.gov.cn/html/2023/0715/4521.html"
    pre = f"<!-- saved from url=({len(saved):04d}){saved} -->\n"
    page = table_page(title, body, charset="gb2312", date="2023-07-15", source="格尔木市文明办", pre=pre)
    write("gov_gbk.html", page.encode("gb18030"), title, body, {"published": "2023-07-15", "source": saved})

    title, body = article("002_30a7f78b16fb6951.txt")
    url = "https://www.haixi.example/news/202308/t20230802_88213.html"
    # the meta says UTF-8 but the server wrote GBK: the bytes must win
    page = news_page(title, body, charset="utf-8", date="2023-08-02", source="海西日报", url=url, editor="张伟")
    write("lying_charset.htm", page.encode("gb18030"), title, body, {"published": "2023-08-02", "source": url})

    title, body = article("000_a4d19c64646bffd5.txt")
    body = body[:4]
    url = "https://www.haixi.example/news/202310/t20231008_90011.html"
    page = short_page(title, body, date="2023-10-08", url=url)
    write("short_with_comments.html", page.encode("utf-8"), title, body, {"published": "2023-10-08", "source": url})

    title, body = article("003_e4a1ad1086615758.txt")
    url = "https://www.wenming.example/dfcz/qh/202309/t20230918_6671234.shtml"
    page = news_page(title, body, charset="utf-8", date="2023-09-18", source="中国文明网", url=url, editor="刘洋")
    write("saved_chrome.mhtml", mhtml(page, url, title), title, body, {"published": "2023-09-18", "source": url})

    title, body = article("001_e43fbc783dfd2842.txt")
    write("people_style.html", people_page(title, body, date="2023-07-20").encode("utf-8"), title, body,
          {"published": "2023-07-20", "source": ""})

    title, body = article("003_e4a1ad1086615758.txt")
    url = "http://www.news.example/local/2023-07/12/c_1129743.htm"
    write("xinhua_style.html", xinhua_page(title, body, url=url).encode("utf-8"), title, body,
          {"published": "2023-07-12", "source": ""})

    title, body = article("002_30a7f78b16fb6951.txt")
    url = "http://www.haixi.gov.example/zwgk/gzdt/202308/t20230802_99321.html"
    write("gov_cn_style.html", gov_cn_page(title, body, date="2023-08-02", url=url).encode("utf-8"), title, body,
          {"published": "2023-08-02", "source": url})

    title, body = article("001_e43fbc783dfd2842.txt")
    body = body[:12]
    write("county_br.html", county_page(title, body, date="2023-07-15").encode("gb18030"), title, body,
          {"published": "2023-07-15", "source": ""})

    title, body = article("000_a4d19c64646bffd5.txt")
    url = "http://www.geermu.gov.example/html/2023/0802/5521.html"
    page = table_page(title, body, charset="gb2312", date="2023-08-02", source="格尔木市文明办")
    write("ie_saved.mht", word_mht(page, url), title, body, {"published": "2023-08-02", "source": url})

    title, body = article("002_30a7f78b16fb6951.txt")
    body = body[:14]
    url = "http://mp.weixin.qq.example/s?__biz=MzA4NjQ5MzQ0Mg==&mid=2651234567&idx=1&sn=abc#rd"
    write("wechat_saved.html", wechat_page(title, body, stamp=1691031000, url=url).encode("utf-8"), title, body,
          {"published": "2023-08-03", "source": url})


if __name__ == "__main__":
    main()
