"""Importing as the window and `curator import` do it, on real files and project files: mixed good
and bad files, progress and cancel, places given, labels a JSONL brings, the clipboard, the reflow offer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curator.core.records import RawRecord
from curator.services import importing
from curator.services.importing import (
    files_under, import_paths, import_record, looks_line_broken, reflow_offer,
)
from curator.store import Project

BROKEN = ("格尔木市文明简报\n"
          "格尔木市开展文明创建工作，志愿者走上\n街头，劝导不文明行为，取得了良好效果，市民\n"
          "纷纷点赞。社区志愿者还走进\n楼道，清理小广告，整治乱堆\n乱放，居民拍手称\n快。\n")


@pytest.fixture
def store(tmp_path: Path):
    with Project.open(tmp_path / "p.curator") as project:
        yield project


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_files_under_walks_folders_as_the_import_does(tmp_path):
    folder = tmp_path / "in"
    for name in ("b.txt", "a.JSONL", ".hidden.txt", "~$draft.docx", "notes.xyz", "README",
                 "sub/c.md", ".git/d.txt", "sub/deeper/e.txt"):
        write(folder / name, "正文")
    single = write(tmp_path / "picked.xyz", "正文")
    assert files_under([single, folder]) == [
        single, folder / "a.JSONL", folder / "b.txt", folder / "sub" / "c.md", folder / "sub" / "deeper" / "e.txt"]
    assert files_under([]) == []


def test_a_mix_of_good_and_bad_files_imports_the_good_and_names_each_bad_one(store, tmp_path):
    folder = tmp_path / "in"
    write(folder / "1.txt", "格尔木市简报\n格尔木市开展文明创建。")
    write(folder / "2.txt", "   \n")
    (folder / "3.txt").write_bytes(b"\xff\xfe\x00\xd8broken")
    write(folder / "4.jsonl", json.dumps({"text": "海西州简报\n德令哈市开展活动。"}, ensure_ascii=False) + "\n{not json\n")
    write(folder / "5.txt", "社区简报\n志愿者开展活动。")
    result = import_paths(store, [folder, tmp_path / "missing.txt"])
    assert result.files == 6 and not result.cancelled and not result.labels_added
    assert [store.document(i).title for i in result.report.added] == ["格尔木市简报", "社区简报"]
    problems = {Path(p.path).name: p.reason for p in result.report.problems}
    assert set(problems) == {"2.txt", "3.txt", "4.jsonl", "missing.txt"}
    assert problems["2.txt"] == "empty file (no text)" and problems["missing.txt"] == "no such file or folder"
    assert "line 2" in problems["4.jsonl"]
    assert result.places == 1 and [store.document(i).place for i in result.report.added] == ["格尔木市", ""]


def test_progress_counts_files_out_of_the_files_under_the_paths(store, tmp_path):
    for number in range(3):
        write(tmp_path / "in" / f"{number}.txt", f"第{number}篇\n正文{number}。")
    seen: list[tuple[int, int]] = []
    result = import_paths(store, [tmp_path / "in"], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)] and result.files == 3 and len(result.report.added) == 3


def test_progress_never_passes_the_total_when_a_path_is_missing(store, tmp_path):
    write(tmp_path / "a.txt", "第一篇\n正文。")
    seen: list[tuple[int, int]] = []
    import_paths(store, [tmp_path / "a.txt", tmp_path / "gone"], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    empty = tmp_path / "empty"
    empty.mkdir()
    seen.clear()
    result = import_paths(store, [empty, tmp_path / "nothing.txt"], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 1)] and result.files == 1 and result.report.added == []


def test_a_cancel_before_the_first_file_imports_nothing(store, tmp_path):
    write(tmp_path / "a.txt", "第一篇\n正文。")
    result = import_paths(store, [tmp_path / "a.txt"], cancelled=lambda: True)
    assert result.cancelled and result.files == 0 and store.document_count() == 0
    assert not import_paths(store, [tmp_path / "a.txt"], cancelled=lambda: False).cancelled


def test_labels_a_jsonl_brings_are_reported(store, tmp_path):
    text = "社区简报\n河西街道推行积分超市制度。"
    line = {"text": text, "spans": [[text.index("积分超市"), text.index("积分超市") + 4, "policy"]]}
    write(tmp_path / "a.jsonl", json.dumps(line, ensure_ascii=False) + "\n")
    result = import_paths(store, [tmp_path / "a.jsonl"])
    assert result.labels_added and "policy" in {label.name for label in store.labels()}
    known = {"text": "社区简报二\n志愿者在格尔木市服务。", "spans": [[10, 14, "place"]]}
    write(tmp_path / "b.jsonl", json.dumps(known, ensure_ascii=False) + "\n")
    again = import_paths(store, [tmp_path / "b.jsonl"])
    assert not again.labels_added and len(again.report.added) == 1


def test_reflow_when_asked_joins_the_broken_lines(store, tmp_path):
    write(tmp_path / "ocr.txt", BROKEN)
    (doc_id,) = import_paths(store, [tmp_path / "ocr.txt"], reflow_text=True).report.added
    assert "志愿者走上街头" in store.document(doc_id).text
    write(tmp_path / "ocr2.txt", BROKEN.replace("格尔木市文明简报", "另一篇简报"))
    (plain,) = import_paths(store, [tmp_path / "ocr2.txt"]).report.added
    assert "志愿者走上\n街头" in store.document(plain).text


def test_a_pasted_text_is_stored_with_its_place_and_a_bad_one_is_a_problem(store):
    result = import_record(store, RawRecord("格尔木市简报\n格尔木市开展文明创建。"), origin="剪贴板")
    assert (result.files, result.cancelled, result.places, result.labels_added) == (1, False, 1, False)
    (doc_id,) = result.report.added
    assert store.document(doc_id).place == "格尔木市"
    empty = import_record(store, RawRecord("  \n "), origin="剪贴板")
    assert empty.report.added == [] and [str(p) for p in empty.report.problems] == ["剪贴板: empty file (no text)"]
    assert empty.places == 0
    again = import_record(store, RawRecord("格尔木市简报\n格尔木市开展文明创建。"), origin="剪贴板")
    assert again.report.added == [] and again.report.duplicates == ["剪贴板"] and again.places == 0


def test_only_the_documents_that_lack_a_place_are_given_one(store, tmp_path):
    write(tmp_path / "a.jsonl", "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in (
        {"text": "格尔木市简报\n格尔木市开展文明创建。"},
        {"text": "海西州简报\n海西州开展活动。", "place": "德令哈市"},
        {"text": "社区简报\n志愿者开展活动。"},
    )))
    result = import_paths(store, [tmp_path / "a.jsonl"])
    assert result.places == 1 and result.files == 1
    assert [store.document(i).place for i in result.report.added] == ["格尔木市", "德令哈市", ""]


@pytest.mark.parametrize("text, broken", [
    (BROKEN, True),
    ("标题\n第一句话。\n第二句话。\n第三句话。\n", False),
    ("", False),
])
def test_looks_line_broken(text, broken):
    assert looks_line_broken(text) is broken


def test_looks_line_broken_needs_a_fifth_of_the_lines_and_at_least_two_joins():
    body = "".join(f"第{n}行是完整的一句话，到这里就结束。\n" for n in range(8))
    one = "标题\n" + body + "这一行很长但是被版面从中间断开了没有\n句号。\n"
    assert not looks_line_broken(one)  # one join in eleven lines
    two = one + "这一行很长但是也被版面从中间断开了没\n有句号。\n"
    assert looks_line_broken(two)  # two joins in thirteen lines (13 // 5 == 2)
    body12 = "".join(f"第{n}行是完整的一句话，到这里就结束。\n" for n in range(12))
    broken = "这一行很长但是被版面从中间断开了没有\n句号。\n"
    assert not looks_line_broken("标题\n" + body12 + broken * 2)  # two joins in 17 lines (17 // 5 == 3)
    many = "标题\n" + body * 3 + "这一行很长但是被版面从中间断开了没有\n句号。\n" * 2
    assert not looks_line_broken(many)  # two joins in 30 lines is not a fifth


def test_the_reflow_offer_previews_the_first_line_broken_text_or_word_file(tmp_path):
    fine = write(tmp_path / "a.txt", "标题\n一句话。\n")
    data = write(tmp_path / "b.jsonl", json.dumps({"text": BROKEN}, ensure_ascii=False) + "\n")
    empty = write(tmp_path / "c.txt", "")
    broken = write(tmp_path / "d.txt", BROKEN)
    write(tmp_path / "e.txt", BROKEN.replace("格尔木市", "德令哈市"))
    offer = reflow_offer([fine, data, empty, broken, tmp_path / "e.txt"])
    assert offer is not None and offer.path == broken
    assert offer.before == ("格尔木市文明简报", "格尔木市开展文明创建工作，志愿者走上", "街头，劝导不文明行为，取得了良好效果，市民",
                            "纷纷点赞。社区志愿者还走进", "楼道，清理小广告，整治乱堆", "乱放，居民拍手称")
    assert offer.after == ("格尔木市文明简报", "格尔木市开展文明创建工作，志愿者走上街头，劝导不文明行为，取得了良好效果，市民纷纷点赞。"
                           "社区志愿者还走进楼道，清理小广告，整治乱堆乱放，居民拍手称快。")
    assert reflow_offer([fine, data, empty]) is None


def test_the_reflow_offer_looks_at_the_first_five_files_only(tmp_path):
    fine = [write(tmp_path / f"{n}.txt", f"标题{n}\n一句话。\n") for n in range(5)]
    late = write(tmp_path / "9.txt", BROKEN)
    assert reflow_offer([*fine, late]) is None
    assert reflow_offer([*fine[:4], late]).path == late


def test_the_preview_starts_a_line_before_the_first_joined_one(tmp_path):
    lines = ["标题", "第一句话完整地结束了。", "第二句话也完整地结束了。"]
    paragraph = BROKEN.split("\n", 1)[1]
    text = "\n".join(lines) + "\n" + paragraph * 4
    path = write(tmp_path / "a.txt", text)
    offer = reflow_offer([path])
    assert offer.before[0] == "第二句话也完整地结束了。" and offer.after[0] == "第二句话也完整地结束了。"
    assert len(offer.before) == importing.PREVIEW_LINES == 6 and len(offer.after) == 4
    assert offer.after[1].startswith("格尔木市开展") and offer.after[1].endswith("拍手称快。")


def test_a_text_of_doubled_lines_is_previewed_from_its_start(tmp_path):
    lines = [f"第{n}行是完整的一句话。" for n in range(4)]
    path = write(tmp_path / "a.txt", "".join(f"{line}\n{line}\n" for line in lines))  # reflow keeps each once
    offer = reflow_offer([path])
    assert offer is not None and offer.before[:3] == (lines[0], lines[0], lines[1])
    assert offer.after == tuple(lines)


def test_the_preview_keeps_a_line_with_spaces_whole(tmp_path):
    byline = "本报记者 漆世平 通讯员 王芳"
    path = write(tmp_path / "a.txt", BROKEN.replace("格尔木市文明简报", f"格尔木市文明简报\n{byline}"))
    offer = reflow_offer([path])
    assert offer.before[:2] == ("格尔木市文明简报", byline)
    assert offer.after[0] == "格尔木市文明简报" and offer.after[1].startswith(byline)
