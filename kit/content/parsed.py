"""Content files parsed once per machine: a parsed file is kept as JSON and read back at the next Run All (issue 26).

Every notebook reads its content anew in a fresh kernel, and parsing the YAML (the C parser, plus the checks on
depth, aliases and characters) is most of what the kit's own code spends in a French notebook: it reads each content
file and its translation. Reading back a tree kept as JSON takes about a tenth of parsing it.

- **What is kept:** ``{"key": its name, "tree": …}``, the tree a text parsed to (mappings and lists with their
  lines, numbers as written) in JSON form, named by a hash of the text and of what could change the tree (this
  module's format, the parser's code, PyYAML's version and whether it has libyaml). A text that does not parse is
  never kept: its error is found again, with its line. A tree made from the parsed one (an English file with a
  translation's texts on it, :func:`kit.content.yamlio.derived_tree`) is kept the same way, named also by ``what``
  else decides it (the translation's text, the language, the schema).
- **Why JSON:** a cache is a folder, and a file in it could have been written by someone else; JSON is only data,
  where a pickle read back could run code.
- **Where:** ``KIT_PARSE_CACHE`` (a folder; ``off`` to keep nothing), else ``$XDG_CACHE_HOME/consent-kit/parsed``,
  else ``~/.cache/consent-kit/parsed``. The folder is used only if it belongs to the user running the kit and no one
  else can write to it (a shared folder could hand a student someone else's content). At most :data:`MAX_FILES`
  files; ``python -m kit prepare`` fills it for the whole content (``make lab`` and Binder's ``postBuild`` run it).
- **Never in the way:** a missing, unreadable, foreign or unwritable folder, or a file that is not a whole tree, only
  means the text is parsed; nothing here ever raises.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

import yaml

from .cachedir import cache_folder, keep_newest

__all__ = ["MAX_FILES", "folder", "read", "write"]

#: Format of the files; change it when the encoding below changes.
FORMAT = "1"
MAX_FILES = 2000
_salt: bytes | None = None
_usable: dict[Path, bool] = {}
_pruned = False


def folder() -> Path | None:
    """The cache folder (it may not exist yet), or None when ``KIT_PARSE_CACHE=off``."""
    return cache_folder("KIT_PARSE_CACHE", "parsed")


def _salted() -> bytes:
    """What, besides the text, decides the tree: the format, the parser's code and PyYAML (made once per process)."""
    global _salt
    if _salt is None:
        h = hashlib.sha256(FORMAT.encode())
        h.update(Path(__file__).with_name("yamlio.py").read_bytes())
        h.update(f"{yaml.__version__} {hasattr(yaml, 'CSafeLoader')}".encode())
        _salt = h.digest()
    return _salt


def _key(text: str, what: str = "") -> str:
    h = hashlib.sha256(_salted())
    if what:  # 0xff never starts a UTF-8 text: a derived tree's name is never a parsed text's
        h.update(b"\xff" + hashlib.sha256(what.encode("utf-8", "surrogatepass")).digest())
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:40]


def _mine(where: Path) -> bool:
    """Whether ``where`` is the user's own folder, which no one else can write to (a missing one will be made so)."""
    if where not in _usable:
        try:
            st = where.stat()
            _usable[where] = st.st_uid == os.getuid() and not st.st_mode & 0o022
        except FileNotFoundError:
            _usable[where] = True
        except (OSError, AttributeError):  # AttributeError: no getuid (Windows)
            _usable[where] = False
    return _usable[where]


def read(text: str, what: str = ""):
    """The value kept for ``text`` (the JSON form of its tree: :func:`kit.content.yamlio.parse_yaml` turns it back),
    or None (not kept, or not a whole file written for this text). ``what``: for a tree made from the parsed one,
    everything else that decides it."""
    where = folder()
    if where is None or not _mine(where):
        return None
    key = _key(text, what)
    try:
        with open(where / f"{key}.json", encoding="utf-8") as f:
            kept = json.load(f)
        if type(kept) is not dict or kept.get("key") != key:  # a whole file written for this very text, or nothing
            return None
        return kept["tree"]
    except (OSError, ValueError, KeyError, RecursionError):
        return None


def write(text: str, value, what: str = "") -> None:
    """Keep ``value``, the JSON form of the tree ``text`` parsed to (or, with ``what``, of a tree made from it: see
    :func:`read`); a folder that cannot be written only means the text is parsed again."""
    global _pruned
    where = folder()
    if where is None or not _mine(where):
        return
    key = _key(text, what)
    path = where / f"{key}.json"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".parsed-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                # dumps, not dump: json.dump encodes in Python, chunk by chunk; dumps uses the C encoder (4 × faster)
                f.write(json.dumps({"key": key, "tree": value}, ensure_ascii=False, separators=(",", ":")))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        if not _pruned:
            _pruned = True
            keep_newest(path.parent, "*.json", MAX_FILES)  # looked at once per process, at its first write
    except (OSError, ValueError, RecursionError):
        pass
