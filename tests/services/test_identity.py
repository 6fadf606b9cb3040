"""Who the edits are stamped with: the work package's annotator, else the name chosen (trimmed)."""

from __future__ import annotations

import getpass

from curator.services.identity import annotator_for, login_name
from curator.store import Project
from curator.store.reading import PACKAGE_ANNOTATOR


def test_an_ordinary_project_takes_the_chosen_name_without_its_spaces(tmp_path):
    with Project.open(tmp_path / "p.curator") as project:
        assert annotator_for(project, "  张三 \n") == "张三"
        assert annotator_for(project, "   ") == ""


def test_a_work_package_belongs_to_its_annotator_whoever_opens_it(tmp_path):
    with Project.open(tmp_path / "p.curator") as project:
        project.set_meta(PACKAGE_ANNOTATOR, "李四")
        assert annotator_for(project, "张三") == "李四"
        assert annotator_for(project, "") == "李四"


def test_login_name_is_the_users_or_empty_in_a_bare_container(monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "wang")
    assert login_name() == "wang"

    def no_user() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert login_name() == ""

    def no_passwd_entry() -> str:
        raise KeyError("getpwuid(): uid not found: 1234")

    monkeypatch.setattr(getpass, "getuser", no_passwd_entry)
    assert login_name() == ""
