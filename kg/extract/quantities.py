"""Money amounts and dates written in Chinese news text.

``980.6亿元`` -> 98060000000 CNY, ``18亿美元`` -> USD, ``百亿元`` -> 1e10;
``超X亿元`` and ``X亿元以上`` are recorded as X. Dates are resolved against the
article's dateline (``今年4月``, ``去年9月22日``, ``2月8日``); without a known
year there is no date.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kg.model import Amount, DateValue

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_MAG = {"": 1, "万": 10**4, "十万": 10**5, "百万": 10**6, "千万": 10**7, "亿": 10**8, "十亿": 10**9, "百亿": 10**10, "千亿": 10**11, "万亿": 10**12}
_CURRENCY = {
    "元": "CNY", "元人民币": "CNY", "人民币": "CNY", "块": "CNY",
    "美元": "USD", "美金": "USD", "欧元": "EUR", "日元": "JPY", "港元": "HKD", "港币": "HKD", "英镑": "GBP",
    "新台币": "TWD", "台币": "TWD", "韩元": "KRW", "澳元": "AUD", "新加坡元": "SGD", "加元": "CAD",
}
#: the currencies' words of two characters or more (a name never runs on left of one: 6000万欧元 + 建设…)
CURRENCY_WORDS = frozenset(w for w in _CURRENCY if len(w) > 1)

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+"
AMOUNT_RE = re.compile(
    rf"(?P<pre>超过|超|逾|近|约|达|共计|合计)?(?P<precur>新台币|台币|美元|港币|港元|欧元|日元|英镑|人民币)?(?P<num>{_NUM})(?P<mag>万亿|千亿|百亿|十亿|千万|百万|十万|亿|万)?"
    r"(?P<cur>元人民币|元|人民币|美元|美金|欧元|日元|港元|港币|英镑|新台币|台币|韩元|澳元|新加坡元|加元)(?P<post>以上|左右|多)?"
)  # (a currency may also stand before the number: 新台币45亿元)


def chinese_number(s: str) -> int | None:
    """``十`` -> 10, ``三十五`` -> 35, ``一百五十`` -> 150, ``百`` -> 100; None if not a numeral."""
    if not s:
        return None
    total, current = 0, 0
    for ch in s:
        if ch in _CN_DIGITS:
            current = current * 10 + _CN_DIGITS[ch] if current and ch in "零〇" else _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[ch]
            current = 0
        else:
            return None
    return total + current


# compiled once (the rule below runs per candidate)
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _number(s: str) -> Decimal | None:
    s = s.replace(",", "")
    if _PLAIN_NUMBER.fullmatch(s):
        return Decimal(s)
    n = chinese_number(s)
    return Decimal(n) if n is not None else None


@dataclass(frozen=True)
class AmountMatch:
    amount: Amount
    start: int
    end: int


def amount_of(match: re.Match[str]) -> Amount | None:
    cur = match.group("cur")
    if cur == "元" and match.group("precur"):
        cur = match.group("precur")  # 新台币45亿元, 美元1.2亿元: the currency written first
    return _amount(match.group("num"), match.group("mag") or "", cur)


@lru_cache(maxsize=4096)
def _amount(number: str, mag: str, cur: str) -> Amount | None:
    """The amount a number, its magnitude and currency write (kept: the rules ask for the same
    amounts again and again, and an Amount, frozen, can be shared)."""
    num = _number(number)
    if num is None:
        return None
    value = num * _MAG[mag]
    try:
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    except InvalidOperation:  # more digits than Decimal's 28 (111…1亿元): no amount anyone states
        return None
    return Amount(Decimal(int(value)) if value == int(value) else value, _CURRENCY[cur])


def find_amounts(text: str) -> list[AmountMatch]:
    """All money amounts in ``text`` with their spans."""
    out = []
    for m in AMOUNT_RE.finditer(text):
        a = amount_of(m)
        if a is not None:
            out.append(AmountMatch(a, m.start(), m.end()))
    return out


def parse_amount(text: str) -> Amount | None:
    """The first amount in ``text`` (``"超10亿元"`` -> 1000000000 CNY)."""
    found = find_amounts(text)
    return found[0].amount if found else None


DATE_RE = re.compile(
    r"(?=(?:19|20)\d{2}年|今年|去年|前年|明年|上年|当年|(?:1[0-2]|0?[1-9])月)"  # never empty: scans fast
    r"(?:(?P<year>(?:19|20)\d{2})年|(?P<rel>今年|去年|前年|明年|上年|当年))?"
    r"(?:(?P<month>1[0-2]|0?[1-9])月(?:份)?(?:(?P<day>3[01]|[12]\d|0?[1-9])[日号])?)?"
)


@dataclass(frozen=True)
class DateMatch:
    date: DateValue
    start: int
    end: int


_REL = {"今年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}


# the forms of a dateline (compiled once: the rules ask for dates per sentence)
_YEAR_OPENS = re.compile(r"\d{4}")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DAY_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}$")


def _dateline_year(dateline: str | None) -> int | None:
    if dateline and _YEAR_OPENS.match(dateline):
        return int(dateline[:4])
    return None


def date_of(match: re.Match[str], dateline: str | None) -> DateValue | None:
    year_s, rel, month, day = match.group("year", "rel", "month", "day")
    if not (year_s or rel or month):
        return None
    if not year_s and not rel and not month:
        return None
    if year_s:
        year = int(year_s)
    else:
        base = _dateline_year(dateline)
        if base is None:
            return None
        year = base + _REL.get(rel or "今年", 0)
    if not month:
        return DateValue(f"{year:04d}")
    if not day:
        return DateValue(f"{year:04d}-{int(month):02d}")
    return DateValue(f"{year:04d}-{int(month):02d}-{int(day):02d}")


#: A day alone (太仓市7日举行): news of the dateline's own month.
_DAY_RE = re.compile(r"(?<![\d月号日])(?P<day>3[01]|[12]\d|0?[1-9])日(?!前|均|起|内|止)")


def _day_only(m: re.Match[str], dateline: str | None) -> DateValue | None:
    """A bare day resolved against the dateline's year and month; only a day on or before
    the dateline's day (a later day would be last month's, which the text does not say)."""
    if not dateline or not _ISO_DAY.match(dateline):
        return None
    day = int(m.group("day"))
    if day > int(dateline[8:10]):
        return None
    return DateValue(f"{dateline[:7]}-{day:02d}")


#: Days named relative to the dateline: 昨天上午 is the day before the article; 昨(18)日, as
#: Taiwanese papers write it, the same with the day in brackets.
_REL_DAY_RE = re.compile(r"(?P<rel>今天|今日|昨天|昨日|前天|前日|[今昨前](?=\(\d{1,2}\)日))(?:\((?P<day>\d{1,2})\)日)?")
_REL_DAY = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "今": 0, "昨": -1, "前": -2}


def _relative_day(m: re.Match[str], dateline: str | None) -> DateValue | None:
    if not dateline or not _ISO_DAY_ONLY.match(dateline):
        return None
    try:
        base = _dt.date.fromisoformat(dateline)
    except ValueError:
        return None
    day = int(m.group("day")) if m.group("day") else 0
    if 1 <= day <= 31:
        # 昨(30)日 in a page of 3 December (a reprint, a late post): the day written is the day, the last
        # one of that number up to the dateline
        year, month = base.year, base.month
        if day > base.day:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        try:
            return DateValue(_dt.date(year, month, day).isoformat())
        except ValueError:
            return None
    return DateValue((base + _dt.timedelta(days=_REL_DAY[m.group("rel")])).isoformat())


#: A day of the dateline's month or the month before: 本月5日, 上月28日 (上个月).
_REL_MONTH_DAY_RE = re.compile(r"(?P<rel>本月|上月|上个月)(?P<day>3[01]|[12]\d|0?[1-9])[日号]")


def _relative_month_day(m: re.Match[str], dateline: str | None) -> DateValue | None:
    if not dateline or not _ISO_DAY.match(dateline):
        return None
    year, month = int(dateline[:4]), int(dateline[5:7])
    if m.group("rel") != "本月":
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    try:
        return DateValue(_dt.date(year, month, int(m.group("day"))).isoformat())
    except ValueError:  # 上月31日 of a month of 30 days: no such day
        return None


def find_dates(text: str, dateline: str | None = None) -> list[DateMatch]:
    """Dates in ``text`` resolved against ``dateline`` (``YYYY-MM-DD``)."""
    out = []
    for m in _REL_MONTH_DAY_RE.finditer(text):
        d = _relative_month_day(m, dateline)
        if d is not None:
            out.append(DateMatch(d, m.start(), m.end()))
    for m in _REL_DAY_RE.finditer(text):
        d = _relative_day(m, dateline)
        if d is not None:
            out.append(DateMatch(d, m.start(), m.end()))
    for m in _DAY_RE.finditer(text):
        d = _day_only(m, dateline)
        if d is not None:
            out.append(DateMatch(d, m.start(), m.end()))
    for m in DATE_RE.finditer(text):
        if m.end() == m.start():
            continue
        if not (m.group("month") or m.group("year")):
            continue  # a bare 今年 is not a date of anything
        if m.group("month") and not m.group("day") and text[m.end() : m.end() + 1] in ("内", "前", "底", "末", "中"):
            pass
        d = date_of(m, dateline)
        if d is not None:
            out.append(DateMatch(d, m.start(), m.end()))
    out.sort(key=lambda d: d.start)
    return out


def parse_date(text: str, dateline: str | None = None) -> DateValue | None:
    """The first date in ``text`` (``"去年9月22日"`` with dateline 2021-11-05 -> 2020-09-22)."""
    found = find_dates(text, dateline)
    return found[0].date if found else None
