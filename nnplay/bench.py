"""``python -m nnplay bench``: how fast ``Trainer.step`` is, against a hand-written numpy floor and PyTorch; the
numerical gradient against the book's one-at-a-time loop; and the book's ch.5 MNIST run, headless, against a
minimal numpy loop of the same run."""

from __future__ import annotations

import gzip
import math
import os
import time
from pathlib import Path

import numpy as np

from nnplay.core.config import Config
from nnplay.core.datasets import Dataset
from nnplay.core.gradient import H
from nnplay.core.network import Network
from nnplay.core.numgrad import NumericalGradient
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


def run(
    print_fn=print,
    min_time=0.3,
    sections=("engine", "numgrad", "ch5"),
    data_dir=None,
    full_loop=False,
    loop_seconds=2.0,
    numgrad_cases=None,
    ch5_steps=10_000,
):
    """Run the sections asked for and print their rows (see ``run_engine``, ``run_numgrad``, ``run_ch5``).
    Returns {section: rows}."""
    out = {}
    threads = os.environ.get("OPENBLAS_NUM_THREADS") or os.environ.get("OMP_NUM_THREADS") or "default"
    print_fn(f"numpy {np.__version__}, {os.cpu_count()} cores, BLAS threads: {threads}")
    mnist = None
    if "numgrad" in sections or "ch5" in sections:
        folder = find_mnist(data_dir)
        mnist = read_mnist(folder) if folder is not None else None
    if "engine" in sections:
        out["engine"] = run_engine(print_fn, min_time)
    if "numgrad" in sections:
        cases = NUMGRAD_CASES if numgrad_cases is None else numgrad_cases
        out["numgrad"] = run_numgrad(print_fn, cases, mnist, full_loop=full_loop, loop_seconds=loop_seconds)
    if "ch5" in sections:
        out["ch5"] = run_ch5(print_fn, mnist, steps=ch5_steps)
    return out


def run_engine(print_fn=print, min_time=0.3):
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


# -- MNIST (for the rows below) --------------------------------------------------------------------------------

MNIST_ENV = "NNPLAY_MNIST_DIR"
"""Environment variable naming a folder with the four MNIST IDX files (the book's ``dataset/`` folder works)."""

_MNIST_FILES = {
    "x_train": "train-images",
    "t_train": "train-labels",
    "x_test": "t10k-images",
    "t_test": "t10k-labels",
}


def _mnist_file(folder, stem):
    kind = "idx3" if "images" in stem else "idx1"
    for name in (f"{stem}-{kind}-ubyte", f"{stem}.{kind}-ubyte"):
        for suffix in ("", ".gz"):
            path = Path(folder) / (name + suffix)
            if path.is_file():
                return path
    return None


def find_mnist(data_dir=None):
    """The folder holding the MNIST IDX files (``data_dir``, else ``$NNPLAY_MNIST_DIR``), or None."""
    folder = data_dir if data_dir is not None else os.environ.get(MNIST_ENV)
    if not folder:
        return None
    if all(_mnist_file(folder, stem) for stem in _MNIST_FILES.values()):
        return Path(folder)
    return None


def _read_idx(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(ndim)]
    if data[:3] != b"\x00\x00\x08" or len(data) != 4 + 4 * ndim + math.prod(dims):
        raise ValueError(f"{path} is not a complete IDX file of unsigned bytes")
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims[0], -1 if ndim > 1 else 1)


def read_mnist(folder):
    """The four MNIST arrays as uint8 images (N, 784) and labels (N,): {x_train, t_train, x_test, t_test}.

    Only for the benchmark (a few lines of numpy); the data sets ``mnist``/``fashion_mnist`` of issue #10
    are the app's loader."""
    out = {key: _read_idx(_mnist_file(folder, stem)) for key, stem in _MNIST_FILES.items()}
    out["t_train"] = out["t_train"].reshape(-1)
    out["t_test"] = out["t_test"].reshape(-1)
    return out


def mnist_like_batch(rng, n, mnist=None):
    """A batch x (n, 784) in [0, 1], t (n,): n random MNIST training images, or without MNIST random uint8
    pixels of which ~81 % are 0 (the fraction of zero pixels in MNIST), scaled by 1/255."""
    if mnist is not None:
        idx = rng.choice(len(mnist["x_train"]), n, replace=False)
        return mnist["x_train"][idx] / 255.0, mnist["t_train"][idx].astype(np.int64)
    x = rng.integers(1, 256, size=(n, 784)).astype(np.uint8)
    x[rng.random(x.shape) < 0.81] = 0
    return x / 255.0, rng.integers(0, 10, n)


# -- the numerical gradient: nnplay's fast one against the book's loop -----------------------------------------

NUMGRAD_CASES = (
    ("784-50-10 sigmoid (book ch.4)", (784, 50, 10), "sigmoid", 0.01),
    ("784-100-50-10 sigmoid", (784, 100, 50, 10), "sigmoid", "xavier"),
    ("784-100-50-10 relu", (784, 100, 50, 10), "relu", "he"),
)
"""(label, sizes, activation, init): softmax + cross-entropy, batch 100."""


