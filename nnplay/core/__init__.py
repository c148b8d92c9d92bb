"""The numpy engine of nnplay. Pure numpy: nothing here imports Qt or pyqtgraph."""
