"""The eco-map: a layout without overlaps, sectors kept together, and the view and its exports."""

from __future__ import annotations

import itertools
import math
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainterPath
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.models import Case
from app.models.enums import Relation, Sector
from app.services.family.family_overview import FamilyOverview, load_family_overview
from app.ui.family.eco_map import EcoMapView
from app.ui.family.eco_map_geometry import CENTRE_KEY, EcoMapLayout, member_key, professional_key
from app.ui.family.eco_map_layout import eco_map_layout
from tests.factories import make_member, make_professional
from tests.factories import make_overview as overview_of

SECTORS = list(Sector)
RELATIONS = [Relation.PARENT, Relation.PARENT, Relation.CHILD, Relation.CHILD, Relation.CHILD, Relation.OTHER]


def make_overview(
    professionals: int, members: int = 4, sectors: list[Sector] | None = None, network_only_every: int = 0
) -> FamilyOverview:
    """A family of ``members`` and ``professionals`` spread over ``sectors`` (shuffled, so the
    layout has to group them), each working with one or two members."""
    sectors = sectors or SECTORS
    member_list = [
        make_member(
            100 + i,
            f"Member{i}",
            "Testesen",
            born=date(1980 + 6 * i, 1 + i, 1 + i),
            relation=RELATIONS[i % len(RELATIONS)],
            custody=i < 2,
        )
        for i in range(members)
    ]
    pros = []
    for i in range(professionals):
        if network_only_every and i % network_only_every == 0:
            linked: frozenset[int] = frozenset()
        elif members:
            linked = frozenset({100 + i % members, 100 + (i * 3) % members})
        else:
            linked = frozenset()
        pros.append(
            make_professional(
                1 + i,
                f"Pro{i:02d} Fagperson",
                role="Familiebehandler" if i % 2 else "Sagsbehandler med en meget lang titel",
                organisation="Familiehuset",
                sector=sectors[(i * 7) % len(sectors)],
                phone=f"11 22 33 {i:02d}",
                email=f"pro{i}@example.dk",
                member_ids=linked,
            )
        )
    return overview_of(
        member_list,
        professionals=pros,
        number="2025-0001",
        title="Familien Testesen",
        coordinator="Kirsten Koordinator",
        opened_on=date(2025, 1, 6),
    )


def _polar(layout: EcoMapLayout, x: float, y: float) -> float:
    return math.atan2(y - layout.cy, x - layout.cx) % (2 * math.pi)


# --- the layout ---------------------------------------------------------------------------


@pytest.mark.parametrize(("professionals", "members"), [(1, 1), (5, 3), (12, 4), (30, 4), (30, 6), (7, 8)])
def test_one_node_per_professional_and_member(professionals: int, members: int) -> None:
    overview = make_overview(professionals, members)
    layout = eco_map_layout(overview, 1100, 760)
    assert sorted(n.ref_id for n in layout.professionals) == sorted(p.id for p in overview.professionals)
    assert [n.ref_id for n in layout.members] == [m.citizen_id for m in overview.members]
    assert layout.centre.key == CENTRE_KEY
    assert len({n.key for n in layout.nodes}) == len(layout.nodes) == 1 + members + professionals


@pytest.mark.parametrize("professionals", [1, 5, 30])
def test_edges_follow_the_member_ids(professionals: int) -> None:
    overview = make_overview(professionals, members=4, network_only_every=4)
    layout = eco_map_layout(overview, 1100, 760)
    expected = set()
    for pro in overview.professionals:
        if pro.member_ids:
            expected |= {(professional_key(pro.id), member_key(cid)) for cid in pro.member_ids}
        else:
            expected.add((professional_key(pro.id), CENTRE_KEY))
    edges = [(e.source, e.target) for e in layout.edges]
    assert len(edges) == len(set(edges))
    assert set(edges) == expected
    assert any(e.network_only for e in layout.edges)
    for edge in layout.edges:
        assert edge.network_only == (edge.target == CENTRE_KEY)
        layout.node(edge.source), layout.node(edge.target)  # both ends exist