def _loop_entries(net, x, t1, key, idx):
    """The book's loop (the body of ``gradient.numerical_gradient``) for the flat entries ``idx`` of ``key``."""
    flat = net.params[key].reshape(-1)
    out = np.empty(len(idx))
    for k, i in enumerate(idx):
        old = flat[i]
        flat[i] = old + H
        fxh1 = net.loss(x, t1)
        flat[i] = old - H
        fxh2 = net.loss(x, t1)
        flat[i] = old
        out[k] = (fxh1 - fxh2) / (2 * H)
    return out


def time_numgrad(net, x, t, full_loop=False, loop_seconds=2.0, repeats=3, seed=0):
    """Time nnplay's numerical gradient and the book's loop on the same net and batch, in one run.

    The loop costs the same for every parameter (two full forward passes), so unless ``full_loop`` it is
    timed on a random sample of entries taking about ``loop_seconds`` and extrapolated per parameter.
    Returns a dict: fast and loop seconds, entries, sampled entries, and the largest |fast − loop| on the
    compared entries in units of the loop's own rounding noise eps·L/(2h).
    """
    t1 = np.eye(net.sizes[-1])[t]
    NumericalGradient(net, x, t).run()  # warm-up
    fast_s, grads = math.inf, None
    for _ in range(repeats):
        t0 = time.perf_counter()
        job = NumericalGradient(net, x, t)
        grads = job.run()
        fast_s = min(fast_s, time.perf_counter() - t0)
    total = job.total
    keys = list(net.params)
    sizes = np.array([net.params[k].size for k in keys])
    starts = np.concatenate([[0], np.cumsum(sizes)])
    rng = np.random.default_rng(seed)
    if full_loop:
        flat_idx = np.arange(total)
    else:
        t0 = time.perf_counter()
        _loop_entries(net, x, t1, keys[0], [0, 1, 2, 3])
        per_entry = (time.perf_counter() - t0) / 4
        m = int(min(total, max(20, loop_seconds / per_entry)))
        flat_idx = np.sort(rng.choice(total, m, replace=False))
    loop_s, worst = 0.0, 0.0
    unit = np.finfo(np.float64).eps * net.loss(x, t1) / (2 * H)
    for b, key in enumerate(keys):
        sel = flat_idx[(flat_idx >= starts[b]) & (flat_idx < starts[b + 1])] - starts[b]
        if len(sel) == 0:
            continue
        t0 = time.perf_counter()
        ref = _loop_entries(net, x, t1, key, sel)
        loop_s += time.perf_counter() - t0
        worst = max(worst, float(np.max(np.abs(grads[key].reshape(-1)[sel] - ref))) / unit)
    loop_full = loop_s * total / len(flat_idx)
    return {"fast": fast_s, "loop": loop_full, "entries": total, "sampled": len(flat_idx), "noise_units": worst}


def run_numgrad(print_fn=print, cases=NUMGRAD_CASES, mnist=None, full_loop=False, loop_seconds=2.0, batch=100):
    """One row per net: a numerical-gradient step (the whole gradient of one batch) by nnplay and by the
    book's one-at-a-time loop, in the same run, and their ratio."""
    rng = np.random.default_rng(0)
    x, t = mnist_like_batch(rng, batch, mnist)
    data = "MNIST training images" if mnist is not None else "random MNIST-like pixels (81 % zeros; no MNIST found)"
    how = "all entries" if full_loop else f"a random sample of entries taking ~{loop_seconds:g} s, extrapolated"
    print_fn(f"numerical gradient, batch {batch} of {data}; the book's loop timed on {how}")
    print_fn(
        f"{'net':32s} {'entries':>8s} {'nnplay':>9s} {'book loop':>10s} {'ratio':>7s} {'entries/s':>10s} {'|Δ|':>6s}"
    )
    rows = []
    for label, sizes, activation, init in cases:
        net = Network(sizes, activation, "softmax", "cross_entropy", init=init, seed=0)
        r = time_numgrad(net, x[:, : sizes[0]], t % sizes[-1], full_loop=full_loop, loop_seconds=loop_seconds)
        r["label"] = label
        rows.append(r)
        loop_txt = f"{r['loop']:8.2f}s" + ("" if r["sampled"] == r["entries"] else "*")
        print_fn(
            f"{label:32s} {r['entries']:8d} {r['fast'] * 1e3:7.1f}ms {loop_txt:>10s} {r['loop'] / r['fast']:6.0f}x "
            f"{r['entries'] / r['fast']:10.3g} {r['noise_units']:5.2f}"
        )
    print_fn(
        "* extrapolated from the sampled entries (the loop costs two full forward passes for every entry). "
        "|Δ| = max |nnplay − loop| over the compared entries, in units of eps·L/(2h), the loop's own rounding "
        "noise. Goal: ratio >= 100 for the book's net (its loop took 12.6 s here)."
    )
    return rows


# -- the book's ch.5 run on MNIST -------------------------------------------------------------------------------


