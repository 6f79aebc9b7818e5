"""The network picture of a case (eco-map, "netværkskort"): the family in the middle, the
professionals around it grouped by sector, lines from each professional to the members they
work with.

``eco_map_layout`` is plain geometry on the read model (no Qt application needed to call it);
``EcoMapView`` draws it in a QGraphicsScene and exports it as PNG or SVG. No database access.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.models.enums import Sector
from app.services.common.clock import local_today
from app.services.family.family_overview import FamilyOverview, ProfessionalInfo
from app.store.safe_files import write_atomic
from app.ui.common.labels import label

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


def _any_overlap(nodes: Sequence[EcoNode], others: Sequence[EcoNode], gap: float) -> bool:
    if others is nodes:
        return any(a.overlaps(b, gap) for a, b in itertools.combinations(nodes, 2))
    return any(a.overlaps(b, gap) for a in nodes for b in others)


def _angle_distance(a: float, b: float) -> float:
    d = (a - b) % (2 * math.pi)
    return min(d, 2 * math.pi - d)


def _circular_mean(angles: Iterable[float]) -> float | None:
    angles = list(angles)
    if not angles:
        return None
    s = sum(math.sin(a) for a in angles)
    c = sum(math.cos(a) for a in angles)
    if abs(s) < 1e-9 and abs(c) < 1e-9:
        return None
    return math.atan2(s, c)


def _segment_hits(x1: float, y1: float, x2: float, y2: float, node: EcoNode, pad: float = 2.0) -> bool:
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


def _ellipse_point(cx: float, cy: float, rx: float, ry: float, t: float) -> tuple[float, float]:
    return cx + rx * math.cos(t), cy + ry * math.sin(t)


def polar_radius(rx: float, ry: float, phi: float) -> float:
    """The distance from the centre to the ellipse (rx, ry) in the direction ``phi``."""
    return 1.0 / math.sqrt((math.cos(phi) / rx) ** 2 + (math.sin(phi) / ry) ** 2)


def _detour(source: EcoNode, target: EcoNode, obstacles: Sequence[EcoNode]) -> tuple[float, float] | None:
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
                if _segment_hits(ax, ay, bx, by, o, pad):
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


def _ring_warp(aspect: float, box_width: float, box_height: float) -> Callable[[float], float]:
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


_CROSSING_PENALTY = 2.5  # a line under another member costs as much as 2.5 radians of detour


def eco_map_layout(
    overview: FamilyOverview, width: float = CANVAS[0], height: float = CANVAS[1]
) -> EcoMapLayout:
    """Place the family in the middle of a ``width`` x ``height`` picture and the professionals
    on an ellipse around it, sector by sector in the order of the Sector enum, clockwise from
    12 o'clock. Each sector takes a contiguous arc, a share of the ring proportional to its
    number of professionals (the arc's angle also depends on where on the ellipse it lies: the
    boxes are wide, so neighbours at the top and bottom need more angle than at the sides).

    The members sit on a small ellipse around the centre, each turned towards the professionals
    it is linked with (fewest lines passing under other nodes); within a sector, the
    professionals follow the direction of their members. The picture grows beyond ``width`` x
    ``height`` when the nodes would otherwise overlap. Angles are parametric angles along the
    ellipses, in radians, growing clockwise on screen (y grows downwards).
    """
    cx, cy = width / 2, height / 2
    cw, ch = CENTRE_SIZE
    mw, mh = MEMBER_SIZE
    pw, ph = PROFESSIONAL_SIZE
    centre = EcoNode(CENTRE_KEY, NodeKind.CENTRE, overview.summary.id, cx, cy, cw, ch)

    # --- the sectors: enum order, one slot per professional, half a slot between two sectors.
    # Slots are equal shares of the ring, and a share is wider in angle where the boxes need
    # more room (at the top and bottom of the ellipse, where neighbours sit side by side).
    aspect = min(max(width / height if height > 0 else 1.0, 1.0), 1.6)
    warp = _ring_warp(aspect, pw + NODE_GAP, ph + NODE_GAP)
    sector_order = {sector: i for i, sector in enumerate(Sector)}
    by_sector: dict[Sector, list[ProfessionalInfo]] = defaultdict(list)
    for pro in overview.professionals:
        by_sector[pro.sector].append(pro)
    sectors = sorted(by_sector, key=sector_order.__getitem__)
    count = len(overview.professionals)
    gap = SECTOR_GAP if len(sectors) > 1 else 0.0
    unit = 1.0 / (count + gap * len(sectors)) if count else 0.0
    arc_spans: list[tuple[Sector, float, float, float]] = []  # sector, start, span, share
    slot_angles: dict[Sector, list[float]] = {}
    position = -unit / 2  # the first professional sits at 12 o'clock
    for sector in sectors:
        n = len(by_sector[sector])
        start, end = warp(position), warp(position + n * unit)
        arc_spans.append((sector, start, end - start, n * unit))
        slot_angles[sector] = [warp(position + (i + 0.5) * unit) for i in range(n)]
        position += (n + gap) * unit

    # --- the members' ellipse: as tight as the boxes allow, for every turn tried below.
    members = list(overview.members)
    member_ids = [m.citizen_id for m in members]
    m_count = len(members)
    step = 2 * math.pi / max(m_count, 1)
    turns = (0.0, step / 2) if m_count else (0.0,)
    member_aspect = 2.4
    m_ry = ch / 2 + mh / 2 + NODE_GAP

    def member_slots(turn: float, ry: float) -> list[EcoNode]:
        nodes = []
        for i in range(m_count):
            t = -math.pi / 2 + turn + i * step
            x, y = _ellipse_point(cx, cy, ry * member_aspect, ry, t)
            nodes.append(EcoNode("", NodeKind.MEMBER, None, x, y, mw, mh, t))
        return nodes

    for _ in range(400):
        if all(
            not _any_overlap(slots, slots, NODE_GAP) and not _any_overlap(slots, [centre], NODE_GAP)
            for slots in (member_slots(turn, m_ry) for turn in turns)
        ):
            break
        m_ry *= 1.05
    inner_extent = [centre, *(node for turn in turns for node in member_slots(turn, m_ry))]

    # --- the professionals' ellipse: fill the canvas, grow until no box touches another one
    # or the family.
    # A few professionals sit closer in (bigger when fitted into the view); more use the height.
    ry = max((height - 2 * LABEL_MARGIN[1] - ph) / 2 * min(1.0, 0.55 + 0.075 * count), 1.0)
    flat_angles = [a for sector in sectors for a in slot_angles[sector]]
    for _ in range(400):
        trial = [
            EcoNode("", NodeKind.PROFESSIONAL, None, *_ellipse_point(cx, cy, ry * aspect, ry, a), pw, ph, a)
            for a in flat_angles
        ]
        if not _any_overlap(trial, trial, NODE_GAP) and not _any_overlap(trial, inner_extent, RING_GAP):
            break
        ry *= 1.04
    rx = ry * aspect

    def place_professionals(order: dict[Sector, list[ProfessionalInfo]]) -> dict[int, EcoNode]:
        placed = {}
        for sector in sectors:
            for pro, a in zip(order[sector], slot_angles[sector], strict=True):
                x, y = _ellipse_point(cx, cy, rx, ry, a)
                placed[pro.id] = EcoNode(
                    professional_key(pro.id), NodeKind.PROFESSIONAL, pro.id, x, y, pw, ph, a, sector
                )
        return placed

    known = set(member_ids)

    def place_members(pro_nodes: dict[int, EcoNode]) -> dict[int, EcoNode]:
        """Try both turns of the ring and every order of the members (or, for big families,
        the members sorted by the direction of their professionals in every rotation)."""
        best: tuple[float, float, list[int]] | None = None
        for turn in turns:
            slots = member_slots(turn, m_ry)
            slot_angle = [math.atan2(n.y - cy, n.x - cx) for n in slots]
            # cost[member][slot]: detour plus lines passing under the other nodes of the family
            cost = {cid: [0.0] * m_count for cid in member_ids}
            fixed = 0.0
            for pro in overview.professionals:
                node = pro_nodes[pro.id]
                linked = pro.member_ids & known
                if not linked:  # a line to the centre: count the member boxes it passes under
                    fixed += _CROSSING_PENALTY * sum(_segment_hits(node.x, node.y, cx, cy, s) for s in slots)
                for j, slot in enumerate(slots):
                    obstacles = [centre, *(s for k, s in enumerate(slots) if k != j)]
                    hits = sum(_segment_hits(node.x, node.y, slot.x, slot.y, o) for o in obstacles)
                    pro_angle = math.atan2(node.y - cy, node.x - cx)
                    for cid in linked:
                        cost[cid][j] += _angle_distance(pro_angle, slot_angle[j]) + _CROSSING_PENALTY * hits
            if m_count <= 7:
                orders: Iterable[Sequence[int]] = itertools.permutations(range(m_count))
            else:
                means = {
                    cid: _circular_mean(
                        math.atan2(pro_nodes[p.id].y - cy, pro_nodes[p.id].x - cx)
                        for p in overview.professionals
                        if cid in p.member_ids
                    )
                    for cid in member_ids
                }
                ranked = sorted(
                    range(m_count),
                    key=lambda i: (
                        means[member_ids[i]] is None,
                        ((means[member_ids[i]] or 0.0) + math.pi / 2) % (2 * math.pi),
                    ),
                )
                orders = [ranked[i:] + ranked[:i] for i in range(m_count)]
            for order in orders:  # order[j] = index of the member in slot j
                total = fixed + sum(cost[member_ids[i]][j] for j, i in enumerate(order))
                if best is None or total < best[0] - 1e-9:
                    best = (total, turn, [member_ids[i] for i in order])
        if best is None:
            return {}
        _, turn, order = best
        return {
            cid: EcoNode(member_key(cid), NodeKind.MEMBER, cid, slot.x, slot.y, mw, mh, slot.angle)
            for cid, slot in zip(order, member_slots(turn, m_ry), strict=True)
        }

    pro_nodes = place_professionals(by_sector)
    member_nodes = place_members(pro_nodes)

    # Within a sector, professionals follow the direction of their members (fewer crossings);
    # then the members are placed once more for that order.
    def toward(pro: ProfessionalInfo, mid: float) -> float:
        mean = _circular_mean(
            math.atan2(member_nodes[m].y - cy, member_nodes[m].x - cx) for m in pro.member_ids & known
        )
        if mean is None:
            return 0.0
        return (mean - mid + math.pi) % (2 * math.pi) - math.pi

    reordered = {}
    for sector, start, span, _ in arc_spans:
        x, y = _ellipse_point(cx, cy, rx, ry, start + span / 2)
        mid = math.atan2(y - cy, x - cx)
        reordered[sector] = sorted(by_sector[sector], key=lambda p, mid=mid: toward(p, mid))
    pro_nodes = place_professionals(reordered)
    member_nodes = place_members(pro_nodes)

    edges: list[EcoEdge] = []
    ordered_pros = [pro for sector in sectors for pro in reordered[sector]]
    every_node = [centre, *member_nodes.values(), *pro_nodes.values()]
    for pro in ordered_pros:
        key = professional_key(pro.id)
        source = pro_nodes[pro.id]
        linked = [cid for cid in member_ids if cid in pro.member_ids]
        targets = [(CENTRE_KEY, None, centre)] if not linked else []
        targets += [(member_key(cid), cid, member_nodes[cid]) for cid in linked]
        for target_key, cid, target in targets:
            obstacles = [n for n in every_node if n is not target and n is not source]
            control = _detour(source, target, obstacles)
            edges.append(EcoEdge(key, target_key, pro.id, cid, pro.sector, control))

    # --- the band behind the professionals (two ellipses of one shape, so the ends of the
    # sector backgrounds point at the centre); the labels sit just outside it.
    pros_placed = [pro_nodes[pro.id] for pro in ordered_pros]
    ox, oy = rx + pw / 2 + 14.0, ry + ph / 2 + 14.0
    outer_scale, inner_scale = 1.0, 1.0
    for node in pros_placed:
        corners = (
            (node.left, node.top),
            (node.right, node.top),
            (node.left, node.bottom),
            (node.right, node.bottom),
        )
        outer_scale = max(outer_scale, *(math.hypot((x - cx) / ox, (y - cy) / oy) for x, y in corners))
        nearest_x = min(max(cx, node.left), node.right)
        nearest_y = min(max(cy, node.top), node.bottom)
        inner_scale = min(inner_scale, math.hypot((nearest_x - cx) / ox, (nearest_y - cy) / oy))
    band_outer = (ox * outer_scale + 4.0, oy * outer_scale + 4.0)
    shrink = max(inner_scale - 24.0 / oy, 0.05)
    band_inner = (ox * shrink, oy * shrink)

    def direction(t: float) -> float:
        x, y = _ellipse_point(cx, cy, rx, ry, t)
        return math.atan2(y - cy, x - cx)

    def unwrap(phi: float, around: float) -> float:
        return around + (phi - around + math.pi) % (2 * math.pi) - math.pi

    arcs: list[SectorArc] = []
    for sector, start, span, share in arc_spans:
        mid = direction(start + span / 2)
        lo, hi = unwrap(direction(start), mid), unwrap(direction(start + span), mid)
        if span >= 2 * math.pi - 1e-9:
            lo, hi = mid - math.pi, mid + math.pi
        covered = [
            unwrap(math.atan2(y - cy, x - cx), mid)
            for node in pros_placed
            if node.sector == sector
            for x, y in (
                (node.left, node.top),
                (node.right, node.top),
                (node.left, node.bottom),
                (node.right, node.bottom),
            )
        ]
        band_lo, band_hi = max(lo, min(covered) - 0.05), min(hi, max(covered) + 0.05)
        phi = (band_lo + band_hi) / 2
        r = polar_radius(*band_outer, phi) + 8.0
        c, s = math.cos(phi), math.sin(phi)
        arcs.append(
            SectorArc(
                sector,
                start,
                span,
                len(by_sector[sector]),
                share,
                band_lo,
                band_hi,
                cx + r * c,
                cy + r * s,
                0.5 if abs(c) < 0.25 else (0.0 if c > 0 else 1.0),
                0.5 if abs(s) < 0.25 else (0.0 if s > 0 else 1.0),
            )
        )

    members_placed = tuple(member_nodes[cid] for cid in member_ids)
    all_nodes = [centre, *members_placed, *pros_placed]
    if pros_placed:
        left, right = cx - band_outer[0] - LABEL_MARGIN[0], cx + band_outer[0] + LABEL_MARGIN[0]
        top, bottom = cy - band_outer[1] - LABEL_MARGIN[1], cy + band_outer[1] + LABEL_MARGIN[1]
    else:
        left, right = min(n.left for n in all_nodes), max(n.right for n in all_nodes)
        top, bottom = min(n.top for n in all_nodes), max(n.bottom for n in all_nodes)
    left, top = min(left, 0.0), min(top, 0.0)
    right, bottom = max(right, width), max(bottom, height)
    return EcoMapLayout(
        cx=cx,
        cy=cy,
        centre=centre,
        members=members_placed,
        professionals=tuple(pros_placed),
        edges=tuple(edges),
        arcs=tuple(arcs),
        ring_radii=(rx, ry),
        band_inner=band_inner,
        band_outer=band_outer,
        bounds=(left, top, right - left, bottom - top),
    )


# --- drawing -------------------------------------------------------------------------------

# Okabe–Ito hues (distinguishable with the common colour-vision deficiencies), used as light
# fills with a stronger border, so the picture prints well in colour and in grey.
SECTOR_COLOURS: dict[Sector, str] = {
    Sector.SOCIAL_CHILDREN: "#E69F00",  # orange
    Sector.SOCIAL_ADULTS: "#CC79A7",  # reddish purple
    Sector.EMPLOYMENT: "#0072B2",  # blue
    Sector.HEALTH: "#009E73",  # bluish green
    Sector.EDUCATION: "#56B4E9",  # sky blue
    Sector.DAYCARE: "#D9C200",  # yellow, darkened to show on white
    Sector.YOUTH: "#D55E00",  # vermillion
    Sector.ELDERLY: "#8C6BB1",  # violet
    Sector.OTHER: "#8A8A8A",  # grey
}
INK = QColor("#1F2933")
MUTED_INK = QColor("#52606D")


def sector_colour(sector: Sector) -> QColor:
    return QColor(SECTOR_COLOURS.get(sector, SECTOR_COLOURS[Sector.OTHER]))


def _mix(colour: QColor, other: QColor, amount: float) -> QColor:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    return QColor.fromRgbF(
        colour.redF() + (other.redF() - colour.redF()) * amount,
        colour.greenF() + (other.greenF() - colour.greenF()) * amount,
        colour.blueF() + (other.blueF() - colour.blueF()) * amount,
    )


def _tint(colour: QColor, amount: float) -> QColor:
    return _mix(colour, QColor(Qt.GlobalColor.white), amount)


def _shade(colour: QColor, amount: float) -> QColor:
    return _mix(colour, QColor(Qt.GlobalColor.black), amount)


def _font(base: QFont, pixels: int, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def _wrap(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> list[str]:
    """Break ``text`` at spaces into at most ``max_lines`` lines; the last one is elided."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines.append(" ".join(words))
    return [metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines] or [""]


