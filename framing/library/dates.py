"""Publication dates as articles give them: checked, kept as written, or refused with how to write them.

Accepted: ``YYYY-MM-DD`` and ``YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z|+hh:mm]`` (a space may replace the T).
A numeric date in another order is refused with the ISO form to write instead; one that reads two ways
(05/03/2024) says both, since nobody can tell 5 March from May 3.
"""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?")
_NUMERIC_DATE = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")
_MONTHS = "January February March April May June July August September October November December".split()


def normalize_published(value: str) -> str:
    """A publication date checked and returned as given (stripped), or ValueError saying how to write it.

    Accepted: ``YYYY-MM-DD`` and ``YYYY-MM-DDTHH:MM[:SS[.ffffff]][Z|+hh:mm]`` (a space may replace the T).
    Day-month orders such as 05/03/2024 are refused: nobody can tell 5 March from May 3.
    """
    v = value.strip()
    if _ISO_DATE.fullmatch(v) or _ISO_DATETIME.fullmatch(v):
        try:
            if len(v) == 10:
                date.fromisoformat(v)
            else:
                datetime.fromisoformat(v.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"'{v}' is not a real date or time; check the day, month and hour") from None
        return v
    m = _NUMERIC_DATE.fullmatch(v)
    if m:
        a, b, c = m.groups()
        if len(a) == 4:  # 2024/03/05: year first, so month then day
            iso = _iso_or_none(int(a), int(b), int(c))
            if iso:
                return _raise(f"'{v}' is not in the form YYYY-MM-DD; write {iso}")
        elif len(c) == 4:
            day_first = _iso_or_none(int(c), int(b), int(a))
            month_first = _iso_or_none(int(c), int(a), int(b))
            if day_first and month_first and day_first != month_first:
                return _raise(
                    f"'{v}' is ambiguous ({_spoken(day_first)} or {_spoken(month_first)}?); "
                    f"write the date as YYYY-MM-DD, e.g. {day_first} for {_spoken(day_first)}"
                )
            if day_first or month_first:
                return _raise(f"'{v}' is not in the form YYYY-MM-DD; write {day_first or month_first}")
        return _raise(f"'{v}' is ambiguous (is the year first or last?); write the date as YYYY-MM-DD")
    return _raise(f"'{v}' is not a date in the form YYYY-MM-DD; write it like 2024-03-05")


def _raise(message: str) -> str:
    raise ValueError(message)


def _iso_or_none(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _spoken(iso: str) -> str:
    d = date.fromisoformat(iso)
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
