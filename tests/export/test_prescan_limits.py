"""Each bound of the byte pre-scan of a returned workbook's XML, at its limit and one past it.

The pre-scan runs before any parser sees a part (curator/export/prescan.py); these feed it bytes
directly, with the other limits loose, so that only the one tested can refuse.
"""

from __future__ import annotations

import io

import pytest

from curator.export.prescan import BLOCK, ReadLimits, prescan
from curator.export.safe_zip import UnsafeWorkbook

LOOSE = ReadLimits(max_rows=10**9, max_row_number=1_048_576, max_token=1024 * 1024, max_tags_per_row=10**6)


def scan(data: bytes, *, name: str = "xl/worksheets/sheet2.xml", sheet: bool = True, **limits) -> int:
    return prescan(io.BytesIO(data), name, ReadLimits(**{**LOOSE.__dict__, **limits}), sheet=sheet)


def refused(data: bytes, **kwargs) -> str:
    with pytest.raises(UnsafeWorkbook) as caught:
        scan(data, **kwargs)
    return str(caught.value)


def rows(n: int, *, prefix: str = "") -> bytes:
    return b"".join(f'<{prefix}row r="{i}"><{prefix}c r="A{i}"><{prefix}v>{i}</{prefix}v></{prefix}c></{prefix}row>'
                    .encode() for i in range(1, n + 1))


def sheet(body: bytes, *, prefix: str = "") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n' + f"<{prefix}worksheet><{prefix}sheetData>".encode() + body
            + f"</{prefix}sheetData></{prefix}worksheet>".encode())


# -- rows --------------------------------------------------------------------------------------

def test_the_rows_of_a_part_are_counted_exactly_across_read_blocks():
    # a small token limit makes the blocks small (64 bytes), so many <row tags straddle two blocks
    data = sheet(rows(500))
    assert scan(data) == 500
    assert scan(data, max_token=64) == 500
    assert scan(b"<sst><si><t>a</t></si></sst>", sheet=False) == 0


def test_max_rows_rows_pass_and_one_more_is_refused():
    assert scan(sheet(rows(30)), max_rows=30, max_token=64) == 30
    message = refused(sheet(rows(31)), max_rows=30, max_token=64)
    assert message == "xl/worksheets/sheet2.xml has more than 30 rows; split it and try again"
    assert refused(sheet(rows(2_001)), max_rows=2_000).endswith("has more than 2,000 rows; split it and try again")


def test_rows_with_a_namespace_prefix_count_too():
    """<x:row> as some writers save it; closing tags count too, so such a sheet is refused early, never late."""
    assert "more than 30 rows" in refused(sheet(rows(31, prefix="x:")), max_rows=30, max_token=64)


# -- row numbers past Excel's last row --------------------------------------------------------------

