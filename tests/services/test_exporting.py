"""Exports as the window's 导出 dialog and `curator export` call them, on a small project tagged
through the use cases: every format by suffix or name, the file names, what is refused, the options
and how the workbook shows them, and corrections coming back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest

from curator.core.edits import propose_spans
from curator.core.importing import read_path
from curator.services import annotating, reviewing
from curator.services.exporting import (
    CorrectionPlan, ExportError, ExportOptions, TargetExists, corrections_edit, csv_paths, export,
    export_workbook, jsonl_documents, origin_title, places, plan_corrections,
)
from curator.store import Project

DOCS = [
    {"text": "格尔木市简报\n格尔木市新建文明实践站12个，志愿者超3万人。海西州开展“文明家庭”评选。",
     "published": "2021-08-03", "status": "reviewed"},
    {"text": "德令哈市简报\n德令哈市建成志愿服务站5个，开展“文明交通”行动。", "status": "done"},
    {"text": "社区简报\n志愿者开展活动。"},
]


def part(project: Project, doc_id: int, text: str) -> tuple[int, int]:
    body = project.document(doc_id).text
    start = body.index(text, body.index("\n"))
    return start, start + len(text)


def tag(project: Project, doc_id: int, text: str, label: str, who: str = "甲"):
    tagged = annotating.tag(project, doc_id, *part(project, doc_id, text), label, annotator=who)
    assert not tagged.problem, tagged.problem
    project.apply(tagged.edit)
    return tagged.span


def suggest(project: Project, doc_id: int, text: str, label: str, source: str = "rules"):
    doc = project.document(doc_id)
    span_id = project.next_id("spans")
    project.apply(propose_spans("建议", doc, [(*part(project, doc_id, text), label, {})], first_id=span_id, source=source))
    return project.span(span_id)


@pytest.fixture
def store(tmp_path: Path):
    (tmp_path / "docs.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), encoding="utf-8")
    with Project.open(tmp_path / "创建.curator") as project:
        assert project.import_batches(read_path(tmp_path / "docs.jsonl")).added == [1, 2, 3]
        tag(project, 1, "3万人", "figure")
        project.apply(reviewing.accept(project, suggest(project, 1, "12个", "figure"), annotator="乙"))
        tag(project, 1, "海西州", "place")
        tag(project, 1, "文明家庭", "initiative")
        tag(project, 2, "5个", "figure")
        tag(project, 2, "文明交通", "initiative", who="乙")
        project.apply(reviewing.accept(project, suggest(project, 2, "志愿服务站", "org", source="spread"), annotator="甲"))
        suggest(project, 3, "志愿者", "person")  # still awaiting review
        yield project


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def sheet(path: Path, title: str) -> list[dict]:
    ws = openpyxl.load_workbook(path)[title]
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def summary_rows(path: Path) -> list[tuple]:
    return list(openpyxl.load_workbook(path)["汇总"].iter_rows(values_only=True))


def section(rows: list[tuple], heading: str) -> dict:
    start = next(i for i, r in enumerate(rows) if r[0] == heading) + 2
    found = {}
    for row in rows[start:]:
        if row[0] is None:
            break
        found[row[0]] = row[1] if len(row) < 3 or row[2] is None else row[1:4]
    return found


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# -- the format is the suffix's, or the one named -------------------------------------------------

def test_each_suffix_writes_its_format(store, out):
    summary = export(store, out / "成果.XLSX")
    assert summary.paths == [out / "成果.XLSX"] and summary.rows["数据"] == 3 and summary.rows["举措"] == 2
    assert openpyxl.load_workbook(out / "成果.XLSX").sheetnames == ["汇总", "举措", "数据", "标注", "文章"]
    jsonl = export(store, out / "a.jsonl")
    assert jsonl.rows == {"文章": 3} and len((out / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    conll = export(store, out / "a.conll")
    assert conll.rows == {"文章": 3, "句子": conll.rows["句子"]} and conll.rows["句子"] >= 3
    assert "B-figure" in (out / "a.conll").read_text(encoding="utf-8")
    tasks = export(store, out / "a.json")
    assert tasks.rows == {"任务": 3} and len(json.loads((out / "a.json").read_text(encoding="utf-8"))) == 3
    assert [jsonl.paths, conll.paths, tasks.paths] == [[out / "a.jsonl"], [out / "a.conll"], [out / "a.json"]]
    facts = export(store, out / "a.csv")
    assert facts.paths == [out / "a-举措.csv", out / "a-数据.csv"] and facts.rows == {"举措": 2, "数据": 3}
    assert facts.config == "" and jsonl.config == ""


def test_a_folder_means_csv_files_in_it(store, out):
    summary = export(store, out)
    assert summary.paths == [out / "举措.csv", out / "数据.csv"]
    assert sorted(r["数值"] for r in read_csv(out / "数据.csv")) == ["12", "30000", "5"]


def test_a_named_format_wins_over_the_suffix(store, out):
    doccano = export(store, out / "a.jsonl", fmt="doccano")
    assert doccano.rows == {"文章": 3} and doccano.paths == [out / "a.jsonl"]
    first = json.loads((out / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert "label" in first and "spans" not in first
    assert sorted(tuple(item[2:]) for item in first["label"]) == [("figure",), ("figure",), ("initiative",), ("place",)]
    studio = export(store, out / "tasks.txt", fmt="label-studio")
    assert studio.rows == {"任务": 3} and "<Labels" in studio.config
    assert isinstance(json.loads((out / "tasks.txt").read_text(encoding="utf-8")), list)


@pytest.mark.parametrize("name, shown", [("成果.pdf", ".pdf"), ("成果", "(no suffix)")])
def test_an_unknown_format_is_refused_with_the_formats_there_are(store, out, name, shown):
    with pytest.raises(ExportError) as caught:
        export(store, out / name)
    assert str(caught.value) == (f"{name}: unknown export format {shown}; "
                                 "use .xlsx, .jsonl, .csv, .json (Label Studio), .conll, or --format doccano")
    with pytest.raises(ExportError, match="unknown export format xml"):
        export(store, out / "a.xlsx", fmt="xml")
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("name, fmt", [("a.xlsx", None), ("a.jsonl", None), ("a.json", None), ("a.conll", None),
                                       ("a.jsonl", "doccano"), ("a.txt", "label-studio")])
def test_an_existing_file_is_kept_unless_overwrite_is_given(store, out, name, fmt):
    (out / name).write_bytes(b"mine")
    with pytest.raises(TargetExists):
        export(store, out / name, fmt=fmt)
    assert (out / name).read_bytes() == b"mine"
    export(store, out / name, overwrite=True, fmt=fmt)
    assert (out / name).read_bytes() != b"mine"


def test_csv_writes_neither_file_when_one_exists(store, out):
    (out / "a-数据.csv").write_bytes(b"mine")
    with pytest.raises(TargetExists):
        export(store, out / "a.csv")
    assert sorted(p.name for p in out.iterdir()) == ["a-数据.csv"]
    export(store, out / "a.csv", overwrite=True)
    assert len(read_csv(out / "a-数据.csv")) == 3 and len(read_csv(out / "a-举措.csv")) == 2


def test_csv_file_names(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    assert csv_paths(folder) == {"举措": folder / "举措.csv", "数据": folder / "数据.csv"}
    assert csv_paths(tmp_path / "out.CSV") == {"举措": tmp_path / "out-举措.csv", "数据": tmp_path / "out-数据.csv"}
    assert csv_paths(tmp_path / "out") == {"举措": tmp_path / "out-举措.csv", "数据": tmp_path / "out-数据.csv"}
    assert csv_paths(tmp_path / "out.txt")["数据"] == tmp_path / "out.txt-数据.csv"
    assert csv_paths(str(tmp_path / "a.b.csv"))["举措"] == tmp_path / "a.b-举措.csv"


# -- options ------------------------------------------------------------------------------------------

def test_options_remember_and_describe_the_choice():
    everything = ExportOptions()
    assert everything.describe() == "全部" and everything.wants("figure") and everything.wants("anything")
    assert everything.to_dict() == {"statuses": None, "place": None, "labels": None}
    chosen = ExportOptions(statuses=["reviewed", "done", "odd"], place=" 格尔木市", labels=("place", "figure"))
    assert chosen.statuses == frozenset({"reviewed", "done", "odd"}) and isinstance(chosen.labels, frozenset)
    assert chosen.describe() == "状态：已完成、odd、已审核；地点： 格尔木市；标签：figure、place"
    assert chosen.wants("figure") and not chosen.wants("initiative")
    assert chosen.to_dict() == {"statuses": ["done", "odd", "reviewed"], "place": " 格尔木市", "labels": ["figure", "place"]}
    assert ExportOptions.from_dict(chosen.to_dict()) == chosen
    assert ExportOptions(place="  ").place is None and ExportOptions(place="").describe() == "全部"
    assert ExportOptions(labels=[]).describe() == "标签：" and not ExportOptions(labels=[]).wants("figure")
    assert ExportOptions(statuses=set()).selection.statuses == frozenset()


@pytest.mark.parametrize("data", [None, "statuses", 3, [], {"statuses": "reviewed", "place": 5, "labels": {"a": 1}}])
def test_unreadable_remembered_options_mean_everything(data):
    assert ExportOptions.from_dict(data) == ExportOptions()


def test_remembered_options_of_any_collection_are_read_as_text():
    options = ExportOptions.from_dict({"statuses": ("done",), "labels": [1, "place"], "place": "德令哈市"})
    assert options == ExportOptions(statuses={"done"}, place="德令哈市", labels={"1", "place"})
    sets = ExportOptions.from_dict({"statuses": {"done"}, "labels": frozenset({"figure"})})
    assert sets == ExportOptions(statuses={"done"}, labels={"figure"})


def test_places_to_choose_from_most_facts_first(store):
    assert places(store) == ["德令哈市", "格尔木市", "海西州"]  # two facts each, then by name


# -- what the workbook shows ---------------------------------------------------------------------------

def test_the_summary_names_the_project_the_range_and_the_marks(store, out):
    export_workbook(store, out / "a.xlsx", ExportOptions(statuses={"reviewed", "done"}, labels={"figure"}))
    rows = summary_rows(out / "a.xlsx")
    notes = {r[0]: r[1] for r in rows[1:5]}
    assert notes["项目"] == "创建" and notes["范围"] == "状态：已完成、已审核；标签：figure"
    assert notes["说明"] == "人工修改“是”：该行经人工改正；来源“建议，已确认”：接受的自动建议"
    assert len(notes["导出时间"]) == 16 and notes["导出时间"][4] == "-"
    assert section(rows, "按审核状态统计") == {"待标注": 0, "标注中": 0, "已完成": 1, "已审核": 1}
    assert section(rows, "按标签统计") == {"数据": 3}
    assert section(rows, "按地点统计") == {"格尔木市": (1, 0, 2), "德令哈市": (1, 0, 1), "海西州": (0, 0, 0),
                                                "合计": (2, 0, 3)}


def test_a_project_in_memory_is_named_so(out):
    project = Project.memory()
    try:
        project.import_batches(importing_batches("社区简报\n志愿者开展活动。"))
        export_workbook(project, out / "a.xlsx")
    finally:
        project.close()
    notes = {r[0]: r[1] for r in summary_rows(out / "a.xlsx")[1:5]}
    assert notes["项目"] == "内存项目"


def importing_batches(text: str):
    from curator.core.importing import FileBatch, to_article
    from curator.core.records import RawRecord

    return [FileBatch("剪贴板", articles=(to_article(RawRecord(text), "剪贴板"),))]


def test_the_summary_counts_labels_in_the_projects_order(store, out):
    export_workbook(store, out / "a.xlsx")
    rows = summary_rows(out / "a.xlsx")
    assert list(section(rows, "按标签统计").items()) == [("举措", 2), ("数据", 3), ("地点", 1), ("机构", 1)]
    assert section(rows, "按地点统计")["合计"] == (3, 2, 3)
    assert section(rows, "按审核状态统计") == {"待标注": 1, "标注中": 0, "已完成": 1, "已审核": 1}


def test_fact_rows_carry_their_key_status_mark_evidence_and_annotators(store, out):
    first = store.facts("figures", doc_id=1)[0]
    store.apply(annotating.edit_cell(store, "figures", first["id"], "unit", "名", annotator="丙"))
    export_workbook(store, out / "a.xlsx")
    figures = sheet(out / "a.xlsx", "数据")
    assert [(r["编号"], r["数值"], r["单位"], r["人工修改"], r["标注人"]) for r in figures] == [
        (f"1-{first['id']}", 30000, "名", "是", "甲"), ("1-2", 12, "个", None, "乙"), ("2-3", 5, "个", None, "甲")]
    assert figures[0]["证据原句"] == "格尔木市新建文明实践站12个，志愿者超【3万人】。"
    initiatives = sheet(out / "a.xlsx", "举措")
    assert [(r["举措名称"], r["审核状态"], r["标注人"], r["编号"]) for r in initiatives] == [
        ("文明家庭", "已审核", "甲", "1-1"), ("文明交通", "已完成", "乙", "2-2")]
    assert initiatives[1]["证据原句"] == "德令哈市建成志愿服务站5个，开展“【文明交通】”行动。"
    assert all(r["校验(勿改)"] for r in figures + initiatives)


def test_one_row_citing_two_spans_names_each_annotator_once(store, out):
    (row,) = [r for r in store.facts("initiatives") if r["doc_id"] == 1]
    extra = tag(store, 1, "评选", "initiative", who="乙")
    from curator.core.edits import Edit, RowChange, tag_span

    doc = store.document(1)
    nobody = store.next_id("spans")
    store.apply(tag_span(doc, *part(store, 1, "开展"), "initiative", span_id=nobody))  # no annotator recorded
    merged = {**row, "span_ids": [*row["span_ids"], nobody, extra.id, row["span_ids"][0]]}
    store.apply(Edit("合并", (RowChange("initiatives", row, merged),)))
    export_workbook(store, out / "a.xlsx", ExportOptions(labels={"initiative"}))
    first = sheet(out / "a.xlsx", "举措")[0]
    assert first["标注人"] == "甲、乙"


def test_the_spans_sheet_shows_label_titles_and_where_each_span_came_from(store, out):
    export_workbook(store, out / "a.xlsx")
    spans = {(r["文本"], r["标签"], r["来源"]) for r in sheet(out / "a.xlsx", "标注")}
    assert spans == {("3万人", "数据", "人工"), ("12个", "数据", "建议，已确认"), ("海西州", "地点", "人工"),
                     ("文明家庭", "举措", "人工"), ("5个", "数据", "人工"), ("文明交通", "举措", "人工"),
                     ("志愿服务站", "机构", "传播")}
    documents = sheet(out / "a.xlsx", "文章")
    assert [(d["文章编号"], d["审核状态"], d["地点"]) for d in documents] == [
        (1, "已审核", "格尔木市"), (2, "已完成", "德令哈市"), (3, "待标注", None)]


def test_origin_titles():
    assert origin_title("manual", {"source": "rules"}) == "建议，已确认"
    assert origin_title("manual", {"source": ""}) == "人工"
    assert origin_title("manual", None) == "人工"
    assert origin_title("manual", '{"source": "rules"}') == "人工"  # not decoded: not a mapping
    assert origin_title("propagated", {"source": "spread"}) == "传播"
    assert origin_title("suggested", {}) == "建议"
    assert origin_title("imported", {}) == "imported"


def test_a_place_keeps_only_its_rows_and_documents(store, out):
    summary = export_workbook(store, out / "a.xlsx", ExportOptions(place="德令哈市"))
    assert summary.rows == {"举措": 1, "数据": 1, "标注": 3, "文章": 1}
    assert [r["编号"] for r in sheet(out / "a.xlsx", "数据")] == ["2-3"]
    rows = summary_rows(out / "a.xlsx")
    assert section(rows, "按地点统计") == {"德令哈市": (1, 1, 1), "合计": (1, 1, 1)}


def test_labels_leave_out_the_other_fact_sheet(store, out):
    summary = export_workbook(store, out / "a.xlsx", ExportOptions(labels={"initiative"}))
    assert summary.rows == {"举措": 2, "数据": 0, "标注": 2, "文章": 3}
    rows = summary_rows(out / "a.xlsx")
    assert section(rows, "按地点统计")["合计"] == (3, 2, 0)
    facts = export(store, out / "a.csv", ExportOptions(labels={"figure"}))
    assert facts.rows == {"举措": 0, "数据": 3}


# -- the JSONL and the peer formats ---------------------------------------------------------------------

def test_jsonl_lines_keep_spans_with_their_history_and_facts_without_doc_id(store):
    lines = list(jsonl_documents(store, ExportOptions()))
    assert [line["status"] for line in lines] == ["reviewed", "done", "todo"]
    assert lines[0]["published"] == "2021-08-03" and lines[0]["place"] == "格尔木市"
    start, end, label, attrs = lines[2]["spans"][0]
    assert (label, attrs["origin"], attrs["source"]) == ("person", "suggested", "rules")
    assert set(attrs) >= {"id", "origin", "annotator", "created", "updated"}
    accepted = next(s for s in lines[0]["spans"] if s[3]["annotator"] == "乙")
    assert accepted[:3] == [*part(store, 1, "12个"), "figure"]
    assert all("doc_id" not in row for line in lines for row in line["figures"] + line["initiatives"])
    assert [len(line["figures"]) for line in lines] == [2, 1, 0]


def test_jsonl_follows_the_place_and_labels(store):
    store.apply(annotating.edit_cell(store, "figures", store.facts("figures", doc_id=1)[1]["id"], "place", "海西州",
                                     annotator="甲"))
    lines = list(jsonl_documents(store, ExportOptions(place="格尔木市")))
    assert [line["title"] for line in lines] == ["格尔木市简报"]
    assert [row["value"] for row in lines[0]["figures"]] == [30000]
    assert lines[0]["initiatives"] == []  # its place is 海西州, the nearest place span
    only = list(jsonl_documents(store, ExportOptions(labels={"figure"})))
    assert {s[2] for line in only for s in line["spans"]} == {"figure"}
    assert [len(line["initiatives"]) for line in only] == [0, 0, 0] and [len(line["figures"]) for line in only] == [2, 1, 0]


def test_label_studio_gets_the_config_of_the_labels_exported(store, out):
    summary = export(store, out / "a.json", ExportOptions(labels={"figure", "place"}))
    assert 'value="figure"' in summary.config and 'value="place"' in summary.config
    assert 'value="org"' not in summary.config and "background=" in summary.config
    everything = export(store, out / "b.json")
    assert all(f'value="{label.name}"' in everything.config for label in store.labels())


def test_conll_counts_the_nested_spans_it_leaves_out(store, out):
    plain = export(store, out / "a.conll")
    assert "重叠未写" not in plain.rows
    tag(store, 1, "文明实践站12个", "initiative")
    nested = export(store, out / "b.conll")
    assert nested.rows["重叠未写"] == 1 and nested.rows["文章"] == 3


# -- corrections coming back ----------------------------------------------------------------------------

def returned(path: Path, edits: dict[tuple[str, str], object]) -> Path:
    """The workbook with cells changed as an official would: (sheet, 编号) -> {header: value}."""
    book = openpyxl.load_workbook(path)
    for (title, key), cells in edits.items():
        ws = book[title]
        header = [c.value for c in ws[1]]
        row = next(r for r in ws.iter_rows(min_row=2) if r[header.index("编号")].value == key)
        for name, value in cells.items():
            row[header.index(name)].value = value
    book.save(path)
    return path


def test_corrections_are_planned_listed_and_applied_as_one_step(store, out):
    export_workbook(store, out / "a.xlsx")
    returned(out / "a.xlsx", {("数据", "2-3"): {"数值": 6, "单位": "座"}, ("举措", "1-1"): {"类别": "评选"}})
    plan = plan_corrections(store, out / "a.xlsx")
    assert plan and plan.rows_read == 5 and not plan.unmatched
    assert plan.lines() == [
        "举措 第2行 类别: (空) -> 评选", "数据 第4行 数值: 5 -> 6", "数据 第4行 单位: 个 -> 座"]
    edit = corrections_edit(plan)
    assert edit.label == "导入修改" and len(edit.changes) == 2
    assert corrections_edit(plan, label="改").label == "改"
    store.apply(edit)
    figure = store.row("figures", 3)
    assert (figure["value"], figure["unit"], figure["edited"]) == (6, "座", 1)
    assert store.row("initiatives", 1)["category"] == "评选" and store.row("initiatives", 1)["edited"] == 1
    assert store.row("figures", 1)["edited"] == 0


def test_unmatched_rows_are_listed_after_the_changes(store, out):
    export_workbook(store, out / "a.xlsx")
    returned(out / "a.xlsx", {("数据", "2-3"): {"数值": 7, "行号(勿改)": "x1"}, ("数据", "1-1"): {"行号(勿改)": 77},
                              ("数据", "1-2"): {"单位": "处"}})
    plan = plan_corrections(store, out / "a.xlsx")
    assert plan.lines() == ["数据 第3行 单位: 个 -> 处", "未匹配 数据 第2行: no 数据 row 77 in this project",
                            "未匹配 数据 第4行: 行号(勿改) x1 is not a row number of curator's"]
    empty = CorrectionPlan()
    assert not empty and empty.lines() == [] and not corrections_edit(empty)
