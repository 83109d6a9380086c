"""Where each value and key of a content file stands (file:line:col), both ways: a finding's
place leads to its field, a field to its place.  Read by the kiosk's own reader from the text
as it would be saved, so the places are exactly those the findings name."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from kiosk.content.issues import Location
from kiosk.content.source import Mapping, Node, Sequence

Address = tuple[str | int, ...]


class Place(NamedTuple):
    location: Location
    rank: int  # at one location: a value (0) before a key (1), outer before inner
    address: Address


class Places:
    """Every value's and key's place in one file's text, both ways."""

    def __init__(self, values: dict[Address, Location], ordered: list[Place]) -> None:
        self.values = values
        self.ordered = ordered
        self.keys = [place.location for place in ordered]

    @classmethod
    def of(cls, name: str, tree: Node) -> Places:
        values: dict[Address, Location] = {}
        ordered: list[Place] = []
        for address, location, is_key in _walk_places((name,), tree):
            if not is_key:
                values[address] = location
            ordered.append(Place(location, 2 * len(address) + is_key, address))
        ordered.sort()
        return cls(values, ordered)

    def address_at(self, location: Location) -> Address | None:
        at = bisect_right(self.keys, location)
        if at == 0:
            return None
        found = self.ordered[at - 1].location
        # The first (outermost) of the places starting exactly there, or the last before it.
        first = at - 1
        while first > 0 and self.ordered[first - 1].location == found:
            first -= 1
        return self.ordered[first].address


def _walk_places(address: Address, node: Node) -> Iterator[tuple[Address, Location, bool]]:
    yield address, node.location, False
    if isinstance(node, Mapping):
        for key, child in node.entries.items():
            yield (*address, key), node.key_locations[key], True
            yield from _walk_places((*address, key), child)
    elif isinstance(node, Sequence):
        for index, child in enumerate(node.items):
            yield from _walk_places((*address, index), child)
