"""Files in and out, safely: bounded reads, output checks and atomic writes.

Every file the package reads or writes for a user goes through here, so the rules hold in
one place:

- reads refuse what is not a regular file (a FIFO blocks, ``/dev/zero`` never ends) and read
  at most the size limit plus one byte, whatever ``st_size`` says;
- an output may not be one of the inputs, nor an existing folder, device or FIFO, and an
  existing file is replaced only with ``force``;
- writes go to a temporary file (or folder, for multi-file formats) beside the target and
  are renamed into place on success; on any error they are removed, and temporaries left by
  a killed run are removed the next time the same target is written;
- an :class:`OSError` becomes a :class:`FileError` naming the file, the reason and the fix.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from itinerary.errors import FileError, ValidationError

__all__ = [
    "BUILD_RECORD",
    "atomic_dir",
    "atomic_path",
    "check_output",
    "describe_os_error",
    "read_limited",
    "recorded_digest",
    "write_text",
    "write_with",
]

_FIXES = {
    errno.EACCES: "permission denied; choose a place you may write to, or change its permissions",
    errno.EPERM: "operation not permitted; choose another place or change its permissions",
    errno.EROFS: "read-only file system; write the output somewhere else",
    errno.ENOSPC: "no space left on the device; free some space or write elsewhere",
    errno.EDQUOT: "disk quota exceeded; free some space or write elsewhere",
    errno.EFBIG: "file too large for this system's limits (see `ulimit -f`); write a smaller output",
    errno.ENOENT: "no such file or folder; check the path",
    errno.ENOTDIR: "a part of the path is a file, not a folder; check the path",
    errno.EISDIR: "is a folder; give a file name",
    errno.ENAMETOOLONG: "the file name is too long; choose a shorter one",
    errno.ELOOP: "too many symbolic links; check the path",
    errno.EMFILE: "too many open files; close other programs or raise `ulimit -n`",
}


def describe_os_error(exc: OSError, path: str | os.PathLike[str] | None = None) -> str:
    """One line: the file, the reason and the fix."""
    where = path if path is not None else exc.filename
    reason = _FIXES.get(exc.errno or -1) or (exc.strerror or str(exc) or type(exc).__name__).lower()
    return f"{os.fspath(where)}: {reason}" if where not in (None, "") else reason


def _kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


#: The record a build writes beside its merged files: their names and SHA-256 (JSON, ``files``).
BUILD_RECORD = ".merged.json"
_RECORD_BYTES = 1 << 20


def recorded_digest(path: str | os.PathLike[str]) -> str | None:
    """The SHA-256 the build record beside ``path`` (:data:`BUILD_RECORD`) gives for the file by
    that name, or None: no record, not readable, or not naming the file."""
    import json

    p = Path(path)
    try:
        record = json.loads(read_limited(p.parent / BUILD_RECORD, _RECORD_BYTES).decode("utf-8"))
        digest = record["files"][p.name]
    except (ValidationError, FileError, ValueError, KeyError, TypeError):
        return None
    return digest if isinstance(digest, str) else None


def read_limited(path: str | os.PathLike[str], limit: int, *, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    Never blocks on a FIFO and never reads more than ``limit + 1`` bytes, so a device such
    as ``/dev/zero`` (size 0 to ``stat``) cannot exhaust memory.
    """
    p = Path(path)
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise ValidationError("file not found; check the path", source=str(p)) from None
    except OSError as exc:
        raise FileError(describe_os_error(exc, p)) from None
    try:
        kind = _kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise ValidationError(
                f"is {kind}, not a regular file; give the path of the {what}", source=str(p)
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise FileError(describe_os_error(exc, p)) from None
    finally:
        os.close(fd)
    if size > limit:
        raise ValidationError(
            f"{what} is larger than the {_size(limit)} limit; split it into smaller files", source=str(p)
        )
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def check_output(
    path: str | os.PathLike[str],
    *,
    inputs: Sequence[str | os.PathLike[str]] = (),
    force: bool = False,
    option: str = "-o",
) -> Path:
    """Refuse an output that would destroy something; return it as a :class:`Path`.

    Refused: an empty name, one of ``inputs`` (also through links), anything that exists and
    is not a regular file (even with ``force``), and an existing file without ``force``.
    """
    if os.fspath(path) == "":
        raise ValidationError(f"{option} was given an empty file name; give the output's path")
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        return p
    except OSError as exc:
        raise FileError(describe_os_error(exc, p)) from None
    kind = _kind(st.st_mode)
    if kind is not None:
        raise ValidationError(f"{p} is {kind}; {option} needs the path of a file to write")
    for i in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(p, i):
                raise ValidationError(
                    f"{p} is also an input; writing it would destroy the input, choose another {option} name"
                )
    if not force:
        raise ValidationError(f"{p} exists; pass --force to overwrite it")
    return p


# ---------------------------------------------------------------- atomic writes

_TMP_SUFFIX = ".tmp"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_stale(target: Path) -> None:
    """Remove temporaries a killed run left beside ``target`` (their process is gone)."""
    prefix = f".{target.name}."
    with contextlib.suppress(OSError):
        for entry in target.parent.iterdir():
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(_TMP_SUFFIX)):
                continue
            pid_text = name[len(prefix) :].split("-", 1)[0]
            if pid_text.isdigit() and not _pid_alive(int(pid_text)):
                with contextlib.suppress(OSError):
                    if entry.is_dir() and not entry.is_symlink():
                        shutil.rmtree(entry)
                    else:
                        entry.unlink()


