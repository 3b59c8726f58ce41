"""ctar from Python: every ``ctar`` command as a function, and its datasets as pandas DataFrames.

    import ctar
    data = ctar.generate("ctar-data", users=1000, rating_temperature=2)
    data.train.rating          # a DataFrame: userid, movieid, rating
    ctar.stats("ctar-data", json=True)

The commands are those of the ctar this package runs (``ctar --help --json``), found as
``ctar._cli`` says; a failing command raises ``CtarError`` with ctar's message and exit code.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, List

from ._cli import CtarError, CtarOptionError, CtarWarning, NodeNotFoundError
from ._commands import Command, command, listing
from .dataset import Dataset, load

__all__ = ["CtarError", "CtarOptionError", "CtarWarning", "NodeNotFoundError", "Command", "Dataset", "commands", "generate", "load"]


def generate(out: Any, **options: Any) -> Any:
    """``ctar generate --out OUT [options]``; returns the dataset (its tables load when used), or
    the folder's path for ``replicates=`` (one dataset per seed inside) and ``shard=`` (a part for
    ``ctar.merge``)."""
    Command(["generate"])(out=out, **options)
    if options.get("replicates") is not None or options.get("shard") is not None:
        return Path(os.fspath(out))
    return load(out)


def commands() -> List[str]:
    """The Python names of ctar's commands (those of the ctar this package runs)."""
    return [c["name"].replace("-", "_") for c in listing()["commands"]]


def __getattr__(name: str) -> Command:
    # Every other command (stats, export, graph, …, and any a newer ctar adds) from ctar's listing.
    if name.startswith("_"):
        raise AttributeError(name)
    c = command(name)
    if c is None:
        raise AttributeError(f"module 'ctar' has no attribute '{name}' (ctar's commands: {', '.join(commands())})")
    return c


def __dir__() -> List[str]:
    return sorted(set(__all__) | set(commands()))
