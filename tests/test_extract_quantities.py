"""Amounts and dates as written in Chinese news text."""

from decimal import Decimal

import pytest

from kg.extract.quantities import chinese_number, find_amounts, find_dates, parse_amount, parse_date
from kg.model import Amount, DateValue


@pytest.mark.parametrize(
    "text, value, currency",
    [
        ("980.6亿元", "98060000000", "CNY"),
        ("18亿美元", "1800000000", "USD"),
        ("7700万美元", "77000000", "USD"),
        ("百亿元", "10000000000", "CNY"),
        ("十亿元", "1000000000", "CNY"),
        ("三十五亿元", "3500000000", "CNY"),
        ("一百五十亿元", "15000000000", "CNY"),
        ("超10亿元", "1000000000", "CNY"),
        ("50亿元以上", "5000000000", "CNY"),
        ("100亿元人民币", "10000000000", "CNY"),
        ("2.89亿元", "289000000", "CNY"),
        ("1,200万元", "12000000", "CNY"),
        ("3亿欧元", "300000000", "EUR"),
        ("500亿日元", "50000000000", "JPY"),
        ("8000万港元", "80000000", "HKD"),
        ("650元", "650", "CNY"),
        ("1.5万亿元", "1500000000000", "CNY"),
    ],
)
def test_amounts(text, value, currency):
    assert parse_amount(text) == Amount(Decimal(value), currency)


def test_amount_spans_in_a_sentence():
    text = "总投资12.5亿元的新项目和2亿美元的扩产项目"
    found = find_amounts(text)
    assert [a.amount.currency for a in found] == ["CNY", "USD"]
    assert text[found[0].start : found[0].end] == "12.5亿元"


def test_no_amount_without_currency():
    assert parse_amount("新增企业35家,产值增长12%") is None


@pytest.mark.parametrize("text, n", [("十", 10), ("十二", 12), ("二十", 20), ("三百零五", 305), ("两千", 2000), ("百", 100)])
def test_chinese_numbers(text, n):
    assert chinese_number(text) == n


@pytest.mark.parametrize(
    "text, dateline, expected",
    [
        ("2021年11月9日下午", None, "2021-11-09"),
        ("2019年3月", None, "2019-03"),
        ("2024年", None, "2024"),
        ("今年4月", "2021-11-05", "2021-04"),
        ("去年9月22日", "2021-11-05", "2020-09-22"),
        ("前年6月", "2022-01-01", "2020-06"),
        ("2月8日", "2023-02-09", "2023-02-08"),
        ("5月,考察团赴深圳", "2021-11-05", "2021-05"),
    ],
)
def test_dates(text, dateline, expected):
    assert parse_date(text, dateline) == DateValue(expected)


@pytest.mark.parametrize("text", ["今年4月", "去年9月22日", "2月8日"])
def test_no_date_without_a_year(text):
    assert parse_date(text, None) is None


def test_bare_relative_year_is_not_a_date():
    assert find_dates("今年是开局之年", "2022-01-01") == []


def test_day_alone_resolved_against_dateline_month():
    assert [d.date for d in find_dates("扬州市12日举行推介会", "2022-06-14")] == [DateValue("2022-06-12")]
    # a later day than the dateline's would be last month's: not guessed
    assert find_dates("扬州市20日举行推介会", "2022-06-14") == []
    assert find_dates("扬州市12日举行推介会", None) == []
    # part of a full date, not a day alone
    assert [d.date for d in find_dates("6月12日举行", "2022-06-14")] == [DateValue("2022-06-12")]


def test_an_amount_of_more_digits_than_decimal_holds_is_no_amount():
    assert find_amounts("投资111111111111111111111亿元建设新能源项目") == []
    assert [m.amount.value for m in find_amounts("投资1111亿元")] == [Decimal(111100000000)]


def test_a_day_of_this_month_or_the_month_before():
    assert parse_date("上月28日举行签约仪式", "2026-10-20") == DateValue("2026-09-28")
    assert parse_date("上个月3日", "2026-01-08") == DateValue("2025-12-03")  # (across a year)
    assert parse_date("本月5日", "2026-10-20") == DateValue("2026-10-05")
    assert parse_date("上月31日", "2026-10-20") is None  # (September has no 31st)
    assert parse_date("上月28日", None) is None
