"""The start screen light's breath as numbers: how bright it is at a moment, in visible steps,
and when it next changes by one step.

The light's opacity follows a sine over sixteen seconds.  A screen shows 8-bit colour, so the
light can only look different when its brightest pixel moves by a whole level: with ``steps``
levels between opacity 0 and 1 (the glow's largest contribution to a pixel, in 8-bit levels),
``level()`` is the step the light is on and ``next_change_ms()`` how long it stays there.  A
frame is needed only then: a few per second while the breath is steepest, one every second or
so at its slow ends.  Pure arithmetic (no Qt), so the rhythm can be tested with any clock.
"""

from __future__ import annotations

import math

PERIOD_MS = 16_000
LOW, HIGH = 0.55, 1.0  # the light's opacity at the bottom and the top of a breath
_TWO_PI = 2 * math.pi


def breath(elapsed_ms: float) -> float:
    """0 to 1: how far into the breath the light is, ``elapsed_ms`` after it began."""
    phase = (elapsed_ms % PERIOD_MS) / PERIOD_MS
    return 0.5 + 0.5 * math.sin(phase * _TWO_PI)


def opacity(elapsed_ms: float) -> float:
    return LOW + (HIGH - LOW) * breath(elapsed_ms)


def level(elapsed_ms: float, steps: int) -> int:
    """Which of ``steps`` equal opacity steps the light is on (floor: a coarser count of
    steps that divides ``steps`` changes only when this one does)."""
    return math.floor(opacity(elapsed_ms) * steps)


def stepped_opacity(step: int, steps: int) -> float:
    """The opacity a step is painted at: the middle of its step, within the breath's range."""
    return min(HIGH, max(LOW, (step + 0.5) / steps))


def next_change_ms(elapsed_ms: float, steps: int) -> float:
    """Milliseconds from ``elapsed_ms`` until ``level()`` next changes: the first moment the
    opacity reaches either edge of the current step (a whole period when it never does)."""
    now = level(elapsed_ms, steps)
    phase = _TWO_PI * (elapsed_ms % PERIOD_MS) / PERIOD_MS
    soonest = _TWO_PI
    for edge in (now / steps, (now + 1) / steps):
        sine = 2 * (edge - LOW) / (HIGH - LOW) - 1
        if not -1.0 < sine < 1.0:
            continue  # the breath never reaches this edge, or only touches it at a turn
        first = math.asin(sine)
        for crossing in (first, math.pi - first):
            ahead = (crossing - phase) % _TWO_PI
            if ahead > 1e-9:
                soonest = min(soonest, ahead)
    return soonest / _TWO_PI * PERIOD_MS
