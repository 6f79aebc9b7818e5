"""Where everything goes in the network picture (eco-map): ``eco_map_layout`` runs the
placement steps one after the other on the read model, each a small function below:

1. share the outer ring among the sectors (``share_the_ring``),
2. size the members' ring around the centre (``member_ring``),
3. size the professionals' ring so no box touches another (``professional_radius``),
4. place the professionals in their sectors' slots (``place_professionals``),
5. turn the members towards their professionals (``place_members``),
6. within each sector, order the professionals by their members' direction
   (``follow_members``), then steps 4 and 5 once more,
7. route the lines around the boxes they would pass under (``route_edges``),
8. the band behind the professionals (``sector_band``) and the sector labels just outside it
   (``label_sectors``),
9. the picture's bounds (``picture_bounds``).

Plain geometry: no Qt application is needed to call it.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from app.models.enums import Sector
from app.services.family.family_overview import FamilyOverview, ProfessionalInfo
from app.ui.family.eco_map_geometry import (
    CANVAS,
    CENTRE_KEY,
    CENTRE_SIZE,
    LABEL_MARGIN,
    MEMBER_SIZE,
    NODE_GAP,
    PROFESSIONAL_SIZE,
    RING_GAP,
    SECTOR_GAP,
    EcoEdge,
    EcoMapLayout,
    EcoNode,
    NodeKind,
    SectorArc,
    angle_distance,
    any_overlap,
    circular_mean,
    detour,
    ellipse_point,
    member_key,
    polar_radius,
    professional_key,
    ring_warp,
    segment_hits,
)

CROSSING_PENALTY = 2.5  # a line under another member costs as much as 2.5 radians of detour
MEMBER_ASPECT = 2.4  # the members' ellipse is this much wider than high
MAX_GROWTH_STEPS = 400  # how often a ring may grow before the layout settles for it

Radii = tuple[float, float]  # an ellipse's (rx, ry)
ByCitizen = dict[int, EcoNode]
ByProfessional = dict[int, EcoNode]


@dataclass(frozen=True, slots=True)
class SectorPlan:
    """The outer ring shared among the sectors: each sector's professionals, its arc (start,
    span and share of the ring) and the parametric angle of each of its slots."""

    sectors: list[Sector]
    by_sector: dict[Sector, list[ProfessionalInfo]]
    spans: list[tuple[Sector, float, float, float]]  # sector, start, span, share
    slot_angles: dict[Sector, list[float]]


@dataclass(frozen=True, slots=True)
class MemberRing:
    """The small ellipse the members sit on, and the turns of it that are tried."""

    centre: EcoNode
    count: int
    ry: float
    turns: tuple[float, ...]

    def slots(self, turn: float, ry: float | None = None) -> list[EcoNode]:
        step = 2 * math.pi / max(self.count, 1)
        ry = self.ry if ry is None else ry
        mw, mh = MEMBER_SIZE
        nodes = []
        for i in range(self.count):
            t = -math.pi / 2 + turn + i * step
            x, y = ellipse_point(self.centre.x, self.centre.y, ry * MEMBER_ASPECT, ry, t)
            nodes.append(EcoNode("", NodeKind.MEMBER, None, x, y, mw, mh, t))
        return nodes

    def extent(self) -> list[EcoNode]:
        """The centre and every slot of every turn: what the professionals must keep clear of."""
        return [self.centre, *(node for turn in self.turns for node in self.slots(turn))]


def _direction(centre: EcoNode, x: float, y: float) -> float:
    """The screen angle of (x, y) seen from the centre."""
    return math.atan2(y - centre.y, x - centre.x)


def _corners(node: EcoNode) -> tuple[tuple[float, float], ...]:
    return (
        (node.left, node.top),
        (node.right, node.top),
        (node.left, node.bottom),
        (node.right, node.bottom),
    )


def _grow_until(clear: Callable[[float], bool], radius: float, factor: float) -> float:
    """``radius`` times ``factor`` until ``clear(radius)`` holds (or the steps run out)."""
    for _ in range(MAX_GROWTH_STEPS):
        if clear(radius):
            break
        radius *= factor
    return radius


# -- 1. the sectors ---------------------------------------------------------------------------


def share_the_ring(professionals: Sequence[ProfessionalInfo], aspect: float) -> SectorPlan:
    """The sectors in enum order, one slot per professional, half a slot between two sectors.
    Slots are equal shares of the ring, and a share is wider in angle where the boxes need more
    room (at the top and bottom of the ellipse, where neighbours sit side by side)."""
    pw, ph = PROFESSIONAL_SIZE
    warp = ring_warp(aspect, pw + NODE_GAP, ph + NODE_GAP)
    sector_order = {sector: i for i, sector in enumerate(Sector)}
    by_sector: dict[Sector, list[ProfessionalInfo]] = defaultdict(list)
    for pro in professionals:
        by_sector[pro.sector].append(pro)
    sectors = sorted(by_sector, key=sector_order.__getitem__)
    count = len(professionals)
    gap = SECTOR_GAP if len(sectors) > 1 else 0.0
    unit = 1.0 / (count + gap * len(sectors)) if count else 0.0
    spans: list[tuple[Sector, float, float, float]] = []
    slot_angles: dict[Sector, list[float]] = {}
    position = -unit / 2  # the first professional sits at 12 o'clock
    for sector in sectors:
        n = len(by_sector[sector])
        start, end = warp(position), warp(position + n * unit)
        spans.append((sector, start, end - start, n * unit))
        slot_angles[sector] = [warp(position + (i + 0.5) * unit) for i in range(n)]
        position += (n + gap) * unit
    return SectorPlan(sectors, by_sector, spans, slot_angles)


# -- 2. and 3. the two rings ------------------------------------------------------------------


def member_ring(centre: EcoNode, count: int) -> MemberRing:
    """The members' ellipse, as tight as the boxes allow for every turn tried."""
    step = 2 * math.pi / max(count, 1)
    turns = (0.0, step / 2) if count else (0.0,)
    ring = MemberRing(centre, count, 0.0, turns)

    def clear(ry: float) -> bool:
        return all(
            not any_overlap(slots, slots, NODE_GAP) and not any_overlap(slots, [centre], NODE_GAP)
            for slots in (ring.slots(turn, ry) for turn in turns)
        )

    ry = _grow_until(clear, CENTRE_SIZE[1] / 2 + MEMBER_SIZE[1] / 2 + NODE_GAP, 1.05)
    return MemberRing(centre, count, ry, turns)


