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
