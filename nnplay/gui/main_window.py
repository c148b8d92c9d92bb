"""The main window: controls on the left, what is happening in the middle, the controls of time on top.

It composes the views and forwards signals; it computes nothing itself.
"""

from __future__ import annotations

import importlib
import math
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QProxyStyle,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from nnplay.core.config import IDX_DATASET_NAMES, PACE_FIELDS, Config, ConfigError
from nnplay.core.datasets import DatasetError
from nnplay.core.history_csv import write_history_csv
from nnplay.core.mnist import MissingDataError
from nnplay.gui import export
from nnplay.gui import help as helppages
from nnplay.gui.clock import SpeedControl
from nnplay.gui.controls import ControlPanel, duration_text
from nnplay.gui.download import DownloadOffer
from nnplay.gui.panels._common import READOUT_INTERVAL, Readout, fit_axis_labels
from nnplay.gui.panels.activations import ActivationPanel
from nnplay.gui.panels.boundary import BoundaryPanel
from nnplay.gui.panels.gradients import GradientPanel
from nnplay.gui.panels.loss import LossPanel
from nnplay.gui.panels.network import NetworkView
from nnplay.gui.presets import PRESETS
from nnplay.gui.session import NUMERICAL_MAX_SECONDS, TrainingSession
from nnplay.gui.widgets import LiveLabel, arg, core_text
from nnplay.gui.zoom import Zoom

SLOW_PANEL_INTERVAL = 0.2
"""Seconds between redraws of the boundary, network and activation views while playing."""

FIELD_NAMES = {
    "dataset": QT_TRANSLATE_NOOP("MainWindow", "data set"),
    "samples": QT_TRANSLATE_NOOP("MainWindow", "samples"),
    "noise": QT_TRANSLATE_NOOP("MainWindow", "noise"),
    "test_ratio": QT_TRANSLATE_NOOP("MainWindow", "test ratio"),
    "hidden": QT_TRANSLATE_NOOP("MainWindow", "hidden layers"),
    "activation": QT_TRANSLATE_NOOP("MainWindow", "activation"),
    "output": QT_TRANSLATE_NOOP("MainWindow", "output"),
    "loss": QT_TRANSLATE_NOOP("MainWindow", "loss"),
    "init": QT_TRANSLATE_NOOP("MainWindow", "initialisation"),
    "optimizer": QT_TRANSLATE_NOOP("MainWindow", "optimizer"),
    "learning_rate": QT_TRANSLATE_NOOP("MainWindow", "learning rate"),
    "batch_size": QT_TRANSLATE_NOOP("MainWindow", "batch size"),
    "gradient": QT_TRANSLATE_NOOP("MainWindow", "gradient method"),
    "seed": QT_TRANSLATE_NOOP("MainWindow", "seed"),
    "csv_path": QT_TRANSLATE_NOOP("MainWindow", "CSV file"),
    "data_dir": QT_TRANSLATE_NOOP("MainWindow", "data folder"),
}
FIELD_NAMES.update(
    {
        "weight_decay": QT_TRANSLATE_NOOP("MainWindow", "weight decay"),
        "regularization": QT_TRANSLATE_NOOP("MainWindow", "regularization"),
        "dropout": QT_TRANSLATE_NOOP("MainWindow", "dropout"),
        "batch_norm": QT_TRANSLATE_NOOP("MainWindow", "batch normalization"),
        "features": QT_TRANSLATE_NOOP("MainWindow", "input features"),
        "task": QT_TRANSLATE_NOOP("MainWindow", "task"),
    }
)
"""What the status line calls each setting when training started over because it changed."""

# (module in nnplay.gui.labs, class, menu text) — imported when first opened, so start-up stays fast.
LABS = (
    ("descent", "GradientDescentLab", QT_TRANSLATE_NOOP("MainWindow", "Gradient descent on a surface")),
    ("softmax_loss", "SoftmaxLossLab", QT_TRANSLATE_NOOP("MainWindow", "Softmax and loss")),
    ("activations", "ActivationsLab", QT_TRANSLATE_NOOP("MainWindow", "Activations and depth")),
    ("gradcheck", "GradientCheckLab", QT_TRANSLATE_NOOP("MainWindow", "Gradient check (backprop vs numerical)")),
    ("collapse", "LinearCollapseLab", QT_TRANSLATE_NOOP("MainWindow", "Linear collapse")),
    ("compare", "CompareLab", QT_TRANSLATE_NOOP("MainWindow", "Compare two runs")),
    ("simplenet", "SimpleNetLab", QT_TRANSLATE_NOOP("MainWindow", "simpleNet: the gradient of a loss ∂L/∂W")),
)


def _button(text, name, tip, accessible=None):
    b = QPushButton(text)
    b.setObjectName(name)
    b.setToolTip(tip)
    b.setAccessibleName(accessible or text)
    b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return b


class _StatusLabel(LiveLabel):
    resized = Signal()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.resized.emit()


class _NoWidgetAnimation(QProxyStyle):
    """The application's style without widget animations. QMainWindow moves its toolbar and central widget
    through zero-length ``QPropertyAnimation``s that finish on a later animation tick, so every change of
    the window's layout re-laid it out once more a few milliseconds later, and on a loaded machine that
    could land in any later frame."""

    def styleHint(self, hint, option=None, widget=None, returnData=None):
        if hint == QStyle.StyleHint.SH_Widget_Animation_Duration:
            return 0
        return super().styleHint(hint, option, widget, returnData)