def professional_radius(
    plan: SectorPlan, ring: MemberRing, aspect: float, height: float, count: int
) -> float:
    """The professionals' ellipse (its ry): fill the canvas, grow until no box touches another
    one or the family. A few professionals sit closer in (bigger when fitted into the view);
    more use the height."""
    pw, ph = PROFESSIONAL_SIZE
    centre, inner_extent = ring.centre, ring.extent()
    flat_angles = [a for sector in plan.sectors for a in plan.slot_angles[sector]]

    def clear(ry: float) -> bool:
        trial = [
            EcoNode(
                "",
                NodeKind.PROFESSIONAL,
                None,
                *ellipse_point(centre.x, centre.y, ry * aspect, ry, a),
                pw,
                ph,
                a,
            )
            for a in flat_angles
        ]
        return not any_overlap(trial, trial, NODE_GAP) and not any_overlap(trial, inner_extent, RING_GAP)

    start = max((height - 2 * LABEL_MARGIN[1] - ph) / 2 * min(1.0, 0.55 + 0.075 * count), 1.0)
    return _grow_until(clear, start, 1.04)


# -- 4. to 6. who sits where ------------------------------------------------------------------


def place_professionals(
    plan: SectorPlan, order: dict[Sector, list[ProfessionalInfo]], centre: EcoNode, radii: Radii
) -> ByProfessional:
    """Each sector's professionals, in ``order``, on its slots of the outer ring."""
    pw, ph = PROFESSIONAL_SIZE
    placed = {}
    for sector in plan.sectors:
        for pro, a in zip(order[sector], plan.slot_angles[sector], strict=True):
            x, y = ellipse_point(centre.x, centre.y, *radii, a)
            placed[pro.id] = EcoNode(
                professional_key(pro.id), NodeKind.PROFESSIONAL, pro.id, x, y, pw, ph, a, sector
            )
    return placed


