"""The merge's rules for one document, on annotators' work written out by hand: one annotator's work taken as it
is (new ids, links kept), agreed spans accepted with their fact rows, differing figure values and overlapping
spans disputed, the status between in progress and done."""

from __future__ import annotations

import itertools
import json

from curator.services.team.resolve import resolve
from curator.store.team import DocWork

TEXT = "市文明办牵头开展创建活动共计三百场次，覆盖全市居民社区一百个以上"
STARTS = {"spans": 100, "figures": 200, "initiatives": 300, "disputes": 400}


class Ids:
    """next_id as the store gives it: one counter per table."""

    def __init__(self) -> None:
        self.counters = {table: itertools.count(start) for table, start in STARTS.items()}

    def __call__(self, table: str) -> int:
        return next(self.counters[table])


def work(status: str, spans: list[tuple], facts: list[tuple[str, dict]] = (), *, author: str = "x") -> DocWork:
    rows = [[local_id, start, end, label, TEXT[start:end], attrs, "manual", author, "c", "u"]
            for local_id, start, end, label, *more in spans for attrs in [more[0] if more else "{}"]]
    return DocWork(status, json.dumps(rows, ensure_ascii=False), json.dumps([list(f) for f in facts], ensure_ascii=False))


def figure(local_ids, *, value=3.0, unit="场次", qualifier="", **more) -> tuple[str, dict]:
    row = {"id": 90, "doc_id": 1, "indicator": "活动", "value": value, "unit": unit, "qualifier": qualifier, "place": "",
           "as_of": "", "initiative_id": None, "span_ids": list(local_ids), "edited": 0, "edited_by": ""}
    row.update(more)
    return ("figures", row)


def test_one_annotators_work_gets_new_ids_and_keeps_its_links():
    mine = work("todo", [(5, 0, 4, "initiative"), (7, 14, 17, "figure"), (9, 20, 22, "org", '{"note": "x"}')], [
        figure([7, 42], initiative_id=1, edited=None),  # a figure before its initiative, and a span id no longer there
        ("initiatives", {"id": 1, "name": "创建活动", "span_ids": [5], "edited": 1, "edited_by": "张三"}),
        figure([], value=None, initiative_id=77),  # an initiative that is not in the file
    ], author="张三")
    result = resolve(12, {"张三": mine}, Ids())
    assert result.doc_id == 12 and result.status == "in_progress" and result.disputes == ()  # todo: started now
    assert result.spans == ((100, 12, 0, 4, "initiative", "市文明办", "{}", "manual", "张三", "c", "u"),
                            (101, 12, 14, 17, "figure", TEXT[14:17], "{}", "manual", "张三", "c", "u"),
                            (102, 12, 20, 22, "org", TEXT[20:22], '{"note": "x"}', "manual", "张三", "c", "u"))
    (t1, initiative), (t2, first), (t3, second) = result.facts  # initiatives first: figures refer to them
    assert (t1, t2, t3) == ("initiatives", "figures", "figures")
    assert initiative == {"id": 300, "doc_id": 12, "name": "创建活动", "category": None, "place": None,
                          "organisation": None, "note": None, "span_ids": [100], "edited": 1, "edited_by": "张三"}
    assert first == {"id": 200, "doc_id": 12, "indicator": "活动", "value": 3.0, "unit": "场次", "qualifier": "",
                     "place": "", "as_of": "", "initiative_id": 300, "span_ids": [101], "edited": 0, "edited_by": ""}
    assert second["id"] == 201 and second["span_ids"] == [] and second["initiative_id"] is None


def test_a_status_other_than_todo_is_kept_for_one_annotator():
    assert resolve(1, {"a": work("done", [])}, Ids()).status == "done"
    assert resolve(1, {"a": work("reviewed", [])}, Ids()).status == "reviewed"


