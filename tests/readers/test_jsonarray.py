"""One JSON list read item by item: where it may be cut, what it may hold, each refusal exactly."""

from __future__ import annotations

import io

import pytest

from curator.core.readers import jsonarray
from curator.core.readers.jsonarray import iter_array
from curator.core.readers.limits import TooLarge


def items(data: bytes, **kwargs) -> list:
    return list(iter_array(io.BytesIO(data), **kwargs))


def refusal(data: bytes, kind: type[Exception] = ValueError, **kwargs) -> str:
    with pytest.raises(kind) as caught:
        items(data, **kwargs)
    return str(caught.value)


@pytest.fixture(params=[1 << 20, 1, 2, 7], ids=["whole", "chunk1", "chunk2", "chunk7"])
def chunk(request, monkeypatch):
    """Every rule holds however the file is cut into reads."""
    monkeypatch.setattr(jsonarray, "_CHUNK", request.param)
    return request.param


@pytest.mark.parametrize("data, expected", [
    (b"[]", []),
    (b" \r\n\t[ ]\n", []),
    (b'[{"a": 1}, 2, "three", [4], null]', [{"a": 1}, 2, "three", [4], None]),
    (b'\xef\xbb\xbf[1]', [1]),
    (b'[\n  1 ,\n  2\n]\n', [1, 2]),
    ('["格尔木市", "𠮷"]'.encode(), ["格尔木市", "𠮷"]),
    (b"[1,]", [1]),
])
def test_lists_are_read_item_by_item(chunk, data, expected):
    assert items(data) == list(enumerate(expected, start=1))


@pytest.mark.parametrize("data, message", [
    (b"", "empty file"),
    (b" \n\t\r ", "empty file"),
    (b"\xef\xbb\xbf", "empty file"),
    (b'{"data": 1}', "not a JSON list (a Label Studio export starts with [)"),
    (b"1", "not a JSON list (a Label Studio export starts with [)"),
    (b"[", "the JSON list is cut off (no closing ])"),
    (b"[1, 2", "the JSON list is cut off (no closing ])"),
    (b"[1, 2,  ", "the JSON list is cut off (no closing ])"),
    (b"[1 2]", "malformed JSON after item 1 (expected , or ])"),
    (b"[1, 2 : 3]", "malformed JSON after item 2 (expected , or ])"),
    (b"[1, {]", "malformed JSON in item 2 (Expecting property name enclosed in double quotes)"),
    (b"[,1]", "malformed JSON in item 1 (Expecting value)"),
    (b"[NaN]", "NaN is not a number JSON allows"),
    (b"[1, Infinity]", "Infinity is not a number JSON allows"),
    (b"[" + b"[" * 100000 + b"]" * 100000 + b"]", "malformed JSON in item 1 (nested too deeply)"),
    (b'["\xff"]', "not UTF-8; Label Studio and doccano files are UTF-8"),
])
def test_each_refusal_has_its_message(chunk, data, message):
    if chunk < 7 and len(data) > 1000:
        pytest.skip("a deep nesting read a byte at a time is slow and proves nothing more")
    assert refusal(data) == message


def test_an_item_larger_than_the_limit_is_refused_while_read(chunk):
    big = b'[{"text": "' + b"x" * 100 + b'"}]'
    assert refusal(big, TooLarge, max_item=50) == "item 1 is over 0.0 MB; one article may not be larger"
    assert items(big, max_item=len(big)) == [(1, {"text": "x" * 100})]


def test_the_item_limit_counts_only_the_item_being_read(monkeypatch):
    monkeypatch.setattr(jsonarray, "_CHUNK", 16)
    data = b"[" + b", ".join(b'"' + b"x" * 30 + b'"' for _ in range(20)) + b"]"
    assert len(items(data, max_item=80)) == 20


def test_the_default_item_limit_is_twice_an_article():
    from curator.core.readers.limits import MAX_BYTES

    import inspect

    assert inspect.signature(iter_array).parameters["max_item"].default == 2 * MAX_BYTES


def test_a_character_cut_between_reads_is_kept_whole(monkeypatch):
    monkeypatch.setattr(jsonarray, "_CHUNK", 1)
    assert items('["格尔木", "😀"]'.encode()) == [(1, "格尔木"), (2, "😀")]


def test_an_item_is_given_before_the_rest_is_read():
    class Endless(io.RawIOBase):
        """A list that never ends: only its first items can be read."""

        def __init__(self) -> None:
            self.sent = 0

        def readable(self) -> bool:
            return True

        def read(self, size: int = -1) -> bytes:
            self.sent += 1
            if self.sent > 1000:
                raise AssertionError("read on after the items asked for")
            return b"[1, " if self.sent == 1 else b"2, "

    reader = iter_array(Endless())
    assert [next(reader), next(reader), next(reader)] == [(1, 1), (2, 2), (3, 2)]
