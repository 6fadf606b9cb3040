"""A JSON file holding one list of objects, read item by item with bounded memory.

Label Studio exports a whole project as one JSON list (hundreds of MB). json.loads would hold
the file and every parsed task at once; here the list is cut into items as the file is read,
and no item may be larger than one article's limit.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from curator.core.readers.limits import MAX_BYTES, TooLarge, size_text

_CHUNK = 1 << 20
_SPACE = " \t\r\n"


def iter_array(f: BinaryIO, *, max_item: int = 2 * MAX_BYTES) -> Iterator[tuple[int, Any]]:
    """(item number from 1, item) for each element of the top-level JSON list in f (UTF-8)."""
    decoder = json.JSONDecoder(parse_constant=_no_constant)
    reader = _Text(f)
    buffer = reader.more("").lstrip(_SPACE + "\ufeff")
    while not buffer and not reader.done:  # a first read may hold only part of the byte-order mark
        buffer = reader.more("").lstrip(_SPACE + "\ufeff")
    if not buffer:
        raise ValueError("empty file")
    if not buffer.startswith("["):
        raise ValueError("not a JSON list (a Label Studio export starts with [)")
    position, number, comma = 1, 0, False
    while True:
        while True:  # skip to the next item, or to the end of the list
            while position < len(buffer) and buffer[position] in _SPACE:
                position += 1
            if position < len(buffer) or reader.done:
                break
            buffer, position = reader.more(buffer[position:]), 0
        if position >= len(buffer):
            raise ValueError("the JSON list is cut off (no closing ])")
        if buffer[position] == "]":
            return
        if number and not comma:
            if buffer[position] != ",":
                raise ValueError(f"malformed JSON after item {number} (expected , or ])")
            position, comma = position + 1, True
            continue
        buffer, position = buffer[position:], 0
        while True:
            try:
                item, end = decoder.raw_decode(buffer, position)
                break
            except json.JSONDecodeError as exc:
                if reader.done:
                    raise ValueError(f"malformed JSON in item {number + 1} ({exc.msg})") from None
                if len(buffer) > max_item:
                    raise _too_large(number + 1, max_item) from None
                buffer = reader.more(buffer, at_least=len(buffer))
            except RecursionError:
                raise ValueError(f"malformed JSON in item {number + 1} (nested too deeply)") from None
        if end - position > max_item:  # read whole within one chunk: the limit holds all the same
            raise _too_large(number + 1, max_item)
        number, comma = number + 1, False
        yield number, item
        position = end


def _too_large(number: int, max_item: int) -> TooLarge:
    return TooLarge(f"item {number} is over {size_text(max_item)}; one article may not be larger")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


class _Text:
    """UTF-8 text from a binary file in growing chunks (a character split between chunks is kept whole)."""

    def __init__(self, f: BinaryIO) -> None:
        import codecs

        self._f = f
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        self.done = False

    def more(self, buffer: str, *, at_least: int = 0) -> str:
        data = self._f.read(max(at_least, _CHUNK))
        if not data:
            self.done = True
        try:
            return buffer + self._decoder.decode(data, final=not data)
        except UnicodeDecodeError:
            raise ValueError("not UTF-8; Label Studio and doccano files are UTF-8") from None
