"""MNIST and Fashion-MNIST: the four standard IDX files, read from a folder, and downloaded only when asked.

Where the files are
-------------------
A data set is read from a folder ``D``: the one the user gave (``Config.data_dir``, ``--data-dir``), else
nnplay's own data folder (:func:`default_data_dir`: ``$NNPLAY_DATA_DIR``, or the platform's user data folder
from platformdirs, e.g. ``~/.local/share/nnplay`` on Linux). The files are looked for in ``D/mnist/`` (or
``D/fashion_mnist/``, see :data:`SOURCES`) and then in ``D`` itself, so the book's ``dataset/`` folder, which
holds the four MNIST ``.gz`` files, works as it is. Each file may have any of the usual names, gzipped or not
(``train-images-idx3-ubyte.gz``, ``train-images-idx3-ubyte``, ``train-images.idx3-ubyte``, …); gzip is
recognised by its content, not its name.

Files the user has are checked by their structure (IDX magic number, dimensions, counts), never by a hash: a
recompressed ``.gz`` holds the same images. Downloads (:func:`fetch`, through pooch) are checked against the
SHA-256 of the official files shipped here; a file that does not match is deleted, never used.

The split is always the standard one: the training files train, the test files test. Both parts are put in
one fixed shuffled order (the same every time, whatever the seed), because the test file's first half is the
easier half and an evaluation on a subset takes the first rows.
"""

from __future__ import annotations

import functools
import gzip
import math
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnplay.core.datasets import IDX_DATASETS, DatasetError
from nnplay.core.messages import QT_TRANSLATE_NOOP, Text

__all__ = [
    "ENV_VAR",
    "IDX_DATASETS",
    "SOURCES",
    "DownloadCancelled",
    "MissingDataError",
    "Source",
    "data_folder",
    "data_root",
    "default_data_dir",
    "fetch",
    "find_files",
    "load_idx_dataset",
    "missing_files",
    "read_idx",
]

ENV_VAR = "NNPLAY_DATA_DIR"
"""Environment variable that overrides nnplay's own data folder."""

IMAGE_SHAPE = (28, 28)
MAX_IDX_BYTES = 256 * 2**20
"""An IDX file declaring more data than this is refused before anything is read (MNIST's largest: 47 MB)."""
SHUFFLE_SEED = 0
TIMEOUT = 30  # seconds without an answer before a download gives up

# (part, official file stem, IDX kind): the four files of a data set, in download order.
PARTS = (
    ("train_images", "train-images", "idx3"),
    ("train_labels", "train-labels", "idx1"),
    ("test_images", "t10k-images", "idx3"),
    ("test_labels", "t10k-labels", "idx1"),
)

FASHION_CLASSES = (
    QT_TRANSLATE_NOOP("core", "T-shirt/top"),
    QT_TRANSLATE_NOOP("core", "Trouser"),
    QT_TRANSLATE_NOOP("core", "Pullover"),
    QT_TRANSLATE_NOOP("core", "Dress"),
    QT_TRANSLATE_NOOP("core", "Coat"),
    QT_TRANSLATE_NOOP("core", "Sandal"),
    QT_TRANSLATE_NOOP("core", "Shirt"),
    QT_TRANSLATE_NOOP("core", "Sneaker"),
    QT_TRANSLATE_NOOP("core", "Bag"),
    QT_TRANSLATE_NOOP("core", "Ankle boot"),
)
"""Fashion-MNIST's class names, index 0 to 9 (translatable in the window: context "core")."""


@dataclass(frozen=True)
class Source:
    """Where a data set comes from: its title, the mirrors (tried in order), the SHA-256 of each official
    ``.gz`` file, the subfolder names looked for under a data folder and the class names."""

    key: str
    title: str
    urls: tuple[str, ...]
    sha256: dict
    subfolders: tuple[str, ...]
    class_names: tuple[str, ...]
    size_mb: int  # the four .gz files together, rounded up

    @property
    def host(self):
        """The first mirror's host name (what the window and messages name)."""
        return _host(self.urls[0])

    def __repr__(self):
        return f"Source({self.key!r})"


