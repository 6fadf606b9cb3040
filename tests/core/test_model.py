"""Domain records and their rows."""

from __future__ import annotations

from curator.core.model import DOCUMENT_COLUMNS, Document, Label, Span


def test_a_document_row_has_every_column():
    doc = Document(id=1, title="t", text="文", source="s", published="p", place="q", sha256="h", status="done",
                   imported_at="i")
    assert doc.row() == {"id": 1, "title": "t", "source": "s", "published": "p", "place": "q", "text": "文",
                         "sha256": "h", "status": "done", "imported_at": "i"}
    assert list(doc.row()) == list(DOCUMENT_COLUMNS)


def test_a_span_comes_back_from_its_row_and_ignores_other_keys():
    span = Span(id=2, doc_id=1, start=0, end=1, label="place", text="文", attrs={"a": 1}, origin="suggested",
                annotator="李", created="c", updated="u")
    assert Span.from_row({**span.row(), "extra": 5}) == span
    assert Span.from_row({"id": 2, "doc_id": 1, "start": 0, "end": 1, "label": "place", "text": "文"}) == Span(
        id=2, doc_id=1, start=0, end=1, label="place", text="文")


def test_only_fact_labels_have_a_fact_table():
    assert Label("figure", "数据", "#fff", "2").fact_table == "figures"
    assert Label("initiative", "举措", "#fff", "1").fact_table == "initiatives"
    assert Label("place", "地点", "#fff", "3").fact_table is None
    assert Label("place", "地点", "#fff", "3").kind == "entity"


def test_the_fact_table_registry():
    from curator.core.model import (FACT_TABLE_BY_NAME, FACT_TABLE_LIST, FACT_TABLE_NAMES, FACT_TABLES,
                                    FIGURE_COLUMNS, INITIATIVE_COLUMNS, fact_table_of)

    assert FACT_TABLE_NAMES == ("initiatives", "figures")
    assert FACT_TABLES == {"initiative": "initiatives", "figure": "figures"}
    assert [(t.name, t.label, t.title) for t in FACT_TABLE_LIST] == [
        ("initiatives", "initiative", "举措"), ("figures", "figure", "数据")]
    assert FACT_TABLE_BY_NAME["figures"].columns == FIGURE_COLUMNS + ("edited_by",)
    assert FACT_TABLE_BY_NAME["initiatives"].columns == INITIATIVE_COLUMNS + ("edited_by",)
    assert fact_table_of("figure") == "figures" and fact_table_of("place") is None
