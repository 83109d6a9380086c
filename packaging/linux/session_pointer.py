"""Taps for the session test: a virtual pointer on a wlroots compositor's seat.

wlroots' headless backend has no input devices, and Debian 12's cage (0.1.4) offers no
protocol to make one; so the session test nests cage inside sway (headless), which offers
zwlr_virtual_pointer_manager_v1, and this client moves and clicks sway's pointer over
cage's window: cage gets real pointer events from its Wayland backend and passes them to
the kiosk, as it would a mouse or a single-touch screen's emulated pointer.

The Wayland wire protocol is small enough to speak directly (no compiled bindings): each
message is the object id, then the size and opcode in one word, then the arguments.

    python3 session_pointer.py SOCKET tap X Y [--hold SECONDS] [--times N] [--gap SECONDS]
"""

from __future__ import annotations

import argparse
import socket
import struct
import sys
import time

BTN_LEFT = 0x110
EXTENT = 10_000  # motion_absolute's coordinates are fractions of this
SETTLE_S = 0.5
NUDGE = 0.005


class Wire:
    def __init__(self, path: str) -> None:
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.socket.connect(path)
        self.buffer = b""
        self.next_id = 2

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    def send(self, target: int, opcode: int, *args: int | str) -> None:
        body = b""
        for arg in args:
            if isinstance(arg, str):
                data = arg.encode() + b"\0"
                body += struct.pack("<I", len(data)) + data + b"\0" * (-len(data) % 4)
            else:
                body += struct.pack("<I", arg & 0xFFFFFFFF)
        self.socket.sendall(struct.pack("<II", target, (8 + len(body)) << 16 | opcode) + body)

    def events(self) -> list[tuple[int, int, bytes]]:
        """Every whole event received so far (waits for at least one)."""
        self.buffer += self.socket.recv(65536)
        found = []
        while len(self.buffer) >= 8:
            target, word = struct.unpack_from("<II", self.buffer)
            size = word >> 16
            if len(self.buffer) < size:
                break
            found.append((target, word & 0xFFFF, self.buffer[8:size]))
            self.buffer = self.buffer[size:]
        return found

    def roundtrip(self) -> list[tuple[int, int, bytes]]:
        callback = self.new_id()
        self.send(1, 0, callback)  # wl_display.sync
        seen: list[tuple[int, int, bytes]] = []
        while True:
            for event in self.events():
                if event[0] == 1 and event[1] == 0:  # wl_display.error
                    raise SystemExit(f"session_pointer: protocol error {event[2]!r}")
                seen.append(event)
                if event[0] == callback:
                    return seen


def _string(data: bytes, offset: int) -> tuple[str, int]:
    (length,) = struct.unpack_from("<I", data, offset)
    text = data[offset + 4 : offset + 4 + length - 1].decode()
    return text, offset + 4 + length + (-length % 4)


class Pointer:
    def __init__(self, path: str) -> None:
        self.wire = Wire(path)
        registry = self.wire.new_id()
        self.wire.send(1, 1, registry)  # wl_display.get_registry
        globals_: dict[str, tuple[int, int]] = {}
        for target, opcode, data in self.wire.roundtrip():
            if target == registry and opcode == 0:
                (name,) = struct.unpack_from("<I", data)
                interface, offset = _string(data, 4)
                (version,) = struct.unpack_from("<I", data, offset)
                globals_[interface] = (name, version)
        if "zwlr_virtual_pointer_manager_v1" not in globals_:
            raise SystemExit("session_pointer: the compositor offers no virtual pointer")
        seat = self.bind(registry, globals_, "wl_seat", 1)
        manager = self.bind(registry, globals_, "zwlr_virtual_pointer_manager_v1", 1)
        self.pointer = self.wire.new_id()
        self.wire.send(manager, 0, seat, self.pointer)  # create_virtual_pointer
        self.wire.roundtrip()

    def bind(
        self, registry: int, globals_: dict[str, tuple[int, int]], name: str, version: int
    ) -> int:
        new = self.wire.new_id()
        self.wire.send(registry, 0, globals_[name][0], name, version, new)
        return new

    def now(self) -> int:
        return int(time.monotonic() * 1000) & 0xFFFFFFFF

    def move(self, x: float, y: float) -> None:
        """To a point given as fractions of the output's width and height."""
        position = round(x * EXTENT), round(y * EXTENT)
        self.wire.send(self.pointer, 1, self.now(), *position, EXTENT, EXTENT)
        self.wire.send(self.pointer, 4)  # frame
        self.wire.roundtrip()

    def button(self, pressed: bool) -> None:
        self.wire.send(self.pointer, 2, self.now(), BTN_LEFT, 1 if pressed else 0)
        self.wire.send(self.pointer, 4)
        self.wire.roundtrip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("socket")
    parser.add_argument("x", type=float, help="fraction of the width")
    parser.add_argument("y", type=float, help="fraction of the height")
    parser.add_argument("--times", type=int, default=1)
    parser.add_argument("--gap", type=float, default=0.2)
    parser.add_argument("--hold", type=float, default=0.05, help="the last press, seconds")
    args = parser.parse_args(argv)
    pointer = Pointer(args.socket)
    # The new pointer reaches the nested cage a moment later (a seat capability, then its
    # own wl_pointer), and cage's Wayland backend takes its position from motion events,
    # not from the pointer's entry: so wait, and arrive at the point by moving.
    time.sleep(SETTLE_S)
    pointer.move(args.x - NUDGE, args.y + NUDGE)
    time.sleep(SETTLE_S)
    pointer.move(args.x, args.y)
    time.sleep(args.gap)
    for index in range(args.times):
        pointer.button(True)
        time.sleep(args.hold if index == args.times - 1 else 0.05)
        pointer.button(False)
        time.sleep(args.gap)
    return 0


if __name__ == "__main__":
    sys.exit(main())
