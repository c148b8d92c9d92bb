"""``python -m nnplay bench --gui`` runs and prints a row of figures for every net (a smoke test: the figures
themselves are measured by hand, not asserted here)."""

import re

from nnplay.gui.bench import run


def test_gui_bench_prints_a_row_per_net_and_the_start_up_time(qapp):
    lines = []
    assert run(seconds=0.4, print_fn=lines.append, min_case=0.1, headless_seconds=0.1) == 0
    rows = [ln for ln in lines if re.search(r"\d+\.\dms\s+\d+\.\dms\s+[\d.]+\s+\d+%\s+\w+$", ln)]
    names = ["default", "2-(8x6)-2", "2-(8x6)-2", "2-(8x6)-2", "reg_gauss", "deep", "digits", "largest"]
    assert [r.split()[0] for r in rows] == names
    for row in rows:
        steps, redraws, _frame, _probe, headless, _ratio, _pictures = row.split()[-7:]
        assert float(steps) > 0 and float(redraws) > 0 and float(headless) > 0
    # the unit pictures are on for the 2-D nets up to 6 x 8 units and off for the largest (saying why)
    pictures = [r.split()[-1] for r in rows]
    assert pictures == ["on", "on", "off", "on", "on", "on", "not_2d", "too_big"]
    assert re.search(r"window shown \d+\.\d\d s after process start", "\n".join(lines))
    assert lines[-1].startswith("goals:")