@pytest.mark.parametrize("professionals", [1, 2, 5, 9, 18, 30])
@pytest.mark.parametrize("members", [1, 4, 7])
def test_nodes_do_not_overlap(professionals: int, members: int) -> None:
    layout = eco_map_layout(make_overview(professionals, members), 1100, 760)
    nodes = layout.nodes
    for i, a in enumerate(nodes):
        for b in nodes[i + 1 :]:
            separated = a.right <= b.left or b.right <= a.left or a.bottom <= b.top or b.bottom <= a.top
            assert separated, f"{a.key} overlaps {b.key}"


def test_nodes_do_not_overlap_in_a_single_sector() -> None:
    layout = eco_map_layout(make_overview(30, 4, sectors=[Sector.HEALTH]), 1100, 760)
    nodes = layout.nodes
    assert not any(a.overlaps(b) for i, a in enumerate(nodes) for b in nodes[i + 1 :])
    assert len(layout.arcs) == 1
    assert layout.arcs[0].span == pytest.approx(2 * math.pi)


def test_the_ring_grows_with_the_number_of_professionals() -> None:
    small = eco_map_layout(make_overview(5), 1100, 760)
    big = eco_map_layout(make_overview(30), 1100, 760)
    assert big.ring_radii[0] > small.ring_radii[0]
    assert big.bounds[2] > 1100 and big.bounds[3] > 760
    for node in big.nodes:  # the bounds hold every node
        assert big.bounds[0] <= node.left and node.right <= big.bounds[0] + big.bounds[2]
        assert big.bounds[1] <= node.top and node.bottom <= big.bounds[1] + big.bounds[3]


@pytest.mark.parametrize("professionals", [5, 12, 30])
def test_each_sector_is_contiguous_and_in_enum_order(professionals: int) -> None:
    overview = make_overview(professionals)
    layout = eco_map_layout(overview, 1100, 760)
    # Walk clockwise (screen) from 12 o'clock: each sector is one run, runs in enum order.
    start = -math.pi / 2 - 1e-6
    ordered = sorted(layout.professionals, key=lambda n: (_polar(layout, n.x, n.y) - start) % (2 * math.pi))
    runs: list[Sector] = []
    for node in ordered:
        assert node.sector is not None
        if not runs or runs[-1] != node.sector:
            runs.append(node.sector)
    assert len(runs) == len(set(runs)), f"a sector is split: {runs}"
    assert runs == sorted(runs, key=SECTORS.index)
    assert [arc.sector for arc in layout.arcs] == runs

    # Each professional lies in its sector's arc; arcs take shares of the ring proportional to
    # their counts (the angle a share spans depends on where on the ellipse it lies).
    counts = {s: sum(1 for p in overview.professionals if p.sector == s) for s in runs}
    per_professional = [arc.share / arc.count for arc in layout.arcs]
    assert max(per_professional) == pytest.approx(min(per_professional))
    assert sum(arc.share for arc in layout.arcs) <= 1 + 1e-9
    assert sum(arc.span for arc in layout.arcs) <= 2 * math.pi + 1e-9
    for arc in layout.arcs:
        assert arc.count == counts[arc.sector]
        inside = [n for n in layout.professionals if arc.start <= n.angle <= arc.end]
        assert {n.sector for n in inside} == {arc.sector}
        assert len(inside) == arc.count
    for a, b in itertools.pairwise(layout.arcs):
        assert a.end <= b.start


@pytest.mark.parametrize("professionals", [5, 30])
def test_sector_backgrounds_hold_their_boxes_and_do_not_overlap(professionals: int) -> None:
    layout = eco_map_layout(make_overview(professionals), 1100, 760)
    bands = [(arc.band_start, arc.band_end) for arc in layout.arcs]
    for arc in layout.arcs:
        assert arc.band_start < arc.band_end
        mid = (arc.band_start + arc.band_end) / 2
        for node in layout.professionals:
            offset = (math.atan2(node.y - layout.cy, node.x - layout.cx) - mid + math.pi) % (
                2 * math.pi
            ) - math.pi
            assert (arc.band_start - mid <= offset <= arc.band_end - mid) == (node.sector == arc.sector)
    for (s1, e1), (s2, e2) in itertools.combinations(bands, 2):  # no two overlap on the circle
        d = (s2 - s1) % (2 * math.pi)
        assert e1 - s1 <= d and d + (e2 - s2) <= 2 * math.pi


