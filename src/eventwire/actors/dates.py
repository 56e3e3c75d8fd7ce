"""Date expressions resolved against the article date, never after it.

News dates events relative to publication: "on Wednesday", "last March",
"Jan. 19", "two days ago". `resolve_date` hands the expression to
dateparser with the article date as RELATIVE_BASE and a preference for the
past, then applies two conventions of news writing:

- a bare weekday is the most recent such day, and the publication day
  itself when it matches ("said on Thursday" in a Thursday paper);
- a result after the article date is moved back a year when only the year
  was guessed ("Dec. 3" in a January article), else dropped (None: "next
  week", "tomorrow").

The result is an ISO date `YYYY-MM-DD`; an expression precise only to the
month or year gives ISO reduced precision (`YYYY-MM`, `YYYY`).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser

from .words import default_words

_WEEKDAYS = tuple(day.lower() for day in calendar.day_name)  # Monday first, as date.weekday() counts
_LEAD_WORDS = "|".join(map(re.escape, default_words().date_lead_words))
_LEAD = re.compile(rf"^(?:{_LEAD_WORDS})\b[\s,-]*", re.I)
_HAS_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = "|".join(m.lower() for m in calendar.month_abbr if m)  # "sept" is "sep" + letters
_MONTH = re.compile(rf"\b({_MONTHS})[a-z]*\b\.?", re.I)


@lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> DateDataParser:
    """One parser per article date (building one costs milliseconds)."""
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)  # several events of a sentence share one date phrase; dateparser costs ms
def resolve_date(expression: str, article_date: str | None) -> str | None:
    """ISO date of `expression` relative to `article_date` (ISO), or None.

    Without an article date only expressions that name a year resolve.
    """
    text = " ".join(expression.replace("\u00a0", " ").split()).strip(" .,;")
    if not text:
        return None
    base = _iso(article_date)
    if base is None and not _HAS_YEAR.search(text):
        return None
    weekday = _weekday(text, base)
    if weekday is not None:
        return weekday.isoformat()
    last = re.match(r"^last\s+", text, re.I) is not None
    core = _strip_lead(text)
    found = _parse(core, base) or (_parse(text, base) if core != text else None)
    if found is None:
        return None
    date, period = found
    if base is not None and last and period == "month" and (date.year, date.month) == (base.year, base.month):
        date = date.replace(year=date.year - 1)  # "last March" written in March is a year back
    if base is not None and date > base:
        if _HAS_YEAR.search(text) or not _MONTH.search(text):
            return None  # "next week", "tomorrow": the future is not reported
        date = _year_back(date)
        if date > base:
            return None
    return _format(date, period)


def _iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _strip_lead(text: str) -> str:
    prev = None
    while prev != text:
        prev, text = text, _LEAD.sub("", text).strip()
    return text or prev


def _weekday(text: str, base: dt.date | None) -> dt.date | None:
    words = _strip_lead(text).lower().rstrip(".").split()
    if base is None or len(words) != 1 or words[0] not in _WEEKDAYS:
        return None
    back = (base.weekday() - _WEEKDAYS.index(words[0])) % 7
    if back == 0 and text.lower().startswith("last"):
        back = 7
    return base - dt.timedelta(days=back)


def _parse(text: str, base: dt.date | None) -> tuple[dt.date, str] | None:
    try:
        data = _parser(base).get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def _year_back(date: dt.date) -> dt.date:
    try:
        return date.replace(year=date.year - 1)
    except ValueError:  # 29 February
        return date.replace(year=date.year - 1, day=28)


def _format(date: dt.date, period: str) -> str:
    if period == "year":
        return f"{date.year:04d}"
    if period == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()
