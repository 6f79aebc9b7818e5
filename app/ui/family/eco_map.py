"""The network picture of a case (eco-map, "netværkskort"): the family in the middle, the
professionals around it grouped by sector, lines from each professional to the members they
work with.

``eco_map_layout`` (eco_map_layout.py) is plain geometry on the read model; ``EcoMapView``
draws it in a QGraphicsScene with the items of eco_map_items.py and exports it as PNG or SVG.
No database access.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)
from typing_extensions import override

from app.models.enums import Sector
from app.services.common.clock import local_today
from app.services.family.family_overview import FamilyOverview, ProfessionalInfo
from app.store.safe_files import write_atomic
from app.ui.common.labels import label
from app.ui.family.eco_map_geometry import CANVAS, CENTRE_SIZE, EcoMapLayout, EcoNode, polar_radius
from app.ui.family.eco_map_items import (
    INK,
    MUTED_INK,
    NodeItem,
    pixel_font,
    sector_colour,
    shade,
    tint,
    wrap_lines,
)
from app.ui.family.eco_map_layout import eco_map_layout

MAX_ZOOM = 6.0
ZOOM_STEP = 1.25


class EcoMapView(QGraphicsView):
    """The eco-map of one case; ``show_overview`` draws it, ``export_png``/``export_svg`` save it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ecoMap")
        self.setAccessibleName(self.tr("Eco-map of the family's network"))
        self._scene = QGraphicsScene(self)
        self._scene.setBackgroundBrush(QBrush(Qt.GlobalColor.white))
        self.setScene(self._scene)
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Zoom: 1 shows the whole map; Ctrl+wheel, Ctrl++ / Ctrl+- and Ctrl+0 change it, the
        # arrow keys and dragging move about a zoomed map.
        self.zoom = 1.0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAccessibleDescription(
            self.tr(
                "The people in the map are listed in the table below it. Ctrl and + or - zoom, Ctrl+0 shows it all."
            )
        )
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
                    QBrush(tint(colour, 0.91)),
                )
                wedge.setZValue(-20)
            text = scene.addSimpleText(label(arc.sector), pixel_font(base, 14, bold=True))
            text.setBrush(QBrush(shade(colour, 0.45)))
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
            colour = shade(sector_colour(edge.sector), 0.15)
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
        title_font = pixel_font(base, 15, bold=True)
        title_lines = wrap_lines(title, QFontMetricsF(title_font), CENTRE_SIZE[0] - 34, 2)
        centre_lines = [(line, title_font, INK) for line in title_lines]
        if summary.number and len(title_lines) < 2:
            centre_lines.append((summary.number, pixel_font(base, 11), MUTED_INK))
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

        name_font, small_font = pixel_font(base, 13, bold=True), pixel_font(base, 11)
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
                fill=tint(colour, 0.82),
                border=shade(colour, 0.1),
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
            empty = scene.addSimpleText(self.tr("No professionals in the network yet."), pixel_font(base, 15))
            empty.setBrush(QBrush(MUTED_INK))
            rect = empty.boundingRect()
            empty.setPos(layout.cx - rect.width() / 2, bounds.bottom() + 28)
            self.empty_item = empty
        elif any(edge.network_only for edge in layout.edges):
            note = scene.addSimpleText(
                self.tr("Dashed line: in the network, no registered intervention"), pixel_font(base, 11)
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
            anchor = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            self.scale(self.zoom, self.zoom)
            self.setTransformationAnchor(anchor)

    def set_zoom(self, zoom: float) -> None:
        """Zoom to ``zoom`` times the whole map's size (kept between 1 and MAX_ZOOM)."""
        zoom = min(max(zoom, 1.0), MAX_ZOOM)
        if abs(zoom - self.zoom) < 1e-9:
            return
        factor = zoom / self.zoom
        self.zoom = zoom
        self.scale(factor, factor)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def zoom_to_fit(self) -> None:
        self.zoom = 1.0
        self._fit()

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            key = event.key()
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                self.zoom_in()
                return
            if key == Qt.Key.Key_Minus:
                self.zoom_out()
                return
            if key == Qt.Key.Key_0:
                self.zoom_to_fit()
                return
        super().keyPressEvent(event)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    @override
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
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # QIODevice: not in the stubs
            raise OSError(self.tr("Could not encode the network map as PNG."))
        buffer.close()
        self._write(path, bytes(data.data()))

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
        self._write(path, bytes(data.data()))
