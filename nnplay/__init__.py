"""nnplay: watch small neural networks learn, step by step (Deep Learning from Scratch, ch. 3-6)."""

__version__ = "0.1.0"