def _slot_costs(
    overview: FamilyOverview, ring: MemberRing, slots: Sequence[EcoNode], pro_nodes: ByProfessional
) -> tuple[dict[int, list[float]], float]:
    """cost[member][slot]: the detour from the member's professionals plus the lines passing
    under the other nodes of the family; and the cost no order changes (lines to the centre)."""
    centre = ring.centre
    member_ids = [m.citizen_id for m in overview.members]
    known = set(member_ids)
    slot_angle = [_direction(centre, n.x, n.y) for n in slots]
    cost = {cid: [0.0] * ring.count for cid in member_ids}
    fixed = 0.0
    for pro in overview.professionals:
        node = pro_nodes[pro.id]
        linked = pro.member_ids & known
        if not linked:  # a line to the centre: count the member boxes it passes under
            fixed += CROSSING_PENALTY * sum(
                segment_hits(node.x, node.y, centre.x, centre.y, s) for s in slots
            )
        for j, slot in enumerate(slots):
            obstacles = [centre, *(s for k, s in enumerate(slots) if k != j)]
            hits = sum(segment_hits(node.x, node.y, slot.x, slot.y, o) for o in obstacles)
            pro_angle = _direction(centre, node.x, node.y)
            for cid in linked:
                cost[cid][j] += angle_distance(pro_angle, slot_angle[j]) + CROSSING_PENALTY * hits
    return cost, fixed


def _member_orders(
    overview: FamilyOverview, centre: EcoNode, pro_nodes: ByProfessional
) -> Iterable[Sequence[int]]:
    """The orders of the members to try (order[j] = index of the member in slot j): every one
    for a small family, else the members sorted by their professionals' direction, in every
    rotation."""
    member_ids = [m.citizen_id for m in overview.members]
    count = len(member_ids)
    if count <= 7:
        return itertools.permutations(range(count))
    means = {
        cid: circular_mean(
            _direction(centre, pro_nodes[p.id].x, pro_nodes[p.id].y)
            for p in overview.professionals
            if cid in p.member_ids
        )
        for cid in member_ids
    }
    ranked = sorted(
        range(count),
        key=lambda i: (
            means[member_ids[i]] is None,
            ((means[member_ids[i]] or 0.0) + math.pi / 2) % (2 * math.pi),
        ),
    )
    return [ranked[i:] + ranked[:i] for i in range(count)]


def place_members(overview: FamilyOverview, ring: MemberRing, pro_nodes: ByProfessional) -> ByCitizen:
    """The members on their ring, turned towards the professionals they are linked with: both
    turns of the ring and every order tried, the cheapest kept."""
    member_ids = [m.citizen_id for m in overview.members]
    best: tuple[float, float, list[int]] | None = None
    for turn in ring.turns:
        cost, fixed = _slot_costs(overview, ring, ring.slots(turn), pro_nodes)
        for order in _member_orders(overview, ring.centre, pro_nodes):
            total = fixed + sum(cost[member_ids[i]][j] for j, i in enumerate(order))
            if best is None or total < best[0] - 1e-9:
                best = (total, turn, [member_ids[i] for i in order])
    if best is None:
        return {}
    _, turn, order = best
    mw, mh = MEMBER_SIZE
    return {
        cid: EcoNode(member_key(cid), NodeKind.MEMBER, cid, slot.x, slot.y, mw, mh, slot.angle)
        for cid, slot in zip(order, ring.slots(turn), strict=True)
    }


