"""Every ctar command as a Python function, checked against ctar's own listing of its commands.

The commands, their arguments and options come from ``ctar --help --json`` (read once per
process), so nothing here restates an option: a keyword ``rating_temperature=2`` is the flag
``--rating-temperature 2``. A call is checked before Node runs: an unknown option, a value of
the wrong type or a missing required option raises ``CtarOptionError`` naming the option.
"""

from __future__ import annotations

import difflib
import json
import numbers
import os
from typing import Any, Dict, List, Optional, Sequence

from ._cli import CtarOptionError, cli_command, run

_LISTINGS: Dict[tuple, Dict[str, Any]] = {}


def listing() -> Dict[str, Any]:
    """ctar's commands, arguments and options (``ctar --help --json``), read once per ctar."""
    key = tuple(cli_command())
    if key not in _LISTINGS:
        _LISTINGS[key] = json.loads(run(["--help", "--json"]))
    return _LISTINGS[key]


def python_name(flag: str) -> str:
    """The keyword of a flag: ``rating-temperature`` → ``rating_temperature``."""
    return flag.replace("-", "_")


def _is_scalar(v: Any) -> bool:
    return isinstance(v, (str, os.PathLike)) or (isinstance(v, numbers.Real) and not isinstance(v, bool))


def _text(v: Any) -> str:
    if isinstance(v, os.PathLike):
        return os.fspath(v)
    if isinstance(v, numbers.Integral):
        return str(int(v))
    return str(v)


def _option_args(where: str, opt: Dict[str, Any], value: Any) -> List[str]:
    """The command-line words of one option's value, or CtarOptionError."""
    flag = f"--{opt['name']}"
    kw = python_name(opt["name"])
    if value is None or value is False:
        if value is False and opt["takes"] not in ("flag", "optional-value"):
            raise CtarOptionError(f"{where}: {kw}= takes a value (got False)")
        return []
    if opt["takes"] == "flag":
        if value is not True:
            raise CtarOptionError(f"{where}: {kw}= is a switch: pass True or False (got {type(value).__name__} {value!r})")
        return [flag]
    if opt["takes"] == "optional-value" and value is True:
        return [flag]
    values = list(value) if opt["repeatable"] and isinstance(value, (list, tuple)) else [value]
    out: List[str] = []
    for v in values:
        if not _is_scalar(v):
            what = "a value or a list of values" if opt["repeatable"] else "one value"
            raise CtarOptionError(f"{where}: {kw}= takes {what} (a string, path or number; got {type(v).__name__} {v!r})")
        if opt["number"] and isinstance(v, str):
            try:
                float(v)
            except ValueError:
                raise CtarOptionError(f"{where}: {kw}= takes a number (got '{v}')") from None
        out += [flag, _text(v)]
    return out


class Command:
    """One ctar command (``ctar.stats``) or group of commands (``ctar.graph``; its commands are
    attributes: ``ctar.graph.analyze``). Calling it runs the command: positional arguments fill
    the command's arguments, then its required options in order; keywords are options. Returns
    the command's standard output, parsed when ``json=True``."""

    def __init__(self, path: Sequence[str]):
        self._path = list(path)

    @property
    def spec(self) -> Dict[str, Any]:
        node = listing()
        for name in self._path:
            node = next(c for c in node["commands"] if c["name"] == name)
        return node

    @property
    def __doc__(self) -> str:  # type: ignore[override]
        s = self.spec
        lines = [f"ctar {' '.join(self._path)}: {s['description']}", ""]
        for a in s["arguments"]:
            lines.append(f"  {a['name']} (argument{'' if a['required'] else ', optional'}): {a['description']}")
        for o in s["options"]:
            lines.append(f"  {python_name(o['name'])}=: {o['description']}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"<ctar command '{' '.join(self._path)}'>"

    def __getattr__(self, name: str) -> "Command":
        if name.startswith("_"):
            raise AttributeError(name)
        subs = [c["name"] for c in self.spec["commands"]]
        if name.replace("_", "-") not in subs:
            raise AttributeError(f"ctar {' '.join(self._path)} has no command '{name}' (its commands: {', '.join(subs) or 'none'})")
        return Command(self._path + [name.replace("_", "-")])

    def __dir__(self) -> List[str]:
        return [python_name(c["name"]) for c in self.spec["commands"]]

    def arguments(self, *args: Any, **options: Any) -> List[str]:
        """The command line of a call (checked; nothing runs)."""
        s = self.spec
        where = f"ctar.{'.'.join(python_name(p) for p in self._path)}"
        if s["commands"]:
            raise CtarOptionError(f"{where}: a group of commands; call one of them: {', '.join(c['name'] for c in s['commands'])}")
        by_name = {python_name(o["name"]): o for o in s["options"] if o["name"] not in ("help", "version")}
        words: List[str] = []
        positional = list(args)
        for a in s["arguments"]:
            if a["variadic"]:
                words += [_text(x) for x in positional]
                positional = []
            elif positional:
                words.append(_text(positional.pop(0)))
            elif a["required"]:
                raise CtarOptionError(f"{where}: missing argument '{a['name']}' ({a['description']})")
        for o in s["options"]:
            if not positional:
                break
            if o["required"]:
                kw = python_name(o["name"])
                if kw in options:
                    raise CtarOptionError(f"{where}: {kw}= given twice (as a positional argument and a keyword)")
                options[kw] = positional.pop(0)
        if positional:
            raise CtarOptionError(f"{where}: too many positional arguments ({len(args)}; the rest must be keywords)")
        for kw, value in options.items():
            opt = by_name.get(kw)
            if opt is None:
                close = difflib.get_close_matches(kw, list(by_name), n=1)
                hint = f" (did you mean {close[0]}=?)" if close else ""
                raise CtarOptionError(f"{where}: unknown option {kw}={hint}")
            words += _option_args(where, opt, value)
        for o in s["options"]:
            if o["required"] and options.get(python_name(o["name"])) is None:
                raise CtarOptionError(f"{where}: missing option {python_name(o['name'])}= ({o['description']})")
        return self._path + words

    def __call__(self, *args: Any, **options: Any) -> Any:
        words = self.arguments(*args, **options)
        out = run(words)
        return json.loads(out) if options.get("json") is True else out


def command(name: str) -> Optional[Command]:
    """The top-level command of that Python name, or None when ctar has none."""
    flag = name.replace("_", "-")
    return Command([flag]) if any(c["name"] == flag for c in listing()["commands"]) else None
