"""Figures for slides and reports: the same context menu on every plot and view.

Right-click a plot (or press the menu key, or Ctrl+C while it has the focus):

- **Save image…** a PNG at twice the screen resolution,
- **Save as SVG…** vector graphics, written through ``QSvgGenerator`` (pyqtgraph 0.14's own SVG exporter
  fails on every plot),
- **Copy image** (Ctrl+C) the PNG's picture to the clipboard,
- **Show all** (plots that can be zoomed): what the plot's "A" button does.

A figure is the plot with what a reader needs to understand it: a title (the panel's, e.g. "Gradient of every
layer ‖∂L/∂W‖") and the legend row that the panel shows above its plots (legends are rows of text, not items
inside the plots), on white. Files are named after the plot and the step, e.g. ``gradients-step1500.png``.

``install(plot)`` gives one ``pg.PlotWidget`` the menu (``make_plot`` does it for the panels' plots);
``install_all(widget)`` gives it to every plot inside ``widget`` that has none yet (the main window calls it for
every lab it opens, so a plot made directly with ``pg.PlotWidget()`` gets it too).
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPainter,
    QRegion,
    QTextDocument,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGroupBox, QMenu, QMessageBox, QWidget

from nnplay.gui.widgets import arg

SCALE = 2
"""A saved or copied image has this many pixels per pixel on the screen."""
MARGIN = 8
GAP = 4
CLICK_SLOP = 4
"""A right button released within this many pixels of where it was pressed is a click (a menu), not a drag
(pyqtgraph zooms with a right-button drag)."""

FILE_STEMS = {
    "lossPlot": "loss",
    "accuracyPlot": "accuracy",
    "gradientPlot": "gradients",
    "gradientBars": "gradient-bars",
    "boundaryPlot": "boundary",
    "digitSamples": "digit-samples",
    "confusionMatrix": "confusion-matrix",
    "networkView": "network",
    "activationPlot": "activation",
    "activationHistPlot": "pre-activations",
    "scoresPlot": "softmax-scores",
    "naivePlot": "softmax-naive",
    "softmaxPlot": "softmax-stable",
}
"""File names of the main panels' plots (others: the plot's object name, e.g. descentSurfacePlot →
descent-surface)."""

LEGENDS = {"networkView": "networkCaption"}
"""The legend of a plot, where it is not the ``…Legend`` label of its panel."""

BODIES = {
    "lossPlot": "lossSplitter",
    "accuracyPlot": "lossSplitter",
    "activationPlot": "activationSplitter",
    "activationHistPlot": "activationSplitter",
}
"""Plots whose figure is a bigger part of their panel: the loss and the accuracy share their steps axis and
legend, h(x) and the histograms of pre-activations their x axis, so either gives a figure of both."""

_last_folder = {"path": ""}


def file_stem(plot):
    name = plot.objectName()
    if name in FILE_STEMS:
        return FILE_STEMS[name]
    name = re.sub(r"Plot$", "", name) or "plot"
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", name).lower()


def figure_step(widget):
    """The step shown, for the file name: from the first ancestor with a ``figure_step()`` method (the training
    view, a lab that steps), or None."""
    w = widget
    while w is not None:
        step = getattr(w, "figure_step", None)
        if callable(step):
            with contextlib.suppress(Exception):
                value = step()
                return None if value is None else int(value)
        w = w.parentWidget()
    return None


def default_name(plot, suffix):
    step = figure_step(plot)
    stem = file_stem(plot)
    return f"{stem}-step{step}.{suffix}" if step is not None else f"{stem}.{suffix}"


def _panel_title(plot):
    """The title of the box around the plot, or its accessible name when it has none (and no title of its own
    inside the plot)."""
    w = plot.parentWidget()
    while w is not None:
        if isinstance(w, QGroupBox) and w.title():
            return w.title()
        if callable(getattr(w, "title", None)):
            break  # (a lab: its plots carry their own titles)
        w = w.parentWidget()
    title_label = getattr(plot.getPlotItem(), "titleLabel", None)
    if title_label is not None and title_label.isVisible() and title_label.text:
        return ""
    return plot.accessibleName()


def _legend(plot):
    """The panel's legend row for ``plot``: the label named in ``LEGENDS``, or the nearest ``…Legend`` label."""
    wanted = LEGENDS.get(plot.objectName())
    w = plot.parentWidget()
    while w is not None:
        labels = [
            lab
            for lab in w.findChildren(QWidget)
            if hasattr(lab, "text") and (lab.objectName() == wanted if wanted else lab.objectName().endswith("Legend"))
        ]
        if labels:
            return labels[0]
        if isinstance(w, QGroupBox) or w.isWindow():
            return None
        w = w.parentWidget()
    return None


def _body(plot):
    wanted = BODIES.get(plot.objectName())
    w = plot.parentWidget()
    while wanted and w is not None:
        if w.objectName() == wanted:
            return w
        w = w.parentWidget()
    return plot


