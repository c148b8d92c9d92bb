"""Data files shipped with nnplay (installed as the ``nnplay.resources`` package)."""
