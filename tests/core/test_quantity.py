from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from curator.core.quantity import Quantity, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("超3万人", 30000, "人", "超"),
        ("30余万人次", 300000, "人次", "余"),
        ("5000余条次", 5000, "条次", "余"),
        ("1.6万次", 16000, "次", ""),
        ("488万元", 4880000, "元", ""),
        ("超97%", 97, "%", "超"),
        ("百余名", 100, "名", "余"),
        ("三千余人", 3000, "人", "余"),
        ("三千余名", 3000, "名", "余"),
        ("25000 余名", 25000, "名", "余"),
        ("１.６万次", 16000, "次", ""),
        ("３万人", 30000, "人", ""),
        ("97%", 97, "%", ""),
        ("97％", 97, "%", ""),
        ("93.42 吨", 93.42, "吨", ""),
        ("57 家", 57, "家", ""),
        ("2600\n余名", 2600, "名", "余"),
        ("99\n\n家", 99, "家", ""),
        ("850 多\n次", 850, "次", "多"),
        ("十多个", 10, "个", "多"),
        ("两万人", 20000, "人", ""),
        ("二十一项", 21, "项", ""),
        ("超过5000人", 5000, "人", "超"),  # 超过 is normalised to 超 (issue 12)
        ("逾200家", 200, "家", "逾"),
        ("近80%", 80, "%", "近"),
        ("约3000人左右", 3000, "人", "约"),
        ("3000人左右", 3000, "人", "左右"),
        ("1万余人", 10000, "人", "余"),
        ("3千万元", 30000000, "元", ""),
        ("1.2亿元", 120000000, "元", ""),
        ("百分之九十", 90, "%", ""),
        ("1,200人", 1200, "人", ""),
        ("5个百分点", 5, "个百分点", ""),
        ("10大类", 10, "大类", ""),
    ],
)
def test_parse_quantity(text: str, value: float, unit: str, qualifier: str) -> None:
    assert parse_quantity(text) == Quantity(value, unit, qualifier)


def test_decimal_multiplication_is_exact() -> None:
    assert parse_quantity("1.6万次").value == 16000.0  # not 16000.000000000002
    assert parse_quantity("0.3万").value == 3000.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三千余", Quantity(3000, "", "余")),
        ("42", Quantity(42, "", "")),
        ("注册志愿者超3万人", Quantity(30000, "人", "超")),  # surrounding words are ignored
        ("2019年招募300名", Quantity(300, "名", "")),  # a number with a unit is preferred
    ],
)
def test_parse_quantity_of_loose_selections(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["", "志愿服务", "志愿红", "五一", "abc", "——"])
def test_parse_quantity_without_a_number(text: str) -> None:
    assert parse_quantity(text) is None


def test_quantity_is_frozen_and_compares_by_value() -> None:
    q = parse_quantity("3万人")
    assert q == Quantity(30000, "人", "")
    with pytest.raises(AttributeError):
        q.value = 1  # type: ignore[misc]


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["人", "人次", "个", "%", "元", "吨"]))
def test_parse_quantity_round_trips_integers(n: int, unit: str) -> None:
    assert parse_quantity(f"{n}{unit}") == Quantity(n, unit, "")


@given(st.integers(min_value=1, max_value=99999), st.sampled_from(["余", "多"]))
def test_approximator_before_the_unit(n: int, approx: str) -> None:
    assert parse_quantity(f"{n}{approx}名") == Quantity(n, "名", approx)


@given(st.text(max_size=40))
def test_parse_quantity_never_raises(text: str) -> None:
    result = parse_quantity(text)
    assert result is None or isinstance(result.value, float)
