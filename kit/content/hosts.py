"""The web hosts ``kit check`` knows (``data/hosts.yaml``): those whose pages are copies of someone else's page.

A link students follow must be the original page; the address of a copy that was read goes in ``read_at``
(:mod:`kit.content.consistency` checks every such link against this file). An instructor who meets a new archive,
proxy or repost site adds its host here, with no code to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .base import ContentKind, check_by_loading, data_root, load_file, load_one_file
from .schema import Line, ParseContext, Record, doc

__all__ = ["HOSTS", "CopyHosts", "HostsFile", "Hosts", "check_hosts", "hosts_path", "load_hosts"]

_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$")


@dataclass(frozen=True, kw_only=True)
class CopyHosts(Record):
    entry_name = "group of hosts"
    what: Line = doc("what these hosts' pages are, as kit check says it: 'an archive', 'a proxy' …")
    hosts: tuple[Line, ...] = doc("host names, like 'web.archive.org' (each of their subdomains too)", ())
    prefixes: tuple[Line, ...] = doc("beginnings of host names, like 'proxy.', that make any host one of these", ())


@dataclass(frozen=True, kw_only=True)
class HostsFile(Record):
    entry_name = "hosts file"
    copies: tuple[CopyHosts, ...] = doc("the hosts whose pages are copies of someone else's page, in groups",
                                        nonempty=True)


@dataclass(frozen=True)
class Hosts:
    """What kind of copy a host's pages are: by host name (and its subdomains) or by the beginning of the name."""

    names: dict[str, str]
    prefixes: tuple[tuple[str, str], ...] = ()

    def copy_kind(self, host: str) -> str | None:
        host = host.lower().rstrip(".")
        for prefix, what in self.prefixes:
            if host.startswith(prefix):
                return what
        while host:
            if host in self.names:
                return self.names[host]
            host = host.partition(".")[2]
        return None


def hosts_path(root: Path | None = None) -> Path:
    return (Path(root) if root else data_root()) / "hosts.yaml"


def _parse(path: Path, ctx: ParseContext) -> Hosts | None:
    parsed = load_file(path, HostsFile, ctx)
    if parsed is None:
        return None
    names: dict[str, str] = {}
    for group in parsed.copies:
        if not group.hosts and not group.prefixes:
            ctx.at(group, "hosts", "a group needs hosts or prefixes")
        for i, host in enumerate(group.hosts, 1):
            if not _HOST.match(host):
                ctx.at(group, f"hosts[{i}]", f"'{host}' is not a host name: write it without 'https://' or a path, "
                                             "in lower case, like 'web.archive.org'")
            elif host in names:
                ctx.at(group, f"hosts[{i}]", f"'{host}' is listed twice")
            names[host] = group.what
    return Hosts(names, tuple((p.lower(), g.what) for g in parsed.copies for p in g.prefixes))


def load_hosts(root: Path | None = None) -> Hosts:
    """The known copy hosts (cached until the file changes). Raises ContentError."""
    path = hosts_path(root)
    return load_one_file(path, "the web hosts kit check knows as copies", lambda ctx: _parse(path, ctx))


def check_hosts(root: Path, ctx: ParseContext) -> int:
    """For ``kit check``: the hosts file (number of hosts and prefixes)."""
    return check_by_loading(ctx, lambda: load_hosts(root), lambda h: len(h.names) + len(h.prefixes))


HOSTS = ContentKind("hosts", "web hosts known as copies", "hosts.yaml", (HostsFile,), check_hosts, load_hosts)