def _accuracy(W1, b1, W2, b2, x, t, chunk=10_000):
    hits = 0
    for i in range(0, len(x), chunk):
        h = np.maximum(x[i : i + chunk] @ W1 + b1, 0)
        hits += int(np.sum((h @ W2 + b2).argmax(axis=1) == t[i : i + chunk]))
    return hits / len(x)


def book_ch5_loop(ds, seed=0, lr=0.1, batch=100, std=0.01):
    """The book's ch.5 ``train_neuralnet.py`` as a minimal numpy loop: TwoLayerNet(784, 50, 10) with ReLU,
    weights N(0, 0.01²), a random batch of 100 per step, backprop with (y − t)/N, SGD. Returns
    ``step(n)`` and ``accuracy(x, t)``."""
    rng = np.random.default_rng(seed)
    p = {
        "W1": std * rng.standard_normal((784, 50)),
        "b1": np.zeros(50),
        "W2": std * rng.standard_normal((50, 10)),
        "b2": np.zeros(10),
    }
    x_train, t1h = ds.x_train, np.eye(10)[ds.t_train]

    def step(n):
        W1, b1, W2, b2 = p["W1"], p["b1"], p["W2"], p["b2"]
        for _ in range(n):
            mask = rng.choice(len(x_train), batch)
            x, t = x_train[mask], t1h[mask]
            a1 = x @ W1 + b1
            h = np.maximum(a1, 0)
            s = h @ W2 + b2
            y = np.exp(s - s.max(axis=1, keepdims=True))
            y /= y.sum(axis=1, keepdims=True)
            d = (y - t) / batch
            dW2, db2 = h.T @ d, d.sum(axis=0)
            dh = (d @ W2.T) * (a1 > 0)
            dW1, db1 = x.T @ dh, dh.sum(axis=0)
            p["W1"] -= lr * dW1  # in place, as the book's SGD
            p["b1"] -= lr * db1
            p["W2"] -= lr * dW2
            p["b2"] -= lr * db2

    return step, lambda x, t: _accuracy(p["W1"], p["b1"], p["W2"], p["b2"], x, t)


def run_ch5(print_fn=print, mnist=None, steps=10_000, block=500):
    """The book's ch.5 run — TwoLayerNet(784, 50, 10), ReLU, init std 0.01, batch 100, η 0.1, ``steps``
    steps — headless through ``Trainer`` and as a minimal numpy loop, in the same process, in alternating
    blocks of ``block`` steps (so that a change of machine load hits both alike). Needs MNIST."""
    if mnist is None:
        print_fn(
            f"book ch.5 run: skipped, no MNIST (pass --data-dir DIR or set {MNIST_ENV} to a folder with the four "
            "IDX files, e.g. the book's dataset/ folder)"
        )
        return None
    ds = Dataset(
        "mnist",
        mnist["x_train"] / 255.0,
        mnist["t_train"],
        mnist["x_test"] / 255.0,
        mnist["t_test"],
        n_classes=10,
        class_names=tuple(str(i) for i in range(10)),
        image_shape=(28, 28),
    )
    config = Config(dataset="digits", hidden=(50,), activation="relu", init=0.01, learning_rate=0.1, batch_size=100)
    trainer = Trainer(config, eval_every=0, dataset=ds)
    loop_step, loop_accuracy = book_ch5_loop(ds)
    t_trainer = t_loop = 0.0
    done = 0
    while done < steps:
        n = min(block, steps - done)
        t0 = time.perf_counter()
        trainer.step(n)
        t1 = time.perf_counter()
        loop_step(n)
        t2 = time.perf_counter()
        t_trainer += t1 - t0
        t_loop += t2 - t1
        done += n
    net = trainer.network
    acc = {
        "trainer": (net.accuracy(ds.x_train, ds.t_train), net.accuracy(ds.x_test, ds.t_test)),
        "loop": (loop_accuracy(ds.x_train, ds.t_train), loop_accuracy(ds.x_test, ds.t_test)),
    }
    print_fn(f"book ch.5 run: TwoLayerNet(784, 50, 10), ReLU, {steps} steps of batch 100, η 0.1, MNIST")
    print_fn(f"{'':22s} {'time':>8s} {'per step':>9s} {'train acc':>9s} {'test acc':>9s}")
    for name, secs, (a_tr, a_te) in (
        ("nnplay Trainer", t_trainer, acc["trainer"]),
        ("minimal numpy loop", t_loop, acc["loop"]),
    ):
        print_fn(f"{name:22s} {secs:7.2f}s {secs / steps * 1e3:7.3f}ms {a_tr:9.4f} {a_te:9.4f}")
    print_fn(
        f"ratio Trainer / loop = {t_trainer / t_loop:.2f} (goal <= 1.3); the book's own ch.5 loop: 8.3 s, "
        "train 0.979, test 0.969 (measured in another process)"
    )
    return {"trainer": t_trainer, "loop": t_loop, "steps": steps, "accuracy": acc}


if __name__ == "__main__":
    run()
