"""`curator export` for the peers: Label Studio tasks (with the config), doccano JSONL, CoNLL; read back."""

from __future__ import annotations

import json

from click.testing import CliRunner

from curator.cli import main
from curator.core.importing import read_path
from curator.store import Project


def _tagged(tmp_path):
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps({"text": "𠮷😀格尔木市\r\n注册志愿者超3万人", "spans": [[2, 6, "place"], [13, 17, "figure"]]},
                                 ensure_ascii=False) + "\n", encoding="utf-8")
    path = tmp_path / "p.curator"
    with Project.open(path) as project:
        assert not project.import_batches(read_path(source)).problems
    return path


def test_label_studio_export_prints_its_config_and_comes_back_whole(tmp_path):
    path = _tagged(tmp_path)
    out = tmp_path / "ls.json"
    result = CliRunner().invoke(main, ["export", str(path), str(out)])
    assert result.exit_code == 0, result.output
    assert '<Labels name="label" toName="text">' in result.stdout and 'value="place"' in result.stdout
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    results = task["annotations"][0]["result"]
    assert {(r["value"]["start"], r["value"]["end"], r["value"]["text"]) for r in results} == {
        (2, 6, "格尔木市"), (12, 16, "超3万人")}
    with Project.open(tmp_path / "back.curator") as back:
        report = back.import_batches(read_path(out))
        assert not report.problems
        assert sorted(s.text for s in back.spans(report.added[0])) == ["格尔木市", "超3万人"]


def test_doccano_and_conll_exports(tmp_path):
    path = _tagged(tmp_path)
    doccano = tmp_path / "d.jsonl"
    assert CliRunner().invoke(main, ["export", str(path), str(doccano), "--format", "doccano"]).exit_code == 0
    line = json.loads(doccano.read_text(encoding="utf-8"))
    assert sorted(map(tuple, line["label"])) == [(2, 6, "place"), (12, 16, "figure")]
    conll = tmp_path / "n.conll"
    assert CliRunner().invoke(main, ["export", str(path), str(conll)]).exit_code == 0
    lines = conll.read_text(encoding="utf-8").splitlines()
    assert "格\tB-place" in lines and "市\tI-place" in lines and "超\tB-figure" in lines and "人\tI-figure" in lines


def test_an_unknown_format_names_the_known_ones(tmp_path):
    result = CliRunner().invoke(main, ["export", str(_tagged(tmp_path)), str(tmp_path / "x.pdf")])
    assert result.exit_code != 0 and ".conll" in result.output and "doccano" in result.output
