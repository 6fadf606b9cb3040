"""The right-hand panels keep one interface, are built from the fact-table registry, and start-up
has no placeholder path: the tabs are empty until the real panels are installed after the first paint."""

from __future__ import annotations

from curator.core.model import FACT_TABLE_LIST
from curator.ui.panels_factory import DocumentPanel


def test_every_panel_keeps_the_panel_interface_and_one_tab_per_fact_table(window):
    assert all(isinstance(panel, DocumentPanel) for panel in window.panels.all())
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == [*(table.title for table in FACT_TABLE_LIST), "标注", "建议"]
    assert [panel.table for panel in window.panels.facts.values()] == [t.name for t in FACT_TABLE_LIST]


def test_panels_built_later_are_absent_not_placeholders_until_installed(qtbot, project_path):
    from curator.store import Project
    from curator.ui.main_window import MainWindow
    from curator.ui.session import Session

    project = Project.open(project_path)
    win = MainWindow(Session(project), panels_later=True)
    qtbot.addWidget(win)
    try:
        assert win.panels is None and win.tabs.count() == 0
        win.install_panels()
        assert win.tabs.count() == 4 and win.tabs.currentWidget() is win.panels.initiatives
        win.show_document(1)
        qtbot.waitUntil(lambda: win.panels.initiatives.model.doc_id == 1)
    finally:
        win.close()
        project.close()
