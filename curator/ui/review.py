"""The questions review asks: what to do with suggestions still pending when an article is marked done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_pending(parent: QWidget | None, count: int) -> str | None:
    """"accept", "reject" or "keep" the count pending suggestions; None if the user closed the question."""
    tr = lambda text: QCoreApplication.translate("Review", text)  # noqa: E731
    box = QMessageBox(parent)
    box.setObjectName("pendingSuggestions")
    box.setIcon(QMessageBox.Question)
    box.setWindowTitle(tr("还有建议未处理"))
    box.setText(tr("本篇还有 {0} 条建议未处理。标为已完成之前，要怎样处理它们？").format(count))
    box.setInformativeText(tr("保留的建议不会出现在导出的表格里，以后仍可处理。"))
    accept = box.addButton(tr("全部接受"), QMessageBox.AcceptRole)
    reject = box.addButton(tr("全部拒绝"), QMessageBox.DestructiveRole)
    keep = box.addButton(tr("保留"), QMessageBox.ActionRole)
    cancel = box.addButton(tr("取消"), QMessageBox.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return {accept: "accept", reject: "reject", keep: "keep"}.get(clicked)
