from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from curator.core.importing import to_article
from curator.ui.paste import PasteDialog, clipboard_record, paste_article

PAGES = Path(__file__).resolve().parent.parent / "data" / "pages"


def set_clipboard(*, html: str = "", text: str = "", url: str = "") -> None:
    mime = QMimeData()
    if html:
        mime.setHtml(html)
    if text:
        mime.setText(text)
    if url:
        mime.setData("text/x-moz-url-priv", url.encode("utf-16-le"))
    QGuiApplication.clipboard().setMimeData(mime)


def test_html_on_the_clipboard_goes_through_the_page_extractor(qtbot):
    page = (PAGES / "news_utf8.html").read_text(encoding="utf-8")
    set_clipboard(html=page, text="首页 时政 社会 格尔木市：文明之花绽放昆仑山下 …")
    record = clipboard_record(QGuiApplication.clipboard().mimeData())
    dialog = PasteDialog(record)
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "格尔木市：文明之花绽放昆仑山下"
    assert dialog.source_edit.text() == "https://www.qhnews.example/wm/2023-07/12/c_1129743.htm"
    assert dialog.published_edit.text() == "2023-07-12"
    shown = dialog.preview.toPlainText()
    assert shown.startswith("格尔木市：文明之花绽放昆仑山下\n仲夏时节") and "责任编辑" not in shown and "ICP" not in shown


def test_plain_text_is_taken_as_it_is_and_the_title_and_source_asked_for(qtbot):
    text = "格尔木市开展志愿服务\r\n注册志愿者超3万人。"
    set_clipboard(text=text)
    record = clipboard_record(QGuiApplication.clipboard().mimeData())
    assert record.text == text
    dialog = PasteDialog(record)
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "格尔木市开展志愿服务" and dialog.source_edit.text() == ""
    dialog.source_edit.setText("青海日报")
    dialog.title_edit.clear()
    assert not dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()  # a document needs a title
    dialog.title_edit.insert("志愿服务")  # keyClicks cannot type hanzi
    assert dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    result = dialog.result_record()
    assert (result.title, result.source) == ("志愿服务", "青海日报")
    assert to_article(result, "剪贴板").text == "格尔木市开展志愿服务\n注册志愿者超3万人。"


def test_a_copied_fragment_keeps_its_paragraphs_and_the_browsers_source_url(qtbot):
    html = ("<html><body><!--StartFragment--><p>格尔木市持续推进全国文明城市创建，注册志愿者超3万人，"
            "志愿服务队324支，常态化开展文明交通劝导活动。</p><p>文化服务场馆覆盖率超97%，“15分钟文化圈”基本形成。</p>"
            "<!--EndFragment--></body></html>")
    set_clipboard(html=html, text="格尔木市持续推进…", url="https://www.example.cn/a.html")
    record = clipboard_record(QGuiApplication.clipboard().mimeData())
    assert record.text.split("\n")[-1] == "文化服务场馆覆盖率超97%，“15分钟文化圈”基本形成。"
    assert record.source == "https://www.example.cn/a.html"


def test_paste_article_returns_the_named_document_when_accepted(qtbot):
    set_clipboard(text="标题一行\n正文第一段。")

    def accept() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PasteDialog) and w.isVisible())
        dialog.source_edit.setText("人民网")
        dialog.buttons.button(QDialogButtonBox.Ok).click()

    QTimer.singleShot(0, accept)
    record = paste_article(None)
    assert (record.title, record.source, record.text) == ("标题一行", "人民网", "标题一行\n正文第一段。")


def test_empty_clipboard_says_so_and_gives_nothing(qtbot, monkeypatch):
    QGuiApplication.clipboard().clear()
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    assert paste_article(None) is None
    assert told == ["剪贴板里没有文字。"]
