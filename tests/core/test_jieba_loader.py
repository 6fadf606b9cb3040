from __future__ import annotations

import logging
import sys
from pathlib import Path

import jieba
import pytest

from curator.core import jieba_loader

SAMPLES = ["他来到了网易杭研大厦", "小明硕士毕业于中国科学院计算所，后在日本京都大学深造", "注册志愿者超3万人，志愿服务队324支"]


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> jieba.Tokenizer:
    """jieba as it comes, its cache in a folder of its own."""
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path_factory.mktemp("plain"))
    tokenizer.initialize()
    return tokenizer


def test_first_load_builds_the_same_dictionary_and_writes_the_cache(plain, tmp_path: Path):
    ours = jieba_loader.initialize(jieba.Tokenizer(), folder=tmp_path)
    assert ours.initialized
    assert ours.total == plain.total and ours.FREQ == plain.FREQ
    assert [p.name for p in tmp_path.glob("jieba-*.marshal")] and not list(tmp_path.glob(".jieba-*"))


def test_cached_load_segments_like_plain_jieba(plain, tmp_path: Path, seed_texts):
    jieba_loader.initialize(jieba.Tokenizer(), folder=tmp_path)
    ours = jieba_loader.initialize(jieba.Tokenizer(), folder=tmp_path)  # this one reads the cache
    assert ours.FREQ == plain.FREQ
    for text in SAMPLES + seed_texts:
        for hmm in (False, True):
            assert list(ours.tokenize(text, HMM=hmm)) == list(plain.tokenize(text, HMM=hmm))


def test_a_damaged_cache_is_rebuilt(plain, tmp_path: Path):
    jieba_loader.initialize(jieba.Tokenizer(), folder=tmp_path)
    (cache,) = tmp_path.glob("jieba-*.marshal")
    cache.write_bytes(b"\x00not marshal")
    ours = jieba_loader.initialize(jieba.Tokenizer(), folder=tmp_path)
    assert ours.FREQ == plain.FREQ
    assert jieba_loader._read_cache(cache) is not None


