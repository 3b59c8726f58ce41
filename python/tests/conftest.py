"""Shared fixtures: the ctar this package runs (tests skip, saying why, when there is none) and
small generated datasets, made once per session."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest

import ctar
from ctar import _cli

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def cli():
    """The argument list that starts ctar; skips when Node or ctar is missing."""
    try:
        command = _cli.cli_command()
    except ctar.CtarError as e:
        pytest.skip(f"no ctar to run: {e.message}")
    if command[-1].endswith("main.js") and not Path(command[-1]).is_file():
        pytest.skip(f"{command[-1]} is not built (npm run build)")
    return command


def _generate(root: Path, name: str, **options) -> ctar.Dataset:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ctar.CtarWarning)  # small sizes: the test-set quotas are not met
        return ctar.generate(root / name, quiet=True, **options)


@pytest.fixture(scope="session")
def small(cli, tmp_path_factory) -> ctar.Dataset:
    """300 users × 100 movies, CSV, with truth/full."""
    return _generate(tmp_path_factory.mktemp("ctar"), "small", users=300, movies=100, truth="full")


@pytest.fixture(scope="session")
def small_both(cli, tmp_path_factory) -> ctar.Dataset:
    """The same dataset in both formats (CSV and Parquet)."""
    return _generate(tmp_path_factory.mktemp("ctar"), "both", users=300, movies=100, format="both")


def package_json() -> dict:
    return json.loads((REPO / "package.json").read_text(encoding="utf-8"))


def have(module: str) -> bool:
    try:
        __import__(module)
        return True
    except ImportError:
        return False


def node_on_path() -> bool:
    return shutil.which("node") is not None
