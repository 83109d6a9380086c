"""Does a screenshot of the kiosk session's output show the exhibit over all of it?

Used by session-smoke.py on grim's screenshots of cage's output, and by the tests.  Two
kinds of evidence:

- coverage: no edge strip and no more than a sliver of the whole output shows the
  compositor's background (cage clears to black; the kiosk's darkest colour is not black),
  so a window that is smaller than the output, moved, or not shown at all fails;
- likeness: the screenshot against the same screen rendered offscreen at the same size
  (``kiosk render``): nearly every pixel within a small tolerance (the ambient light
  moves), every edge strip likewise (a title bar fails here), and the reference's text
  (its bright "ink" pixels: the title, the prompt) bright in the screenshot as well.

Only QtGui's QImage: no application object, no display.
"""

from __future__ import annotations

from PySide6.QtGui import QImage

BACKGROUND = (0, 0, 0)  # what cage shows where no window is
STRIP = 8  # pixels: the edge strips checked on each side
MOST_BACKGROUND = 0.01  # share of an edge strip, or of the output, that may be background
TOLERANCE = 40  # per channel, 0-255: a pixel "differs" beyond this
MOST_DIFFERENT = 0.02  # share of the output that may differ from the reference
MOST_DIFFERENT_EDGE = 0.05  # share of an edge strip that may differ
INK = 150  # luminance above which a pixel is text (the screens are dark)
LEAST_INK_MATCHED = 0.9
STEP = 2  # every second pixel in each direction: plenty for these checks, four times faster


def _rgb(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_RGB32)


def _channels(pixel: int) -> tuple[int, int, int]:
    return (pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255


def _luminance(pixel: int) -> int:
    red, green, blue = _channels(pixel)
    return (3 * red + 6 * green + blue) // 10


def _strips(width: int, height: int) -> dict[str, tuple[range, range]]:
    """Each edge's pixels as (x range, y range), every STEP-th."""
    side = min(STRIP, width, height)
    return {
        "top": (range(0, width, STEP), range(0, side, STEP)),
        "bottom": (range(0, width, STEP), range(height - side, height, STEP)),
        "left": (range(0, side, STEP), range(0, height, STEP)),
        "right": (range(width - side, width, STEP), range(0, height, STEP)),
    }


def _share(image: QImage, xs: range, ys: range, test: object) -> float:
    total = hits = 0
    for y in ys:
        for x in xs:
            total += 1
            hits += bool(test(x, y))  # type: ignore[operator]
    return hits / max(1, total)


def coverage_problems(shot: QImage, what: str) -> list[str]:
    """Where the output shows the compositor's background instead of ``what``."""
    shot = _rgb(shot)
    width, height = shot.width(), shot.height()
    if width == 0 or height == 0:
        return [f"{what}: the screenshot is empty"]
    black = (BACKGROUND[0] << 16) | (BACKGROUND[1] << 8) | BACKGROUND[2]

    def is_background(x: int, y: int) -> bool:
        return shot.pixel(x, y) & 0xFFFFFF == black

    problems = []
    whole = _share(shot, range(0, width, STEP), range(0, height, STEP), is_background)
    if whole > MOST_BACKGROUND:
        problems.append(f"{what}: {whole:.0%} of the output is the compositor's background")
    for edge, (xs, ys) in _strips(width, height).items():
        share = _share(shot, xs, ys, is_background)
        if share > MOST_BACKGROUND:
            problems.append(
                f"{what}: the {edge} edge shows the compositor's background ({share:.0%})"
            )
    return problems


def likeness_problems(shot: QImage, reference: QImage, what: str) -> list[str]:
    """Where the screenshot is not the reference rendering of the same screen."""
    shot, reference = _rgb(shot), _rgb(reference)
    if shot.size() != reference.size():
        return [
            f"{what}: the output is {shot.width()}x{shot.height()}, "
            f"the reference {reference.width()}x{reference.height()}"
        ]
    width, height = shot.width(), shot.height()

    def differs(x: int, y: int) -> bool:
        ours, theirs = _channels(shot.pixel(x, y)), _channels(reference.pixel(x, y))
        return max(abs(a - b) for a, b in zip(ours, theirs, strict=True)) > TOLERANCE

    problems = []
    whole = _share(shot, range(0, width, STEP), range(0, height, STEP), differs)
    if whole > MOST_DIFFERENT:
        problems.append(f"{what}: {whole:.0%} of the output differs from the reference")
    for edge, (xs, ys) in _strips(width, height).items():
        share = _share(shot, xs, ys, differs)
        if share > MOST_DIFFERENT_EDGE:
            problems.append(f"{what}: the {edge} edge differs from the reference ({share:.0%})")
    ink = matched = 0
    for y in range(0, height, STEP):
        for x in range(0, width, STEP):
            if _luminance(reference.pixel(x, y)) > INK:
                ink += 1
                matched += _luminance(shot.pixel(x, y)) > INK
    if ink and matched / ink < LEAST_INK_MATCHED:
        problems.append(
            f"{what}: only {matched / ink:.0%} of the reference's text is on the output"
        )
    return problems


DIMMED = 10  # luminance at or below which a pixel is under the layers' dimming
LEAST_DIMMED = 0.6  # share of the outer band that must be dimmed
LEAST_PANEL_INK = 0.002  # share of the centre that must be text


def layer_problems(shot: QImage, what: str) -> list[str]:
    """A modal layer (the staff PIN pad) over the whole output: every edge covered, the
    screen around the panel dimmed, and text on the panel in the middle."""
    problems = coverage_problems(shot, what)
    shot = _rgb(shot)
    width, height = shot.width(), shot.height()
    if not width or not height:
        return problems
    dimmed = total = 0
    for edge, (xs, ys) in _strips(width, height).items():
        del edge
        for y in ys:
            for x in xs:
                total += 1
                dimmed += _luminance(shot.pixel(x, y)) <= DIMMED
    if dimmed / max(1, total) < LEAST_DIMMED:
        problems.append(f"{what}: the screen around it is not dimmed ({dimmed / total:.0%})")
    centre_x = range(width * 3 // 10, width * 7 // 10, STEP)
    centre_y = range(height * 3 // 10, height * 7 // 10, STEP)
    ink = _share(shot, centre_x, centre_y, lambda x, y: _luminance(shot.pixel(x, y)) > INK)
    if ink < LEAST_PANEL_INK:
        problems.append(f"{what}: no text on a panel in the middle of the output")
    return problems
