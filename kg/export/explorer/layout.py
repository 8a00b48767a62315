"""Deterministic layouts computed before the page opens: same view, same picture.

A radial tree places the nodes of ``View.tree`` (governments grouped by
province and prefecture, or a report and what it names, or places and their
organs) around circles, each subtree in its own arc. In the cited-across view
the regulations and initiatives, which are not in the tree, go inside the ring
towards the governments that cite them, the most cited nearest the centre; a
spiral search on a grid keeps them from overlapping. No randomness, no physics.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

Point = tuple[int, int]


def _leaves(tree: Mapping[str, tuple[str, ...]], root: str) -> list[tuple[str, int]]:
    """(key, depth) of every node in depth-first order (iterative: trees can be deep)."""
    out: list[tuple[str, int]] = []
    stack = [(k, 0) for k in reversed(tree.get(root, ()))]
    while stack:
        key, depth = stack.pop()
        out.append((key, depth))
        stack.extend((k, depth + 1) for k in reversed(tree.get(key, ())))
    return out


def radial_tree(
    tree: Mapping[str, tuple[str, ...]],
    spacing: float = 70.0,
    step: float = 260.0,
    ring: bool = False,
) -> dict[str, tuple[float, float, float]]:
    """Angle, radius and depth of every node of ``tree`` (``""`` is the root).

    Leaves take one slot each around the circle in depth-first order, with one
    empty slot between top-level subtrees; a parent sits at the middle angle of
    its leaves. With ``ring`` every node is on one circle (folded groups stand
    where their members would be); otherwise the radius grows with depth. A
    single top-level node is put at the centre.
    """
    order = _leaves(tree, "")
    if not order:
        return {}
    tops = tree.get("", ())
    centre = len(tops) == 1 and not ring
    slot: dict[str, float] = {}
    span: dict[str, tuple[float, float]] = {}
    n = 0.0
    for key, depth in order:
        if depth == 0 and n > 0 and len(tops) > 1:
            n += 1.0  # a gap between provinces (or other top-level groups)
        if not tree.get(key):
            slot[key] = n
            n += 1.0
    total = max(n, 1.0)
    for key, _ in reversed(order):
        kids = tree.get(key, ())
        if kids:
            first, last = span[kids[0]], span[kids[-1]]
            span[key] = (first[0], last[1])
        else:
            span[key] = (slot[key], slot[key])
    max_depth = max(d for _, d in order) + (0 if centre else 1)
    needed = total * spacing / (2 * math.pi)
    out: dict[str, tuple[float, float, float]] = {}
    for key, depth in order:
        a, b = span[key]
        angle = 2 * math.pi * ((a + b) / 2) / total
        if ring:
            radius = max(needed, step)
        else:
            level = depth if centre else depth + 1
            radius = level * max(step, needed / max(max_depth, 1))
        out[key] = (angle, radius, float(depth))
    return out


def to_xy(polar: Mapping[str, tuple[float, float, float]]) -> dict[str, Point]:
    """Cartesian integer positions (y grows downwards, angle 0 at the top)."""
    return {k: (round(r * math.sin(a)), round(-r * math.cos(a))) for k, (a, r, _) in polar.items()}


class _Grid:
    """Placed points hashed into cells of ``size``, for fast "is anything near" checks."""

    def __init__(self, size: float) -> None:
        self.size = size
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = {}

    def free(self, x: float, y: float) -> bool:
        cx, cy = int(x // self.size), int(y // self.size)
        limit = self.size * self.size
        for i in (cx - 1, cx, cx + 1):
            for j in (cy - 1, cy, cy + 1):
                for px, py in self.cells.get((i, j), ()):
                    if (px - x) ** 2 + (py - y) ** 2 < limit:
                        return False
        return True

    def add(self, x: float, y: float) -> None:
        self.cells.setdefault((int(x // self.size), int(y // self.size)), []).append((x, y))


def inside(
    anchors: Mapping[str, Point],
    members: Iterable[tuple[str, int, Iterable[tuple[str, int]]]],
    radius: float,
    spacing: float = 70.0,
) -> dict[str, Point]:
    """Positions inside a ring of ``radius`` for nodes pulled towards their anchors.

    ``members`` are (key, weight, [(anchor key, strength)]) in drawing priority
    order; a node goes at the weighted mean direction of its anchors, nearer the
    centre the heavier it is, then spirals out to the first free spot.
    """
    items = list(members)
    if not items:
        return {}
    weights = [w for _, w, _ in items]
    low, high = min(weights), max(weights)
    grid = _Grid(spacing)
    for x, y in anchors.values():
        grid.add(x, y)
    out: dict[str, Point] = {}
    for key, weight, pulls in items:
        sx = sy = 0.0
        for anchor, strength in pulls:
            if anchor in anchors:
                ax, ay = anchors[anchor]
                norm = math.hypot(ax, ay) or 1.0
                sx += strength * ax / norm
                sy += strength * ay / norm
        angle = math.atan2(sy, sx) if (sx or sy) else 0.0
        share = (weight - low) / (high - low) if high > low else 0.5
        # Direction strength: a node pulled evenly from all sides belongs at the centre.
        pull = math.hypot(sx, sy) / max(sum(s for _, s in pulls), 1)
        r = radius * (0.12 + 0.7 * (1 - share)) * (0.35 + 0.65 * pull)
        x, y = r * math.cos(angle), r * math.sin(angle)
        step = 0
        while not grid.free(x, y):
            step += 1
            # Vogel's spiral: evenly spread candidates, nearest first.
            off, turn = spacing * 0.5 * math.sqrt(step), step * 2.39996
            x = r * math.cos(angle) + off * math.cos(turn)
            y = r * math.sin(angle) + off * math.sin(turn)
        grid.add(x, y)
        out[key] = (round(x), round(y))
    return out