def _prepare_parent(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileError(describe_os_error(exc, target.parent)) from None
    _remove_stale(target)


@contextlib.contextmanager
def _os_errors(target: Path) -> Iterator[None]:
    try:
        yield
    except FileError:
        raise
    except OSError as exc:
        raise FileError(describe_os_error(exc, target)) from None


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; rename it over ``target`` on success.

    On any error (or interruption) the temporary file is removed and ``target`` is left as
    it was. OS errors are raised as :class:`FileError` naming ``target``.
    """
    target = Path(target)
    _prepare_parent(target)
    with _os_errors(target):
        fd, tmp = tempfile.mkstemp(
            prefix=f".{target.name}.{os.getpid()}-", suffix=_TMP_SUFFIX, dir=target.parent
        )
        os.close(fd)
    tmp_path = Path(tmp)
    try:
        with _os_errors(target):
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp_path, 0o666 & ~umask)  # mkstemp makes 0600; give the file normal permissions
        yield tmp_path
        with _os_errors(target):
            os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp_path.unlink()
        raise


@contextlib.contextmanager
def atomic_dir(targets: Sequence[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield a temporary folder beside the first target for a writer that makes several files.

    The writer creates files named like the targets (their base names) in the folder; on
    success each is renamed over its target, on any error the folder is removed.
    """
    paths = [Path(t) for t in targets]
    first = paths[0]
    _prepare_parent(first)
    with _os_errors(first):
        tmp_dir = Path(
            tempfile.mkdtemp(prefix=f".{first.name}.{os.getpid()}-", suffix=_TMP_SUFFIX, dir=first.parent)
        )
    try:
        yield tmp_dir
        with _os_errors(first):
            for p in paths:
                made = tmp_dir / p.name
                if made.exists():
                    os.replace(made, p)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)


def write_text(target: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` atomically."""
    with atomic_path(target) as tmp, _os_errors(Path(target)):
        tmp.write_text(text, encoding="utf-8")


def write_with(target: str | os.PathLike[str], writer: Callable[[Path], None]) -> None:
    """Call ``writer(tmp_path)`` and move the result over ``target`` atomically."""
    with atomic_path(target) as tmp, _os_errors(Path(target)):
        tmp.unlink()  # some writers (GDAL) refuse to overwrite
        writer(tmp)
