"""`curator tag` and the window reach tagging through the same use case: status, spreading and
annotator come out identical (issue 11, "one use-case layer")."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from click.testing import CliRunner
from PySide6.QtCore import Qt

from curator.cli import main
from window_fixtures import ASTRAL_ARTICLE, select_with_keyboard

ASTRAL_DOC = 5
TEXT = ASTRAL_ARTICLE
TAGS = (("光盘行动", "initiative", Qt.Key_1), ("格尔木市", "place", Qt.Key_3), ("3万人", "figure", Qt.Key_2))


def _snapshot(path: Path) -> dict[str, list]:
    """Every row that tagging can touch, without ids and timestamps (span ids as their places)."""
    conn = sqlite3.connect(path)
    try:
        where = {row[0]: (row[1], row[2], row[3], row[4]) for row in conn.execute("SELECT id, doc_id, start, end, label FROM spans")}
        spans = sorted(conn.execute("SELECT doc_id, start, end, label, text, attrs, origin, annotator FROM spans"))
        facts = {}
        for table in ("initiatives", "figures"):
            cursor = conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            rows = []
            for values in cursor:
                row = dict(zip(names, values))
                row.pop("id")
                row.pop("initiative_id", None)
                row["span_ids"] = sorted(where[i] for i in json.loads(row["span_ids"]))
                rows.append(sorted(row.items()))
            facts[table] = sorted(rows)
        documents = sorted(conn.execute("SELECT id, status, place, span_count FROM documents"))
        rejections = sorted(conn.execute("SELECT doc_id, start, end, label FROM rejections"))
        return {"spans": spans, **facts, "documents": documents, "rejections": rejections}
    finally:
        conn.close()


def test_tagging_from_the_command_line_and_in_the_window_stores_the_same_rows(window, qtbot, project_path, tmp_path):
    twin = tmp_path / "twin.curator"
    window.project.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(project_path, twin)  # the same project, before any tag
    assert _snapshot(twin) == _snapshot(project_path)

    window.set_annotator("张三")
    window.show_document(ASTRAL_DOC)
    for text, _label, key in TAGS:
        start = TEXT.index(text)
        select_with_keyboard(qtbot, window.article, TEXT, start, start + len(text))
        qtbot.keyClick(window.article, key)
        qtbot.wait(50)  # spreading runs right after the new highlight is painted
    runner = CliRunner()
    for text, label, _key in TAGS:
        start = TEXT.index(text)
        result = runner.invoke(main, ["tag", str(twin), str(ASTRAL_DOC), str(start), str(start + len(text)), label,
                                      "--annotator", "张三"])
        assert result.exit_code == 0, result.output

    window_rows, cli_rows = _snapshot(project_path), _snapshot(twin)
    assert cli_rows == window_rows
    # and what they agree on is what the use case promises
    assert (ASTRAL_DOC, "in_progress") in [(d[0], d[1]) for d in cli_rows["documents"]]
    assert {s[7] for s in cli_rows["spans"] if s[6] == "manual"} == {"张三"}
    assert any(s[6] == "suggested" and s[3] == "place" and s[0] != ASTRAL_DOC for s in cli_rows["spans"])  # spread
