"""python -m build makes a wheel that installs into a fresh virtual environment, where the
smoke test runs: generate a small dataset, load it, train one epoch of matrix factorisation."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from .conftest import have

HERE = Path(__file__).resolve().parent
PACKAGE = HERE.parent  # python/: pyproject.toml and ctar/


def _venv_has_pip() -> bool:
    try:
        import ensurepip  # noqa: F401

        return True
    except ImportError:
        return False


@pytest.mark.skipif(not have("build"), reason="the 'build' module is not installed (Debian: python3-build)")
@pytest.mark.skipif(not _venv_has_pip(), reason="venv cannot install pip here (Debian: python3-venv)")
@pytest.mark.skipif(not have("torch"), reason="the smoke test trains with torch, which is not installed (Debian: python3-torch)")
def test_the_wheel_installs_into_a_fresh_venv_and_passes_the_smoke_test(cli, tmp_path):
    # build from a copy, so that the build leaves nothing in the repository
    source = tmp_path / "source"
    shutil.copytree(PACKAGE, source, ignore=shutil.ignore_patterns("tests", "build", "dist", "*.egg-info", "__pycache__"))
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path / "wheels"), str(source)], check=True, capture_output=True)
    wheels = list((tmp_path / "wheels").glob("ctar-*-py3-none-any.whl"))
    assert len(wheels) == 1, wheels
    env_dir = tmp_path / "venv"
    try:
        venv.create(env_dir, system_site_packages=True, with_pip=True)  # pandas and torch from the system
    except subprocess.CalledProcessError as e:
        pytest.skip(f"venv cannot install pip here (Debian: python3-venv): {e}")
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheels[0])], check=True, capture_output=True)
    shutil.copy(HERE / "smoke.py", tmp_path / "smoke.py")
    script = f"""
import warnings, ctar, smoke
assert ctar.__file__.startswith({str(env_dir)!r}), ctar.__file__
warnings.simplefilter("ignore", ctar.CtarWarning)
data = ctar.generate("data", users=200, movies=80, quiet=True)
assert len(data.train.rating) == data.config["files"]["train/rating.csv"]["rows"]
before, after = smoke.train_mf(data, epochs=1)
assert after < before, (before, after)
print(f"{{len(data.train.rating)}} ratings; MF loss {{before:.3f}} -> {{after:.3f}}")
"""
    # outside the clone the installed package finds ctar through CTAR_CLI (or PATH, or npx)
    env = {**os.environ, "PYTHONPATH": ""}
    if Path(cli[-1]).is_file():
        env["CTAR_CLI"] = cli[-1]
    done = subprocess.run([str(python), "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "ratings; MF loss" in done.stdout
