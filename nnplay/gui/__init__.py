"""The Qt user interface of nnplay (PySide6 + pyqtgraph). Nothing in nnplay.core imports this."""
