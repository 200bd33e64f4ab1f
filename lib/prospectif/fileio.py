"""Atomic file writes: a reader never sees a partial file, an interrupted write leaves none."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

from .errors import InputFileError

FILE_MODE = 0o644
"""Permissions of written files: what ``open()`` gives under the usual umask (022), so the
server's group and the other accounts reading results can read them (``mkstemp`` alone gives
0600)."""

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
"""Opening never blocks, even on a FIFO or a terminal, so a special file is refused at once."""


def atomic_write_bytes(path: Path, payload: bytes) -> Path:
    """Write ``payload`` to ``path`` through a temporary file in the same folder and a rename.

    Raises
    ------
    OSError
        If the folder cannot be created or written (disk full, read-only…); no file is left.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    """Write UTF-8 text atomically (see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def file_digest(path: Path) -> dict[str, int | str]:
    """Size in bytes and SHA-256 of a file: ``{"size": …, "sha256": …}``.

    Raises
    ------
    OSError
        If the file cannot be read.
    """
    digest = hashlib.sha256()
    size = 0
    with Path(path).open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return {"size": size, "sha256": digest.hexdigest()}


def read_user_file(path: Path, limit: int) -> bytes:
    """The bytes of a user file: a regular file of at most ``limit`` bytes.

    FIFOs, devices, sockets and folders are refused without blocking (the file is opened
    non-blocking and checked with ``fstat`` before any read).

    Raises
    ------
    InputFileError
        If the file is missing, unreadable, not a regular file or too large.
    """
    path = Path(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise InputFileError("file.not_found", file=path) from None
    except IsADirectoryError:
        raise InputFileError("file.not_regular", file=path) from None
    except OSError as exc:
        raise InputFileError("cannot_read", file=path, reason=exc.strerror or exc) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        os.close(fd)
        kind = "file.not_regular" if not stat.S_ISREG(info.st_mode) else "file.too_large"
        raise InputFileError(kind, file=path, limit=limit // 1024)
    try:
        payload = _read_at_most(fd, limit + 1)
    finally:
        os.close(fd)
    if len(payload) > limit:
        raise InputFileError("file.too_large", file=path, limit=limit // 1024)
    return payload


def _read_at_most(fd: int, size: int) -> bytes:
    """Up to ``size`` bytes of an open file descriptor (fewer at the end of the file)."""
    chunks: list[bytes] = []
    while size > 0 and (chunk := os.read(fd, size)):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
