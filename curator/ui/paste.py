"""File → 粘贴为新文章 (Ctrl+Shift+V): a new document from the clipboard, asking for its title and source.

HTML on the clipboard (a page or part of one copied in a browser) goes through the same
extractor as saved web pages; plain text is taken as it is. The dialog gives back a RawRecord;
the window imports it like a file (curator.core.importing.to_article normalises it).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from curator.core.importing import title_of
from curator.core.readers.html import extract, record_of
from curator.core.readers.limits import MAX_CHARS
from curator.core.records import RawRecord

# where browsers put the address of the page a selection was copied from
_URL_FORMATS = ("text/x-moz-url-priv", "chromium/x-source-url", "text/x-moz-url")
_SOURCE_URL = re.compile(r"SourceURL:(\S+)")


def clipboard_record(mime: QMimeData | None) -> RawRecord | None:
    """The clipboard as a document (not yet normalised), or None when it holds no text."""
    if mime is None:  # an empty clipboard on some platforms
        return None
    plain = mime.text() if mime.hasText() else ""
    url = _source_url(mime)
    if mime.hasHtml() and mime.html().strip():
        try:
            record = record_of(extract(mime.html(), url=url))
        except ValueError:
            record = None  # a fragment the extractor finds no article in: the plain text is used
        if record is not None and record.text.strip():
            return record
    if not plain.strip():
        return None
    return RawRecord(text=plain, title=title_of(plain.replace("\r\n", "\n")), source=url)


def _source_url(mime: QMimeData) -> str:
    for fmt in _URL_FORMATS:
        if mime.hasFormat(fmt):
            raw = bytes(mime.data(fmt).data())
            text = raw.decode("utf-16-le" if raw[1:2] == b"\x00" else "utf-8", "replace").replace("\x00", "")
            if text.strip().startswith(("http://", "https://")):
                return text.strip().splitlines()[0]
    found = _SOURCE_URL.search(mime.html()[:2048]) if mime.hasHtml() else None
    return found.group(1) if found else ""


class PasteDialog(QDialog):
    """Shows the text that will become the document; title and source are asked for (prefilled)."""

    def __init__(self, record: RawRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("粘贴为新文章"))
        self.title_edit = QLineEdit(record.title)
        self.source_edit = QLineEdit(record.source)
        self.source_edit.setPlaceholderText(self.tr("网址或报刊名称"))
        self.published_edit = QLineEdit(record.published)
        self.published_edit.setPlaceholderText(self.tr("例如 2023-07-12"))
        self.preview = QPlainTextEdit(record.text)
        self.preview.setReadOnly(True)
        form = QFormLayout()
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow(self.tr("来源"), self.source_edit)
        form.addRow(self.tr("日期"), self.published_edit)
        self.count = QLabel(self.tr("{0} 字").format(len(record.text)))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("导入"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title_edit.textChanged.connect(self._allow)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.resize(640, 480)
        self._allow()

    def _allow(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.title_edit.text().strip()))

    def result_record(self) -> RawRecord:
        """The document as the user named it."""
        return RawRecord(text=self.record.text, title=self.title_edit.text().strip(),
                         source=self.source_edit.text().strip(), published=self.published_edit.text().strip())


def paste_article(parent: QWidget | None = None) -> RawRecord | None:
    """Ask about the clipboard's article; the record to import, or None (nothing there, or cancelled)."""
    record = clipboard_record(QGuiApplication.clipboard().mimeData())
    title = QCoreApplication.translate("Paste", "粘贴为新文章")
    if record is None:
        QMessageBox.information(parent, title, QCoreApplication.translate("Paste", "剪贴板里没有文字。"))
        return None
    if len(record.text) > MAX_CHARS:
        QMessageBox.warning(parent, title, QCoreApplication.translate("Paste", "剪贴板里的文字超过 20 MB，请分开粘贴。"))
        return None
    dialog = PasteDialog(record, parent)
    return dialog.result_record() if dialog.exec() == QDialog.Accepted else None
