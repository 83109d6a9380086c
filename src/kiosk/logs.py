"""Where the kiosk's messages go."""

from __future__ import annotations


def configure_logging() -> None:
    """Messages to the terminal (or the journal).  Called after the first frame: importing
    logging costs start-up time the first frame should not wait for."""
    import logging  # noqa: PLC0415

    logging.basicConfig(level=logging.WARNING, format="kiosk: %(name)s: %(message)s")
