"""Chromium as a yardstick for bench/startup.py: headless, offline, showing the statement.

The page is written at run time from the bundled content (``content/``: the statement's
heading, subtitle, issuer, date and paragraphs, and the exhibit's colours and type sizes) into
the run's temporary folder, with the kiosk's own fonts loaded through ``@font-face`` from
``file://`` URLs to ``assets/fonts``.  No copy of the statement is kept in the repository.

What is timed, and why: Chromium is started with the page's ``file://`` URL on its command
line and ``--remote-debugging-pipe`` (the DevTools protocol on file descriptors 3 and 4: no
port, no network).  Once it answers, the page's own Paint Timing entry
``first-contentful-paint`` is read through the protocol: that is the time at which Chromium
presented the first frame holding text, on the page's clock (``performance.timeOrigin`` +
``startTime``, milliseconds since the Unix epoch).  Subtracting the wall-clock time taken just
before the browser was spawned gives spawn to first contentful paint, measured by the browser
itself and independent of how long the protocol's answer takes to arrive.  The fonts use
``font-display: auto`` (block), so text is not painted before the bundled fonts are loaded, as
in the kiosk; the run fails if a font face failed to load.  (Chromium loads only the faces the
page uses, three of the four; the kiosk loads all four before its first frame.)  Reading the
entry after the fact, instead of subscribing to lifecycle events before the page loads, keeps the
protocol off the critical path: the page starts loading exactly as with a plain command line.

Memory is the summed RSS of every process in Chromium's process group, sampled every few
milliseconds from spawn until the paint entry has been read (proctree.py), the same method
used for the kiosk; a proportional-set-size snapshot at that moment is kept for information.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from proctree import GroupMemorySampler, pss_sum_kib

CHROMIUM = Path("/usr/bin/chromium")
WINDOW_SIZE = (1920, 1080)
CLOSE_TIMEOUT_S = 10.0
STDERR_TAIL_CHARS = 2000
# Offline and quiet: no network services, no first-run UI, no extensions, no crash uploads.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-breakpad",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
    "--metrics-recording-only",
    "--mute-audio",
    "--force-device-scale-factor=1",
    "--remote-debugging-pipe",
)
# Resolves once the page has a first-contentful-paint entry; reports the fonts' state too.
# Evaluated too early, it runs in the tab's initial blank document: it says so, and is retried.
PAINT_PROBE = """
new Promise(resolve => {
  if (location.href !== %s) { resolve('not-yet'); return; }
  const report = entries => {
    const paint = {};
    for (const entry of performance.getEntriesByType('paint')) paint[entry.name] = entry.startTime;
    if (!('first-contentful-paint' in paint)) return false;
    document.fonts.ready.then(() => resolve(JSON.stringify({
      origin: performance.timeOrigin,
      paint: paint,
      fonts: [...document.fonts].map(face => face.family + ' ' + face.weight + ': ' + face.status)
    })));
    return true;
  };
  if (report()) return;
  new PerformanceObserver((list, observer) => {
    if (report()) observer.disconnect();
  }).observe({type: 'paint', buffered: true});
})
"""


class ChromiumError(Exception):
    """Chromium did not start, did not paint, or did not answer in time."""


@dataclass(frozen=True)
class ChromiumSample:
    """One timed start of Chromium."""

    seconds: float  # spawn to first contentful paint, by the page's own clock
    first_paint_seconds: float  # spawn to first paint (may be a background-only frame)
    answered_seconds: float  # spawn until the paint entry reached us (upper bound)
    tree_peak_rss_kib: int  # summed RSS of the process group, sampled
    peak_rss_kib: int  # the browser process's own peak RSS (kernel)
    pss_kib: int  # summed PSS of the group when the entry was read
    processes: int  # processes in the group at the sampled peak


def statement_html(content: Path, fonts: Path) -> str:
    """The statement as one static page, styled like the kiosk's statement screen."""
    from kiosk.content.loader import load_exhibit  # noqa: PLC0415 - pure Python, no Qt

    exhibit = load_exhibit(content)
    language = exhibit.settings.default_language
    colours, sizes = exhibit.settings.colours, exhibit.settings.type_sizes
    statement = exhibit.statement

    def text(value: object) -> str:
        return html.escape(value.text(language, language))  # type: ignore[attr-defined]

    faces = "\n".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; '
        f'src: url("{(fonts / file).as_uri()}") format("truetype"); }}'
        for family, weight, file in (
            ("Kiosk Serif", 400, "NotoSerif-Regular.ttf"),
            ("Kiosk Serif", 700, "NotoSerif-Bold.ttf"),
            ("Kiosk Sans", 400, "NotoSans-Regular.ttf"),
            ("Kiosk Sans", 700, "NotoSans-Bold.ttf"),
        )
    )
    paragraphs = "\n".join(f"<p>{text(paragraph)}</p>" for paragraph in statement.paragraphs)
    return f"""<!doctype html>
<html lang="{html.escape(language)}">
<head>
<meta charset="utf-8">
<title>{text(exhibit.settings.title)}</title>
<style>
{faces}
html, body {{ margin: 0; background: {colours.background}; color: {colours.text}; }}
main {{ max-width: 66ch; margin: 0 auto; padding: 48px 32px 96px;
       font: {sizes.body}px/1.45 "Kiosk Serif"; }}
.kicker {{ font: 700 {sizes.caption}px "Kiosk Sans"; letter-spacing: 0.12em;
          color: {colours.accent}; margin: 0; }}
h1 {{ font: 400 {sizes.heading}px/1.25 "Kiosk Serif"; margin: 16px 0; }}
.meta {{ font: 400 {sizes.caption}px "Kiosk Sans"; color: {colours.muted}; }}
hr {{ border: 0; height: 3px; background: {colours.accent}; }}
</style>
</head>
<body>
<main>
<p class="kicker">{text(statement.heading)}</p>
<h1>{text(statement.subtitle)}</h1>
<p class="meta">{text(statement.issuer)} &middot; {text(statement.date_text)}</p>
<hr>
{paragraphs}
</main>
</body>
</html>
"""


