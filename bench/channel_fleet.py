"""Benchmark: N simulated kiosks (processes of ``kiosk channel sync --once``, each its own
station) follow one channel served on loopback, first to v1, then to v2.  Prints the time
to converge, the bytes served, each round's peak memory, and the cost of a poll that finds
nothing new (a conditional request answered 304).

    python bench/channel_fleet.py [--kiosks 50] [--parallel 4] [--content DIR]

Everything stays on 127.0.0.1; every wait is bounded.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kiosk.channel.publish import publish
from kiosk.packs.build import build_pack
from kiosk.packs.keys import generate_keypair, load_private_key
from kiosk.packs.signing import sign_pack
from kiosk.paths import default_content_dir


class Served:
    def __init__(self) -> None:
        self.bytes = 0
        self.requests = 0
        self.lock = threading.Lock()


def serve(root: Path, served: Served) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = root / self.path.lstrip("/")
            if not path.is_file():
                self.send_error(404)
                return
            data = path.read_bytes()
            etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                data = b""
            else:
                self.send_response(200)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            with served.lock:
                served.bytes += len(data)
                served.requests += 1

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def one_kiosk(station: Path, url: str, pub: Path) -> tuple[int, float, int]:
    """(exit code, seconds, peak RSS in KiB) of one ``kiosk channel sync --once``."""
    env = dict(os.environ)
    env.update(
        KIOSK_DATA_DIR=str(station / "data"),
        KIOSK_CONFIG=str(station / "station.yaml"),
        KIOSK_TRUSTED_KEYS=str(pub),
        KIOSK_CHANNEL=url,
    )
    start = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "channel", "sync", "--once"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        assert process.stderr is not None
        sys.stderr.write(process.stderr.read().decode(errors="replace"))
    return process.returncode, time.monotonic() - start, usage.ru_maxrss


def round_of(stations: list[Path], url: str, pub: Path, parallel: int) -> dict[str, float]:
    start = time.monotonic()
    with ThreadPoolExecutor(parallel) as pool:
        results = list(pool.map(lambda s: one_kiosk(s, url, pub), stations))
    failed = sum(1 for code, _, _ in results if code)
    return {
        "seconds": time.monotonic() - start,
        "failed": failed,
        "slowest": max(seconds for _, seconds, _ in results),
        "peak_rss_mib": max(rss for _, _, rss in results) / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--parallel", type=int, default=4)
    parser.add_argument("--content", type=Path, default=default_content_dir())
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="channel-bench-"))
    try:
        key, pub, _ = generate_keypair(work / "publisher")
        packs = []
        for name in ("v1", "v2"):
            content = work / f"content-{name}"
            shutil.copytree(args.content, content)
            (content / "bench-note.txt").write_text(name)
            pack = work / f"{name}.pack"
            build_pack(content, pack)
            sign_pack(pack, load_private_key(key))
            packs.append(pack)
        channel = work / "channel"
        served = Served()
        httpd = serve(channel, served)
        url = f"http://127.0.0.1:{httpd.server_address[1]}/"
        stations = [work / f"kiosk-{n:03d}" for n in range(args.kiosks)]
        for station in stations:
            station.mkdir()
        print(f"{args.kiosks} kiosks, {args.parallel} at a time, pack {packs[0].stat().st_size} B")
        for label, pack in (("v1", packs[0]), ("v2", packs[1])):
            publish(pack, channel, key)
            before = served.bytes
            result = round_of(stations, url, pub, args.parallel)
            print(
                f"{label}: converged in {result['seconds']:.1f} s "
                f"(slowest kiosk {result['slowest']:.2f} s), failed {result['failed']:.0f}, "
                f"served {served.bytes - before} B, peak RSS {result['peak_rss_mib']:.0f} MiB"
            )
        before_bytes, before_requests = served.bytes, served.requests
        result = round_of(stations, url, pub, args.parallel)
        polls = served.requests - before_requests
        print(
            f"poll with nothing new: {(served.bytes - before_bytes) / max(polls, 1):.0f} B of "
            f"body per kiosk ({polls} requests), {result['seconds']:.1f} s for all"
        )
        httpd.shutdown()
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        print(f"CPU of all rounds: {children.ru_utime + children.ru_stime:.1f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
