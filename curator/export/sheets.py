"""What the workbook's sheets hold: Chinese headers, widths, kinds of cell, editable columns.

Rows given to the writers are plain dicts keyed by Column.key. The hidden ROW_ID and
ROW_CHECK columns let corrections coming back be matched to their row and checked against
what the project held when the workbook was written.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: float
    kind: str = "text"  # text | wrap | number | integer | date | hidden
    editable: bool = False  # corrections may change it; key is then the store's column name

    @property
    def hidden(self) -> bool:
        return self.kind == "hidden"


@dataclass(frozen=True)
class SheetSpec:
    title: str
    columns: tuple[Column, ...]
    table: str | None = None  # the store table a corrected row goes back to

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


ROW_ID = Column("id", "行号(勿改)", 10, "hidden")
ROW_CHECK = Column("check", "校验(勿改)", 22, "hidden")
# Visible and first, so it moves with the row's cells: a row whose 编号 is not its hidden 行号's was
# sorted or pasted apart from its hidden cells, and is never applied.
ROW_KEY = Column("key", "编号", 7)
# The visible cells that say which row it is; the hidden 校验 holds a digest of them.
IDENTITY_KEYS = ("key", "doc_title", "evidence")
ANNOTATOR = Column("annotator", "标注人", 7)
EDITED = Column("edited_mark", "人工修改", 9)  # 是 when a person corrected the row's values
EDITED_MARK = "是"

# Widths (in Excel's character units, a CJK character is two) are chosen so a landscape A4 page holds a
# whole row at nearly full size: about 140 units between the margins.
INITIATIVES = SheetSpec("举措", (
    ROW_KEY,
    Column("name", "举措名称", 16, "wrap", editable=True),
    Column("category", "类别", 8, "wrap", editable=True),
    Column("place", "地点", 10, "wrap", editable=True),
    Column("organisation", "责任单位", 12, "wrap", editable=True),
    Column("note", "备注", 11, "wrap", editable=True),
    Column("doc_title", "文章标题", 13, "wrap"),
    Column("published", "发布日期", 14, "date"),
    Column("evidence", "证据原句", 28, "wrap"),
    ANNOTATOR,
    Column("status", "审核状态", 9),
    EDITED,
    ROW_ID,
    ROW_CHECK,
), table="initiatives")

FIGURES = SheetSpec("数据", (
    ROW_KEY,
    Column("indicator", "指标", 16, "wrap", editable=True),
    Column("value", "数值", 10, "number", editable=True),
    Column("unit", "单位", 6, editable=True),
    Column("qualifier", "限定", 6, editable=True),
    Column("place", "地点", 10, "wrap", editable=True),
    Column("as_of", "日期", 14, "date", editable=True),
    Column("initiative", "关联举措", 11, "wrap"),
    Column("doc_title", "文章标题", 13, "wrap"),
    Column("evidence", "证据原句", 32, "wrap"),
    ANNOTATOR,
    EDITED,
    ROW_ID,
    ROW_CHECK,
), table="figures")

SPANS = SheetSpec("标注", (
    Column("doc_title", "文章标题", 32, "wrap"),
    Column("label", "标签", 8),
    Column("text", "文本", 36, "wrap"),
    Column("start", "起始位置", 9, "integer"),
    Column("end", "结束位置", 9, "integer"),
    Column("origin", "来源", 13),
    Column("annotator", "标注人", 8),
    Column("doc_id", "文章编号", 9, "integer"),
))

DOCUMENTS = SheetSpec("文章", (
    Column("id", "文章编号", 9, "integer"),
    Column("title", "标题", 40, "wrap"),
    Column("source", "来源", 18, "wrap"),
    Column("published", "发布日期", 14, "date"),
    Column("place", "地点", 12, "wrap"),
    Column("status", "审核状态", 9),
    Column("spans", "标注数", 8, "integer"),
    Column("initiatives", "举措数", 8, "integer"),
    Column("figures", "数据数", 8, "integer"),
))

SUMMARY_TITLE = "汇总"
FACT_SHEETS = (INITIATIVES, FIGURES)
ORIGIN_TITLES = {"manual": "人工", "propagated": "传播", "suggested": "建议"}
ACCEPTED_TITLE = "建议，已确认"  # a suggestion a person accepted (origin manual, attrs keep its source)
