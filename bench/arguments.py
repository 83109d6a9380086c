"""Command-line pieces the benchmark scripts share."""

from __future__ import annotations

import argparse


def positive_int(text: str) -> int:
    """argparse type for --repeat and the like: a whole number of at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value