SOURCES = {
    "mnist": Source(
        "mnist",
        "MNIST",
        ("https://ossci-datasets.s3.amazonaws.com/mnist/", "https://storage.googleapis.com/cvdf-datasets/mnist/"),
        {
            "train-images-idx3-ubyte.gz": "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
            "train-labels-idx1-ubyte.gz": "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
            "t10k-images-idx3-ubyte.gz": "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
            "t10k-labels-idx1-ubyte.gz": "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
        },
        ("mnist", "MNIST"),
        tuple(str(k) for k in range(10)),
        12,
    ),
    "fashion_mnist": Source(
        "fashion_mnist",
        "Fashion-MNIST",
        ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",),
        {
            "train-images-idx3-ubyte.gz": "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
            "train-labels-idx1-ubyte.gz": "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
            "t10k-images-idx3-ubyte.gz": "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
            "t10k-labels-idx1-ubyte.gz": "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
        },
        ("fashion_mnist", "fashion-mnist", "fashion"),
        FASHION_CLASSES,
        31,
    ),
}


class MissingDataError(DatasetError):
    """Some files of a data set are not there. ``key``, ``folder`` (where they were looked for and where a
    download puts them), ``missing`` (their official names) and ``data_dir`` (the data folder as given, None
    for nnplay's own) let the window offer the download."""

    def __init__(self, key, folder, missing, data_dir=None):
        src = SOURCES[key]
        super().__init__(
            QT_TRANSLATE_NOOP(
                "core",
                "{title} is not in {folder} (missing: {files}). Download it (nnplay data fetch {key}), or choose "
                "the folder that holds its four files (for MNIST, the book's dataset/ folder).",
            ),
            title=src.title,
            folder=folder,
            files=", ".join(missing),
            key=key,
        )
        self.key, self.folder, self.missing, self.data_dir = key, Path(folder), tuple(missing), data_dir


class DownloadCancelled(Exception):
    """The user cancelled a download; nothing partial was kept."""


# --------------------------------------------------------------------------------------------------
# Folders and file names
# --------------------------------------------------------------------------------------------------