def follow_members(
    plan: SectorPlan, member_nodes: ByCitizen, centre: EcoNode, radii: Radii
) -> dict[Sector, list[ProfessionalInfo]]:
    """Within a sector, the professionals in the direction of their members (fewer crossings)."""
    known = set(member_nodes)

    def toward(pro: ProfessionalInfo, mid: float) -> float:
        mean = circular_mean(
            _direction(centre, member_nodes[m].x, member_nodes[m].y) for m in pro.member_ids & known
        )
        if mean is None:
            return 0.0
        return (mean - mid + math.pi) % (2 * math.pi) - math.pi

    reordered: dict[Sector, list[ProfessionalInfo]] = {}
    for sector, start, span, _ in plan.spans:
        mid = _direction(centre, *ellipse_point(centre.x, centre.y, *radii, start + span / 2))
        reordered[sector] = sorted(plan.by_sector[sector], key=functools.partial(_toward_key, toward, mid))
    return reordered


def _toward_key(
    toward: Callable[[ProfessionalInfo, float], float], mid: float, pro: ProfessionalInfo
) -> float:
    return toward(pro, mid)


# -- 7. the lines -----------------------------------------------------------------------------


def route_edges(
    professionals: Sequence[ProfessionalInfo],
    member_ids: Sequence[int],
    centre: EcoNode,
    member_nodes: ByCitizen,
    pro_nodes: ByProfessional,
) -> list[EcoEdge]:
    """A line from each professional to each member it works with (to the centre when none),
    bent around the nodes a straight line would pass under."""
    edges: list[EcoEdge] = []
    every_node = [centre, *member_nodes.values(), *pro_nodes.values()]
    for pro in professionals:
        key = professional_key(pro.id)
        source = pro_nodes[pro.id]
        linked = [cid for cid in member_ids if cid in pro.member_ids]
        targets: list[tuple[str, int | None, EcoNode]] = [(CENTRE_KEY, None, centre)] if not linked else []
        targets += [(member_key(cid), cid, member_nodes[cid]) for cid in linked]
        for target_key, cid, target in targets:
            obstacles = [n for n in every_node if n is not target and n is not source]
            control = detour(source, target, obstacles)
            edges.append(EcoEdge(key, target_key, pro.id, cid, pro.sector, control))
    return edges


# -- 8. the sector backgrounds and labels -----------------------------------------------------


def sector_band(pros_placed: Sequence[EcoNode], centre: EcoNode, radii: Radii) -> tuple[Radii, Radii]:
    """The band behind the professionals (inner and outer radii: two ellipses of one shape, so
    the ends of the sector backgrounds point at the centre)."""
    pw, ph = PROFESSIONAL_SIZE
    cx, cy = centre.x, centre.y
    ox, oy = radii[0] + pw / 2 + 14.0, radii[1] + ph / 2 + 14.0
    outer_scale, inner_scale = 1.0, 1.0
    for node in pros_placed:
        outer_scale = max(outer_scale, *(math.hypot((x - cx) / ox, (y - cy) / oy) for x, y in _corners(node)))
        nearest_x = min(max(cx, node.left), node.right)
        nearest_y = min(max(cy, node.top), node.bottom)
        inner_scale = min(inner_scale, math.hypot((nearest_x - cx) / ox, (nearest_y - cy) / oy))
    band_outer = (ox * outer_scale + 4.0, oy * outer_scale + 4.0)
    shrink = max(inner_scale - 24.0 / oy, 0.05)
    return (ox * shrink, oy * shrink), band_outer