class Figure:
    """What an exported picture of ``plot`` holds: title, legend (rich text) and the plot (or the part of the
    panel in ``BODIES``), laid out on white."""

    def __init__(self, plot):
        self.plot = plot
        self.body = body = _body(plot)
        self.title = _panel_title(plot)
        legend = _legend(plot)
        self.legend_html = legend.text() if legend is not None and legend.isVisible() else ""
        self.font = QFont(plot.font())
        self.title_font = QFont(self.font)
        self.title_font.setBold(True)
        self.title_font.setPointSizeF(self.font.pointSizeF() * 1.15)
        width = body.width()
        self.width = width + 2 * MARGIN
        self._title_doc = self._doc(self.title, self.title_font, width, plain=True) if self.title else None
        self._legend_doc = self._doc(self.legend_html, self.font, width) if self.legend_html else None
        y = MARGIN
        self.title_top = y
        if self._title_doc is not None:
            y += int(self._title_doc.size().height()) + GAP
        self.legend_top = y
        if self._legend_doc is not None:
            y += int(self._legend_doc.size().height()) + GAP
        self.plot_top = y
        self.height = y + body.height() + MARGIN

    @staticmethod
    def _doc(text, font, width, plain=False):
        doc = QTextDocument()
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setDefaultStyleSheet("body { color: #222222; }")
        if plain:
            doc.setPlainText(text)
        else:
            doc.setHtml(text)
        doc.setTextWidth(width)
        return doc

    def size(self):
        return QSize(self.width, self.height)

    def paint(self, painter):
        painter.fillRect(QRectF(0, 0, self.width, self.height), QColor("white"))
        for doc, top in ((self._title_doc, self.title_top), (self._legend_doc, self.legend_top)):
            if doc is not None:
                painter.save()
                painter.translate(MARGIN, top)
                doc.drawContents(painter)
                painter.restore()
        # pyqtgraph's export mode, as its own exporters set it: markers are drawn one by one as paths (vector
        # shapes in an SVG, sharp at 2×) instead of from a cache of pixmaps made for the screen.
        plots = [self.body] if isinstance(self.body, pg.PlotWidget) else self.body.findChildren(pg.PlotWidget)
        items = [i for plot in plots for i in plot.scene().items() if hasattr(i, "setExportMode")]
        opts = {"antialias": True, "background": QColor("white"), "painter": painter, "resolutionScale": 1.0}
        for item in items:
            item.setExportMode(True, opts)
        try:
            # (QWidget's render: pyqtgraph's GraphicsView.render is QGraphicsView's, which renders the scene only)
            flags = QWidget.RenderFlag.DrawChildren
            QWidget.render(self.body, painter, QPoint(MARGIN, self.plot_top), QRegion(), flags)
        finally:
            for item in items:
                item.setExportMode(False)


def image(plot, scale=SCALE) -> QImage:
    """The figure of ``plot`` as an image with ``scale`` pixels per screen pixel."""
    fig = Figure(plot)
    img = QImage(fig.size() * scale, QImage.Format.Format_ARGB32)
    img.setDevicePixelRatio(scale)
    img.fill(QColor("white"))
    painter = QPainter(img)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        fig.paint(painter)
    finally:
        painter.end()
    return img


def svg(plot) -> bytes:
    """The figure of ``plot`` as SVG (vector lines and text; images stay images)."""
    fig = Figure(plot)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(fig.size())
    gen.setViewBox(QRect(0, 0, fig.width, fig.height))
    gen.setTitle(fig.title or file_stem(plot))
    gen.setDescription("nnplay")
    painter = QPainter(gen)
    try:
        fig.paint(painter)
    finally:
        painter.end()
    return bytes(buffer.data())


def png_bytes(plot, scale=SCALE) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image(plot, scale).save(buffer, "PNG")
    return bytes(data)


