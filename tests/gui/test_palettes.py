"""Colour that anyone can read: each palette keeps its colours apart under a simulated red–green colour-vision
deficiency (about 1 man in 12).

The simulation is Machado, Oliveira & Fernandes (2009), severity 1.0 (full deuteranopia and protanopia), applied
in linear RGB; the difference is CIEDE2000 (ΔE00) in CIELAB (D65). Thresholds, stated here:

- layers (up to 9 weight layers, the deepest preset): neighbours ΔE00 ≥ 5 (clearly apart side by side; a just
  noticeable difference is about 1–2), first and last ≥ 30;
- classes: every pair of the first three ≥ 15 (the spiral's), of the first four ≥ 10, and every class has its own
  marker shape as well;
- weight sign (positive vs negative), good vs bad: ≥ 25.

The old palettes fail these (red → blue layers: deuteranopia made layers 1, 2 and 5–7 one olive, ΔE00 2.1).
"""

import itertools
import math

import numpy as np
import pyqtgraph as pg
import pytest

from nnplay.gui.style import BAD, CLASS_COLORS, CLASS_SYMBOLS, GOOD, NEGATIVE, POSITIVE, layer_color

MACHADO = {
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
}
VISIONS = ("normal", "deuteranopia", "protanopia")


def _linear(c):
    c = np.asarray(c, dtype=float)
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _srgb(lin):
    lin = np.clip(lin, 0.0, 1.0)
    return np.where(lin <= 0.0031308, 12.92 * lin, 1.055 * lin ** (1 / 2.4) - 0.055)


def simulate(rgb, vision):
    if vision == "normal":
        return np.asarray(rgb, dtype=float)
    return _srgb(np.asarray(MACHADO[vision]) @ _linear(rgb))


def lab(rgb):
    m = np.array(
        [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
    )
    xyz = m @ _linear(rgb) / np.array([0.95047, 1.0, 1.08883])
    e = 6 / 29
    f = np.where(xyz > e**3, np.cbrt(xyz), xyz / (3 * e * e) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e00(lab1, lab2):
    """CIEDE2000 (Sharma, Wu & Dalal 2005)."""
    (l1, a1, b1), (l2, a2, b2) = lab1, lab2
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar**7 / (cbar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360
    h2p = math.degrees(math.atan2(b2, a2p)) % 360
    dlp, dcp = l2 - l1, c2p - c1p
    dhp = 0.0
    if c1p * c2p:
        dhp = h2p - h1p
        dhp -= 360 if dhp > 180 else -360 if dhp < -180 else 0
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    lbar, cbarp = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbar = (h1p + h2p) / 2
    else:
        hbar = (h1p + h2p + (360 if h1p + h2p < 360 else -360)) / 2
    t = (1 - 0.17 * math.cos(math.radians(hbar - 30)) + 0.24 * math.cos(math.radians(2 * hbar))
         + 0.32 * math.cos(math.radians(3 * hbar + 6)) - 0.20 * math.cos(math.radians(4 * hbar - 63)))  # fmt: skip
    dtheta = 30 * math.exp(-(((hbar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cbarp**7 / (cbarp**7 + 25**7))
    sl = 1 + 0.015 * (lbar - 50) ** 2 / math.sqrt(20 + (lbar - 50) ** 2)
    sc, sh = 1 + 0.045 * cbarp, 1 + 0.015 * cbarp * t
    rt = -math.sin(math.radians(2 * dtheta)) * rc
    return math.sqrt((dlp / sl) ** 2 + (dcp / sc) ** 2 + (dhh / sh) ** 2 + rt * (dcp / sc) * (dhh / sh))


def rgb(color):
    c = pg.mkColor(color)
    return np.array([c.redF(), c.greenF(), c.blueF()])


def diff(c1, c2, vision):
    return delta_e00(lab(simulate(rgb(c1), vision)), lab(simulate(rgb(c2), vision)))


def test_delta_e00_matches_sharma_s_reference_pairs():
    # Pairs 1, 7 and 17 of Sharma, Wu & Dalal (2005), table 1.
    assert delta_e00((50, 2.6772, -79.7751), (50, 0, -82.7485)) == pytest.approx(2.0425, abs=1e-4)
    assert delta_e00((50, 0, 0), (50, -1, 2)) == pytest.approx(2.3669, abs=1e-4)
    assert delta_e00((50, 2.5, 0), (73, 25, -18)) == pytest.approx(27.1492, abs=1e-4)


def test_the_simulation_turns_red_and_green_alike():
    """(The check that the test can fail: tab10's red and green, told apart by everyone else.)"""
    assert diff("#d62728", "#2ca02c", "normal") > 50
    assert diff("#d62728", "#2ca02c", "deuteranopia") < 15


@pytest.mark.parametrize("vision", VISIONS)
@pytest.mark.parametrize("n", range(2, 10))
def test_layers_stay_apart(vision, n):
    colors = [layer_color(i, n) for i in range(n)]
    for a, b in itertools.pairwise(colors):
        assert diff(a, b, vision) >= 5, (n, vision)
    assert diff(colors[0], colors[-1], vision) >= 30


@pytest.mark.parametrize("vision", VISIONS)
def test_classes_stay_apart_and_differ_by_shape_too(vision):
    first = CLASS_COLORS[:4]
    for i in range(4):
        for j in range(i + 1, 4):
            assert diff(first[i], first[j], vision) >= (15 if j < 3 else 10), (i, j, vision)
    assert len(set(CLASS_SYMBOLS)) == len(CLASS_SYMBOLS) >= len(CLASS_COLORS)


@pytest.mark.parametrize("vision", VISIONS)
def test_sign_and_verdict_colours_stay_apart(vision):
    assert diff(POSITIVE, NEGATIVE, vision) >= 25
    assert diff(GOOD, BAD, vision) >= 25
