"""``python -m nnplay bench --gui`` runs and prints a row of figures for every net (a smoke test: the figures
themselves are measured by hand, not asserted here)."""

import re

from nnplay.gui.bench import run


def test_gui_bench_prints_a_row_per_net_and_the_start_up_time(qapp):
    lines = []
    assert run(seconds=0.4, print_fn=lines.append, min_case=0.1, headless_seconds=0.1) == 0
    rows = [ln for ln in lines if re.search(r"\d+\.\dms\s+\d+\.\dms\s+[\d.]+\s+\d+%$", ln)]
    assert [r.split()[0] for r in rows] == ["default", "deep", "digits", "largest"]
    for row in rows:
        steps, redraws, _frame, _probe, headless, _ratio = row.split()[-6:]
        assert float(steps) > 0 and float(redraws) > 0 and float(headless) > 0
    assert re.search(r"window shown \d+\.\d\d s after process start", "\n".join(lines))
    assert lines[-1].startswith("goals:")
