"""Benchmark: does following a channel grow memory?  Runs ``sync_once`` many times in one
process against a channel on loopback (after the first install, every poll is a
conditional request answered 304), and prints resident memory and CPU per round.

    python bench/channel_poll_memory.py [--rounds 2000]

2000 rounds are about a week of polls at the default 300 s (an hour is 12).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path


def rss_kib() -> int:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="channel-poll-"))
    os.environ["KIOSK_DATA_DIR"] = str(work / "data")
    os.environ["KIOSK_CONFIG"] = str(work / "station.yaml")
    # Imported after the environment names this station's folders.
    from channel_fleet import Served, serve  # noqa: PLC0415
    from kiosk.channel.publish import publish  # noqa: PLC0415
    from kiosk.channel.settings import ChannelSettings  # noqa: PLC0415
    from kiosk.channel.sync import sync_once  # noqa: PLC0415
    from kiosk.packs.build import build_pack  # noqa: PLC0415
    from kiosk.packs.keys import generate_keypair, load_private_key  # noqa: PLC0415
    from kiosk.packs.signing import sign_pack  # noqa: PLC0415
    from kiosk.packs.trust import add_key  # noqa: PLC0415
    from kiosk.paths import default_content_dir  # noqa: PLC0415

    try:
        key, pub, _ = generate_keypair(work / "publisher")
        add_key(pub)
        pack = work / "v1.pack"
        build_pack(default_content_dir(), pack)
        sign_pack(pack, load_private_key(key))
        channel = work / "channel"
        publish(pack, channel, key)
        served = Served()
        httpd = serve(channel, served)
        settings = ChannelSettings(location=f"http://127.0.0.1:{httpd.server_address[1]}/")
        first = sync_once(settings)
        assert first.result == "installed", first.message
        marks = {}
        cpu_start, wall_start = time.process_time(), time.monotonic()
        for number in range(1, args.rounds + 1):
            outcome = sync_once(settings)
            assert outcome.result == "up-to-date", outcome.message
            if number in (10, 100, args.rounds // 2, args.rounds):
                marks[number] = rss_kib()
        cpu = time.process_time() - cpu_start
        wall = time.monotonic() - wall_start
        httpd.shutdown()
        print(f"{args.rounds} polls: {cpu / args.rounds * 1000:.2f} ms CPU and "
              f"{wall / args.rounds * 1000:.2f} ms each; {served.requests} requests")  # fmt: skip
        for number, kib in marks.items():
            print(f"  after {number:5d} polls: RSS {kib / 1024:.1f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
