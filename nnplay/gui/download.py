"""Downloading MNIST / Fashion-MNIST from the window: ask first, then a progress dialog with Cancel.

The download (``nnplay.core.mnist.fetch``: pooch, SHA-256, atomic write) runs in a worker thread, never in a
slot of the GUI thread. The worker does not touch Qt at all: it leaves its progress (plain ints and a string)
under a lock, a timer in the GUI thread reads it, and Cancel sets a flag that the worker checks between chunks.
The worker is a daemon ``threading.Thread``: a download stuck on a dead connection never keeps the
application from quitting (a running ``QThread`` destroyed at exit would abort it). After the files are there,
the worker also reads and checks them once, so switching to the data set in the GUI thread afterwards is
instant (the loaded arrays are cached).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from nnplay.core import mnist
from nnplay.core.datasets import DatasetError
from nnplay.gui.widgets import arg, core_text


class DataDownload(QObject):
    """One download of a data set's missing files, off the GUI thread.

    The worker thread never touches Qt: it leaves its latest progress and its result in plain attributes
    under a lock, and a ``QTimer`` in the GUI thread picks them up every ``POLL_MS`` ms and emits
    ``progress(file_index, n_files, name, bytes_done, bytes_total)`` and ``finished(status, message)`` with
    status ``"done"``, ``"cancelled"`` or ``"failed"`` (then ``message`` says why, in the window's language).
    """

    POLL_MS = 50

    progress = Signal(int, int, str, int, int)
    finished = Signal(str, str)

    def __init__(self, key, data_dir=None, parent=None):
        super().__init__(parent)
        self.key, self.data_dir = key, data_dir
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest = None  # (index, n_files, name, done, total), written by the worker
        self._result = None  # (status, error or None), written by the worker
        self._thread = None
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        self.status = None

    def start(self):
        self._thread = threading.Thread(target=self._run, name=f"nnplay-download-{self.key}", daemon=True)
        self._thread.start()
        self._timer.start()

    def cancel(self):
        self._cancel.set()

    def is_running(self):
        return self.status is None and self._thread is not None

    def wait(self, seconds=None):
        """Wait for the worker to end (for tests and shutdown); True if it has."""
        if self._thread is not None:
            self._thread.join(seconds)
        return self._thread is None or not self._thread.is_alive()

    # -- worker thread (no Qt here) --------------------------------------------------------------------------
    def _report(self, index, n_files, name, done, total):
        with self._lock:
            self._latest = (int(index), int(n_files), str(name), int(done), int(total))

    def _run(self):
        try:
            mnist.fetch(self.key, self.data_dir, progress=self._report, cancelled=self._cancel.is_set)
            if self._cancel.is_set():
                raise mnist.DownloadCancelled
            mnist.load_idx_dataset(self.key, self.data_dir)  # check the files once (and cache them)
        except mnist.DownloadCancelled:
            result = ("cancelled", None)
        except Exception as e:  # (whatever happens in the worker is reported, never lost)
            result = ("failed", e)
        else:
            result = ("done", None)
        with self._lock:
            self._result = result

    # -- GUI thread ------------------------------------------------------------------------------------------
    def _poll(self):
        with self._lock:
            latest, result = self._latest, self._result
            self._latest = None
        if latest is not None:
            self.progress.emit(*latest)
        if result is not None:
            self._timer.stop()
            status, error = result
            self.status = status
            message = "" if error is None else core_text(error) if isinstance(error, DatasetError) else str(error)
            self.finished.emit(status, message)


class DownloadOffer(QObject):
    """Asks whether to download missing data (never without asking), then shows the download's progress.

    ``offer(error, on_done)`` takes the ``MissingDataError`` that stopped loading; ``on_done()`` runs after a
    successful download (e.g. to apply the config again). ``failed(message)`` and ``cancelled()`` report the
    other outcomes; ``declined(message)`` that the user said no.
    """

    failed = Signal(str)
    cancelled = Signal()
    declined = Signal(str)
    succeeded = Signal(str)  # data set key
    folderWanted = Signal(str)  # data set key: the user has the files and wants to pick their folder

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self.question = None
        self.dialog = None
        self.download = None
        self._on_done = None

    def busy(self):
        return self.download is not None and self.download.is_running()

    def offer(self, error, on_done=None):
        """Ask to download what ``error`` (a ``MissingDataError``) found missing; non-blocking."""
        if self.busy():  # (already downloading: show where)
            if self.dialog is not None:
                self.dialog.show()
                self.dialog.raise_()
            return
        if self.question is not None and self.question.isVisible():
            return
        src = mnist.SOURCES[error.key]
        box = QMessageBox(self._window)
        box.setObjectName("downloadQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(arg(self.tr("Download %1?"), src.title))
        box.setText(arg(self.tr("%1 was not found."), src.title))
        box.setInformativeText(
            arg(
                self.tr(
                    "Download its four files (about %1 MB) from %2 into\n%3?\n\nEach file is checked against its "
                    "known SHA-256 checksum. If you already have the files (for MNIST, the book's dataset/ "
                    "folder), choose “I have them…” and pick their folder."
                ),
                src.size_mb,
                src.host,
                str(error.folder),
            )
        )
        download = box.addButton(self.tr("Download"), QMessageBox.ButtonRole.AcceptRole)
        download.setObjectName("downloadAcceptButton")
        folder = box.addButton(self.tr("I have them…"), QMessageBox.ButtonRole.ActionRole)
        folder.setObjectName("downloadFolderButton")
        box.addButton(QMessageBox.StandardButton.Cancel).setObjectName("downloadDeclineButton")
        box.setDefaultButton(download)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        message = core_text(error)

        def answered(_result):
            if box.clickedButton() is download:
                self.start(error.key, error.data_dir, on_done)
            elif box.clickedButton() is folder:
                self.folderWanted.emit(error.key)
            else:
                self.declined.emit(message)
            box.deleteLater()
            self.question = None

        box.finished.connect(answered)
        self.question = box
        box.open()

    def start(self, key, data_dir=None, on_done=None):
        """Start downloading (no question asked: the user already said yes) with a progress dialog."""
        src = mnist.SOURCES[key]
        self._on_done = on_done
        dialog = QProgressDialog(self._window)
        dialog.setObjectName("downloadProgress")
        dialog.setWindowTitle(arg(self.tr("Downloading %1"), src.title))
        dialog.setLabelText(arg(self.tr("Connecting to %1…"), src.host))
        dialog.setCancelButtonText(self.tr("Cancel"))
        # Not modal: a modal QProgressDialog runs processEvents() inside setValue(), which would deliver the
        # download's "finished" in the middle of a progress update. The window goes on training meanwhile.
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setRange(0, 0)  # (busy until the first bytes say how many there are)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(self._cancel)  # (the Cancel button, closing the dialog)
        dialog.rejected.connect(self._cancel)  # (Esc)
        self.dialog = dialog
        self.download = DataDownload(key, data_dir, self)
        self.download.progress.connect(self._progress)
        self.download.finished.connect(self._finished)
        self.download.start()
        dialog.show()

    def _cancel(self):
        if self.download is not None:
            self.download.cancel()

    def _progress(self, index, n_files, name, done, total):
        d = self.dialog
        if d is None:
            return
        size = (
            arg(self.tr("%1 of %2 MB"), f"{done / 1e6:.1f}", f"{total / 1e6:.1f}")
            if total
            else arg(self.tr("%1 MB"), f"{done / 1e6:.1f}")
        )
        d.setLabelText(arg(self.tr("File %1 of %2: %3\n%4"), index + 1, n_files, name, size))
        if total:
            # (in kB: a QProgressDialog counts in int)
            d.setRange(0, max(1, total // 1000))
            d.setValue(min(done, total) // 1000)

    def _finished(self, status, message):
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self._cancel)
            self.dialog.rejected.disconnect(self._cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        key = self.download.key if self.download is not None else ""
        self.download = None
        if status == "done":
            self.succeeded.emit(key)
            if self._on_done is not None:
                self._on_done()
        elif status == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(message)
        self._on_done = None

    def shutdown(self):
        """Stop a running download (the window is closing); its partial file is deleted by the worker."""
        if self.download is not None:
            self.download.cancel()
            self.download.wait(2.0)