def label_sectors(
    plan: SectorPlan, pros_placed: Sequence[EcoNode], centre: EcoNode, radii: Radii, band_outer: Radii
) -> list[SectorArc]:
    """Each sector's arc: the directions its boxes cover, and its label just outside the band,
    growing away from the ring."""
    cx, cy = centre.x, centre.y

    def direction(t: float) -> float:
        return _direction(centre, *ellipse_point(cx, cy, *radii, t))

    def unwrap(phi: float, around: float) -> float:
        return around + (phi - around + math.pi) % (2 * math.pi) - math.pi

    arcs: list[SectorArc] = []
    for sector, start, span, share in plan.spans:
        mid = direction(start + span / 2)
        lo, hi = unwrap(direction(start), mid), unwrap(direction(start + span), mid)
        if span >= 2 * math.pi - 1e-9:
            lo, hi = mid - math.pi, mid + math.pi
        covered = [
            unwrap(_direction(centre, x, y), mid)
            for node in pros_placed
            if node.sector == sector
            for x, y in _corners(node)
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
                len(plan.by_sector[sector]),
                share,
                band_lo,
                band_hi,
                cx + r * c,
                cy + r * s,
                0.5 if abs(c) < 0.25 else (0.0 if c > 0 else 1.0),
                0.5 if abs(s) < 0.25 else (0.0 if s > 0 else 1.0),
            )
        )
    return arcs


# -- 9. the picture ---------------------------------------------------------------------------


def picture_bounds(
    centre: EcoNode, nodes: Sequence[EcoNode], has_professionals: bool, band_outer: Radii, size: Radii
) -> tuple[float, float, float, float]:
    """Left, top, width and height of the picture: the band and the labels' margin around it
    (the nodes alone when there is no band), never smaller than ``size``."""
    width, height = size
    if has_professionals:
        left, right = centre.x - band_outer[0] - LABEL_MARGIN[0], centre.x + band_outer[0] + LABEL_MARGIN[0]
        top, bottom = centre.y - band_outer[1] - LABEL_MARGIN[1], centre.y + band_outer[1] + LABEL_MARGIN[1]
    else:
        left, right = min(n.left for n in nodes), max(n.right for n in nodes)
        top, bottom = min(n.top for n in nodes), max(n.bottom for n in nodes)
    left, top = min(left, 0.0), min(top, 0.0)
    right, bottom = max(right, width), max(bottom, height)
    return (left, top, right - left, bottom - top)


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
    centre = EcoNode(CENTRE_KEY, NodeKind.CENTRE, overview.summary.id, cx, cy, *CENTRE_SIZE)
    aspect = min(max(width / height if height > 0 else 1.0, 1.0), 1.6)
    plan = share_the_ring(overview.professionals, aspect)
    ring = member_ring(centre, len(overview.members))
    ry = professional_radius(plan, ring, aspect, height, len(overview.professionals))
    radii = (ry * aspect, ry)

    pro_nodes = place_professionals(plan, plan.by_sector, centre, radii)
    member_nodes = place_members(overview, ring, pro_nodes)
    order = follow_members(plan, member_nodes, centre, radii)
    pro_nodes = place_professionals(plan, order, centre, radii)
    member_nodes = place_members(overview, ring, pro_nodes)

    member_ids = [m.citizen_id for m in overview.members]
    ordered_pros = [pro for sector in plan.sectors for pro in order[sector]]
    edges = route_edges(ordered_pros, member_ids, centre, member_nodes, pro_nodes)
    pros_placed = [pro_nodes[pro.id] for pro in ordered_pros]
    band_inner, band_outer = sector_band(pros_placed, centre, radii)
    arcs = label_sectors(plan, pros_placed, centre, radii, band_outer)
    members_placed = tuple(member_nodes[cid] for cid in member_ids)
    every_node = [centre, *members_placed, *pros_placed]
    bounds = picture_bounds(centre, every_node, bool(pros_placed), band_outer, (width, height))
    return EcoMapLayout(
        cx=cx,
        cy=cy,
        centre=centre,
        members=members_placed,
        professionals=tuple(pros_placed),
        edges=tuple(edges),
        arcs=tuple(arcs),
        ring_radii=radii,
        band_inner=band_inner,
        band_outer=band_outer,
        bounds=bounds,
    )
