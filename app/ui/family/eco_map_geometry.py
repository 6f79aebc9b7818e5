"""The geometry of the network picture (eco-map): the nodes, lines and sector arcs it is made
of, and the plain plane geometry the placement steps use (ellipses, overlaps, lines passing
under boxes, the detour a line takes around them). No Qt, no database.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.models.enums import Sector

# Node sizes in scene units (pixels at 100 %).
CENTRE_SIZE = (170.0, 70.0)
MEMBER_SIZE = (176.0, 44.0)
PROFESSIONAL_SIZE = (230.0, 52.0)
NODE_GAP = 10.0  # the least free space between two nodes
RING_GAP = 56.0  # the least free space between the family and the professionals
SECTOR_GAP = 0.5  # the gap between two sectors, in professional slots
CANVAS = (1100.0, 760.0)  # the nominal picture size the view lays out for (A4 landscape-like)
LABEL_MARGIN = (190.0, 40.0)  # room kept for the sector labels outside the ring


class NodeKind(StrEnum):
    CENTRE = "centre"
    MEMBER = "member"
    PROFESSIONAL = "professional"


CENTRE_KEY = "centre"


def member_key(citizen_id: int) -> str:
    return f"member:{citizen_id}"


def professional_key(professional_id: int) -> str:
    return f"professional:{professional_id}"


@dataclass(frozen=True, slots=True)
class EcoNode:
    """A node, given by its centre and size. ``angle`` is its parametric angle on the ellipse it
    sits on (radians from 3 o'clock, growing clockwise on screen because y grows downwards);
    the direction from the centre of the picture is atan2(y - cy, x - cx), in the same order."""

    key: str
    kind: NodeKind
    ref_id: int | None  # citizen id for members, professional id for professionals
    x: float
    y: float
    width: float
    height: float
    angle: float = 0.0
    sector: Sector | None = None

    @property
    def left(self) -> float:
        return self.x - self.width / 2

    @property
    def top(self) -> float:
        return self.y - self.height / 2

    @property
    def right(self) -> float:
        return self.x + self.width / 2

    @property
    def bottom(self) -> float:
        return self.y + self.height / 2

    def overlaps(self, other: EcoNode, gap: float = 0.0) -> bool:
        """Whether the two boxes, each grown by ``gap / 2`` on every side, intersect."""
        return (
            self.left - gap < other.right
            and other.left - gap < self.right
            and self.top - gap < other.bottom
            and other.top - gap < self.bottom
        )


@dataclass(frozen=True, slots=True)
class EcoEdge:
    """A line from a professional to a member, or to the centre (``network_only``)."""

    source: str  # a professional's key
    target: str  # a member's key or CENTRE_KEY
    professional_id: int
    citizen_id: int | None
    sector: Sector
    # Where a straight line would pass under another node of the family, the line bends
    # around it: a quadratic curve through this control point.
    control: tuple[float, float] | None = None

    @property
    def network_only(self) -> bool:
        return self.citizen_id is None


@dataclass(frozen=True, slots=True)
class SectorArc:
    """The angular sector of the outer ring one sector's professionals take.

    ``start`` and ``span`` are parametric angles of the ring's ellipse in radians (clockwise on
    screen); ``share`` is the part of the ring it takes, proportional to ``count``.
    ``band_start``/``band_end`` are the directions from the centre (screen angles, radians,
    band_start < band_end) the sector's boxes cover, for a background hugging them. The label is
    anchored at (``label_x``, ``label_y``), with ``label_align_x``/``label_align_y`` the part of
    the label's width/height that lies left of/above the anchor (0, 0.5 or 1), so the label
    always grows away from the ring.
    """

    sector: Sector
    start: float
    span: float
    count: int
    share: float
    band_start: float
    band_end: float
    label_x: float
    label_y: float
    label_align_x: float
    label_align_y: float

    @property
    def mid(self) -> float:
        return self.start + self.span / 2

    @property
    def end(self) -> float:
        return self.start + self.span


@dataclass(frozen=True, slots=True)
class EcoMapLayout:
    cx: float
    cy: float
    centre: EcoNode
    members: tuple[EcoNode, ...]
    professionals: tuple[EcoNode, ...]
    edges: tuple[EcoEdge, ...]
    arcs: tuple[SectorArc, ...]
    ring_radii: tuple[float, float]  # the ellipse the professionals' centres lie on (rx, ry)
    band_inner: tuple[float, float]  # the band behind the professionals, for sector backgrounds
    band_outer: tuple[float, float]
    bounds: tuple[float, float, float, float]  # left, top, width, height (with label margin)

    @property
    def nodes(self) -> tuple[EcoNode, ...]:
        return (self.centre, *self.members, *self.professionals)

    def node(self, key: str) -> EcoNode:
        for node in self.nodes:
            if node.key == key:
                return node
        raise KeyError(key)


def any_overlap(nodes: Sequence[EcoNode], others: Sequence[EcoNode], gap: float) -> bool:
    if others is nodes:
        return any(a.overlaps(b, gap) for a, b in itertools.combinations(nodes, 2))
    return any(a.overlaps(b, gap) for a in nodes for b in others)


def angle_distance(a: float, b: float) -> float:
    d = (a - b) % (2 * math.pi)
    return min(d, 2 * math.pi - d)


def circular_mean(angles: Iterable[float]) -> float | None:
    angles = list(angles)
    if not angles:
        return None
    s = sum(math.sin(a) for a in angles)
    c = sum(math.cos(a) for a in angles)
    if abs(s) < 1e-9 and abs(c) < 1e-9:
        return None
    return math.atan2(s, c)


def segment_hits(x1: float, y1: float, x2: float, y2: float, node: EcoNode, pad: float = 2.0) -> bool:
    """Whether the segment passes through ``node``'s box grown by ``pad`` (Liang–Barsky)."""
    dx, dy = x2 - x1, y2 - y1
    t0, t1 = 0.0, 1.0
    for p, q in (
        (-dx, x1 - (node.left - pad)),
        (dx, (node.right + pad) - x1),
        (-dy, y1 - (node.top - pad)),
        (dy, (node.bottom + pad) - y1),
    ):
        if p == 0:
            if q < 0:
                return False
            continue
        r = q / p
        if p < 0:
            if r > t1:
                return False
            t0 = max(t0, r)
        else:
            if r < t0:
                return False
            t1 = min(t1, r)
    return t0 <= t1


