"""A real JupyterHub on localhost for the hub test and ``make bench-class``: real unix users, a class folder, cleanup.

* The hub and every student's single-user server run from ``$KIT_HUB_ENV`` (default
  ``/opt/consent-kit-hub/env``), a virtual environment built by ``make hub-env`` from Debian's ``python3`` in a
  world-readable folder, from the pins in tests/constraints.txt. (The project's ``.venv`` points at a Python in
  root's home, which a student's unix user cannot read, so their server could not start from it.)
* The proxy is configurable-http-proxy from the npm registry, installed by ``make`` into tests/hub/node_modules.
* :class:`Hub` creates one unix user per student and one instructor (with a private group), copies the kit into each
  home as nbgitpuller would (``~/consent-kit``), creates the class folder with mode 3733 owned by the instructor and
  the instructors' group, and starts the hub with the dummy authenticator and the local process spawner.
  :meth:`Hub.close` stops the hub (which stops the servers), ends any process the test users still have, deletes the
  users, the group and the folder. Nothing is left running.
"""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV = Path(os.environ.get("KIT_HUB_ENV", "/opt/consent-kit-hub/env"))
CHP = ROOT / "tests" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = "class-" + secrets.token_hex(4)
KIT_FILES = ("kit", "data", "notebooks", "README.md", "pyproject.toml")
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                       "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"autoStartDefaultKernel": True},
}


def rest(method: str, url: str, token: str):
    """A call to a Jupyter REST API (a hub's, or a single server's) with ``token``: the decoded JSON answer, or None
    when the answer has no body."""
    request = urllib.request.Request(url, method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=30) as r:
        body = r.read()
    return json.loads(body) if body else None


def problem() -> str | None:
    """Why a hub cannot be started here (said plainly), or None."""
    if os.geteuid() != 0:
        return "the hub test creates unix users, so it must run as root (CI does): sudo make test"
    if not (ENV / "bin" / "jupyterhub-singleuser").exists():
        return f"no single-user environment at {ENV}: run `make hub-env` (make test does)"
    if not CHP.exists():
        return "configurable-http-proxy is not installed: run `make hub-proxy` (make test does)"
    return None


def hub_for_a_test(students: int, log_name: str = "hub"):
    """A test module's hub (``yield from`` it in a module fixture): started with ``students`` students and an
    instructor, and once the module is done, closed and checked: the users are gone, and so is every process of
    theirs, the hub and its proxy, and its folder. Fails (never skips) saying why a hub cannot start here."""
    import pytest

    why = problem()
    if why:
        pytest.fail(why, pytrace=False)
    h = Hub(students=students, log_name=log_name)
    users = [*h.students, h.instructor]
    uids = [pwd.getpwnam(n).pw_uid for n in users]
    try:
        yield h
    finally:
        h.close()
        for name in users:
            with pytest.raises(KeyError):
                pwd.getpwnam(name)
        # A zombie (state Z, "<defunct>") has exited and holds nothing: only its parent's reaping is left, which in a
        # container whose first process does not reap can come late or never. Anything else still there is a leak.
        ps = subprocess.run(["ps", "-o", "pid=,stat=,args=", "-u", ",".join(map(str, uids))], capture_output=True,
                            text=True).stdout
        left = [line for line in ps.splitlines() if line.split()[1:2] and not line.split()[1].startswith("Z")]
        assert left == [], "still running after the test:\n" + "\n".join(left)
        assert h.proc.poll() is not None and not h.tmp.exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(*cmd: str) -> None:
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


CONFIG = """
import os
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{api_port}"
c.ConfigurableHTTPProxy.command = [{chp!r}]
c.ConfigurableHTTPProxy.pid_file = {pid_file!r}
c.JupyterHub.db_url = "sqlite:///{state}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = {state!r} + "/cookie_secret"
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
# Answer "start this server" at once (202) instead of holding the request up to 10 s: the servers start in parallel.
c.JupyterHub.tornado_settings = {{"slow_spawn_timeout": 0}}
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {password!r}
c.Authenticator.allowed_users = set({users!r})
c.JupyterHub.services = [{{"name": "kit-test", "api_token": {api_token!r}}}]
c.JupyterHub.load_roles = [{{"name": "kit-test", "scopes": ["admin:servers", "read:users"], "services": ["kit-test"]}}]
c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [{singleuser!r}]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~/consent-kit"
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.Spawner.args = ["--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
                  "--LabApp.expose_app_in_browser=True"]
c.Spawner.env_keep = ["PATH", "LANG"]
# The kit from the student's copy (as nbgitpuller leaves it); the class folder the instructor created.
c.Spawner.environment = {{
    "PYTHONPATH": lambda spawner: os.path.expanduser("~" + spawner.user.name) + "/consent-kit",
    "KIT_CLASS_DIR": {class_dir!r},
}}
"""


class Hub:
    def __init__(self, students: int, log_name: str = "hub"):
        why = problem()
        if why:
            raise RuntimeError(why)
        tag = secrets.token_hex(3)
        self.students = [f"kits{i}x{tag}" for i in range(1, students + 1)]
        self.instructor = f"kitix{tag}"
        self.group = f"kitinst{tag}"
        self.tmp = Path(tempfile.mkdtemp(prefix="kit-hub-", dir="/tmp"))
        self.tmp.chmod(0o711)
        self.class_dir = self.tmp / "class"
        self.homes = self.tmp / "home"
        self.state = self.tmp / "state"
        self.state.mkdir(mode=0o700)
        self.homes.mkdir(mode=0o711)
        self._users: list[str] = []
        self._group = False
        self.proc: subprocess.Popen | None = None
        self.port = _free_port()
        self.api_token = secrets.token_hex(24)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = self.tmp / f"{log_name}.log"
        try:
            self._setup()
            self._start()
        except BaseException:
            self.close()
            raise

    # ------------------------------------------------------------------------------------------- set up
    def _setup(self) -> None:
        _run("groupadd", self.group)
        self._group = True
        for name in [*self.students, self.instructor]:
            home = self.homes / name
            _run("useradd", "--home-dir", str(home), "--create-home", "--shell", "/bin/sh", "--no-user-group",
                 "--gid", "users", name)
            self._users.append(name)
            home.chmod(0o700)
            self._copy_kit(name, home)
        _run("usermod", "--append", "--groups", self.group, self.instructor)
        self.class_dir.mkdir()
        shutil.chown(self.class_dir, self.instructor, self.group)
        self.class_dir.chmod(0o3733)

    def _copy_kit(self, name: str, home: Path) -> None:
        """The repository's files into ~/consent-kit, and JupyterLab settings that keep it quiet, owned by them."""
        dest = home / "consent-kit"
        dest.mkdir()
        for item in KIT_FILES:
            src = ROOT / item
            if src.is_dir():
                shutil.copytree(src, dest / item, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
            else:
                shutil.copy2(src, dest / item)
        settings = home / ".jupyter" / "lab" / "user-settings"
        for plugin, values in LAB_SETTINGS.items():
            path = settings / plugin
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        _run("chown", "-R", f"{name}:users", str(home))

    def _start(self) -> None:
        config = self.state / "jupyterhub_config.py"
        config.write_text(CONFIG.format(
            port=self.port, hub_port=_free_port(), api_port=_free_port(), chp=str(CHP),
            pid_file=str(self.state / "proxy.pid"), state=str(self.state), password=PASSWORD,
            users=[*self.students, self.instructor], singleuser=str(ENV / "bin" / "jupyterhub-singleuser"),
            class_dir=str(self.class_dir), api_token=self.api_token))
        env = {"PATH": f"{ENV}/bin:/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": str(self.state)}
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in close()
        self.proc = subprocess.Popen([str(ENV / "bin" / "jupyterhub"), "-f", str(config)], cwd=self.state, env=env,
                                     stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{self.base}/hub/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"JupyterHub did not start:\n{self.log()[-3000:]}")
            time.sleep(0.3)

    def _api(self, method: str, path: str):
        return rest(method, f"{self.base}/hub/api{path}", self.api_token)

    def start_servers(self, names, timeout: float = 300) -> None:
        """Ask the hub to start these users' servers, all at once (as students arriving in class), and wait."""
        for name in names:
            self._api("POST", f"/users/{name}/server")
        deadline = time.monotonic() + timeout
        waiting = set(names)
        while waiting:
            for name in list(waiting):
                server = (self._api("GET", f"/users/{name}").get("servers") or {}).get("")
                if server and server.get("ready"):
                    waiting.discard(name)
            if waiting and time.monotonic() > deadline:
                raise RuntimeError(f"servers not ready after {timeout:.0f} s: {sorted(waiting)}\n{self.log()[-3000:]}")
            time.sleep(0.5)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    # ------------------------------------------------------------------------------------------- helpers
    def home(self, name: str) -> Path:
        return self.homes / name

    def as_user(self, name: str, fn, *args):
        """Run ``fn(*args)`` in a child process with the unix identity of ``name``; returns what it returns.

        A fork, not a new interpreter: the project's Python lives in root's home, which the user cannot read.
        """
        pw = pwd.getpwnam(name)
        groups = os.getgrouplist(name, pw.pw_gid)
        r, wfd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                os.close(r)
                os.setgroups(groups)
                os.setgid(pw.pw_gid)
                os.setuid(pw.pw_uid)
                os.environ["HOME"] = pw.pw_dir
                try:
                    result = {"ok": fn(*args)}
                except Exception as e:  # reported to the parent
                    result = {"error": type(e).__name__, "message": str(e)}
                os.write(wfd, json.dumps(result, default=str).encode())
            finally:
                os._exit(0)
        os.close(wfd)
        with os.fdopen(r, "rb") as f:
            data = f.read()
        os.waitpid(pid, 0)
        return json.loads(data or b'{"error": "NoResult", "message": "the child wrote nothing"}')

    def user_pids(self) -> dict[str, list[int]]:
        out = {}
        for name in self._users:
            try:
                uid = pwd.getpwnam(name).pw_uid
            except KeyError:
                continue
            res = subprocess.run(["ps", "-o", "pid=", "-u", str(uid)], capture_output=True, text=True)
            out[name] = [int(p) for p in res.stdout.split()]
        return out

    # ------------------------------------------------------------------------------------------- tear down
    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # the hub stops every server and the proxy it started
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        pid_file = self.state / "proxy.pid"
        if pid_file.exists():  # the proxy, should the hub have died without stopping it
            try:
                os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)
            except (ValueError, OSError):
                pass
        for pids in self.user_pids().values():  # anything the test users still run (started by this test)
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        time.sleep(0.2)
        for name in self._users:
            subprocess.run(["userdel", "--force", name], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._users = []
        if self._group:
            subprocess.run(["groupdel", self.group], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            self._group = False
        if getattr(self, "_log", None):
            self._log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