def test_spans_everyone_made_are_accepted_with_their_facts():
    a = work("done", [(1, 0, 4, "org"), (2, 0, 4, "org"), (3, 14, 17, "figure"), (4, 4, 8, "initiative")],
             [figure([3]), ("initiatives", {"id": 8, "name": "创建", "span_ids": [4]})])
    b = work("done", [(11, 4, 8, "initiative"), (12, 0, 4, "org"), (13, 14, 17, "figure")],
             [figure([13], indicator="另一种说法"), ("initiatives", {"id": 9, "name": "别的名字", "span_ids": [11]})])
    result = resolve(1, {"b": b, "a": a}, Ids())
    assert result.status == "done" and result.disputes == ()
    # sorted by (start, end, label); the first annotator's span, both annotators named
    assert [row[:5] + (row[8],) for row in result.spans] == [(100, 1, 0, 4, "org", "a,b"),
                                                            (101, 1, 4, 8, "initiative", "a,b"),
                                                            (102, 1, 14, 17, "figure", "a,b")]
    facts = dict(result.facts)
    assert facts["initiatives"]["id"] == 300 and facts["initiatives"]["name"] == "创建"  # the first annotator's row
    assert facts["initiatives"]["span_ids"] == [101]
    assert facts["figures"] == {"id": 200, "doc_id": 1, "indicator": "活动", "value": 3.0, "unit": "场次",
                                "qualifier": "", "place": "", "as_of": "", "initiative_id": None, "span_ids": [102],
                                "edited": 0, "edited_by": ""}


def test_an_agreed_span_is_the_first_annotators_row():
    a = work("done", [(1, 0, 4, "org", '{"note": "甲"}')], author="a")
    b = work("in_progress", [(7, 0, 4, "org", '{"note": "乙"}')], author="b")
    result = resolve(5, {"b": b, "a": a}, Ids())
    assert result.doc_id == 5 and result.status == "in_progress"
    assert result.spans == ((100, 5, 0, 4, "org", TEXT[0:4], '{"note": "甲"}', "manual", "a,b", "c", "u"),)


def test_an_agreed_span_without_a_fact_row_has_none():
    a = work("done", [(1, 14, 17, "figure")])
    b = work("done", [(2, 14, 17, "figure")])
    result = resolve(1, {"a": a, "b": b}, Ids())
    assert len(result.spans) == 1 and result.facts == () and result.disputes == ()


def test_figure_values_that_differ_are_left_open_and_disputed():
    a = work("done", [(1, 14, 17, "figure"), (2, 20, 24, "figure")], [figure([1]), figure([2], value=100.0, unit="个")])
    b = work("done", [(1, 14, 17, "figure"), (2, 20, 24, "figure")],
             [figure([1], qualifier="约"), figure([2], value=101.0, unit="个")])
    result = resolve(1, {"a": a, "b": b}, Ids())
    first, second = (row for table, row in result.facts)
    assert (first["value"], first["unit"], first["qualifier"]) == (3.0, "场次", "")  # only the qualifier is open
    assert (second["value"], second["unit"], second["qualifier"]) == (None, "个", "")
    assert [{k: v for k, v in d.items() if k != "versions"} for d in result.disputes] == [
        {"id": 400, "doc_id": 1, "kind": "value", "start": 14, "end": 17, "label": "figure", "resolved": 0,
         "resolution": "", "span_id": 100},
        {"id": 401, "doc_id": 1, "kind": "value", "start": 20, "end": 24, "label": "figure", "resolved": 0,
         "resolution": "", "span_id": 101}]
    assert json.loads(result.disputes[0]["versions"]) == {"a": {"value": 3.0, "unit": "场次", "qualifier": ""},
                                                          "b": {"value": 3.0, "unit": "场次", "qualifier": "约"}}
    assert "约" in result.disputes[0]["versions"]  # kept readable, not \u escaped


