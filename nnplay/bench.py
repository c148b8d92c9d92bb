"""``python -m nnplay bench``: how fast ``Trainer.step`` is, against a hand-written numpy floor and PyTorch."""

from __future__ import annotations

import time

import numpy as np

from nnplay.core.config import Config
from nnplay.core.trainer import Trainer

CASES = (
    ("tiny 2-8-8-2, batch 10", Config(dataset="circles", hidden=(8, 8), activation="sigmoid", batch_size=10)),
    (
        "deep 2-(16x8)-2, batch 32",
        Config(dataset="spiral", samples=600, hidden=(16,) * 8, activation="sigmoid", batch_size=32),
    ),
    (
        "digits 64-100-100-10, batch 100",
        Config(dataset="digits", samples=1797, hidden=(100, 100), activation="sigmoid", batch_size=100),
    ),
)


def _time_per_call(fn, min_time=0.3, repeats=5):
    """Best-of-``repeats`` mean time of ``fn()`` in seconds, each repeat lasting about ``min_time``."""
    fn()
    n, t0 = 1, time.perf_counter()
    while True:  # find how many calls take min_time
        for _ in range(n):
            fn()
        elapsed = time.perf_counter() - t0
        if elapsed >= min_time / 4:
            break
        n *= 2
        t0 = time.perf_counter()
    n = max(1, int(n * min_time / elapsed))
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(n):
            fn()
        best = min(best, (time.perf_counter() - t0) / n)
    return best


def numpy_floor(trainer):
    """A minimal hand-written step for the trainer's sigmoid/softmax/cross-entropy net, same batches:
    forward, loss, backward with the book's (y − t)/N shortcut, SGD update. Returns a zero-arg callable."""
    ds = trainer.dataset
    Ws = [trainer.network.params[f"W{i + 1}"].copy() for i in range(trainer.network.n_layers)]
    bs = [trainer.network.params[f"b{i + 1}"].copy() for i in range(trainer.network.n_layers)]
    t1h = np.eye(ds.n_classes)[ds.t_train]
    B, N, lr = trainer.batch_size, len(ds.x_train), trainer.config.learning_rate
    rng = np.random.default_rng(0)
    state = {"pos": N, "xs": None, "ts": None}

    def step():
        if state["pos"] >= N:
            perm = rng.permutation(N)
            state["xs"], state["ts"], state["pos"] = ds.x_train[perm], t1h[perm], 0
        p = state["pos"]
        state["pos"] = p + B
        x, t = state["xs"][p : p + B], state["ts"][p : p + B]
        hs = [x]
        for W, b in zip(Ws[:-1], bs[:-1], strict=True):
            hs.append(1.0 / (1.0 + np.exp(-(hs[-1] @ W + b))))
        s = hs[-1] @ Ws[-1] + bs[-1]
        e = np.exp(s - s.max(axis=1, keepdims=True))
        y = e / e.sum(axis=1, keepdims=True)
        loss = -np.sum(t * np.log(y + 1e-7)) / len(x)
        d = (y - t) / len(x)
        for i in range(len(Ws) - 1, -1, -1):
            dW = hs[i].T @ d
            db = d.sum(axis=0)
            if i:
                d = (d @ Ws[i].T) * hs[i] * (1.0 - hs[i])
            Ws[i] -= lr * dW
            bs[i] -= lr * db
        return loss

    return step


def torch_step(trainer):
    """The same step in PyTorch (CPU, float64), or None when torch is not installed."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    ds = trainer.dataset
    net = trainer.network
    Ws = [torch.tensor(net.params[f"W{i + 1}"], requires_grad=True) for i in range(net.n_layers)]
    bs = [torch.tensor(net.params[f"b{i + 1}"], requires_grad=True) for i in range(net.n_layers)]
    x_all = torch.tensor(ds.x_train)
    t_all = torch.tensor(ds.t_train)
    opt = torch.optim.SGD([*Ws, *bs], lr=trainer.config.learning_rate)
    B, N = trainer.batch_size, len(ds.x_train)
    state = {"pos": N, "xs": None, "ts": None}

    def step():
        if state["pos"] >= N:
            perm = torch.randperm(N)
            state["xs"], state["ts"], state["pos"] = x_all[perm], t_all[perm], 0
        p = state["pos"]
        state["pos"] = p + B
        h = state["xs"][p : p + B]
        for W, b in zip(Ws[:-1], bs[:-1], strict=True):
            h = torch.sigmoid(h @ W + b)
        loss = torch.nn.functional.cross_entropy(h @ Ws[-1] + bs[-1], state["ts"][p : p + B])
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss

    return step


def run(print_fn=print, min_time=0.3):
    """Print one row per net: Trainer.step (called one step at a time and in chunks of 100), the numpy floor,
    PyTorch, and the ratios. PyTorch is timed after every numpy figure: once loaded, its thread pool
    slows numpy's BLAS on a 2-core machine, which would make the comparison unfair to both."""
    rows = []
    for name, config in CASES:
        trainer = Trainer(config, eval_every=0)
        t_step = _time_per_call(lambda tr=trainer: tr.step(1), min_time)
        t_chunk = _time_per_call(lambda tr=trainer: tr.step(100), min_time) / 100
        t_floor = _time_per_call(numpy_floor(Trainer(config, eval_every=0)), min_time)
        rows.append([name, t_step, t_chunk, t_floor, float("nan")])
    for row, (_, config) in zip(rows, CASES, strict=True):
        tstep = torch_step(Trainer(config, eval_every=0))
        if tstep is not None:
            row[4] = _time_per_call(tstep, min_time)
    print_fn(
        f"{'net':32s} {'step(1)':>9s} {'step(100)/100':>13s} {'numpy floor':>11s} {'ratio':>6s} "
        f"{'torch':>9s} {'torch/step':>10s}"
    )
    for name, t_step, t_chunk, t_floor, t_torch in rows:
        torch_txt = (
            f"{t_torch * 1e6:7.1f}us {t_torch / t_step:9.1f}x" if t_torch == t_torch else f"{'n/a':>9s} {'n/a':>10s}"
        )
        print_fn(
            f"{name:32s} {t_step * 1e6:7.1f}us {t_chunk * 1e6:11.1f}us {t_floor * 1e6:9.1f}us "
            f"{t_step / t_floor:5.2f}x {torch_txt}"
        )
    print_fn("ratio = step(1) / numpy floor (goal <= 1.3); torch/step = PyTorch CPU time / step(1)")
    return rows


if __name__ == "__main__":
    run()