def write_page(folder: Path, content: Path, fonts: Path) -> Path:
    page = folder / "statement.html"
    page.write_text(statement_html(content, fonts), encoding="utf-8")
    return page


class DevToolsPipe:
    """The DevTools protocol over --remote-debugging-pipe: NUL-separated JSON messages."""

    def __init__(self, to_browser: int, from_browser: int) -> None:
        self._out, self._in = to_browser, from_browser
        self._buffer = b""
        self._next_id = 0

    def call(self, method: str, params: dict[str, object] | None = None, **extra: str) -> dict:  # type: ignore[type-arg]
        """Send one command and return its result, skipping events and other answers."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}, **extra}
        os.write(self._out, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._receive()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise ChromiumError(f"{method}: {answer['error']}")
                return answer.get("result", {})  # type: ignore[no-any-return]

    def _receive(self) -> dict:  # type: ignore[type-arg]
        while b"\0" not in self._buffer:
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                raise ChromiumError("the browser closed its DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)  # type: ignore[no-any-return]


def measure_once(binary: Path, page: Path, timeout_s: float, env: dict[str, str]) -> ChromiumSample:
    """Start Chromium on ``page`` in a fresh profile; time it to its first contentful paint."""
    profile = Path(tempfile.mkdtemp(prefix="kiosk-bench-chromium-"))
    to_browser_read, to_browser_write = os.pipe()
    from_browser_read, from_browser_write = os.pipe()

    def connect_pipe() -> None:  # in the child, before exec: fds 3 and 4 are the protocol's
        read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
        os.dup2(read_end, 3)
        os.dup2(write_end, 4)

    width, height = WINDOW_SIZE
    argv = [
        str(binary),
        *FLAGS,
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
        page.as_uri(),
    ]
    with tempfile.TemporaryFile() as stderr:
        wall_start = time.time()
        started = time.perf_counter()
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            env=env,
            pass_fds=(3, 4),
            preexec_fn=connect_pipe,  # noqa: PLW1509 - only dup2, no locks taken
            start_new_session=True,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        sampler = GroupMemorySampler(proc.pid).__enter__()
        timed_out = threading.Event()
        watchdog = threading.Timer(timeout_s, _kill_group, (proc.pid, timed_out))
        watchdog.start()
        try:
            devtools = DevToolsPipe(to_browser_write, from_browser_read)
            report = _paint_report(devtools, page.as_uri())
            answered = time.perf_counter()
            pss = pss_sum_kib(proc.pid)
            sampler.stop()
            peak_rss = _close_and_reap(devtools, proc)
        except (ChromiumError, OSError) as error:
            sampler.stop()
            _kill_group(proc.pid, None)
            proc.wait()
            stderr.seek(0)
            tail = stderr.read().decode("utf-8", "replace")[-STDERR_TAIL_CHARS:].rstrip()
            why = f"killed after {timeout_s:g} s" if timed_out.is_set() else str(error)
            raise ChromiumError(f"chromium ({binary}): {why}; its stderr:\n{tail}") from error
        finally:
            watchdog.cancel()
            os.close(to_browser_write)
            os.close(from_browser_read)
            shutil.rmtree(profile, ignore_errors=True)
    fonts = report["fonts"]
    # A face the page never uses stays "unloaded"; one that failed to load says "error".
    if not any(face.endswith(": loaded") for face in fonts) or any(
        face.endswith(": error") for face in fonts
    ):
        raise ChromiumError(f"chromium painted without the bundled fonts: {fonts}")
    origin_s = report["origin"] / 1000

    def since_spawn(name: str) -> float:
        return float(origin_s + report["paint"][name] / 1000 - wall_start)

    return ChromiumSample(
        seconds=since_spawn("first-contentful-paint"),
        first_paint_seconds=since_spawn("first-paint")
        if "first-paint" in report["paint"]
        else since_spawn("first-contentful-paint"),
        answered_seconds=answered - started,
        tree_peak_rss_kib=sampler.peak_kib,
        peak_rss_kib=peak_rss,
        pss_kib=pss,
        processes=sampler.peak_processes,
    )


def _paint_report(devtools: DevToolsPipe, url: str) -> dict:  # type: ignore[type-arg]
    """Attach to the page's target and wait for its first-contentful-paint entry."""
    while True:
        targets = devtools.call("Target.getTargets")["targetInfos"]
        pages = [t for t in targets if t["type"] == "page" and t["url"] == url]
        if pages:
            break
        time.sleep(0.005)  # the tab is not there yet
    attached = devtools.call(
        "Target.attachToTarget", {"targetId": pages[0]["targetId"], "flatten": True}
    )
    expression = PAINT_PROBE % json.dumps(url)
    while True:
        try:
            result = devtools.call(
                "Runtime.evaluate",
                {"expression": expression, "awaitPromise": True, "returnByValue": True},
                sessionId=attached["sessionId"],
            )
        except ChromiumError as error:
            # The blank document was replaced by the page while the probe ran in it.
            if "context" not in str(error).lower():
                raise
            result = {"result": {"value": "not-yet"}}
        value = result.get("result", {}).get("value")
        if value != "not-yet":
            break
        time.sleep(0.005)
    if not isinstance(value, str):
        raise ChromiumError(f"unexpected answer to the paint probe: {result}")
    return json.loads(value)  # type: ignore[no-any-return]


def _close_and_reap(devtools: DevToolsPipe, proc: subprocess.Popen[bytes]) -> int:
    """Ask the browser to quit and reap it: its own peak RSS in KiB (kernel accounting).

    Helper processes left behind are killed with the group after the browser has gone, or
    the whole group if the browser has not quit within CLOSE_TIMEOUT_S.
    """
    with contextlib.suppress(ChromiumError, OSError):  # it may close the pipe before answering
        devtools.call("Browser.close")
    deadline = time.monotonic() + CLOSE_TIMEOUT_S
    while True:
        # wait4 rather than Popen.poll(): it also returns this child's resource usage.
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid or time.monotonic() > deadline:
            break
        time.sleep(0.01)
    _kill_group(proc.pid, None)
    if not pid:
        pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return int(usage.ru_maxrss)


def _kill_group(pgid: int, flag: threading.Event | None) -> None:
    if flag is not None:
        flag.set()
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)
