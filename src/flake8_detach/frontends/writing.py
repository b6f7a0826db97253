"""Reading a checked file, and writing its fixes back without losing anyone's work.

Only a regular file is read: a named pipe would block the run and a device such as /dev/zero
never ends. A fixed file is written to a new file in its directory, synced, given the old
file's owner, group, mode and extended attributes, and renamed over the old one, but only if
the old one still holds what was read: a save made while the fixes were worked out wins.
A process told to stop (SIGTERM) while writing removes its unfinished new file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from typing import Optional

# Unfinished new files of this process: removed by `remove_unfinished_files` when it is told to stop.
_unfinished: set = set()


class NotChecked(Exception):
    """The path is not a regular file, so it is not read."""


class CannotWrite(Exception):
    """The fixes are not written; the message says why and the file is left as it was."""


def kind_of(mode: int) -> Optional[str]:
    """What a file that is not a regular file is ("a named pipe"...), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
             (stat.S_ISBLK, "a device"), (stat.S_ISDIR, "a directory"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def not_regular(mode: int) -> Optional[str]:
    kind = kind_of(mode)
    return None if kind is None else f"not checked: {kind}, not a regular file"


def read_bytes(path: str) -> bytes:
    """The content of a regular file. NotChecked for anything else (checked before opening, as
    opening some devices does something, and again on the opened file, as the path may have
    been replaced in between); OSError when it cannot be read, also for lack of memory."""
    problem = not_regular(os.stat(path).st_mode)
    if problem:
        raise NotChecked(problem)
    # O_NONBLOCK: a named pipe put there since the stat opens without waiting for a writer.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(descriptor, "rb") as stream:
        problem = not_regular(os.fstat(descriptor).st_mode)
        if problem:
            raise NotChecked(problem)
        try:
            return stream.read()
        except MemoryError:
            size = os.fstat(descriptor).st_size
            raise OSError(f"not enough memory to read it ({size:,} bytes)") from None


def write_fixes(path: str, data: bytes, expected: bytes) -> None:
    """Replace the file at `path` (through a symbolic link, its target) with `data` in one step,
    if it still holds `expected`; CannotWrite or OSError otherwise, with the file left as it was.

    The new file keeps the owner, group, mode and extended attributes (ACLs, SELinux labels)
    of the old one, or is not written. A file with more than one hard link is not written:
    a rename would leave the other names with the old code."""
    target = os.path.realpath(path)
    before = os.stat(target)
    mode = stat.S_IMODE(before.st_mode)
    if not mode & 0o222 or not os.access(target, os.W_OK):  # root may write anything: ask the mode too
        raise CannotWrite("the file is read-only")
    if before.st_nlink > 1:
        raise CannotWrite(
            f"the file has {before.st_nlink} hard links, and a rewritten file would leave the other names "
            "with the old code"
        )
    directory, name = os.path.split(target)
    temporary, descriptor = _create_unfinished(directory, name)
    try:
        with open(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(descriptor)  # on disk before the rename, so a crash leaves the old or the new file
            _keep_owner(descriptor, before)
            os.fchmod(descriptor, mode)  # after chown, which may clear the set-id bits
        _keep_extended_attributes(target, temporary)
        if _changed_since_read(target, before, expected):
            raise CannotWrite("the file changed since it was read (saved meanwhile?); run again to fix it")
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    finally:
        _unfinished.discard(temporary)
    _sync_directory(directory)


def remove_unfinished_files() -> None:
    """Remove the new files this process has not renamed yet (it is being told to stop)."""
    for temporary in list(_unfinished):
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _create_unfinished(directory: str, name: str) -> tuple:
    """(path, descriptor) of a new, empty file in `directory`. Its name is registered before
    the file exists, so a stop at any moment finds it."""
    while True:
        temporary = os.path.join(directory, f".{name}.{secrets.token_hex(4)}")
        _unfinished.add(temporary)
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
            return temporary, os.open(temporary, flags, 0o600)
        except FileExistsError:
            _unfinished.discard(temporary)
        except OSError as error:
            _unfinished.discard(temporary)
            raise CannotWrite(f"cannot create a file in its directory: {error.strerror or error}") from None


def _keep_owner(descriptor: int, before: os.stat_result) -> None:
    now = os.fstat(descriptor)
    if (now.st_uid, now.st_gid) == (before.st_uid, before.st_gid):
        return
    try:
        os.fchown(descriptor, before.st_uid, before.st_gid)
    except PermissionError:
        raise CannotWrite(
            f"the file belongs to user {before.st_uid}, group {before.st_gid}, and this user cannot give "
            "a rewritten file that owner"
        ) from None


def _keep_extended_attributes(target: str, temporary: str) -> None:
    if not hasattr(os, "listxattr"):  # not Linux: no extended attributes to copy this way
        return
    try:
        names = os.listxattr(target)
    except OSError:  # a file system without extended attributes
        return
    for attribute in names:
        try:
            value = os.getxattr(target, attribute)
            if _xattr_or_none(temporary, attribute) != value:  # a label the new file already has needs no rights
                os.setxattr(temporary, attribute, value)
        except OSError as error:
            raise CannotWrite(f"cannot keep its extended attribute {attribute}: {error.strerror or error}") from None


def _xattr_or_none(path: str, attribute: str) -> Optional[bytes]:
    try:
        return os.getxattr(path, attribute)
    except OSError:
        return None


def _changed_since_read(target: str, before: os.stat_result, expected: bytes) -> bool:
    """Whether the file is another file than the one stat'ed before writing, or holds other
    bytes than were read: checked last, just before the rename."""
    try:
        with open(target, "rb") as stream:
            now = os.fstat(stream.fileno())
            content = stream.read()
    except OSError:
        return True
    return (now.st_dev, now.st_ino) != (before.st_dev, before.st_ino) or content != expected


def _sync_directory(directory: str) -> None:
    """Make the rename itself durable; best effort (not every system can sync a directory)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