def test_lines_do_not_pass_under_other_family_nodes_in_a_small_case() -> None:
    layout = eco_map_layout(make_overview(7, 4), 1100, 760)
    for edge in layout.edges:
        target = layout.node(edge.target)
        source = layout.node(edge.source)
        path = QPainterPath()
        path.moveTo(source.x, source.y)
        if edge.control is None:
            path.lineTo(target.x, target.y)
        else:
            path.quadTo(*edge.control, target.x, target.y)
        for other in (layout.centre, *layout.members):
            if other is target:
                continue
            box = QPainterPath()
            box.addRect(other.left, other.top, other.width, other.height)
            outline = QPainterPath()
            for i in range(41):  # the curve as a thin polyline, so its inside does not count
                point = path.pointAtPercent(i / 40)
                outline.moveTo(point) if i == 0 else outline.lineTo(point)
            assert not any(box.contains(outline.pointAtPercent(t / 200)) for t in range(201)), (
                f"{edge.source} → {edge.target} passes under {other.key}"
            )


# --- the view -----------------------------------------------------------------------------


@pytest.fixture
def lise_overview(demo_context) -> FamilyOverview:  # type: ignore[no-untyped-def]
    with demo_context.sessions() as session:
        case_id = session.scalar(select(Case.id).where(Case.title.like("%Holm Jensen%")))
        assert case_id is not None
        return load_family_overview(session, case_id)


def test_view_holds_one_node_per_professional(qtbot, lise_overview: FamilyOverview) -> None:  # type: ignore[no-untyped-def]
    view = EcoMapView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show_overview(lise_overview, today=date(2025, 6, 1))
    assert len(lise_overview.professionals) >= 3
    assert set(view.professional_items) == {p.id for p in lise_overview.professionals}
    assert set(view.member_items) == {m.citizen_id for m in lise_overview.members}
    expected_edges = sum(max(1, len(p.member_ids)) for p in lise_overview.professionals)
    assert len(view.edge_items) == expected_edges
    assert view.empty_item is None
    assert set(view.sector_items) == {p.sector for p in lise_overview.professionals}
    for pro in lise_overview.professionals:
        item = view.professional_items[pro.id]
        assert item.scene() is view.scene()
        assert pro.phone in item.toolTip() and pro.email in item.toolTip()
        assert item.texts[0] == pro.name
    # Showing another case replaces the picture instead of adding to it.
    view.show_overview(make_overview(3, 2))
    assert len(view.professional_items) == 3
    assert len([i for i in view.scene().items() if i in view.professional_items.values()]) == 3


