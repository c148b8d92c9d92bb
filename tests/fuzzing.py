"""Settings of the fuzz tests: a few seconds each in the normal run, as long as you like by hand.

``NNPLAY_FUZZ_EXAMPLES=5000 python -m pytest -q tests -k fuzz`` runs every fuzz test (the loaders' and the
window's monkey test) with that many examples or actions instead of the CI-sized default.
"""

import os

from hypothesis import HealthCheck, settings


def fuzz_examples(default):
    """The number of examples (or random actions): ``NNPLAY_FUZZ_EXAMPLES`` when set, else ``default``."""
    text = os.environ.get("NNPLAY_FUZZ_EXAMPLES", "").strip()
    return int(text) if text else default


def fuzz(default=60):
    """Hypothesis settings for a fuzz test (on top of the conftest's profile: no database, no deadline)."""
    return settings(
        max_examples=fuzz_examples(default),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )
