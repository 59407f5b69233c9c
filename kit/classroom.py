"""Sharing answers with the instructor, by consent: the class folder, a random identifier, share and withdraw.

Nothing is shared unless the student ticks "Share my answers with my instructor", and only where the instructor has
configured a class folder (``$KIT_CLASS_DIR``, a folder on the hub's disk). Sharing writes a copy of the answers file
(the same format as a download, :mod:`kit.progress`) into that folder; withdrawing deletes it.

* The shared file is named by a random identifier kept in the student's own home (``~/.consent-kit/class-id``,
  mode 0600), never by their login: ``answers-<quiz>-<id>.json``. The student's name is in it only if they typed one.
* Writes are atomic: a temporary file with an unguessable name in the class folder, fsync, mode 0640, then a
  rename over the previous copy. A reader sees the old copy or the new one, never half of one.
* Permissions, modelled on nbgrader's exchange. With one unix user per student, the instructor creates the folder
  with mode 3733 (``install -d -m 3733 -o INSTRUCTOR -g INSTRUCTORS DIR``): students may create files in it but not
  list it (write and search bits, no read bit); the sticky bit stops them deleting or renaming another's file; the
  set-group-id bit gives every new file the instructors' group. Each file is 0640: its owner (the student) reads and
  writes it, the instructors' group reads it, nobody else can. :func:`folder_problem` says when a folder is not set
  up so.

All of this is plain logic, tested without widgets (``tests/test_classroom.py``); ``kit.ui.share`` is its view.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import tempfile
from pathlib import Path
from typing import Any

from . import progress

__all__ = ["FILE_MODE", "FOLDER_MODE", "class_dir", "folder_problem", "is_shared", "keeps_students_apart",
           "shared_files", "shared_ident", "shared_path", "share", "student_id", "withdraw"]

FILE_MODE = 0o640
FOLDER_MODE = 0o3733  # set-group-id, sticky; rwx for the instructor, write+search only for everyone else
_ID = re.compile(r"^[0-9a-f]{32}$")


def class_dir() -> Path | None:
    """The class folder from ``$KIT_CLASS_DIR`` if it is set and is a folder, else None (no sharing offered)."""
    env = os.environ.get("KIT_CLASS_DIR", "").strip()
    if not env:
        return None
    path = Path(env).expanduser()
    return path if path.is_dir() else None


def folder_problem(folder: Path) -> str | None:
    """What is wrong with a class folder's permissions for a hub with one unix user per student, or None.

    Used by the instructor's view: a folder others can list, or without the sticky bit, would let students see or
    remove each other's files.
    """
    mode = os.stat(folder).st_mode
    if mode & stat.S_IROTH:
        return f"{folder} can be listed by everyone (mode {stat.S_IMODE(mode):o}); use mode 3733"
    if not mode & stat.S_ISVTX:
        return f"{folder} has no sticky bit (mode {stat.S_IMODE(mode):o}): students could delete others' files"
    if not mode & stat.S_IWOTH or not mode & stat.S_IXOTH:
        return f"{folder} is not writable by students (mode {stat.S_IMODE(mode):o}); use mode 3733"
    return None


def keeps_students_apart(folder: Path) -> bool:
    """Whether this folder keeps other students out of this student's shared copy, as the notice may then promise.

    True only when the folder is set up as above (:func:`folder_problem` finds nothing) and belongs to someone else
    (the instructor): a student who owns the class folder, or can list it, shares one account or one open folder with
    the others, and the notice must not promise what the hub does not do.
    """
    try:
        return folder_problem(folder) is None and os.stat(folder).st_uid != os.getuid()
    except OSError:
        return False


def student_id(home: Path | None = None) -> str:
    """This student's random identifier, created on first use and kept in their own folder (mode 0600)."""
    folder = Path(home) if home else progress.answers_dir()
    path = folder / "class-id"
    try:
        value = path.read_text(encoding="ascii").strip()
        if _ID.match(value):
            return value
    except (OSError, UnicodeDecodeError):
        pass
    folder.mkdir(parents=True, exist_ok=True)
    value = secrets.token_hex(16)
    fd, tmp = tempfile.mkstemp(prefix=".class-id.", dir=folder)
    with os.fdopen(fd, "w", encoding="ascii") as f:  # mkstemp makes it 0600
        f.write(value + "\n")
    os.replace(tmp, path)
    return value


#: The temporary file :func:`share` writes before its rename (a random prefix, then mkstemp's eight characters).
_TMP = re.compile(r"^\.[0-9a-f]{16}\.[a-z0-9_]{8}\.tmp$")


def shared_path(quiz_id: str, folder: Path, ident: str) -> Path:
    return Path(folder) / f"answers-{quiz_id}-{ident}.json"


def shared_ident(path: Path) -> str | None:
    """The random identifier in the name of a shared copy (``answers-<quiz>-<id>.json``), or None for another file.

    Each identifier is one student's (kept in their own home), so two shared copies with different identifiers are
    two students, even when neither gave a name and both gave the same answers.
    """
    stem = Path(path).name.removesuffix(".json")
    head, _, ident = stem.rpartition("-")
    return ident if head.startswith("answers-") and _ID.match(ident) else None


def share(quiz_id: str, answers: dict[str, dict[str, Any]], student: str | None, folder: Path,
          ident: str | None = None) -> Path:
    """Write (or replace) this student's shared copy atomically; returns its path. Raises OSError if it cannot."""
    path = shared_path(quiz_id, folder, ident or student_id())
    progress.clean_stale(folder, pattern=_TMP)  # a killed share leaves its temporary file behind (issue 11)
    progress.atomic_write(path, progress.dump(quiz_id, answers, student), prefix=f".{secrets.token_hex(8)}.",
                          mode=FILE_MODE)
    return path


def is_shared(quiz_id: str, folder: Path, ident: str | None = None) -> bool:
    return shared_path(quiz_id, folder, ident or student_id()).exists()


def withdraw(quiz_id: str, folder: Path, ident: str | None = None) -> bool:
    """Delete this student's shared copy; True if there was one. Raises OSError if it exists but cannot go."""
    try:
        shared_path(quiz_id, folder, ident or student_id()).unlink()
    except FileNotFoundError:
        return False
    return True


def shared_files(folder: Path) -> list[Path]:
    """The answer files in a class folder (or a folder of downloaded ones), sorted; temporary files left out."""
    return sorted(p for p in Path(folder).glob("*.json") if not p.name.startswith(".") and p.is_file())