def test_view_fits_the_whole_picture_after_a_resize(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = EcoMapView()
    qtbot.addWidget(view)
    view.show_overview(make_overview(12, 4))
    view.show()
    qtbot.waitExposed(view)
    for size in ((400, 300), (1200, 500)):
        view.resize(*size)
        qtbot.wait(10)
        shown = view.mapFromScene(view.sceneRect()).boundingRect()
        viewport = view.viewport().rect().adjusted(-2, -2, 2, 2)
        assert viewport.contains(shown)
        # fitted, not just small: one side fills the viewport
        assert shown.width() >= view.viewport().width() - 4 or shown.height() >= view.viewport().height() - 4


def test_antialiasing_is_on(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPainter

    view = EcoMapView()
    qtbot.addWidget(view)
    assert view.renderHints() & QPainter.RenderHint.Antialiasing


def test_empty_state_without_professionals(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = EcoMapView()
    qtbot.addWidget(view)
    view.show_overview(make_overview(0, 3))
    assert view.professional_items == {}
    assert view.edge_items == []
    assert view.empty_item is not None
    assert view.empty_item.text() == "No professionals in the network yet."
    centre = view.empty_item.sceneBoundingRect().center().x()
    assert centre == pytest.approx(view.sceneRect().center().x(), abs=2)
    view.show_overview(make_overview(2, 3))
    assert view.empty_item is None


# --- export -------------------------------------------------------------------------------


def _non_white_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(0, image.height(), 3)
        for x in range(0, image.width(), 3)
        if image.pixelColor(x, y).lightness() < 250
    )


def test_png_export(qtbot, tmp_path: Path, lise_overview: FamilyOverview) -> None:  # type: ignore[no-untyped-def]
    view = EcoMapView()
    qtbot.addWidget(view)
    view.resize(300, 200)  # small on screen: the export still has the whole picture
    view.show_overview(lise_overview)
    path = tmp_path / "kort.png"
    view.export_png(path, scale=1.5)
    image = QImage(str(path))
    assert not image.isNull()
    rect = view.sceneRect()
    assert image.width() == math.ceil(rect.width() * 1.5)
    assert image.height() == math.ceil(rect.height() * 1.5)
    assert _non_white_pixels(image) > 500
    corner = image.pixelColor(0, 0)
    assert (corner.red(), corner.green(), corner.blue(), corner.alpha()) == (255, 255, 255, 255)

    view.export_png(tmp_path / "small.png", scale=0.5)
    assert QImage(str(tmp_path / "small.png")).width() == math.ceil(rect.width() * 0.5)


def test_png_export_failure_is_an_oserror(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = EcoMapView()
    qtbot.addWidget(view)
    view.show_overview(make_overview(2, 2))
    with pytest.raises(OSError, match="network map"):
        view.export_png(tmp_path / "missing" / "kort.png")
    with pytest.raises(OSError, match="network map"):
        view.export_svg(tmp_path / "missing" / "kort.svg")
    with pytest.raises(ValueError):
        view.export_png(tmp_path / "kort.png", scale=0)


def test_svg_export(qtbot, tmp_path: Path, lise_overview: FamilyOverview) -> None:  # type: ignore[no-untyped-def]
    view = EcoMapView()
    qtbot.addWidget(view)
    view.resize(300, 200)
    view.show_overview(lise_overview)
    path = tmp_path / "kort.svg"
    view.export_svg(path)
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    text = " ".join(t for el in root.iter() for t in (el.text or "",))
    for pro in lise_overview.professionals:
        assert pro.name in text
    assert root.findtext("{http://www.w3.org/2000/svg}title") == "Network map"
    assert lise_overview.summary.title in (root.findtext("{http://www.w3.org/2000/svg}desc") or "")
    width, height = math.ceil(view.sceneRect().width()), math.ceil(view.sceneRect().height())
    assert root.get("viewBox") == f"0 0 {width} {height}"


def _scale(view: EcoMapView) -> float:
    return view.transform().m11()


def _wheel(view: EcoMapView, steps: int, ctrl: bool) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre,
        QPointF(view.viewport().mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_the_map_zooms_with_ctrl_wheel_and_keys_and_fits_again(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.ui.family.eco_map import MAX_ZOOM, ZOOM_STEP

    view = EcoMapView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show_overview(make_overview(20, 4))
    view.show()
    qtbot.waitExposed(view)
    fitted = _scale(view)
    _wheel(view, 1, ctrl=False)  # a plain wheel scrolls, it does not zoom
    assert _scale(view) == pytest.approx(fitted)
    _wheel(view, 2, ctrl=True)
    assert _scale(view) == pytest.approx(fitted * ZOOM_STEP**2)
    assert view.horizontalScrollBar().maximum() > 0  # a zoomed map can be moved about
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert _scale(view) == pytest.approx(fitted * ZOOM_STEP)
    for _ in range(20):
        qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert _scale(view) == pytest.approx(fitted * MAX_ZOOM)
    # Zoomed in all the way, the smallest text of the map is readable (at least 9 px high).
    smallest = min(
        font.pixelSize() for node in view.professional_items.values() for _t, font, _c in node._lines
    )
    assert smallest * _scale(view) >= 9
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert _scale(view) == pytest.approx(fitted)
    for _ in range(3):
        _wheel(view, -1, ctrl=True)  # not smaller than the whole map
    assert _scale(view) == pytest.approx(fitted)
    view.resize(900, 500)  # a zoom survives a resize, relative to the new fit
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(10)
    view.resize(1000, 600)
    qtbot.wait(10)
    assert view.zoom == pytest.approx(ZOOM_STEP)