class MainWindow(QMainWindow):
    def __init__(self, session: TrainingSession | None = None, settings: QSettings | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("nnplay — watch a neural network learn"))
        self.session = session or TrainingSession(Config(), self)
        self.session.setParent(self)
        self.settings = settings
        self.redraw_count = 0
        self._labs = {}

        self.controls = ControlPanel(self.session.config)
        scroll = QScrollArea()
        scroll.setObjectName("controlsScroll")
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # (as narrow as the controls can be: beside them, the panels need every pixel of a small screen)
        scroll.setMinimumWidth(
            self.controls.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width() + 4
        )
        self.controlsScroll = scroll

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self._close_tab)
        self.tabs.addTab(self._training_view(), self.tr("Training"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([320, 1180])
        self.mainSplitter = splitter
        self.setCentralWidget(splitter)
        self.zoom = Zoom(self, settings)
        self._help = None
        self._controls_wanted = settings.value("controlsVisible", True, type=bool) if settings is not None else True

        self._make_toolbar()
        self._make_menus()
        self._make_shortcuts()
        self.setAnimated(False)
        # (QMainWindow lays out its toolbar and central widget through the style's widget animation; with
        # no duration the new geometry is set at once, in the same event.)
        self._static_style = _NoWidgetAnimation()
        self._static_style.setParent(self)
        for w in (splitter, self.findChild(QToolBar, "timeToolbar")):
            w.setStyle(self._static_style)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.statusLabel = _StatusLabel(hint_text=self._status_template())  # new text on every frame
        self.statusLabel.setObjectName("statusLabel")
        self.statusLabel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.statusLabel.setAccessibleName(self.tr("Training status"))
        self.statusBar().addPermanentWidget(self.statusLabel)
        self.statusLabel.resized.connect(self._update_status)  # (the long or the short line, whichever fits)
        self.stepProgress = QProgressBar()
        self.stepProgress.setObjectName("stepProgress")
        self.stepProgress.setAccessibleName(self.tr("Progress of the numerical gradient"))
        self.stepProgress.setToolTip(
            self.tr(
                "The numerical gradient of this step: each weight is nudged by ±h and the loss measured again. "
                "A step that takes longer than a frame is computed a piece at a time; the window answers meanwhile."
            )
        )
        self.stepProgress.setRange(0, 100)
        self.stepProgress.setFormat(self.tr("numerical gradient %p %"))
        self.stepProgress.setFixedWidth(230)
        self.stepProgress.hide()
        self.statusBar().addWidget(self.stepProgress)
        self._progress_ticks = 0

        s = self.session
        s.stepped.connect(self._on_stepped)
        s.reset.connect(self._on_reset)
        s.diverged.connect(self._on_diverged)
        s.playingChanged.connect(self._on_playing)
        s.configChanged.connect(self.controls.set_config)
        s.configChanged.connect(self._show_pace)
        s.stepProgress.connect(self._on_step_progress)
        self.controls.numerical_seconds = s.numerical_step_seconds
        self.controls.configEdited.connect(self._on_config_edited)
        self.controls.csvRequested.connect(self._choose_csv)
        self.controls.dataDirRequested.connect(self.choose_data_dir)
        self.downloads = DownloadOffer(self)
        self.downloads.failed.connect(self._download_failed)
        self.downloads.folderWanted.connect(lambda key: self.choose_data_dir(dataset=key))
        self.downloads.declined.connect(lambda message: self.controls.show_message(message, error=True))
        self.downloads.cancelled.connect(
            lambda: self.statusBar().showMessage(self.tr("Download cancelled; nothing partial was kept."), 8000)
        )
        self.resize(1500, 940)
        self._on_reset()
        self.zoom.restore()
        self._update_controls_column()

    # -- layout ----------------------------------------------------------------------------------------
    def _boxed(self, title, widget, tip):
        box = QGroupBox(title)
        box.setToolTip(tip)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(widget)
        return box

    def _training_view(self):
        w = QWidget()
        w.setObjectName("trainingView")
        w.figure_step = lambda: self.session.trainer.step_count  # (file names of saved figures)
        self.trainingView = w
        lay = QVBoxLayout(w)
        lay.setContentsMargins(2, 2, 2, 2)
        self.presetBanner = QLabel()
        self.presetBanner.setObjectName("presetBanner")
        self.presetBanner.setWordWrap(True)
        self.presetBanner.setStyleSheet(
            "QLabel { background: #eef4ff; border: 1px solid #9db7e8; padding: 6px; border-radius: 4px; }"
        )
        self.presetBanner.hide()
        lay.addWidget(self.presetBanner)
        banner = QWidget()
        banner.setObjectName("divergenceBanner")
        banner.setStyleSheet(
            "#divergenceBanner { background: #fde8e8; border: 1px solid #d62728; border-radius: 4px; }"
        )
        bl = QHBoxLayout(banner)
        self.divergenceLabel = QLabel()
        self.divergenceLabel.setObjectName("divergenceLabel")
        self.divergenceLabel.setWordWrap(True)
        bl.addWidget(self.divergenceLabel, 1)
        self.divergenceResetButton = _button(
            self.tr("Reset"), "divergenceResetButton", self.tr("Start over with new weights (R)")
        )
        self.divergenceResetButton.clicked.connect(self.session.restart)
        bl.addWidget(self.divergenceResetButton)
        banner.hide()
        self.divergenceBanner = banner
        lay.addWidget(banner)

        self.lossPanel = LossPanel()
        self.gradientPanel = GradientPanel()
        self.boundaryPanel = BoundaryPanel()
        self.networkPanel = NetworkView()
        self.activationPanel = ActivationPanel()
        self._connect_diagram()
        self.fast_panels = (self.lossPanel, self.gradientPanel)
        self.slow_panels = (self.boundaryPanel, self.networkPanel, self.activationPanel)
        self.panels = self.fast_panels + self.slow_panels
        self._last_slow_refresh = 0.0
        self._next_slow = 0  # which slow panel is redrawn next while playing
        self._status_readout = Readout()
        self._preset = None  # the preset whose explanation is shown

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self._boxed(self.tr("Loss and accuracy"), self.lossPanel, self.tr("How wrong the network is")))
        self.gradientBox = self._boxed(
            self.tr("Gradient of every layer  ‖∂L/∂W‖"),
            self.gradientPanel,
            self.tr("How much each layer's weights are told to change: vanishing gradients show up here"),
        )
        top.addWidget(self.gradientBox)
        self.gradientPanel.quantityCombo.currentIndexChanged.connect(self._retitle)
        top.setSizes([500, 700])
        bottom = QSplitter(Qt.Orientation.Horizontal)
        self.boundaryBox = self._boxed(
            self.tr("Decision boundary"), self.boundaryPanel, self.tr("What the network predicts where")
        )
        bottom.addWidget(self.boundaryBox)
        bottom.addWidget(self._boxed(self.tr("Network"), self.networkPanel, self.tr("Neurons and weights")))
        bottom.addWidget(
            self._boxed(
                self.tr("Activations"), self.activationPanel, self.tr("h(x), h'(x) and what each layer computes")
            )
        )
        bottom.setSizes([420, 420, 420])
        vsplit = QSplitter(Qt.Orientation.Vertical)
        vsplit.setObjectName("panelSplitter")
        vsplit.addWidget(top)
        vsplit.addWidget(bottom)
        vsplit.setSizes([430, 430])
        lay.addWidget(vsplit, 1)
        return w

    def _connect_diagram(self):
        """The network diagram as a control: a clicked unit is shown large in the boundary panel; its +/− change
        the hidden layers (the widths field follows)."""
        self.networkPanel.unitClicked.connect(self._show_unit)
        self.boundaryPanel.unitCleared.connect(lambda: self.networkPanel.select_unit(None, None))
        self.boundaryPanel.unitCleared.connect(self._retitle)
        self.networkPanel.hiddenRequested.connect(self._hidden_requested)

    def _show_unit(self, layer, unit):
        self.boundaryPanel.show_unit(layer, unit)
        self._retitle()

    def _hidden_requested(self, hidden):
        self.apply_config(self.session.config.replace(hidden=tuple(hidden)))

    def _make_toolbar(self):
        tb = QToolBar(self.tr("Time"))
        tb.setObjectName("timeToolbar")
        tb.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, tb)
        st = self.style()
        self.resetButton = _button(
            self.tr("Reset"), "resetButton", self.tr("Start over: new weights from the seed, step 0 (R)")
        )
        self.resetButton.setIcon(st.standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward))
        self.resetButton.clicked.connect(self.session.restart)
        self.stepButton = _button(
            self.tr("Step"), "stepButton", self.tr("Train on exactly one mini-batch: W ← W − η ∂L/∂W (→ or S)")
        )
        self.stepButton.setIcon(st.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward))
        self.stepButton.clicked.connect(self.session.step)
        self.stepEpochButton = _button(
            self.tr("Step epoch"),
            "stepEpochButton",
            self.tr("Train until every training sample has been used once (E)"),
        )
        self.stepEpochButton.setIcon(st.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.stepEpochButton.clicked.connect(self.session.step_epoch)
        self.playButton = _button(
            self.tr("Play"), "playButton", self.tr("Train continuously / pause (Space)"), self.tr("Play or pause")
        )
        self.playButton.setCheckable(True)
        self.playButton.setIcon(st.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.playButton.toggled.connect(self._play_toggled)
        for b in (self.resetButton, self.stepButton, self.stepEpochButton, self.playButton):
            tb.addWidget(b)
        tb.addSeparator()
        self.speedControl = SpeedControl(self.session.clock)
        self.speedControl.layout().setContentsMargins(6, 0, 6, 0)
        self.speedSlider = self.speedControl.slider
        self.speedLabel = self.speedControl.label
        self.stopAtSpin = self.speedControl.stopAtSpin
        self.speedControl.speedChanged.connect(lambda v: self._pace_edited(speed=v))
        self.speedControl.stopAtChanged.connect(lambda v: self._pace_edited(stop_at=v))
        tb.addWidget(self.speedControl)

    def _make_menus(self):
        mb = self.menuBar()
        file_menu = mb.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        for text, key, slot in (
            (self.tr("&Open experiment…"), QKeySequence.StandardKey.Open, self.open_experiment),
            (self.tr("&Save experiment…"), QKeySequence.StandardKey.Save, self.save_experiment),
            (self.tr("Save s&creenshot…"), None, self.save_screenshot),
        ):
            a = file_menu.addAction(text)
            if key is not None:
                a.setShortcut(key)
            a.triggered.connect(slot)
        self.exportHistoryAction = self._action(
            file_menu,
            "exportHistoryAction",
            self.tr("&Export history as CSV…"),
            self.tr(
                "Every recorded step of this run in a CSV file, in the same columns as `nnplay train` writes: step, "
                "epoch, mini-batch loss, the evaluations, ‖∂L/∂W‖ of each layer"
            ),
            lambda: self.export_history(),
            "Ctrl+Shift+E",
        )
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setObjectName("quitAction")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        self.presetMenu = mb.addMenu(self.tr("&Presets"))
        self.presetMenu.setObjectName("presetMenu")
        self.presetMenu.setToolTipsVisible(True)
        for i, preset in enumerate(PRESETS):
            a = self.presetMenu.addAction(preset.tr_title())
            a.setObjectName(f"preset_{preset.key}")
            if i < 9:
                a.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            a.setToolTip(preset.tr_explanation())
            a.triggered.connect(lambda _=False, p=preset: self.load_preset(p.key))

        self.labsMenu = mb.addMenu(self.tr("&Labs"))
        self.labsMenu.setObjectName("labsMenu")
        for i, (module, _cls, text) in enumerate(LABS):
            a = self.labsMenu.addAction(QCoreApplication.translate("MainWindow", text))
            a.setObjectName(f"lab_{module}")
            if i < 9:
                a.setShortcut(QKeySequence(f"Alt+{i + 1}"))
            a.triggered.connect(lambda _=False, m=module: self.open_lab(m))

        view = mb.addMenu(self.tr("&View"))
        view.setObjectName("viewMenu")
        self._make_view_actions(view)
        view.addSeparator()
        lang = view.addMenu(self.tr("Language / 言語"))
        group = QActionGroup(self)
        current = self.settings.value("language", "", type=str) if self.settings else ""
        for code, name in (("en", "English"), ("ja", "日本語")):
            a = QAction(name, self, checkable=True)
            a.setChecked(code == current)
            a.triggered.connect(lambda _=False, c=code: self._set_language(c))
            group.addAction(a)
            lang.addAction(a)

        help_menu = mb.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.helpAction = self._action(
            help_menu,
            "helpAction",
            self.tr("Help on this view"),
            self.tr("What the panel or lab with the focus shows, its formulas, what to try and what to look for (F1)"),
            lambda: self.show_help(),
            QKeySequence.StandardKey.HelpContents,
        )
        self.lectureGuideAction = self._action(
            help_menu,
            "lectureGuideAction",
            self.tr("Lecture guide"),
            self.tr("Where each topic of the lecture is in nnplay"),
            lambda: self.show_help("lecture_guide"),
        )
        help_menu.addSeparator()
        self._action(help_menu, "shortcutsAction", self.tr("Keyboard shortcuts"), "", self._show_shortcuts, "Ctrl+F1")
        self._action(help_menu, "aboutAction", self.tr("About nnplay"), "", self._show_about)

    def _action(self, menu, name, text, tip, slot, keys=None):
        a = QAction(text, self)
        a.setObjectName(name)
        if tip:
            a.setToolTip(tip)
            a.setStatusTip(tip)
        if keys is not None:
            if isinstance(keys, list | tuple):
                a.setShortcuts([QKeySequence(k) for k in keys])
            else:
                a.setShortcut(QKeySequence(keys))
        a.triggered.connect(lambda _=False: slot())
        menu.addAction(a)
        self.addAction(a)  # (its shortcut works in full screen too, where the menu bar may be hidden)
        return a

    def _make_view_actions(self, view):
        view.setToolTipsVisible(True)
        self.fullScreenAction = self._action(
            view, "fullScreenAction", self.tr("&Full screen"), self.tr("The whole screen for nnplay (F11)"),
            lambda: self.set_full_screen(not self.isFullScreen()), QKeySequence.StandardKey.FullScreen,
        )  # fmt: skip
        self.fullScreenAction.setCheckable(True)
        self.zoomInAction = self._action(
            view, "zoomInAction", self.tr("Zoom &in"),
            self.tr("Larger text, lines and markers everywhere, e.g. for a projector (Ctrl++)"),
            self.zoom.zoom_in, [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
        )  # fmt: skip
        self.zoomOutAction = self._action(
            view, "zoomOutAction", self.tr("Zoom &out"), self.tr("Smaller text, lines and markers (Ctrl+-)"),
            self.zoom.zoom_out, QKeySequence.StandardKey.ZoomOut,
        )  # fmt: skip
        self.zoomResetAction = self._action(
            view, "zoomResetAction", self.tr("&Reset zoom"), self.tr("Back to 100 % (Ctrl+0)"), self.zoom.reset,
            "Ctrl+0",
        )  # fmt: skip
        self.zoom.changed.connect(self._on_zoom)
        view.addSeparator()
        self.toggleControlsAction = self._action(
            view, "toggleControlsAction", self.tr("&Controls column"),
            self.tr("Show or hide the settings on the left, to give the plots the whole width (Ctrl+B)"),
            lambda: self.set_controls_visible(not self._controls_wanted), "Ctrl+B",
        )  # fmt: skip
        self.toggleControlsAction.setCheckable(True)
        view.addSeparator()
        self._action(
            view, "trainingTabAction", self.tr("Training tab"), "", lambda: self.tabs.setCurrentIndex(0), "Alt+0"
        )
        self._action(
            view, "nextTabAction", self.tr("Next tab"), "", lambda: self._cycle_tab(1), ["Ctrl+Tab", "Ctrl+PgDown"]
        )
        self._action(
            view, "previousTabAction", self.tr("Previous tab"), "", lambda: self._cycle_tab(-1),
            ["Ctrl+Shift+Tab", "Ctrl+PgUp"],
        )  # fmt: skip
        self._action(
            view, "closeTabAction", self.tr("Close this lab"), "", lambda: self._close_tab(self.tabs.currentIndex()),
            ["Ctrl+W", "Ctrl+F4"],
        )  # fmt: skip

    def _make_shortcuts(self):
        s = self.session
        self._shortcuts = []
        for key, slot in (
            (Qt.Key.Key_Space, s.toggle),
            (Qt.Key.Key_Right, s.step),
            (Qt.Key.Key_S, s.step),
            (Qt.Key.Key_E, s.step_epoch),
            (Qt.Key.Key_R, s.restart),
        ):
            sc = QShortcut(QKeySequence(key), self)
            sc.activated.connect(slot)
            self._shortcuts.append(sc)
        self._leave_full_screen = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self._leave_full_screen.activated.connect(lambda: self.set_full_screen(False))
        self._leave_full_screen.setEnabled(False)  # (Esc is left to the widgets except in full screen)

    def _on_tab_changed(self, index):
        """A lab with its own Play, Step and Reset is in front: the main training pauses, and the toolbar's time
        controls and their keys (which act on the Training tab) are disabled until it is in front again."""
        self._update_controls_column()
        self._size_pages()
        own = getattr(self.tabs.widget(index), "OWN_TIME_CONTROLS", False)
        if own:
            self.session.pause()
        for w in (self.resetButton, self.stepButton, self.stepEpochButton, self.playButton, self.speedControl):
            w.setEnabled(not own)
        for sc in self._shortcuts:
            sc.setEnabled(not own)
        # (the status line is the Training tab's: beside a lab with its own runs it read as the lab's)
        self.statusLabel.setVisible(not own)

    # -- reactions ---------------------------------------------------------------------------------------
    def refresh(self, force=True):
        """Redraw the views from the trainer (once per timer tick).

        The curves over time (loss, gradients) follow every frame. The views of the current weights
        (boundary, network, activations) cost a forward pass or many items each: when frames come fast
        (full speed), each is redrawn every ``SLOW_PANEL_INTERVAL`` seconds, one at a time on different frames
        so that no frame pays for all three; when frames come slowly (a few steps a second), all of them follow
        every frame, so they always show the same step. With ``force`` (a step by hand, a pause, a reset)
        everything is redrawn.
        """
        tr = self.session.trainer
        # (fast play: the numbers and bars of the current step follow at most every READOUT_INTERVAL seconds)
        paced = not force and self.session.tick_interval() < READOUT_INTERVAL
        for panel in self.fast_panels:
            panel.update_from(tr, paced=paced)
        now = self.session.clock.now()
        self.boundaryPanel.playing_fast = not force and self.session.tick_interval() == 0
        turn = SLOW_PANEL_INTERVAL / len(self.slow_panels)
        slow_frames = self.session.tick_interval() >= turn  # (a few steps a second)
        if force or slow_frames:
            for panel in self.slow_panels:
                panel.update_from(tr, force=True)
            self._last_slow_refresh = now
        elif now - self._last_slow_refresh >= turn:
            self.slow_panels[self._next_slow].update_from(tr)
            self._next_slow = (self._next_slow + 1) % len(self.slow_panels)
            self._last_slow_refresh = now
        if self._status_readout.due(paced):
            self._update_status()
        self.redraw_count += 1

    def _on_step_progress(self, fraction):
        """Show how far a numerical-gradient step is once it has taken more than one frame."""
        if fraction < 0 or fraction >= 1:
            self._progress_ticks = 0
            self.stepProgress.hide()
            return
        self._progress_ticks += 1
        if self._progress_ticks >= 2:
            self.stepProgress.setValue(round(100 * fraction))
            self.stepProgress.show()

    def _on_stepped(self, _n):
        self.refresh(force=not self.session.playing)

    def _retitle(self, *_):
        """Box titles that say what the panels show now (the quantity plotted, the kind of prediction view)."""
        if self.gradientPanel.quantity() == "gradient":
            self.gradientBox.setTitle(self.tr("Gradient of every layer  ‖∂L/∂W‖"))
        else:
            self.gradientBox.setTitle(self.tr("Update ratio of every layer  η‖∂L/∂W‖ / ‖W‖"))
        mode = self.boundaryPanel.mode()
        titles = {
            "2d": self.tr("Decision boundary"),
            "values": self.tr("Output of the network"),
            "curve": self.tr("Fitted curve"),
            "parity": self.tr("Predicted vs true values"),
        }
        title = titles.get(mode, self.tr("Predictions"))
        if self.boundaryPanel.unit() is not None:
            title = self.tr("What one unit computes")
        self.boundaryBox.setTitle(title)

    def _on_reset(self):
        tr = self.session.trainer
        self.divergenceBanner.hide()
        self.controls.set_data_shape(tr.dataset.n_features, tr.dataset.n_outputs)
        for lab in self._labs.values():
            if hasattr(lab, "set_trainer"):
                lab.set_trainer(tr)
        self.refresh()
        self._retitle()

    def _on_diverged(self, divergence):
        self.divergenceLabel.setText(
            arg(
                self.tr(
                    "<b>The loss exploded in step %1</b> (%2), so that step was not applied. The learning rate "
                    "η = %3 is too large: each step overshoots. Lower η (try %4) to start over with it; Reset "
                    "alone repeats the same run (same seed, same η)."
                ),
                divergence.step,
                core_text(divergence.cause),
                f"{divergence.learning_rate:g}",
                f"{divergence.learning_rate / 10:g}",
            )
        )
        self.divergenceBanner.show()
        self.refresh()

    def _on_playing(self, playing):
        with QSignalBlocker(self.playButton):
            self.playButton.setChecked(playing)
        self.playButton.setText(self.tr("Pause") if playing else self.tr("Play"))
        icon = QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        self.playButton.setIcon(self.style().standardIcon(icon))

    def _play_toggled(self, checked):
        if checked:
            self.session.play()
            if not self.session.busy:  # could not play (diverged)
                self._on_playing(False)
        else:
            self.session.pause()

    def set_speed(self, steps_per_second):
        """Play at this many steps per second (0: as fast as the machine goes); the toolbar follows."""
        self._pace_edited(speed=int(steps_per_second))

    def set_stop_at(self, step):
        """Play stops exactly at ``step`` (0: never); the toolbar follows."""
        self._pace_edited(stop_at=int(step))

    def _pace_edited(self, **change):
        self.apply_config(self.session.config.replace(**change), announce=False)

    def _show_pace(self, config):
        self.speedControl.set_speed(config.speed)
        self.speedControl.set_stop_at(config.stop_at)

    def _on_config_edited(self, config: Config):
        if config.gradient == "numerical":
            seconds = self.session.numerical_step_seconds(config)
            if seconds > NUMERICAL_MAX_SECONDS:
                self.controls.show_message(
                    arg(
                        self.tr(
                            "The numerical gradient of this network would take about %1 per step — too slow to "
                            "watch; still using backprop. Use a smaller network for the numerical gradient."
                        ),
                        duration_text(self, seconds),
                    )
                )
                config = config.replace(gradient="backprop")
        self.apply_config(config)

    def apply_config(self, config: Config, announce=True, start_over=False, retry=None) -> bool:
        """Switch the session to ``config`` (from step 0 with ``start_over``); on failure keep the old one
        and say why. Returns success.

        When the data set's files are missing (MNIST), the window offers to download them and, once they are
        there, calls ``retry`` (default: this same call again)."""
        old = self.session.config
        loading = config.dataset in IDX_DATASET_NAMES and (
            config.dataset != old.dataset or config.data_dir != old.data_dir
        )
        if loading:  # (reading 60,000 images takes a moment the first time)
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            restarted = self.session.apply_config(config, start_over=start_over)
        except MissingDataError as e:
            self.controls.set_config(self.session.config)
            if retry is None:

                def retry():
                    return self.apply_config(config, announce, start_over)

            self.downloads.offer(e, on_done=retry)
            return False
        except (ConfigError, DatasetError) as e:
            self.controls.show_message(core_text(e), error=True)
            return False
        finally:
            if loading:
                QApplication.restoreOverrideCursor()
            self.controls.set_config(self.session.config)  # (what is training, whatever happened)
        self.controls.clear_error()
        self._check_preset_banner()
        if restarted and announce:
            what = self._what_changed(old, config)
            self.statusBar().showMessage(arg(self.tr("Started over: %1 changed"), what), 5000)
        return True

    def _check_preset_banner(self):
        """The preset's explanation goes once its experiment has been changed (another seed is still it)."""
        preset = self._preset
        if preset is None or self.presetBanner.isHidden():
            return
        pace = {k: getattr(preset.config, k) for k in ("seed", "data_dir", *PACE_FIELDS)}
        if self.session.config.replace(**pace) != preset.config:
            self.presetBanner.hide()
            self._preset = None

    def _what_changed(self, old, new):
        """The changed settings in words, e.g. "hidden layers, activation" (translated)."""
        before = old.to_dict()
        changed = [k for k, v in new.to_dict().items() if before.get(k) != v]
        if not changed:
            return self.tr("settings")
        return self.tr(", ").join(self.tr(FIELD_NAMES[k]) if k in FIELD_NAMES else k for k in changed)

    def _update_status(self):
        tr = self.session.trainer
        h = tr.history
        loss = h.loss[-1] if len(h.loss) else math.nan
        if tr.dataset.task == "regression":
            self.statusLabel.setText(self._regression_status(tr, loss))
            return
        acc = h.eval_column("train_accuracy")
        tacc = h.eval_column("test_accuracy")
        values = (
            tr.step_count,
            (tr.epoch, tr.batch_in_epoch, tr.steps_per_epoch),
            loss,
            acc[-1] if len(acc) else None,
            tacc[-1] if len(tacc) and not math.isnan(tacc[-1]) else None,
        )
        text = self._status_text(*values)
        room = self.statusLabel.contentsRect().width()
        if self.statusLabel.isVisible() and self.statusLabel.fontMetrics().horizontalAdvance(text) > room:
            text = self._status_text(*values, short=True)  # (a small screen: never cut off with "…")
        self.statusLabel.setText(text)

    def _status_text(self, step, epoch, loss, accuracy=None, test_accuracy=None, short=False):
        """``epoch`` is (the epoch under way, mini-batches done in it, mini-batches per epoch); ``short`` leaves out
        the words that the long form explains."""
        number, batch, per_epoch = epoch
        loss_text = "—" if math.isnan(loss) and step == 0 else f"{loss:.4g}"
        if short:
            parts = [
                arg(self.tr("step %1"), step),
                arg(self.tr("epoch %1 (%2/%3)"), number, batch, per_epoch) if step else self.tr("epoch 0"),
                arg(self.tr("loss %1"), loss_text),
            ]
            if accuracy is not None:
                parts.append(arg(self.tr("train %1 %"), f"{100 * accuracy:.1f}"))
            if test_accuracy is not None:
                parts.append(arg(self.tr("test %1 %"), f"{100 * test_accuracy:.1f}"))
            return " · ".join(parts)
        parts = [
            arg(self.tr("step %1"), step),
            arg(self.tr("epoch %1, batch %2/%3"), number, batch, per_epoch) if step else self.tr("epoch 0"),
            arg(self.tr("mini-batch loss %1"), loss_text),
        ]
        if accuracy is not None:
            parts.append(arg(self.tr("train accuracy %1 %"), f"{100 * accuracy:.1f}"))
        if test_accuracy is not None:
            parts.append(arg(self.tr("test accuracy %1 %"), f"{100 * test_accuracy:.1f}"))
        return "  ·  ".join(parts)

    def _regression_status(self, tr, loss):
        """The status line with R² in place of the accuracies (values to fit)."""
        h = tr.history
        text = self._status_text(tr.step_count, (tr.epoch, tr.batch_in_epoch, tr.steps_per_epoch), loss)
        r2, tr2 = h.eval_column("train_r2"), h.eval_column("test_r2")
        if len(r2) and not math.isnan(r2[-1]):
            text += "  ·  " + arg(self.tr("train R² %1"), f"{r2[-1]:.3f}")
        if len(tr2) and not math.isnan(tr2[-1]):
            text += "  ·  " + arg(self.tr("test R² %1"), f"{tr2[-1]:.3f}")
        return text

    def _status_template(self):
        """A long status line: the status label asks for its width (it does not resize as the text changes)."""
        return self._status_text(1_000_000, (10_000, 1000, 1000), 0.0001234, 0.999, 0.999)

    # -- presets, labs, files ------------------------------------------------------------------------------
    def load_preset(self, key):
        preset = next(p for p in PRESETS if p.key == key)
        self._preset = None
        config = preset.config
        if config.dataset in IDX_DATASET_NAMES:  # (from the folder the user chose, if any)
            config = config.replace(data_dir=self.session.config.data_dir)
        if self.apply_config(
            config,
            announce=False,
            start_over=True,
            retry=lambda: self.load_preset(key),
        ):
            self._preset = preset
            self.presetBanner.setText(
                f"<b>{preset.tr_title()}</b><br>{preset.tr_explanation().replace(chr(10), '<br>')}"
            )
            self.presetBanner.show()

    def open_lab(self, module):
        lab = self._labs.get(module)
        if lab is None:
            _, cls_name, text = next(entry for entry in LABS if entry[0] == module)
            cls = getattr(importlib.import_module(f"nnplay.gui.labs.{module}"), cls_name)
            lab = cls()
            if hasattr(lab, "set_trainer"):
                lab.set_trainer(self.session.trainer)
            self._labs[module] = lab
            title = lab.title() if hasattr(lab, "title") else QCoreApplication.translate("MainWindow", text)
            self.tabs.addTab(lab, title)
            export.install_all(lab)  # (every plot of the lab gets the figure menu, and its text fitted to it)
            for plot in lab.findChildren(pg.PlotWidget):
                fit_axis_labels(plot)
            self.zoom.apply(lab)
        self.tabs.setCurrentWidget(lab)
        return lab

    def _close_tab(self, index):
        if index <= 0:  # (the Training tab stays)
            return
        widget = self.tabs.widget(index)
        for key, lab in list(self._labs.items()):
            if lab is widget:
                if hasattr(lab, "shutdown"):
                    lab.shutdown()
                del self._labs[key]
        self.tabs.removeTab(index)
        widget.deleteLater()

    def open_experiment(self, path=None):
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open experiment"), "", self.tr("nnplay experiments (*.json);;All files (*)")
            )
            if not path:
                return False
        try:
            config = Config.load(path)
        except ConfigError as e:
            QMessageBox.warning(
                self,
                self.tr("Cannot open experiment"),
                arg(self.tr("%1\n\nThe current experiment is unchanged."), core_text(e)),
            )
            return False
        if self.apply_config(config, announce=False, start_over=True):
            self.statusBar().showMessage(arg(self.tr("Opened %1"), path), 5000)
            return True
        return False

    def save_experiment(self, path=None):
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save experiment"), "experiment.json", self.tr("nnplay experiments (*.json)")
            )
            if not path:
                return False
        try:
            self.session.config.save(path)
        except (OSError, ValueError) as e:  # (ValueError: a name the file system cannot take)
            QMessageBox.warning(
                self,
                self.tr("Cannot save"),
                arg(self.tr("%1: %2. Choose another place."), path, getattr(e, "strerror", None) or e),
            )
            return False
        self.statusBar().showMessage(arg(self.tr("Saved %1"), path), 5000)
        return True

    def save_screenshot(self, path=None):
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save screenshot"), "nnplay.png", "PNG (*.png)")
            if not path:
                return False
        ok = self.grab().save(path)
        if not ok:
            QMessageBox.warning(self, self.tr("Cannot save"), arg(self.tr("Could not write %1."), path))
        return ok

    def _choose_csv(self):
        current = self.session.config.csv_path
        folder = str(Path(current).parent) if current else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open CSV data"), folder, self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if not path:
            self.controls.set_config(self.session.config)
            return
        # (a new file's columns are not known yet: its inputs start as they are, without features)
        self.apply_config(self.session.config.replace(dataset="csv", csv_path=path, features=()))

    def choose_data_dir(self, path=None, dataset=None):
        """Read MNIST / Fashion-MNIST (``dataset``; default: the one chosen, else MNIST) from ``path`` (a folder
        dialog when None; '' for nnplay's own folder)."""
        if path is None:
            from nnplay.core.mnist import data_root

            path = QFileDialog.getExistingDirectory(
                self,
                self.tr("Folder with the MNIST files (e.g. the book's dataset/ folder)"),
                str(data_root(self.session.config.data_dir)),
            )
            if not path:
                return False
        config = self.session.config
        if dataset is None:
            dataset = config.dataset if config.dataset in IDX_DATASET_NAMES else "mnist"
        return self.apply_config(config.replace(dataset=dataset, data_dir=str(path) or None))

    def _download_failed(self, message):
        self.controls.show_message(message, error=True)
        self.statusBar().showMessage(self.tr("Download failed; the current data set is unchanged."), 8000)

    def _set_language(self, code):
        if self.settings is not None:
            self.settings.setValue("language", code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The language changes the next time nnplay starts.\n次回の起動時に切り替わります。"),
        )

    def extra_shortcuts(self):
        """(keys, what) of the shortcuts that are not in a menu, for the shortcuts dialog."""
        return [
            ("Space", self.tr("Play / pause")),
            (self.tr("→ or S"), self.tr("One step (one mini-batch)")),
            ("E", self.tr("To the end of the epoch")),
            ("R", self.tr("Reset")),
            ("Esc", self.tr("Leave full screen")),
            (QKeySequence(QKeySequence.StandardKey.Copy).toString(QKeySequence.SequenceFormat.NativeText),
             self.tr("Copy the plot that has the focus as an image (with its title and legend)")),
            (self.tr("right click on a plot"), self.tr("Save it as PNG or SVG, or copy it")),
        ]  # fmt: skip

    def _show_shortcuts(self):
        dialog = helppages.ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setFont(self.font())
        dialog.show()
        return dialog

    # -- in a lecture: full screen, zoom, the controls column, help, the history as a file ---------------------
    def set_full_screen(self, on):
        if on and not self.isFullScreen():
            self._maximized_before = self.isMaximized()
            self.showFullScreen()
        elif not on and self.isFullScreen():
            if getattr(self, "_maximized_before", False):
                self.showMaximized()
            else:
                self.showNormal()
        with QSignalBlocker(self.fullScreenAction):
            self.fullScreenAction.setChecked(on)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.WindowStateChange and hasattr(self, "fullScreenAction"):
            with QSignalBlocker(self.fullScreenAction):
                self.fullScreenAction.setChecked(self.isFullScreen())
            if hasattr(self, "_leave_full_screen"):
                self._leave_full_screen.setEnabled(self.isFullScreen())

    def _on_zoom(self, factor):
        self.statusBar().showMessage(arg(self.tr("Zoom %1 %"), round(100 * factor)), 3000)
        self.stepProgress.setFixedWidth(round(230 * factor))
        self._update_status()
        if self._help is not None:
            self._help.setFont(self.font())

    def controls_column_shown(self):
        return not self.controlsScroll.isHidden()

    def set_controls_visible(self, on):
        """Show or hide the controls column (remembered); a lab that does not use it hides it anyway."""
        self._controls_wanted = bool(on)
        if self.settings is not None:
            self.settings.setValue("controlsVisible", self._controls_wanted)
        self._update_controls_column()

    def _front_uses_controls(self):
        w = self.tabs.currentWidget()
        if w is None or w is self.trainingView:
            return True
        return bool(getattr(w, "USES_MAIN_CONTROLS", hasattr(w, "set_trainer")))

    def _update_controls_column(self):
        if not hasattr(self, "toggleControlsAction"):
            return
        useful = self._front_uses_controls()
        self.controlsScroll.setVisible(self._controls_wanted and useful)
        self.toggleControlsAction.setEnabled(useful)
        with QSignalBlocker(self.toggleControlsAction):
            self.toggleControlsAction.setChecked(self._controls_wanted and useful)

    def _size_pages(self):
        """Only the tab in front asks for room: a tab widget is otherwise as large as its largest page, and the
        compare lab kept the window from a small screen while the training view was in front."""
        ignored = QSizePolicy.Policy.Ignored
        current = self.tabs.currentWidget()
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            own = page.property("nnplayOwnSizePolicy")
            if own is None:
                own = page.sizePolicy()
                page.setProperty("nnplayOwnSizePolicy", own)
            page.setSizePolicy(own if page is current else QSizePolicy(ignored, ignored))

    def _cycle_tab(self, step):
        n = self.tabs.count()
        if n:
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % n)

    def help_topic(self):
        """The help page for the panel or lab with the focus (the tab in front when nothing has it)."""
        front = self.tabs.currentWidget()
        fallback = helppages.topic_for(front, "training")
        focus = helppages.focused_widget(self)
        if focus is None:
            return fallback
        topic = helppages.topic_for(focus, None)
        return topic if topic is not None else fallback

    def show_help(self, topic=None):
        """Open the help window at ``topic`` (by default: the panel or lab with the focus)."""
        topic = topic or self.help_topic()
        if self._help is None:
            self._help = helppages.HelpBrowser(self)
        self._help.setFont(self.font())
        self._help.show_topic(topic)
        return self._help

    def export_history(self, path=None):
        """Write every recorded step of the run to a CSV file (asks where unless ``path``); returns the path."""
        tr = self.session.trainer
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export history as CSV"),
                f"history-step{tr.step_count}.csv",
                self.tr("CSV files (*.csv);;All files (*)"),
            )
            if not path:
                return None
        try:
            note = write_history_csv(path, tr.history)
        except OSError as e:
            QMessageBox.warning(
                self, self.tr("Cannot save"), arg(self.tr("%1: %2. Choose another place."), path, e.strerror)
            )
            return None
        if note is not None:
            QMessageBox.information(
                self,
                self.tr("History exported"),
                arg(
                    self.tr("%1\n\nThe file says so in its first line, which starts with #. Saved to %2."),
                    core_text(note),
                    path,
                ),
            )
        self.statusBar().showMessage(arg(self.tr("History saved to %1"), path), 5000)
        return path

    def _show_about(self):
        QMessageBox.about(
            self,
            self.tr("About nnplay"),
            self.tr(
                "nnplay: watch small neural networks learn, step by step, and see why some of them don't.\n"
                "Follows 'Deep Learning from Scratch' (ゼロから作るDeep Learning), chapters 3–6."
            ),
        )

    def closeEvent(self, event):
        self.session.pause()
        self.downloads.shutdown()
        for lab in self._labs.values():
            if hasattr(lab, "shutdown"):
                lab.shutdown()
        if self.settings is not None:
            self.settings.setValue("config", self.session.config.to_json())
            self.settings.setValue("geometry", self.saveGeometry())
        super().closeEvent(event)
