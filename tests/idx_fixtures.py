"""Small MNIST-like IDX files written byte by byte, and a local HTTP server to download them from.

Nothing here touches the internet: the server listens on 127.0.0.1, and the tests patch the hashes of these
fixture files into ``nnplay.core.mnist.SOURCES``.
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import http.server
import socket
import struct
import threading
import time

import numpy as np

OFFICIAL = ("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
WINDOWS = ("train-images.idx3-ubyte", "train-labels.idx1-ubyte", "t10k-images.idx3-ubyte", "t10k-labels.idx1-ubyte")


def idx_bytes(a, type_code=0x08):
    """The IDX encoding of the uint8 array ``a``: 00 00 <type> <ndim>, big-endian sizes, the bytes."""
    a = np.asarray(a, dtype=np.uint8)
    return bytes([0, 0, type_code, a.ndim]) + struct.pack(f">{a.ndim}I", *a.shape) + a.tobytes()


def make_arrays(n_train=30, n_test=12, seed=0, noisy=False):
    """Images whose first pixel encodes their index (so order can be checked) and labels cycling 0-9.
    With ``noisy``, random pixels (incompressible: a .gz of them stays large, for progress tests)."""
    rng = np.random.default_rng(seed)
    out = {}
    for part, n in (("train", n_train), ("test", n_test)):
        if noisy:
            x = rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8)
        else:
            x = np.zeros((n, 28, 28), dtype=np.uint8)
            x[:, 10:18, 10:18] = rng.integers(0, 256, size=(n, 8, 8), dtype=np.uint8)
        x[:, 0, 0] = np.arange(n) % 256
        x[:, 0, 1] = np.arange(n) // 256
        t = (np.arange(n) * 7 + (3 if part == "test" else 0)) % 10
        out[part] = (x, t.astype(np.uint8))
    return out


def file_contents(arrays, gz=True):
    """{official .gz name (or unpacked name): bytes} for the four files."""
    blobs = [
        idx_bytes(arrays["train"][0]),
        idx_bytes(arrays["train"][1]),
        idx_bytes(arrays["test"][0]),
        idx_bytes(arrays["test"][1]),
    ]
    if gz:
        return {f"{n}.gz": gzip.compress(b, mtime=0) for n, b in zip(OFFICIAL, blobs, strict=True)}
    return dict(zip(OFFICIAL, blobs, strict=True))


def write_dataset(folder, arrays=None, style="gz", **kw):
    """Write the four files into ``folder``: ``style`` "gz" (official .gz names), "raw" (official names,
    unpacked) or "windows" (``train-images.idx3-ubyte``, unpacked). Returns the arrays written."""
    arrays = arrays or make_arrays(**kw)
    folder.mkdir(parents=True, exist_ok=True)
    contents = file_contents(arrays, gz=style == "gz")
    names = list(contents) if style != "windows" else list(WINDOWS)
    for name, blob in zip(names, contents.values(), strict=True):
        (folder / name).write_bytes(blob)
    return arrays


def sha256(b):
    return hashlib.sha256(b).hexdigest()


class FileServer:
    """An HTTP server on 127.0.0.1 serving ``files`` ({name: bytes}) under ``/data/``, in a thread.

    ``slow`` seconds of sleep between 16 KiB pieces make a download take a while (for Cancel); ``requests``
    lists the paths asked for."""

    def __init__(self, files, slow=0.0):
        self.files = dict(files)
        self.slow = slow
        self.requests = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append(self.path)
                name = self.path.rsplit("/", 1)[-1]
                body = server.files.get(name)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    for i in range(0, len(body), 16384):
                        self.wfile.write(body[i : i + 16384])
                        if server.slow:
                            time.sleep(server.slow)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/data/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def closed_port_url():
    """A URL on 127.0.0.1 where nothing listens (connection refused, as when offline)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/data/"


def patch_source(monkeypatch, key, urls, files):
    """Point ``SOURCES[key]`` at ``urls`` with the SHA-256 of ``files`` ({name: bytes})."""
    from nnplay.core import mnist

    src = mnist.SOURCES[key]
    new = dataclasses.replace(src, urls=tuple(urls), sha256={name: sha256(b) for name, b in files.items()})
    monkeypatch.setitem(mnist.SOURCES, key, new)
    return new
