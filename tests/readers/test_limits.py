"""The bounds every reader shares: regular files only, each limit exact at its bound, one message each."""

from __future__ import annotations

import os
import sys

import pytest

from curator.core.readers import limits
from curator.core.readers.limits import TooLarge, check_regular, check_size, read_bounded, size_text

needs_fifo = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "mkfifo"), reason="no FIFOs here")


def test_the_limits_are_those_the_messages_name():
    assert limits.MAX_BYTES == limits.MAX_CHARS == 20 * 1024 * 1024
    assert limits.MAX_PDF_BYTES == 100 * 1024 * 1024
    assert limits.MAX_PDF_PAGES == 500
    assert limits.LIMIT_TEXT == "20 MB"


@pytest.mark.parametrize("size, shown", [(0, "0.0 MB"), (1048576, "1.0 MB"), (1572864, "1.5 MB"),
                                         (21 * 1048576 + 1, "21.0 MB"), (104857, "0.1 MB"), (1101005, "1.1 MB")])
def test_sizes_are_shown_in_mebibytes_with_one_decimal(size, shown):
    assert size_text(size) == shown


def test_a_regular_file_gives_its_size(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"12345")
    assert check_regular(tmp_path / "a.txt") == 5


def test_a_folder_is_named_a_folder(tmp_path):
    with pytest.raises(ValueError) as caught:
        check_regular(tmp_path)
    assert str(caught.value) == "is a folder"
    with pytest.raises(ValueError) as caught:
        read_bounded(tmp_path)
    assert str(caught.value) == "is a folder"


@needs_fifo
def test_a_pipe_is_refused_without_opening_it(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(ValueError) as caught:
        read_bounded(tmp_path / "pipe.txt")
    assert str(caught.value) == "not a regular file (a pipe, device or socket); nothing read"
    assert not isinstance(caught.value, TooLarge)


@needs_fifo
def test_a_file_replaced_by_a_pipe_after_its_check_is_opened_without_blocking_and_refused(tmp_path, monkeypatch):
    os.mkfifo(tmp_path / "pipe.txt")
    monkeypatch.setattr(limits, "check_regular", lambda path: 0)  # the check saw a small regular file
    with pytest.raises(ValueError) as caught:
        read_bounded(tmp_path / "pipe.txt")
    assert str(caught.value) == "not a regular file (a pipe, device or socket); nothing read"


def test_a_file_of_exactly_the_limit_is_read_whole(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"x" * 100)
    assert read_bounded(tmp_path / "a.txt", 100) == b"x" * 100


def test_one_byte_over_the_limit_is_refused_naming_the_limit_and_the_size(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"x" * 101)
    with pytest.raises(TooLarge) as caught:
        read_bounded(tmp_path / "a.txt", 100)
    assert str(caught.value) == "over 20 MB (0.0 MB); split it first"


def test_without_a_limit_the_article_limit_holds(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_BYTES", 100)
    (tmp_path / "ok.txt").write_bytes(b"x" * 100)
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    assert read_bounded(tmp_path / "ok.txt") == b"x" * 100
    with pytest.raises(TooLarge):
        read_bounded(tmp_path / "big.txt")
    assert read_bounded(tmp_path / "big.txt", 200) == b"x" * 101  # a limit given is the one used


def test_a_file_that_grew_after_its_check_is_refused_at_the_limit(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(b"x" * 101)
    monkeypatch.setattr(limits, "check_regular", lambda path: 10)  # it was 10 bytes when checked
    with pytest.raises(TooLarge) as caught:
        read_bounded(tmp_path / "a.txt", 100)
    assert str(caught.value) == "over 20 MB; split it first"
    (tmp_path / "b.txt").write_bytes(b"x" * 100)
    assert read_bounded(tmp_path / "b.txt", 100) == b"x" * 100


def test_check_size_is_exact_at_its_bound():
    check_size(100, 100)
    check_size(limits.MAX_BYTES)
    with pytest.raises(TooLarge) as caught:
        check_size(101, 100)
    assert str(caught.value) == "over 0 MB (0.0 MB); split it first"


@pytest.mark.parametrize("limit, size, message", [
    (None, 25 * 1048576, "over 20 MB (25.0 MB); split it first"),
    (100 * 1048576, 150 * 1048576, "over 100 MB (150.0 MB); split it first"),
    (1572864, 2 * 1048576, "over 1.5 MB (2.0 MB); split it first"),
])
def test_check_size_names_its_limit_in_whole_megabytes_when_it_is_whole(limit, size, message):
    with pytest.raises(TooLarge) as caught:
        check_size(size, limit)
    assert str(caught.value) == message
    check_size(limit or limits.MAX_BYTES, limit)  # at the limit itself: accepted


def test_check_size_without_a_limit_uses_the_article_limit(monkeypatch):
    monkeypatch.setattr(limits, "MAX_BYTES", 1048576)
    check_size(1048576)
    with pytest.raises(TooLarge) as caught:
        check_size(1048577)
    assert str(caught.value) == "over 1 MB (1.0 MB); split it first"
