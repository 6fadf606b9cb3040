"""The use cases of curator.services on real project files: what the window and the CLI both call."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from curator.core.facts import document_place
from curator.services import annotating, reviewing
from curator.services.importing import import_paths, looks_line_broken, reflow_offer
from curator.store import Project

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.mark.parametrize("text, place", [
    ("青海省格尔木市文明交通志愿者协会揭牌\n海西州和青海省的代表出席。", "格尔木市"),  # county over prefecture and province
    ("海西州简报\n青海省海西州开展文明创建。", "海西蒙古族藏族自治州"),  # the short form's full name
    ("即墨区简报\n青岛市即墨区、即墨区各街道……", "即墨区"),
    ("社区简报\n志愿者在河西街道开展活动。", ""),  # no administrative division named
    ("简报\n正文没有地名。\n\n第二段才说到格尔木市。", ""),  # only the title and first paragraph count
])
def test_document_place_is_the_most_specific_division_of_the_lead(text, place):
    assert document_place(text) == place


@pytest.fixture
def store(tmp_path: Path):
    with Project.open(tmp_path / "p.curator") as project:
        yield project


def test_import_gives_each_document_the_place_it_is_about_unless_one_was_given(store, tmp_path):
    (tmp_path / "a.txt").write_text("格尔木市简报\n格尔木市开展文明创建。", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "海西州简报\n格尔木市开展活动。", "place": "海西州"},
                                                 ensure_ascii=False) + "\n", encoding="utf-8")
    result = import_paths(store, [tmp_path / "a.txt", tmp_path / "b.jsonl"])
    assert [store.document(i).place for i in result.report.added] == ["格尔木市", "海西州"]
    assert result.places == 1 and result.files == 2 and not result.cancelled


def test_import_reports_progress_and_stops_at_cancel_keeping_what_is_in(store, tmp_path):
    for number in range(5):
        (tmp_path / f"{number}.txt").write_text(f"第{number}篇\n正文{number}。", encoding="utf-8")
    seen = []
    result = import_paths(store, [tmp_path], progress=lambda done, total: seen.append((done, total)),
                          cancelled=lambda: len(seen) >= 2)
    assert seen == [(1, 5), (2, 5)] and result.cancelled
    assert store.document_count() == 2 == len(result.report.added)


def test_reflow_is_offered_for_the_line_broken_seed_only():
    seeds = sorted(SEEDS.glob("*.txt"))
    assert [looks_line_broken(p.read_text(encoding="utf-8")) for p in seeds] == [False, False, True, True]
    offer = reflow_offer(seeds)
    assert offer is not None and offer.path == seeds[2] and offer.before != offer.after


@pytest.fixture
def seeded(tmp_path: Path):
    from curator.core.importing import read_path

    with Project.open(tmp_path / "s.curator") as project:
        project.import_batches(read_path(SEEDS))
        yield project


def test_delete_asks_for_confirmation_when_a_citing_fact_was_edited_by_hand(seeded):
    text = seeded.document(1).text
    start = text.index("3万人")
    tagged = annotating.tag(seeded, 1, start, start + 3, "figure", annotator="甲")
    seeded.apply(tagged.edit)
    (figure,) = seeded.facts("figures")
    seeded.apply(annotating.edit_cell(seeded, "figures", figure["id"], "unit", "名", annotator="乙"))
    assert seeded.facts("figures")[0]["edited_by"] == "乙"
    first = annotating.delete(seeded, tagged.span)
    assert first.needs_confirmation and not first.edit
    seeded.apply(annotating.delete(seeded, tagged.span, confirmed=True).edit)
    assert seeded.facts("figures") == [] and seeded.spans(1) == []


def test_tag_refuses_the_same_text_and_label_twice(seeded):
    text = seeded.document(1).text
    start = text.index("格尔木市")
    seeded.apply(annotating.tag(seeded, 1, start, start + 4, "place", annotator="甲").edit)
    again = annotating.tag(seeded, 1, start, start + 4, "place", annotator="甲")
    assert again.duplicate and again.span is None and not again.edit


def test_next_unfinished_wraps_round_and_skips_done_documents(seeded):
    seeded.apply(annotating.change_status(seeded, 2, "done"))
    assert annotating.next_unfinished(seeded, 1) == 3
    assert annotating.next_unfinished(seeded, 4) == 1
    for doc_id in (1, 3, 4):
        seeded.apply(annotating.change_status(seeded, doc_id, "reviewed"))
    assert annotating.next_unfinished(seeded, 1) is None


def test_accept_all_of_a_label_and_resolve_pending(seeded):
    from curator.services.suggesting import suggest_document

    seeded.apply(suggest_document(seeded, 1, ["figure", "place"]))
    figures = reviewing.pending_suggestions(seeded, 1, label="figure")
    assert figures
    seeded.apply(reviewing.accept_all_of_label(seeded, 1, "figure", annotator="甲"))
    assert len(seeded.facts("figures", doc_id=1)) == len(figures)
    assert {s.annotator for s in seeded.spans(1) if s.label == "figure"} == {"甲"}
    places = len(reviewing.pending_suggestions(seeded, 1))
    seeded.apply(reviewing.resolve_pending(seeded, 1, accept_them=False, annotator="甲"))
    assert reviewing.pending_suggestions(seeded, 1) == [] and len(seeded.rejections(1)) == places


def test_an_older_project_gets_the_edited_by_column(tmp_path):
    path = tmp_path / "old.curator"
    shutil.copy(ROOT / "tests" / "safety" / "data" / "schema1.curator", path)
    with Project.open(path) as project:
        assert "edited_by" in project.db["figures"].columns_dict
        assert "edited_by" in project.db["initiatives"].columns_dict
