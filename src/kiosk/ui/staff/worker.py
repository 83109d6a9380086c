"""One background thread for the staff panel's reading: the content store, the packs on a
stick (their manifests) and the visit counts.  The GUI thread only shows what comes back,
so a slow stick or a large counts file never freezes the exhibit or starves the watchdog.

One thread, so the readers' caches (``StoreView``) are touched by one thread at a time,
and a read asked for while the same read is under way runs once more after it, not twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Delivery(QObject):
    """Carries a result to the GUI thread (a queued signal).  Owned by Python, not by a
    Qt parent, so a job finishing while its owner is being deleted has somewhere harmless
    to deliver to."""

    done = Signal(str, object, object)  # job name, result, error


class _Job(QRunnable):
    def __init__(self, name: str, job: Callable[[], Any], delivery: _Delivery) -> None:
        super().__init__()
        self.name, self.job, self.delivery = name, job, delivery

    def run(self) -> None:
        try:
            result, error = self.job(), None
        except Exception as exc:  # the panel must stay usable whatever a reader hits
            result, error = None, exc
        self.delivery.done.emit(self.name, result, error)


class StaffWorker(QObject):
    """``run(name, job, done)``: ``job()`` on the worker thread, ``done(result)`` back on
    the GUI thread.  A job asked for by name while one of that name is under way is run
    again once it ends (the newest ask wins)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._delivery = _Delivery()
        self._delivery.done.connect(self._done)
        self._running: dict[str, Callable[[Any], None]] = {}
        self._again: dict[str, tuple[Callable[[], Any], Callable[[Any], None]]] = {}

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(self, name: str, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if name in self._running:
            self._again[name] = (job, done)
            return
        self._running[name] = done
        self._pool.start(_Job(name, job, self._delivery))

    def _done(self, name: str, result: object, error: object) -> None:
        done = self._running.pop(name, None)
        if done is None:
            return
        if error is not None:
            log.error("staff: %s could not be read: %s", name, error)
        else:
            done(result)
        if name in self._again:
            self.run(name, *self._again.pop(name))