def default_data_dir() -> Path:
    """nnplay's own data folder: ``$NNPLAY_DATA_DIR`` if set, else the platform's user data folder
    (platformdirs; e.g. ``~/.local/share/nnplay``, which follows ``$XDG_DATA_HOME``)."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("nnplay", appauthor=False))


def _source(key) -> Source:
    try:
        return SOURCES[key]
    except KeyError:
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "Unknown data set {name}. Choose one of: {choices}."),
            name=repr(key),
            choices=", ".join(SOURCES),
        ) from None


def file_names(stem, kind):
    """The names a file may have: official, unpacked, the Windows-style unpacked one, and that one gzipped."""
    return (
        f"{stem}-{kind}-ubyte",
        f"{stem}.{kind}-ubyte",
        f"{stem}-{kind}-ubyte.gz",
        f"{stem}.{kind}-ubyte.gz",
    )


def _find_in(folder: Path):
    """{part: path} of the files present in ``folder`` (the first existing name of each)."""
    found = {}
    for part, stem, kind in PARTS:
        for name in file_names(stem, kind):
            p = folder / name
            if p.is_file():
                found[part] = p
                break
    return found


def data_root(data_dir=None) -> Path:
    """The data folder: ``data_dir`` if given, else :func:`default_data_dir`."""
    return default_data_dir() if data_dir is None or str(data_dir).strip() == "" else Path(data_dir).expanduser()


def data_folder(key, data_dir=None) -> Path:
    """The folder that holds (or, after a download, will hold) the files of ``key``: the first of
    ``D/<subfolder>`` and ``D`` that has any of them, else ``D/<first subfolder>`` (where downloads go)."""
    src = _source(key)
    root = data_root(data_dir)
    candidates = [root / sub for sub in src.subfolders] + [root]
    for folder in candidates:
        if _find_in(folder):
            return folder
    return candidates[0]


def find_files(key, data_dir=None):
    """(folder, {part: path}) of the files of ``key`` that are present."""
    folder = data_folder(key, data_dir)
    return folder, _find_in(folder)


def missing_files(key, data_dir=None):
    """Official names of the files of ``key`` that are not in its folder (empty: all there)."""
    _, found = find_files(key, data_dir)
    return [f"{stem}-{kind}-ubyte.gz" for part, stem, kind in PARTS if part not in found]


# --------------------------------------------------------------------------------------------------
# The IDX format
# --------------------------------------------------------------------------------------------------


def _open(path: Path):
    """The file's data stream: gunzipped when it starts with gzip's magic bytes."""
    f = open(path, "rb")  # noqa: SIM115 (returned to the caller, who closes it)
    try:
        start = f.read(2)
        f.seek(0)
    except OSError:
        f.close()
        raise
    if start == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=f, mode="rb"), f
    return f, f


def _read_exactly(stream, n):
    """Up to ``n`` bytes (fewer only at the end of the data), for the header."""
    parts, left = [], n
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def _read_into(stream, buf):
    """Fill the uint8 array ``buf`` from ``stream`` (no intermediate copy); return how many bytes came."""
    view = memoryview(buf)
    got = 0
    while got < len(buf):
        n = stream.readinto(view[got : got + (1 << 24)])
        if not n:
            break
        got += n
    return got


def read_idx(path, max_bytes=MAX_IDX_BYTES) -> np.ndarray:
    """Read an IDX file of unsigned bytes (gzipped or not) into a read-only uint8 array.

    The format: two zero bytes, the type code 0x08 (unsigned byte), the number of dimensions, one big-endian
    32-bit size per dimension, then exactly the product of the sizes in bytes (row-major).

    Parameters
    ----------
    path : str or Path
    max_bytes : int
        Refuse files that declare more data than this (before reading it).

    Returns
    -------
    ndarray, uint8, of the declared shape

    Raises
    ------
    DatasetError
        For anything that is not a complete, well-formed IDX file of bytes: a missing or unreadable file,
        a wrong magic number, a truncated file, extra bytes after the data, a corrupt gzip stream.
    """
    path = Path(path)
    name = path.name or str(path)
    try:
        stream, raw = _open(path)
    except FileNotFoundError:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "File not found: {path}."), path=path) from None
    except IsADirectoryError:
        raise DatasetError(QT_TRANSLATE_NOOP("core", "{path} is a folder, not an IDX file."), path=path) from None
    except OSError as e:
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "Cannot read {path}: {problem}."), path=path, problem=e.strerror or e
        ) from None
    try:
        with raw, stream:
            header = _read_exactly(stream, 4)
            if len(header) < 4 or header[:3] != b"\x00\x00\x08" or not 1 <= header[3] <= 4:
                raise DatasetError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{file} is not an IDX file of bytes: it starts with {start}, but MNIST's files start with "
                        "00 00 08 01 (labels) or 00 00 08 03 (images).",
                    ),
                    file=name,
                    start=header.hex(" ") or Text(QT_TRANSLATE_NOOP("core", "nothing (it is empty)")),
                )
            ndim = header[3]
            dims_bytes = _read_exactly(stream, 4 * ndim)
            if len(dims_bytes) < 4 * ndim:
                raise DatasetError(
                    QT_TRANSLATE_NOOP("core", "{file} is cut short inside its header. Get the file again."), file=name
                )
            dims = struct.unpack(f">{ndim}I", dims_bytes)
            expected = math.prod(dims)
            if expected > max_bytes:
                raise DatasetError(
                    QT_TRANSLATE_NOOP(
                        "core", "{file} declares an array of {shape} bytes, far more than MNIST holds; it is damaged."
                    ),
                    file=name,
                    shape=" × ".join(map(str, dims)),
                )
            data = np.empty(expected, dtype=np.uint8)
            got = _read_into(stream, data)
            if got < expected:
                raise DatasetError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{file} is cut short: it declares {expected} bytes of data but holds {actual}. "
                        "Get the file again (a download that stopped half-way leaves such a file).",
                    ),
                    file=name,
                    expected=f"{expected:,}",
                    actual=f"{got:,}",
                )
            if stream.read(1):
                raise DatasetError(
                    QT_TRANSLATE_NOOP(
                        "core", "{file} goes on after the {shape} bytes it declares; it is not a valid IDX file."
                    ),
                    file=name,
                    shape=" × ".join(map(str, dims)),
                )
    except (OSError, EOFError, zlib.error) as e:  # gzip.BadGzipFile is an OSError
        raise DatasetError(
            QT_TRANSLATE_NOOP("core", "{file} is damaged ({problem}). Get the file again."), file=name, problem=e
        ) from None
    data = data.reshape(dims)
    data.setflags(write=False)
    return data


# --------------------------------------------------------------------------------------------------
# Loading a data set
# --------------------------------------------------------------------------------------------------


def load_idx_dataset(key, data_dir=None):
    """Load MNIST or Fashion-MNIST from its IDX files, checked (read once, then cached while unchanged).

    Returns
    -------
    x_train : (N_train, 784) uint8, t_train : (N_train,) int64, x_test : (N_test, 784) uint8, t_test : (N_test,)
        Read-only, in one fixed shuffled order (see the module's notes).

    Raises
    ------
    MissingDataError
        A file is not there (a ``DatasetError``; it says which and where, for the window's download offer).
    DatasetError
        A file is damaged or does not fit the others.
    """
    _source(key)
    folder, found = find_files(key, data_dir)
    if len(found) < len(PARTS):
        missing = [f"{stem}-{kind}-ubyte.gz" for part, stem, kind in PARTS if part not in found]
        raise MissingDataError(key, folder, missing, data_dir)
    paths = tuple(found[part] for part, _, _ in PARTS)
    stamps = []
    for p in paths:
        try:
            st = p.stat()
        except OSError as e:
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "Cannot read {path}: {problem}."), path=p, problem=e.strerror or e
            ) from None
        stamps.append((str(p.resolve()), st.st_size, st.st_mtime_ns))
    return _load_checked(key, tuple(stamps))


@functools.lru_cache(maxsize=1)
def _load_checked(key, stamps):
    title = SOURCES[key].title
    paths = [Path(s[0]) for s in stamps]
    out = []
    for images_path, labels_path in ((paths[0], paths[1]), (paths[2], paths[3])):
        images = read_idx(images_path)
        if images.ndim != 3:
            raise DatasetError(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{file} holds a {ndim}-dimensional array, not images (3 dimensions: count × rows × columns).",
                ),
                file=images_path.name,
                ndim=images.ndim,
            )
        if images.shape[1:] != IMAGE_SHAPE:
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "{file} holds images of {h}×{w} pixels; {title} has 28×28."),
                file=images_path.name,
                h=images.shape[1],
                w=images.shape[2],
                title=title,
            )
        labels = read_idx(labels_path)
        if labels.ndim != 1:
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "{file} holds a {ndim}-dimensional array, not labels (1 dimension)."),
                file=labels_path.name,
                ndim=labels.ndim,
            )
        if len(images) != len(labels):
            raise DatasetError(
                QT_TRANSLATE_NOOP(
                    "core", "{images} holds {n} images but {labels} holds {m} labels; they do not belong together."
                ),
                images=images_path.name,
                n=f"{len(images):,}",
                labels=labels_path.name,
                m=f"{len(labels):,}",
            )
        if len(images) == 0:
            raise DatasetError(QT_TRANSLATE_NOOP("core", "{file} holds no images."), file=images_path.name)
        if labels.max() > 9:
            raise DatasetError(
                QT_TRANSLATE_NOOP("core", "{file} holds the label {value}; {title}'s labels are 0 to 9."),
                file=labels_path.name,
                value=int(labels.max()),
                title=title,
            )
        order = np.random.default_rng(SHUFFLE_SEED).permutation(len(images))
        x = images.reshape(len(images), -1)[order]  # (a new array; the file's bytes are freed)
        t = labels[order].astype(np.int64)
        x.setflags(write=False)
        t.setflags(write=False)
        out += [x, t]
    return tuple(out)


# --------------------------------------------------------------------------------------------------
# Downloading (pooch)
# --------------------------------------------------------------------------------------------------


class _PoochProgress:
    """The progress object pooch's HTTPDownloader drives (``total``, ``update(n)``, ``reset()``, ``close()``),
    passing bytes to ``report(file_index, n_files, name, done, total)`` and stopping when ``cancelled()``."""

    def __init__(self, report, cancelled, index, n_files, name):
        self.report, self.cancelled = report, cancelled
        self.index, self.n_files, self.name = index, n_files, name
        self.total = 0
        self.done = 0

    def _tell(self):
        if self.report is not None:
            total = int(self.total or 0)
            self.report(self.index, self.n_files, self.name, min(self.done, total) if total else self.done, total)

    def update(self, n):
        if self.cancelled is not None and self.cancelled():
            raise DownloadCancelled
        self.done += int(n)
        self._tell()

    def reset(self):
        self.done = 0

    def close(self):
        pass


def fetch(key, data_dir=None, progress=None, cancelled=None, timeout=TIMEOUT):
    """Download the files of ``key`` that are missing from its folder, each checked against its SHA-256.

    Parameters
    ----------
    key : {"mnist", "fashion_mnist"}
    data_dir : str or Path, optional
        The data folder (None: :func:`default_data_dir`). Files go into its subfolder for ``key`` unless the
        folder itself already holds some of them (see :func:`data_folder`). Files already there are kept.
    progress : callable, optional
        ``progress(file_index, n_files, name, bytes_done, bytes_total)`` while downloading (``bytes_total``
        is 0 when the server does not say).
    cancelled : callable, optional
        Polled between chunks; when it returns True the download stops with :class:`DownloadCancelled`.
    timeout : float
        Seconds to wait for the server before giving up.

    Returns
    -------
    list of Path
        The files downloaded (empty when nothing was missing).

    Raises
    ------
    DatasetError
        No connection, a server error, or a file whose SHA-256 does not match (deleted, never kept); the
        message says what to do. Files downloaded before the failure stay (they were checked).
    DownloadCancelled
        ``cancelled()`` returned True; the partial file was deleted.
    """
    import pooch

    src = _source(key)
    folder = data_folder(key, data_dir)
    missing = missing_files(key, data_dir)
    pooch.get_logger().setLevel("WARNING")
    created = [f for f in (folder, *folder.parents) if not f.exists()]  # (removed again if nothing comes)
    try:
        return _fetch_files(src, folder, missing, progress, cancelled, timeout)
    except BaseException:  # (a failure, a cancel, Ctrl+C: the partial file is gone already)
        for f in created:  # innermost first
            try:
                f.rmdir()
            except OSError:
                break
        raise


def _fetch_files(src, folder, missing, progress, cancelled, timeout):
    import pooch
    import requests

    done = []
    for i, name in enumerate(missing):
        problems = []
        for base in src.urls:
            url = base + name
            bar = _PoochProgress(progress, cancelled, i, len(missing), name)
            downloader = pooch.HTTPDownloader(progressbar=bar, timeout=timeout, chunk_size=65536)
            try:
                path = pooch.retrieve(
                    url, known_hash=f"sha256:{src.sha256[name]}", fname=name, path=folder, downloader=downloader
                )
            except requests.exceptions.HTTPError as e:
                status = e.response.status_code if e.response is not None else "?"
                problems.append(Text(QT_TRANSLATE_NOOP("core", "{url} answered {status}"), url=url, status=status))
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout):
                problems.append(None)  # offline, or the mirror is down
            except requests.exceptions.RequestException as e:
                problems.append(Text(QT_TRANSLATE_NOOP("core", "{url}: {problem}"), url=url, problem=e))
            except ValueError:  # pooch: the SHA-256 does not match (the temporary file is already deleted)
                problems.append(
                    Text(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "the file from {url} does not match its known SHA-256 checksum (corrupted on the way or "
                            "changed on the server); it was deleted",
                        ),
                        url=url,
                    )
                )
            except OSError as e:
                raise DatasetError(
                    QT_TRANSLATE_NOOP("core", "Cannot write {file} into {folder}: {problem}."),
                    file=name,
                    folder=folder,
                    problem=e.strerror or e,
                ) from None
            else:
                done.append(Path(path))
                break
        else:
            real = [p for p in problems if p is not None]
            if not real:
                raise DatasetError(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Cannot download {title}: no connection to {host}. Are you offline? Connect to the "
                        "internet and try again, or copy the four files into {folder}.",
                    ),
                    title=src.title,
                    host=src.host,
                    folder=folder,
                )
            raise DatasetError(
                QT_TRANSLATE_NOOP(
                    "core", "Cannot download {file}: {problem}. Try again later, or copy the four files into {folder}."
                ),
                file=name,
                problem=real[0],
                folder=folder,
            )
    return done


def _host(url):
    from urllib.parse import urlsplit

    return urlsplit(url).netloc or url