def test_an_unwritable_cache_folder_still_loads(plain, tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    ours = jieba_loader.initialize(jieba.Tokenizer(), folder=blocker / "cache")
    assert ours.FREQ == plain.FREQ


def test_nothing_goes_to_the_temp_folder_or_the_working_directory(tmp_path: Path, monkeypatch):
    work, temp = tmp_path / "work", tmp_path / "temp"
    work.mkdir(), temp.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr("tempfile.tempdir", None)
    tokenizer = jieba_loader.initialize(jieba.Tokenizer(), folder=tmp_path / "cache")
    assert tokenizer.tmp_dir == str(tmp_path / "cache")
    assert not list(work.iterdir()) and not list(temp.iterdir())


def test_jieba_is_quiet(capsys, tmp_path: Path):
    jieba_loader.initialize(jieba.Tokenizer(), folder=tmp_path)
    jieba.default_logger.warning("should not be seen")
    assert capsys.readouterr().err == ""
    assert not [h for h in jieba.default_logger.handlers if isinstance(h, logging.StreamHandler)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_CACHE_HOME is a Linux convention")
def test_the_default_cache_folder_is_the_users(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert jieba_loader.cache_dir() == tmp_path / "curator"


# --- with a small dictionary of our own: fast, and every branch of the cache -----------------------

WORDS = "格尔木 5 ns\n志愿者 3 n\n文明 4 n\n城市 2 n\n"


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "dict.txt"
    path.write_text(WORDS, encoding="utf-8")
    return path


def test_a_dictionary_of_its_own_is_loaded_and_cached_under_its_size_and_time(small: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    ours = jieba_loader.initialize(jieba.Tokenizer(dictionary=str(small)), folder=cache)
    assert ours.initialized and ours.total == 14 and ours.FREQ["格尔木"] == 5 and ours.FREQ["格尔"] == 0
    stat = small.stat()
    name = f"jieba-{jieba.__version__}-{jieba_loader.CACHE_VERSION}-{stat.st_size}-{stat.st_mtime_ns}.marshal"
    assert [p.name for p in cache.iterdir()] == [name]
    assert jieba_loader.cache_path(small, cache) == cache / name
    assert jieba_loader._read_cache(cache / name) == (ours.FREQ, 14)
    assert ours.tmp_dir == str(cache)


def test_the_default_dictionary_is_jiebas_own():
    path = jieba_loader._dictionary_path(jieba.Tokenizer())
    assert path == Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME) and path.is_file()
    assert jieba_loader._dictionary_path(jieba.Tokenizer(dictionary=None)) == path
    assert jieba_loader._dictionary_path(jieba.Tokenizer(dictionary="/x/y.txt")) == Path("/x/y.txt")


def test_a_cache_is_used_as_it_is(small: Path, tmp_path: Path):
    cache = tmp_path / "cache"
    path = jieba_loader.cache_path(small, cache)
    jieba_loader._write_cache(path, {"甲乙": 7}, 7)  # a cache saying something else than the dictionary
    ours = jieba_loader.initialize(jieba.Tokenizer(dictionary=str(small)), folder=cache)
    assert (ours.FREQ, ours.total) == ({"甲乙": 7}, 7)


def test_an_initialized_tokenizer_is_returned_as_it_is(small: Path, tmp_path: Path):
    tokenizer = jieba.Tokenizer(dictionary=str(small))
    tokenizer.initialized = True
    tokenizer.tmp_dir = "untouched"
    assert jieba_loader.initialize(tokenizer, folder=tmp_path / "cache") is tokenizer
    assert tokenizer.tmp_dir == "untouched" and not (tmp_path / "cache").exists()


def test_without_a_tokenizer_jiebas_default_one_is_initialized(monkeypatch, small: Path, tmp_path: Path):
    default = jieba.Tokenizer(dictionary=str(small))
    monkeypatch.setattr(jieba, "dt", default)
    monkeypatch.setattr(jieba_loader, "cache_dir", lambda: tmp_path / "default-cache")
    assert jieba_loader.initialize() is default and default.initialized
    assert list((tmp_path / "default-cache").glob("jieba-*.marshal"))


@pytest.mark.parametrize("content", [
    b"", b"\x00not marshal", None, ({}, 1), ({"a": 1}, "1"), (["a"], 1), ({"a": 1},), ({"a": 1}, 1, 2), 5,
])
def test_a_cache_that_is_not_a_dictionary_and_its_total_is_not_used(tmp_path: Path, content):
    import marshal

    path = tmp_path / "c.marshal"
    if content is not None:
        path.write_bytes(content if isinstance(content, bytes) else marshal.dumps(content))
    assert jieba_loader._read_cache(path) is None


def test_a_cache_that_cannot_be_written_leaves_no_temp_file(tmp_path: Path, monkeypatch):
    import os

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    jieba_loader._write_cache(tmp_path / "c.marshal", {"a": 1}, 1)
    assert list(tmp_path.iterdir()) == []


def test_a_cache_write_interrupted_otherwise_cleans_up_and_goes_on_up(tmp_path: Path, monkeypatch):
    import os

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        jieba_loader._write_cache(tmp_path / "c.marshal", {"a": 1}, 1)
    assert list(tmp_path.iterdir()) == []


def test_quiet_leaves_one_null_handler_and_nothing_above_critical(monkeypatch):
    monkeypatch.setattr(jieba.default_logger, "handlers", [logging.StreamHandler(), logging.StreamHandler()])
    monkeypatch.setattr(jieba.default_logger, "propagate", True)
    jieba_loader.quiet()
    [handler] = jieba.default_logger.handlers
    assert isinstance(handler, logging.NullHandler) and jieba.default_logger.propagate is False
    assert not jieba.default_logger.isEnabledFor(logging.CRITICAL)


def test_the_cache_is_written_through_a_hidden_temp_file_beside_it(tmp_path: Path, monkeypatch):
    import os
    import tempfile

    temp_folder = tmp_path / "temp"
    temp_folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp_folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    moved = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda src, dst: (moved.append((Path(src), Path(dst))), real_replace(src, dst)))
    target = tmp_path / "a" / "b" / "cache" / "c.marshal"  # folders that do not exist yet
    jieba_loader._write_cache(target, {"a": 1}, 1)
    assert jieba_loader._read_cache(target) == ({"a": 1}, 1)
    [(source, destination)] = moved
    assert destination == target and source.parent == target.parent
    assert source.name.startswith(".jieba-") and source.name.endswith(".tmp")
    assert list(temp_folder.iterdir()) == []