def test_excels_last_row_passes_and_the_next_is_refused():
    last = sheet(b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>')
    assert scan(last) == 1
    past = sheet(b'<row r="1048577"><c r="A1"><v>1</v></c></row>')
    assert refused(past) == ("xl/worksheets/sheet2.xml: row number 1048577 is outside an Excel sheet "
                             "(1-1,048,576); not opened")


def test_a_cell_reference_past_the_last_row_is_refused_and_a_huge_number_shown_cut():
    cell = sheet(b'<row><c r="XFD2000000000"><v>1</v></c></row>')
    assert "row number 2000000000 is outside" in refused(cell)
    digits = "9" * 30
    message = refused(sheet(f'<row r="{digits}"/>'.encode()))
    assert f"row number {'9' * 20} is outside" in message and "9" * 21 not in message


def test_the_row_limit_is_the_one_given():
    data = sheet(b'<row r="3000000"/>')
    assert scan(data, max_row_number=3_000_000) == 1
    assert "(1-2,999,999)" in refused(data, max_row_number=2_999_999)


def test_only_an_r_attribute_counts_and_only_in_a_sheet():
    # an attribute that merely ends in r (xr=) is not a row number; strings parts are not sheets
    assert scan(sheet(b'<row r="1" xr="2000000000"/>')) == 1
    assert scan(b'<sst><si r="2000000000"><t>x</t></si></sst>', sheet=False) == 0


def test_a_row_number_split_over_two_read_blocks_is_still_seen():
    head = sheet(b"")[:-len(b"</sheetData></worksheet>")]
    pad = b"<a/>" * ((64 - len(head)) // 4 + 15)
    data = head + pad + b'<row  r="2000000000"/>' + b"</sheetData></worksheet>"
    assert "row number 2000000000" in refused(data, max_token=64)


# -- long stretches without a '<' (one huge token) -----------------------------------------------------

def stretch(n: int) -> bytes:
    """A part whose longest run of bytes without a '<' is exactly n bytes long."""
    return b"<a>" + b"x" * (n - 2) + b"</a>"  # "a>" and the x's lie between two '<'


@pytest.mark.parametrize("token", [64, 100, 4096])
def test_a_stretch_of_max_token_bytes_is_refused_and_one_byte_shorter_passes(token: int):
    scan(stretch(token - 1), max_token=token)
    message = refused(stretch(token), max_token=token)
    assert message == f"xl/worksheets/sheet2.xml holds one XML item over {token // 1024:,} KB; not opened"


def test_the_message_names_the_limit_in_whole_kilobytes():
    assert refused(stretch(5000), max_token=4096).endswith("holds one XML item over 4 KB; not opened")
    assert refused(stretch(3 * 1024 * 1024)).endswith("holds one XML item over 1,024 KB; not opened")


def test_a_long_stretch_in_the_middle_of_a_read_block_is_refused():
    # shorter than one 64 KB block, longer than the limit: the blocks must be no longer than the limit
    data = b"<a>" + b"<b/>" * 10 + b"y" * 6000 + b"<b/>" * 10 + b"</a>"
    assert "one XML item over 4 KB" in refused(data, max_token=4096)
    scan(data, max_token=8192)


def test_a_long_stretch_after_many_short_ones_counts_from_its_own_start():
    """The count restarts at each '<', wherever it falls in a block."""
    short = b"<b>" + b"z" * 50 + b"</b>"
    data = b"<a>" + short * 40 + b"y" * 90 + b"</a>"  # every run is < 100 bytes but they total thousands
    scan(data, max_token=100)
    scan(b"<a>" + b"y" * 97 + b"</a>" + short * 40, max_token=100)
    assert "one XML item" in refused(data + b"q" * 200, max_token=100)


def test_a_file_of_no_tag_at_all_is_one_long_stretch():
    assert "one XML item over 1 KB" in refused(b"x" * 3000, max_token=1024)
    scan(b"x" * 1000, max_token=1024)


# -- markup Excel never writes ------------------------------------------------------------------------

@pytest.mark.parametrize("markup", [b"<!DOCTYPE x>", b"<!-- c -->", b"<![CDATA[x]]>", b"<!ENTITY a 'b'>"])
def test_dtd_comment_and_cdata_are_refused_with_their_message(markup: bytes):
    assert refused(sheet(markup + rows(2))) == (
        "xl/worksheets/sheet2.xml holds a DTD, comment or CDATA section, which Excel never writes; not opened")


def test_the_xml_declaration_is_allowed_at_the_start_after_a_bom_at_most():
    declaration = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    assert scan(declaration + b"<worksheet>" + rows(1) + b"</worksheet>") == 1
    assert scan(b"\xef\xbb\xbf" + declaration + b"<worksheet/>") == 0
    for later in (b"    " + declaration, b"<worksheet/>" + declaration):
        assert refused(later + b"<worksheet/>") == (
            "xl/worksheets/sheet2.xml holds a processing instruction, which Excel never writes; not opened")


def test_a_processing_instruction_after_the_declaration_or_in_a_later_block_is_refused():
    declaration = b'<?xml version="1.0"?>'
    assert "processing instruction" in refused(declaration + b"<a><?pi x?></a>")
    late = declaration + b"<a>" + b"<b/>" * (BLOCK // 4) + b"<?pi x?></a>"
    assert "processing instruction" in refused(late)
    assert "DTD, comment or CDATA" in refused(declaration + b"<a>" + b"<b/>" * (BLOCK // 4) + b"<!-- c --></a>")


def test_markup_split_over_two_read_blocks_is_still_seen():
    for cut in range(1, 8):
        pad = b"<b/>" * 15 + b"b" * cut  # the "<!" lands on the edge of the 64-byte blocks
        assert "DTD" in refused(b"<a>" + pad[: 61] + b"<!-- c --></a>", max_token=64)


# -- tags per row ------------------------------------------------------------------------------------

def tags(n: int) -> bytes:
    """A part with exactly one row and n '<' in all."""
    return b"<row>" + b"<c/>" * (n - 2) + b"</row>"


def test_the_tags_allowed_are_per_row_plus_a_margin_of_ten_thousand():
    assert scan(tags(100 + 10_000), max_tags_per_row=100) == 1
    assert refused(tags(100 + 10_001), max_tags_per_row=100) == (
        "xl/worksheets/sheet2.xml holds 10,101 XML items in 1 rows, far more than a curator export; not opened")
    two = b"<row/>" + tags(2 * 100 + 10_000 - 1)
    assert scan(two, max_tags_per_row=100) == 2
    assert "10,201 XML items in 2 rows" in refused(b"<row/>" + tags(2 * 100 + 10_000), max_tags_per_row=100)


def test_a_part_without_rows_gets_the_allowance_of_one():
    assert scan(b"<a>" + b"<b/>" * (100 + 10_000 - 2) + b"</a>", max_tags_per_row=100) == 0
    assert "10,101 XML items in 0 rows" in refused(b"<a>" + b"<b/>" * (100 + 10_000 - 1) + b"</a>",
                                                   max_tags_per_row=100)


def test_a_strings_part_is_allowed_twenty_items_per_row_of_the_limit():
    items = b"<sst>" + b"<si/>" * (10 * 20 + 10_000 - 2) + b"</sst>"
    assert scan(items, sheet=False, max_rows=10) == 0
    assert "10,201 XML items in 0 rows" in refused(b"<x/>" + items, sheet=False, max_rows=10)


def test_the_defaults_are_those_documented():
    limits = ReadLimits()
    assert (limits.max_rows, limits.max_row_number, limits.max_token, limits.max_tags_per_row) == (
        200_000, 1_048_576, 1024 * 1024, 100)
    assert BLOCK == 64 * 1024