def test_a_figure_only_one_annotator_gave_values_is_open_in_every_field():
    a = work("done", [(1, 14, 17, "figure")], [figure([1])])
    b = work("done", [(1, 14, 17, "figure")])
    result = resolve(1, {"a": a, "b": b}, Ids())
    ((_, row),) = result.facts
    assert (row["value"], row["unit"], row["qualifier"], row["indicator"]) == (None, "", "", "活动")
    (dispute,) = result.disputes
    assert json.loads(dispute["versions"]) == {"a": {"value": 3.0, "unit": "场次", "qualifier": ""}, "b": {}}
    # the other way round: the first annotator without a row
    flipped = resolve(1, {"a": b, "b": a}, Ids())
    assert flipped.facts[0][1]["value"] is None and json.loads(flipped.disputes[0]["versions"])["a"] == {}


def test_spans_that_differ_are_grouped_with_what_they_overlap():
    a = work("done", [(1, 10, 14, "org"), (2, 11, 12, "org"), (3, 20, 22, "figure"), (4, 0, 2, "place")],
             [figure([3], indicator="场次", initiative_id=5)])
    b = work("in_progress", [(1, 10, 15, "org"), (2, 14, 18, "place", '{"level": "市"}'), (3, 22, 24, "person"),
                             (4, 0, 2, "place")])
    result = resolve(1, {"a": a, "b": b}, Ids())
    assert result.status == "in_progress"
    assert [row[2:5] for row in result.spans] == [(0, 2, "place")]
    # 10-14, 10-15, 11-12 and 14-18 run together (14-18 overlaps 10-15, past 11-12's end); 20-22; 22-24 only touches
    assert [(d["id"], d["kind"], d["start"], d["end"], d["label"], d["span_id"]) for d in result.disputes] == [
        (400, "span", 10, 18, "org", None), (401, "span", 20, 22, "figure", None), (402, "span", 22, 24, "person", None)]
    assert all(d["resolved"] == 0 and d["resolution"] == "" and d["doc_id"] == 1 for d in result.disputes)
    assert TEXT[10:14] in result.disputes[0]["versions"]  # kept readable, not \u escaped
    first = json.loads(result.disputes[0]["versions"])
    assert first == {
        "a": {"spans": [{"start": 10, "end": 14, "label": "org", "text": TEXT[10:14], "attrs": {}, "fact": None},
                        {"start": 11, "end": 12, "label": "org", "text": TEXT[11:12], "attrs": {}, "fact": None}]},
        "b": {"spans": [{"start": 10, "end": 15, "label": "org", "text": TEXT[10:15], "attrs": {}, "fact": None},
                        {"start": 14, "end": 18, "label": "place", "text": TEXT[14:18], "attrs": {"level": "市"},
                         "fact": None}]}}
    second = json.loads(result.disputes[1]["versions"])
    assert second == {"a": {"spans": [{"start": 20, "end": 22, "label": "figure", "text": TEXT[20:22], "attrs": {},
                                       "fact": {"indicator": "场次", "value": 3.0, "unit": "场次", "qualifier": "",
                                                "place": "", "as_of": "", "edited": 0, "edited_by": ""}}]},
                      "b": {"spans": []}}
    assert json.loads(result.disputes[2]["versions"]) == {
        "a": {"spans": []},
        "b": {"spans": [{"start": 22, "end": 24, "label": "person", "text": TEXT[22:24], "attrs": {}, "fact": None}]}}


def test_a_span_at_the_very_start_opens_its_own_dispute():
    a = work("done", [(1, 0, 3, "org")])
    b = work("done", [(1, 0, 2, "org")])
    (dispute,) = resolve(1, {"a": a, "b": b}, Ids()).disputes
    assert (dispute["start"], dispute["end"]) == (0, 3)
    assert [len(v["spans"]) for v in json.loads(dispute["versions"]).values()] == [1, 1]


def test_the_merged_status_lies_between_in_progress_and_done():
    def status(*given: str) -> str:
        return resolve(1, {f"n{i}": work(s, []) for i, s in enumerate(given)}, Ids()).status

    assert status("todo", "done") == "in_progress"
    assert status("todo", "todo") == "in_progress"
    assert status("done", "in_progress") == "in_progress"
    assert status("done", "done") == "done"
    assert status("reviewed", "reviewed", "reviewed") == "done"  # the lead reviews the merge
