import os

# Qt must run without a display (CI has none); set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
