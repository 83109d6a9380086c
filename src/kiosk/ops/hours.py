"""Opening hours: whether the museum is open at a given moment, from the station config's
``opening_hours`` (``daily`` and/or weekdays, each ``HH:MM-HH:MM`` or ``closed``)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def is_open(hours: Mapping[str, str], moment: datetime.datetime) -> bool:
    """No hours configured means always open; a weekday's own entry wins over ``daily``."""
    if not hours:
        return True
    rule = hours.get(WEEKDAYS[moment.weekday()], hours.get("daily"))
    if rule is None:
        return True
    if rule == "closed":
        return False
    start_text, end_text = rule.split("-")
    start = datetime.time.fromisoformat(start_text)
    end = datetime.time.fromisoformat(end_text)
    now = moment.time()
    if start <= end:
        return start <= now < end
    return now >= start or now < end  # open past midnight