class NodeItem(QGraphicsItem):
    """A box (rounded rectangle or ellipse) with one or more lines of text."""

    def __init__(
        self,
        rect: QRectF,
        *,
        fill: QColor,
        border: QColor,
        lines: Sequence[tuple[str, QFont, QColor]],
        ellipse: bool = False,
        accent: QColor | None = None,
        align_left: bool = False,
        border_width: float = 1.5,
    ) -> None:
        super().__init__()
        self._rect = rect
        self._fill = fill
        self._border = border
        self._ellipse = ellipse
        self._accent = accent
        self._align_left = align_left
        self._border_width = border_width
        self._lines = list(lines)
        self.texts: list[str] = [text for text, _, _ in self._lines]

    def boundingRect(self) -> QRectF:
        half = self._border_width / 2 + 1
        return self._rect.adjusted(-half, -half, half, half)

    def _outline(self) -> QPainterPath:
        path = QPainterPath()
        if self._ellipse:
            path.addEllipse(self._rect)
        else:
            path.addRoundedRect(self._rect, 8.0, 8.0)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        outline = self._outline()
        painter.setPen(QPen(self._border, self._border_width))
        painter.setBrush(QBrush(self._fill))
        painter.drawPath(outline)
        text_left = self._rect.left() + 12
        if self._accent is not None:
            strip = QPainterPath()
            strip.addRect(QRectF(self._rect.left(), self._rect.top(), 7.0, self._rect.height()))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(self._accent))
            painter.drawPath(outline.intersected(strip))
            text_left += 6
        heights = [QFontMetricsF(font).height() for _, font, _ in self._lines]
        y = self._rect.center().y() - sum(heights) / 2
        for (text, font, colour), height in zip(self._lines, heights, strict=True):
            painter.setFont(font)
            painter.setPen(colour)
            if self._align_left:
                box = QRectF(text_left, y, self._rect.right() - 10 - text_left, height)
                painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            else:
                box = QRectF(self._rect.left() + 8, y, self._rect.width() - 16, height)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
            y += height


