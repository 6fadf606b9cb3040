"""Opening a damaged project offers the newest backup, and restores it when the user agrees."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from curator.store import CorruptProject, Project
from curator.ui.restore import offer_restore


def damage(path):
    data = bytearray(path.read_bytes())
    data[:16] = b"not sqlite here!"
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("answer, restored", [(QMessageBox.Yes, True), (QMessageBox.No, False)])
def test_damaged_project_is_restored_from_its_newest_backup_when_asked(project_path, monkeypatch, answer, restored):
    with Project.open(project_path) as project:
        project.backup_now()
        documents = project.document_count()
    damage(project_path)
    with pytest.raises(CorruptProject) as caught:
        Project.open(project_path)
    assert caught.value.newest_backup is not None
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or answer)
    assert offer_restore(caught.value) is restored
    assert "已损坏" in asked[0]
    if restored:
        with Project.open(project_path) as project:
            assert project.document_count() == documents
    else:
        with pytest.raises(CorruptProject):
            Project.open(project_path)
