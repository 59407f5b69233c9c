"""Saving a student's answers, opt-in and local: a JSON file on this computer, or a file they download.

Nothing here is sent anywhere. The default folder is ``~/.consent-kit`` (``$KIT_ANSWERS_DIR`` overrides it). A save
is atomic: the JSON goes to a temporary file in the same folder, is flushed to disk, then renamed over the old file,
so a crash mid-save leaves the previous save as it was. A file that cannot be read as this kit's answers (corrupt,
or some other program's JSON) is never overwritten: it is renamed ``<name>.corrupt-<timestamp>`` and reported.

Reading is bounded (a file over :data:`MAX_BYTES`, JSON nested past Python's limits, numbers too long to convert
are each "damaged", never an exception), :func:`load` takes a ``check`` that says whether the answers fit the
quiz as it is now (else the file is set aside too), a folder the kit cannot write to is reported, not raised,
and the kit's own temporary files left by a killed save (``.answers-<quiz>.json.XXXXXXXX.tmp``, older than
:data:`STALE_SECONDS`) are removed.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
import os
import re
import shutil
import stat
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .content.language import current  # i13: the file records the language it was answered in

__all__ = ["FORMAT", "AnswersError", "Loaded", "answers_dir", "answers_path", "atomic_write", "backup", "clean_stale",
           "data_uri", "download_name", "dump", "load", "parse", "safe_name", "save", "set_aside", "usable_path",
           "would_discard"]

FORMAT = "consent-kit-answers"
VERSION = 1
#: The largest answers file read: a whole quiz's answers take a few kilobytes.
MAX_BYTES = 2 * 1024 * 1024
#: A temporary file of the kit's older than this is left from a killed save (a save takes milliseconds).
STALE_SECONDS = 3600
#: The kit's own temporary files, as :func:`save` names them (``tempfile.mkstemp`` adds 8 characters).
_TMP = re.compile(r"^\.answers-.+\.json\.[a-z0-9_]{8}\.tmp$")


class AnswersError(ValueError):
    """A file that is not a readable answers file of this kit; the message says why, in plain words."""


def answers_dir() -> Path:
    env = os.environ.get("KIT_ANSWERS_DIR")
    return Path(env) if env else Path.home() / ".consent-kit"


def answers_path(quiz_id: str, folder: Path | None = None) -> Path:
    return (folder or answers_dir()) / f"answers-{quiz_id}.json"


def usable_path(path: Path) -> tuple[Path, str | None]:
    """Where answers meant for ``path`` can be kept, and why not at ``path`` itself (None when they can).

    Something else in the file's place (a folder, a pipe) leaves it as it is: the answers go beside it
    (``answers-final-2.json``). A "folder" that is a file (``KIT_ANSWERS_DIR`` pointing at one) sends them to the
    default folder, ``~/.consent-kit``.
    """
    path = Path(path)
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        default = Path.home() / ".consent-kit"
        if folder != default:
            return usable_path(default / path.name)[0], f"{folder} is a file, not a folder"
        return path, None  # nowhere else to go: saving says why
    if path.exists() and not path.is_file():
        what = "a folder" if path.is_dir() else "not a file"
        n = 2
        while True:
            other = path.with_name(f"{path.stem}-{n}{path.suffix}")
            if not other.exists() or other.is_file():
                return other, f"{path} is {what}"
            n += 1
    return path, None


def safe_name(text: str | None, limit: int = 40) -> str:
    """A student's name as a safe piece of a file name: letters and digits without accents, words joined by
    hyphens ("Zoë O'Brien / 2B" -> "Zoe-O-Brien-2B"); empty when nothing usable is left."""
    if not text:
        return ""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[A-Za-z0-9]+", plain))[:limit].strip("-")


def download_name(quiz_id: str, student: str | None = None) -> str:
    """The name of a downloaded answers file: the quiz and the student, so a class's hand-ins never collide
    (``answers-final-Ada-Lovelace.json``; ``answers-final.json`` without a name)."""
    name = safe_name(student)
    return f"answers-{quiz_id}-{name}.json" if name else f"answers-{quiz_id}.json"


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def dump(quiz_id: str, answers: dict[str, dict[str, Any]], student: str | None = None) -> str:
    """The answers as the JSON text of an answers file.

    ``answers`` maps question ids to saved entries, in the one format :class:`kit.quiz.Entry` defines
    (``Entry.to_json()``).
    """
    doc = {"format": FORMAT, "version": VERSION, "quiz": quiz_id, "student": student or None, "saved_at": _now(),
           "language": current(), "answers": answers}
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def parse(text: str | bytes, quiz_id: str | None = None, name: str = "the file") -> dict[str, Any]:
    """Read an answers file's text; raises AnswersError saying plainly what is wrong with it."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise AnswersError(f"{name} is not a text file, so it cannot hold saved answers") from None
    if len(text) > MAX_BYTES:
        raise AnswersError(f"{name} is too large to be a file of saved answers ({len(text):,} characters)")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise AnswersError(f"{name} is damaged (not valid JSON: {e.msg} at line {e.lineno})") from None
    except RecursionError:
        raise AnswersError(f"{name} is damaged (lists or objects nested too deeply)") from None
    except ValueError as e:  # e.g. an integer with more digits than Python converts
        raise AnswersError(f"{name} is damaged ({e})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise AnswersError(f"{name} is not a file of saved quiz answers from this kit")
    if not isinstance(doc.get("version"), int) or doc["version"] > VERSION:
        raise AnswersError(f"{name} was written by a newer version of the kit (format version {doc.get('version')})")
    if not isinstance(doc.get("quiz"), str) or not isinstance(doc.get("answers"), dict):
        raise AnswersError(f"{name} is damaged: the quiz id or the answers are missing")
    if any(not isinstance(v, dict) for v in doc["answers"].values()):
        raise AnswersError(f"{name} is damaged: an answer is not in the expected form")
    if quiz_id is not None and doc["quiz"] != quiz_id:
        raise AnswersError(f"{name} holds answers to the quiz '{doc['quiz']}', not to '{quiz_id}'")
    return doc


def save(quiz_id: str, answers: dict[str, dict[str, Any]], student: str | None = None,
         path: Path | None = None) -> Path:
    """Write the answers atomically (temporary file, fsync, rename) and return the file's path."""
    path = Path(path) if path else answers_path(quiz_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(path.parent)
    if path.exists():  # never overwrite a file that is not ours
        try:
            parse(path.read_bytes(), None, path.name)
        except AnswersError:
            set_aside(path)
    return atomic_write(path, dump(quiz_id, answers, student), prefix=f".{path.name}.")


def atomic_write(path: Path, text: str | bytes, prefix: str, mode: int | None = None) -> Path:
    """Write ``text`` (UTF-8) or bytes to ``path`` so that a reader sees the old file or the new one, never half of
    either.

    A temporary file named ``<prefix>XXXXXXXX.tmp`` beside ``path`` (so :func:`clean_stale` can find one a killed
    write left behind), its mode set before anything is written, fsync, rename, then fsync of the folder.
    """
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    try:
        if mode is not None:
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") if isinstance(text, bytes) else os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:  # make the rename itself durable where the platform allows it
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:  # pragma: no cover - e.g. Windows
        pass
    return path


def _stamped(path: Path, tag: str) -> Path:
    """A free name beside ``path``: ``<name>.<tag>-<timestamp>`` (``-2``, ``-3`` … after it when taken)."""
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.{tag}-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = path.with_name(f"{path.name}.{tag}-{stamp}-{n}")
    return dest


def set_aside(path: Path) -> Path:
    """Rename a file that cannot be used to ``<name>.corrupt-<timestamp>`` (never delete it)."""
    dest = _stamped(path, "corrupt")
    os.replace(path, dest)
    return dest


def would_discard(answers: dict[str, Any], student: str | None = None) -> bool:
    """Whether clearing or replacing these answers loses anything a student did (then the view asks first)."""
    return bool(answers) or bool(student and student.strip())


def backup(path: Path) -> Path | None:
    """Copy a saved answers file to ``<name>.backup-<timestamp>`` beside it, before it is replaced (Try again,
    Load answers); returns the copy, or None when there was no file."""
    path = Path(path)
    if not path.exists():
        return None
    dest = _stamped(path, "backup")
    shutil.copy2(path, dest)
    return dest


@dataclass(frozen=True)
class Loaded:
    """What loading found: the answers (or None), the file, and a problem with where the bad file was put."""

    path: Path
    doc: dict[str, Any] | None = None
    problem: str | None = None
    kept_aside: Path | None = None

    @property
    def answers(self) -> dict[str, dict[str, Any]]:
        return dict(self.doc["answers"]) if self.doc else {}


def clean_stale(folder: Path, older_than: float = STALE_SECONDS, pattern: re.Pattern[str] = _TMP) -> list[Path]:
    """Remove the kit's own temporary files left in ``folder`` by saves that were killed, if older than
    ``older_than`` seconds; only regular files named as :func:`save` names them (or as ``pattern`` says, for
    another writer's temporary files). Returns what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    now = time.time()
    for name in names:
        if not pattern.match(name):
            continue
        p = Path(folder) / name
        try:
            st = os.lstat(p)
            if stat.S_ISREG(st.st_mode) and now - st.st_mtime > older_than:
                os.unlink(p)
                removed.append(p)
        except OSError:
            continue
    return removed


def load(quiz_id: str, path: Path | None = None, check: Callable[[dict[str, Any]], str | None] | None = None
         ) -> Loaded:
    """Read the saved answers of a quiz. No file: empty. A bad file: reported, and renamed aside.

    ``check(doc)`` says why well-formed answers cannot be used by the quiz as it is now (None if they can); such a
    file is set aside too. A file that cannot be set aside (a read-only folder) is reported and left in place.
    """
    path = Path(path) if path else answers_path(quiz_id)
    clean_stale(path.parent)
    try:
        if not path.exists():
            return Loaded(path)
        data = path.read_bytes()
    except OSError as e:
        problem = f"{path.name} cannot be read ({e.strerror})"
        try:  # a file the kit cannot read is set aside, so new answers can be saved in its place
            aside = set_aside(path) if path.is_file() else None
        except OSError:
            aside = None
        return Loaded(path, None, problem, aside)
    try:
        doc = parse(data, quiz_id, path.name)
        why = check(doc) if check is not None else None
        if why:
            raise AnswersError(f"{path.name} does not fit the quiz as it is now: {why}")
    except AnswersError as e:
        try:
            aside = set_aside(path)
        except OSError as err:
            return Loaded(path, None, f"{e} (it could not be set aside: {err.strerror})")
        return Loaded(path, None, str(e), aside)
    return Loaded(path, doc)


def data_uri(text: str, mime: str = "application/json") -> str:
    """A ``data:`` URI holding ``text``, for a plain HTML download link (no JavaScript)."""
    return f"data:{mime};charset=utf-8;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")