class EcoMapView(QGraphicsView):
    """The eco-map of one case; ``show_overview`` draws it, ``export_png``/``export_svg`` save it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ecoMap")
        self._scene = QGraphicsScene(self)
        self._scene.setBackgroundBrush(QBrush(Qt.GlobalColor.white))
        self.setScene(self._scene)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumSize(240, 180)
        self.overview: FamilyOverview | None = None
        self.layout_result: EcoMapLayout | None = None
        self.centre_item: NodeItem | None = None
        self.member_items: dict[int, NodeItem] = {}
        self.professional_items: dict[int, NodeItem] = {}
        self.edge_items: list[QGraphicsPathItem] = []
        self.sector_items: dict[Sector, QGraphicsSimpleTextItem] = {}
        self.empty_item: QGraphicsSimpleTextItem | None = None

    # --- building -------------------------------------------------------------------------

    def clear(self) -> None:
        self._scene.clear()
        self.overview = None
        self.layout_result = None
        self.centre_item = None
        self.member_items = {}
        self.professional_items = {}
        self.edge_items = []
        self.sector_items = {}
        self.empty_item = None
        self._scene.setSceneRect(QRectF())

    def show_overview(self, overview: FamilyOverview, today: date | None = None) -> None:
        self.clear()
        self.overview = overview
        today = today or local_today()
        layout = eco_map_layout(overview, *CANVAS)
        self.layout_result = layout
        base = self.font()
        scene = self._scene

        # Faint sector backgrounds behind everything.
        for arc in layout.arcs:
            colour = sector_colour(arc.sector)
            if len(layout.arcs) > 1:  # one sector alone needs no background to tell it apart
                wedge = scene.addPolygon(
                    self._band_polygon(layout, arc.band_start, arc.band_end),
                    QPen(Qt.PenStyle.NoPen),
                    QBrush(_tint(colour, 0.91)),
                )
                wedge.setZValue(-20)
            text = scene.addSimpleText(label(arc.sector), _font(base, 14, bold=True))
            text.setBrush(QBrush(_shade(colour, 0.45)))
            rect = text.boundingRect()
            text.setPos(
                arc.label_x - rect.width() * arc.label_align_x,
                arc.label_y - rect.height() * arc.label_align_y,
            )
            text.setZValue(-5)
            self.sector_items[arc.sector] = text

        # Lines, under the nodes; a dashed grey line for "in the network, no intervention".
        for edge in layout.edges:
            a, b = layout.node(edge.source), layout.node(edge.target)
            colour = _shade(sector_colour(edge.sector), 0.15)
            pen = QPen(colour, 1.6)
            if edge.network_only:
                pen = QPen(MUTED_INK, 1.3, Qt.PenStyle.DashLine)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            path = QPainterPath(QPointF(a.x, a.y))
            if edge.control is None:
                path.lineTo(b.x, b.y)
            else:
                path.quadTo(QPointF(*edge.control), QPointF(b.x, b.y))
            line = scene.addPath(path, pen)
            line.setZValue(-10)
            self.edge_items.append(line)

        summary = overview.summary
        title = summary.title or summary.number
        title_font = _font(base, 15, bold=True)
        title_lines = _wrap(title, QFontMetricsF(title_font), CENTRE_SIZE[0] - 34, 2)
        centre_lines = [(line, title_font, INK) for line in title_lines]
        if summary.number and len(title_lines) < 2:
            centre_lines.append((summary.number, _font(base, 11), MUTED_INK))
        centre = NodeItem(
            self._rect(layout.centre),
            fill=QColor("#EEF2F6"),
            border=QColor("#3E4C59"),
            lines=centre_lines,
            ellipse=True,
            border_width=2.0,
        )
        centre.setToolTip(f"{summary.title}\n{summary.number}".strip())
        scene.addItem(centre)
        self.centre_item = centre

        name_font, small_font = _font(base, 13, bold=True), _font(base, 11)
        name_metrics, small_metrics = QFontMetricsF(name_font), QFontMetricsF(small_font)
        for node in layout.members:
            member = overview.member(node.ref_id or 0)
            if member is None:
                continue
            width = node.width - 24
            detail = (
                self.tr("%1, %2 years")
                .replace("%1", label(member.relation))
                .replace("%2", str(member.age_on(today)))
            )
            item = NodeItem(
                self._rect(node),
                fill=QColor(Qt.GlobalColor.white),
                border=QColor("#3E4C59"),
                lines=[
                    (
                        name_metrics.elidedText(member.name, Qt.TextElideMode.ElideRight, width),
                        name_font,
                        INK,
                    ),
                    (
                        small_metrics.elidedText(detail, Qt.TextElideMode.ElideRight, width),
                        small_font,
                        MUTED_INK,
                    ),
                ],
            )
            item.setToolTip(f"{member.name}\n{detail}")
            scene.addItem(item)
            self.member_items[member.citizen_id] = item

        pros = {pro.id: pro for pro in overview.professionals}
        for node in layout.professionals:
            pro = pros[node.ref_id or 0]
            colour = sector_colour(pro.sector)
            width = node.width - 34
            detail = " · ".join(part for part in (pro.role, pro.organisation) if part)
            item = NodeItem(
                self._rect(node),
                fill=_tint(colour, 0.82),
                border=_shade(colour, 0.1),
                accent=colour,
                align_left=True,
                lines=[
                    (name_metrics.elidedText(pro.name, Qt.TextElideMode.ElideRight, width), name_font, INK),
                    (
                        small_metrics.elidedText(detail, Qt.TextElideMode.ElideRight, width),
                        small_font,
                        MUTED_INK,
                    ),
                ],
            )
            item.setToolTip(self._professional_tooltip(pro))
            scene.addItem(item)
            self.professional_items[pro.id] = item

        bounds = scene.itemsBoundingRect()
        if not layout.professionals:
            empty = scene.addSimpleText(self.tr("No professionals in the network yet."), _font(base, 15))
            empty.setBrush(QBrush(MUTED_INK))
            rect = empty.boundingRect()
            empty.setPos(layout.cx - rect.width() / 2, bounds.bottom() + 28)
            self.empty_item = empty
        elif any(edge.network_only for edge in layout.edges):
            note = scene.addSimpleText(
                self.tr("Dashed line: in the network, no registered intervention"), _font(base, 11)
            )
            note.setBrush(QBrush(MUTED_INK))
            note.setPos(bounds.left(), bounds.bottom() + 16)
        margin = 24.0
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-margin, -margin, margin, margin))
        self._fit()

    def _professional_tooltip(self, pro: ProfessionalInfo) -> str:
        lines = [pro.name]
        lines += [part for part in (pro.role, pro.organisation) if part]
        lines.append(label(pro.sector))
        if pro.phone:
            lines.append(self.tr("Phone: %1").replace("%1", pro.phone))
        if pro.email:
            lines.append(self.tr("E-mail: %1").replace("%1", pro.email))
        if not pro.member_ids:
            lines.append(self.tr("In the network, no registered intervention"))
        return "\n".join(lines)

    @staticmethod
    def _rect(node: EcoNode) -> QRectF:
        return QRectF(node.left, node.top, node.width, node.height)

    @staticmethod
    def _band_polygon(layout: EcoMapLayout, start: float, end: float) -> QPolygonF:
        """The band between two directions from the centre (radians), ends pointing at it."""
        steps = max(int((end - start) / 0.03), 2)
        phis = [start + (end - start) * i / steps for i in range(steps + 1)]

        def point(radii: tuple[float, float], phi: float) -> QPointF:
            r = polar_radius(*radii, phi)
            return QPointF(layout.cx + r * math.cos(phi), layout.cy + r * math.sin(phi))

        outer = [point(layout.band_outer, phi) for phi in phis]
        inner = [point(layout.band_inner, phi) for phi in reversed(phis)]
        return QPolygonF(outer + inner)

    # --- showing --------------------------------------------------------------------------

    def _fit(self) -> None:
        rect = self._scene.sceneRect()
        if not rect.isEmpty():
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    # --- export ---------------------------------------------------------------------------

    def _render(self, painter: QPainter, target: QRectF) -> None:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        painter.fillRect(target, Qt.GlobalColor.white)
        self._scene.render(painter, target, self._scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def _write(self, path: str | Path, data: bytes) -> None:
        try:
            write_atomic(path, data)
        except OSError as exc:
            message = self.tr("Could not save the network map to %1: %2").replace("%1", str(path))
            raise OSError(exc.errno, message.replace("%2", exc.strerror or str(exc)), str(path)) from exc

    def export_png(self, path: str | Path, scale: float = 2.0) -> None:
        """Save the whole picture as a PNG, ``scale`` image pixels per scene unit, on white."""
        if scale <= 0:
            raise ValueError(f"scale must be positive, not {scale}")
        source = self._scene.sceneRect()
        size = QSize(max(1, math.ceil(source.width() * scale)), max(1, math.ceil(source.height() * scale)))
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        try:
            self._render(painter, QRectF(image.rect()))
        finally:
            painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):
            raise OSError(self.tr("Could not encode the network map as PNG."))
        buffer.close()
        self._write(path, data.data())

    def export_svg(self, path: str | Path) -> None:
        """Save the whole picture as SVG (text stays text, so names can be searched)."""
        source = self._scene.sceneRect()
        width, height = max(1, math.ceil(source.width())), max(1, math.ceil(source.height()))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRectF(0, 0, width, height))
        generator.setResolution(96)  # one scene unit is one CSS pixel
        generator.setTitle(self.tr("Network map"))
        title = self.overview.summary.title if self.overview is not None else ""
        generator.setDescription(
            self.tr("Network map of %1: the family and the professionals around it, by sector.").replace(
                "%1", title
            )
        )
        painter = QPainter(generator)
        try:
            self._render(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        buffer.close()
        self._write(path, data.data())


__all__ = [
    "CENTRE_KEY",
    "SECTOR_COLOURS",
    "EcoEdge",
    "EcoMapLayout",
    "EcoMapView",
    "EcoNode",
    "NodeItem",
    "NodeKind",
    "SectorArc",
    "eco_map_layout",
    "member_key",
    "professional_key",
    "sector_colour",
]