def ellipse_point(cx: float, cy: float, rx: float, ry: float, t: float) -> tuple[float, float]:
    return cx + rx * math.cos(t), cy + ry * math.sin(t)


def polar_radius(rx: float, ry: float, phi: float) -> float:
    """The distance from the centre to the ellipse (rx, ry) in the direction ``phi``."""
    return 1.0 / math.sqrt((math.cos(phi) / rx) ** 2 + (math.sin(phi) / ry) ** 2)


def detour(source: EcoNode, target: EcoNode, obstacles: Sequence[EcoNode]) -> tuple[float, float] | None:
    """A control point for a quadratic curve from ``source`` to ``target`` that passes under as
    few nodes as it can (the family's nodes count most), or None for a straight line."""
    x1, y1, x2, y2 = source.x, source.y, target.x, target.y

    def hits(points: Sequence[tuple[float, float]], pad: float) -> int:
        # Cheap box tests first: only nodes near the line, and only segments near the node.
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        left, right, top, bottom = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + pad
        segments = [
            (ax, ay, bx, by, min(ax, bx) - pad, max(ax, bx) + pad, min(ay, by) - pad, max(ay, by) + pad)
            for (ax, ay), (bx, by) in itertools.pairwise(points)
        ]
        score = 0
        for o in obstacles:
            if o.right < left or o.left > right or o.bottom < top or o.top > bottom:
                continue
            o_left, o_right, o_top, o_bottom = o.left, o.right, o.top, o.bottom
            for ax, ay, bx, by, s_left, s_right, s_top, s_bottom in segments:
                if o_right < s_left or o_left > s_right or o_bottom < s_top or o_top > s_bottom:
                    continue
                if segment_hits(ax, ay, bx, by, o, pad):
                    score += 10 if o.kind != NodeKind.PROFESSIONAL else 1
                    break
        return score

    best_score = hits([(x1, y1), (x2, y2)], 4.0)
    best: tuple[float, float] | None = None
    if best_score == 0:
        return None
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    # The bulge of the curve is half the control point's distance: keep it gentle.
    for distance in range(30, int(max(length * 0.6, 150)) + 1, 30):
        for sign in (1, -1):
            qx, qy = mx + sign * distance * nx, my + sign * distance * ny
            points = [
                (
                    (1 - t) ** 2 * x1 + 2 * (1 - t) * t * qx + t * t * x2,
                    (1 - t) ** 2 * y1 + 2 * (1 - t) * t * qy + t * t * y2,
                )
                for t in (i / 16 for i in range(17))
            ]
            score = hits(points, 6.0)
            if score < best_score:
                best, best_score = (qx, qy), score
                if score == 0:
                    return best
    return best


def ring_warp(aspect: float, box_width: float, box_height: float) -> Callable[[float], float]:
    """Map a position along the ring (0..1 from 12 o'clock, clockwise; wraps around) to the
    parametric angle of an ellipse (rx = aspect * ry), spending angle where boxes need room.

    At angle t the ellipse runs in the direction (ux, uy); two boxes side by side along it are
    clear of each other after min(w / |ux|, h / |uy|). The ellipse's speed there divided by that
    distance is how many boxes fit per radian, independent of the ellipse's size; positions are
    spread by it.
    """
    steps = 720
    top = -math.pi / 2
    fit = []
    for i in range(steps):
        t = top + 2 * math.pi * (i + 0.5) / steps
        dx, dy = -aspect * math.sin(t), math.cos(t)
        speed = math.hypot(dx, dy)
        ux, uy = abs(dx) / speed, abs(dy) / speed
        clear = min(box_width / ux if ux > 1e-9 else math.inf, box_height / uy if uy > 1e-9 else math.inf)
        fit.append(speed / clear)
    cumulative = [0.0, *itertools.accumulate(fit)]
    total = cumulative[-1]

    def warp(position: float) -> float:
        turns, fraction = divmod(position, 1.0)
        target = fraction * total
        i = min(bisect.bisect_right(cumulative, target) - 1, steps - 1)
        within = (target - cumulative[i]) / fit[i]
        return top + 2 * math.pi * (turns + (i + within) / steps)

    return warp