class PlotMenu(QObject):
    """The context menu of one plot and its three actions (children of the plot widget, so that UI tests find
    them as ``plot.findChild(QAction, "saveImageAction")``)."""

    def __init__(self, plot):
        super().__init__(plot)
        self.plot = plot
        self.saveImageAction = self._action("saveImageAction", self.tr("Save image…"), self.save_image)
        self.saveImageAction.setToolTip(
            self.tr("Save this plot with its title and legend as a PNG image (2× resolution)")
        )
        self.saveSvgAction = self._action("saveSvgAction", self.tr("Save as SVG…"), self.save_svg)
        self.saveSvgAction.setToolTip(self.tr("Save this plot with its title and legend as vector graphics (SVG)"))
        self.copyImageAction = self._action("copyImageAction", self.tr("Copy image"), self.copy_image)
        self.copyImageAction.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        self.copyImageAction.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copyImageAction.setToolTip(self.tr("Copy this plot with its title and legend to the clipboard (Ctrl+C)"))
        plot.addAction(self.copyImageAction)  # (Ctrl+C while the plot has the focus)
        self.showAllAction = QAction(self.tr("Show all"), plot)
        self.showAllAction.setToolTip(self.tr("Zoom out to the whole plot (the plot's “A” button)"))
        self.showAllAction.triggered.connect(self.show_all)
        self.menu = QMenu(plot)
        self.menu.setToolTipsVisible(True)
        self.menu.addActions([self.saveImageAction, self.saveSvgAction, self.copyImageAction])
        self.menu.addSeparator()
        self.menu.addAction(self.showAllAction)
        self._press = None
        item = plot.getPlotItem()
        # pyqtgraph's own menus (view box, "Plot Options", "Export…" whose SVG fails) give way to this one.
        item.setMenuEnabled(False, enableViewBoxMenu=False)
        with contextlib.suppress(AttributeError, TypeError):
            plot.scene().contextMenu = []
        self._viewport = plot.viewport()
        self._viewport.installEventFilter(self)
        plot.installEventFilter(self)
        plot._nnplay_menu = self

    def _action(self, name, text, slot):
        a = QAction(text, self.plot)
        a.setObjectName(name)
        a.triggered.connect(lambda _=False: slot())
        return a

    # -- the menu ----------------------------------------------------------------------------------------
    def popup(self, global_pos):
        vb = self.plot.getPlotItem().getViewBox()
        self.showAllAction.setVisible(any(vb.state["mouseEnabled"]))
        self.menu.popup(global_pos)

    def eventFilter(self, obj, event):
        # (only the three event types are looked at: other events also come while the plot is being destroyed)
        t = event.type()
        if t == QEvent.Type.ContextMenu:
            if event.reason() == event.Reason.Keyboard:
                self.popup(self.plot.mapToGlobal(self.plot.rect().center()))
            return True  # (a mouse click is handled on release below, whatever the platform sends)
        mouse = t in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease)
        if not mouse or event.button() != Qt.MouseButton.RightButton or obj is not self._viewport:
            return False
        if t == QEvent.Type.MouseButtonPress:
            self._press = event.position().toPoint()
        else:
            press, self._press = self._press, None
            if press is not None and (event.position().toPoint() - press).manhattanLength() <= CLICK_SLOP:
                self.popup(event.globalPosition().toPoint())
        return False

    # -- the actions --------------------------------------------------------------------------------------
    def _ask(self, caption, suffix, filter_text):
        folder = _last_folder["path"]
        start = str(Path(folder) / default_name(self.plot, suffix)) if folder else default_name(self.plot, suffix)
        path, _ = QFileDialog.getSaveFileName(self.plot.window(), caption, start, filter_text)
        if not path:
            return None
        if not path.lower().endswith("." + suffix):
            path += "." + suffix
        _last_folder["path"] = str(Path(path).parent)
        return path

    def _write(self, path, data):
        try:
            Path(path).write_bytes(data)
        except OSError as e:
            text = arg(self.tr("%1: %2. Choose another place."), path, e.strerror)
            QMessageBox.warning(self.plot.window(), self.tr("Cannot save"), text)
            return False
        return True

    def save_image(self, path=None):
        """Save the figure as a PNG (asks where unless ``path``); returns the path or None."""
        path = path or self._ask(self.tr("Save image"), "png", self.tr("PNG images (*.png)"))
        if path and self._write(path, png_bytes(self.plot)):
            return path
        return None

    def save_svg(self, path=None):
        """Save the figure as SVG (asks where unless ``path``); returns the path or None."""
        path = path or self._ask(self.tr("Save as SVG"), "svg", self.tr("SVG images (*.svg)"))
        if path and self._write(path, svg(self.plot)):
            return path
        return None

    def copy_image(self):
        QGuiApplication.clipboard().setImage(image(self.plot))

    def show_all(self):
        self.plot.getPlotItem().autoBtnClicked()


def install(plot) -> PlotMenu:
    """Give ``plot`` (a ``pg.PlotWidget``) the figure menu, once."""
    existing = getattr(plot, "_nnplay_menu", None)
    return existing if existing is not None else PlotMenu(plot)


def install_all(widget):
    """Give every ``pg.PlotWidget`` inside ``widget`` the figure menu (those that have none yet); and again the
    settings that a lab may have changed since (``setMenuEnabled`` brings pyqtgraph's menu back)."""
    menus = []
    for plot in widget.findChildren(pg.PlotWidget):
        menu = install(plot)
        plot.getPlotItem().setMenuEnabled(False, enableViewBoxMenu=False)
        menus.append(menu)
    return menus


def menu_of(plot) -> PlotMenu | None:
    return getattr(plot, "_nnplay_menu", None)


__all__ = ["FILE_STEMS", "Figure", "PlotMenu", "default_name", "image", "install", "install_all", "png_bytes", "svg"]
