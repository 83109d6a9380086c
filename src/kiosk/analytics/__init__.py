"""Analytics, counted not tracked: hourly totals of visits, screens, languages and reading
aids for museum staff, with nothing that could tell one visitor from another.

``store`` keeps the totals (pure Python, sqlite3), ``recorder`` turns a visit's signals into
counts (QtCore), ``cli`` is ``kiosk analytics summary`` and ``kiosk analytics export``.
"""
