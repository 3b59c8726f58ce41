"""A ctar dataset folder as pandas DataFrames: ``ctar.load(dir)``.

The tables, their columns, types and meanings are read from the folder's own ``croissant.json``
(written by ``ctar generate`` and ``ctar card`` from the one layout of ctar's
``src/generate/dataset-layout.ts``; docs/output.md lists them): an integer column is ``int64``, a
float column ``float64``, and a list of tag ids (``train/movie``'s ``taglist``) a Python list of
ints, the same from CSV and from Parquet. Each table is read when first used, then kept.
Parquet is read when pyarrow or fastparquet is importable, else the CSV beside it.
"""

from __future__ import annotations

import json
import os
from functools import cached_property
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

from ._cli import CtarError

_DTYPES = {"sc:Integer": "int64", "sc:Float": "float64", "sc:Text": "object", "sc:Boolean": "bool"}


def parquet_engine() -> Optional[str]:
    """The pandas Parquet engine that is importable (pyarrow, then fastparquet), or None."""
    for engine in ("pyarrow", "fastparquet"):
        try:
            __import__(engine)
            return engine
        except ImportError:
            continue
    return None


def _short(t: Any) -> str:
    """``sc:Integer`` for any spelling of the schema.org type (prefixed or a full IRI)."""
    t = t[0] if isinstance(t, list) else t
    return "sc:" + str(t).rsplit("/", 1)[-1].split(":")[-1]


class Column:
    """A column of a table: its name, dtype, meaning, and whether it holds a list (``is_array``)."""

    def __init__(self, field: Dict[str, Any]):
        self.name: str = field["name"]
        self.description: str = field.get("description", "")
        self.data_type: str = _short(field.get("dataType", "sc:Text"))
        self.is_array: bool = bool(field.get("isArray", field.get("repeated", False)))
        transform = field.get("source", {}).get("transform", {})
        self.separator: Optional[str] = transform.get("separator") if isinstance(transform, dict) else None

    @property
    def dtype(self) -> str:
        return "object" if self.is_array else _DTYPES.get(self.data_type, "object")

    def __repr__(self) -> str:
        return f"Column({self.name!r}, {self.dtype}{', list' if self.is_array else ''}: {self.description})"


class Table:
    """A table of the layout: its name (``train/rating``), meaning, columns and key."""

    def __init__(self, record_set: Dict[str, Any]):
        self.name: str = record_set["name"]
        self.description: str = record_set.get("description", "")
        self.columns: List[Column] = [Column(f) for f in record_set.get("field", [])]
        prefix = f"{self.name}/"
        self.key: List[str] = [k["@id"][len(prefix):] if k["@id"].startswith(prefix) else k["@id"] for k in record_set.get("key", [])]

    def __repr__(self) -> str:
        return f"Table({self.name!r}: {self.description}; columns {[c.name for c in self.columns]})"


class _Group:
    """The tables of one folder (``data.train``), as attributes: ``data.train.rating``."""

    def __init__(self, data: "Dataset", folder: str):
        self._data = data
        self._folder = folder

    def _names(self) -> List[str]:
        return [n.split("/", 1)[1] for n in self._data.tables if n.startswith(f"{self._folder}/")]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._names():
            raise AttributeError(f"{self._data.path}: no table {self._folder}/{name} (tables: {', '.join(self._names())})")
        return self._data[f"{self._folder}/{name}"]

    def __dir__(self) -> List[str]:
        return self._names()

    def __repr__(self) -> str:
        return f"<{self._folder}/ of {self._data.path}: {', '.join(self._names())}>"


class Dataset:
    """A dataset folder written by ``ctar generate``. ``data["train/rating"]`` (or
    ``data.train.rating``) is a table as a DataFrame, read on first use; ``data.truth`` holds the
    simulated ground truth; ``data.config`` is config.json, ``data.card`` the dataset card
    (README.md), ``data.croissant`` croissant.json; ``data.schema(name)`` says what a table and its
    columns mean."""

    def __init__(self, path: Any):
        self.path = Path(os.fspath(path))
        if not (self.path / "config.json").is_file():
            raise CtarError(f"{self.path}: not a ctar dataset (no config.json)", 3)
        self._frames: Dict[str, Any] = {}
        self.train = _Group(self, "train")
        self.test = _Group(self, "test")
        self.truth = _Group(self, "truth")

    def __repr__(self) -> str:
        return f"<ctar dataset {self.path}: {len(self.tables)} tables>"

    @cached_property
    def config(self) -> Dict[str, Any]:
        """config.json: the resolved configuration, seed, version, graph and row counts."""
        return json.loads((self.path / "config.json").read_text(encoding="utf-8"))

    @cached_property
    def card(self) -> Optional[str]:
        """The dataset card (README.md), or None when the folder has none."""
        f = self.path / "README.md"
        return f.read_text(encoding="utf-8") if f.is_file() else None

    @cached_property
    def croissant(self) -> Optional[Dict[str, Any]]:
        """croissant.json, or None when the folder has none (``ctar card DIR`` writes it)."""
        f = self.path / "croissant.json"
        return json.loads(f.read_text(encoding="utf-8")) if f.is_file() else None

    @cached_property
    def _schemas(self) -> Dict[str, Table]:
        if self.croissant is None:
            return {}
        return {r["name"]: Table(r) for r in self.croissant.get("recordSet", [])}

    def _files(self, name: str) -> Dict[str, Path]:
        out = {}
        for fmt, suffix in (("parquet", ".parquet"), ("csv", ".csv"), ("csv", ".csv.gz")):
            f = self.path / f"{name}{suffix}"
            if f.is_file() and fmt not in out:
                out[fmt] = f
        return out

    @cached_property
    def tables(self) -> List[str]:
        """The tables present, in the layout's order (croissant.json's), then any other."""
        names = [n for n in self._schemas if self._files(n)]
        for folder in ("train", "test", "truth"):
            d = self.path / folder
            if not d.is_dir():
                continue
            for f in sorted(d.iterdir()):
                stem = f.name
                for suffix in (".csv.gz", ".csv", ".parquet"):
                    if stem.endswith(suffix):
                        n = f"{folder}/{stem[: -len(suffix)]}"
                        if n not in names:
                            names.append(n)
        return names

    def schema(self, name: str) -> Optional[Table]:
        """What table ``name`` and its columns mean (from croissant.json), or None."""
        return self._schemas.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self.tables

    def __iter__(self) -> Iterator[str]:
        return iter(self.tables)

    def __getitem__(self, name: str) -> Any:
        if name not in self._frames:
            self._frames[name] = self._read(name)
        return self._frames[name]

    def _read(self, name: str) -> Any:
        import pandas as pd

        files = self._files(name)
        if not files:
            raise KeyError(f"{self.path}: no table {name} (tables: {', '.join(self.tables)})")
        schema = self.schema(name)
        engine = parquet_engine()
        if "parquet" in files and (engine is not None or "csv" not in files):
            if engine is None:
                raise CtarError(f"{files['parquet']}: reading Parquet needs pyarrow or fastparquet (pip install pyarrow), and there is no CSV beside it", 3)
            frame = pd.read_parquet(files["parquet"], engine=engine)
            lists = {c.name for c in schema.columns if c.is_array} if schema else set()
            for c in lists:
                frame[c] = [[int(x) for x in v] for v in frame[c]]
        else:
            frame = self._read_csv(files["csv"], schema)
        if schema is not None:
            frame = frame.astype({c.name: c.dtype for c in schema.columns if c.name in frame and not c.is_array})
            frame.attrs["description"] = schema.description
            frame.attrs["columns"] = {c.name: c.description for c in schema.columns}
        frame.attrs["file"] = str(files.get("parquet") if "parquet" in files and engine else files["csv"])
        return frame

    @staticmethod
    def _read_csv(file: Path, schema: Optional[Table]) -> Any:
        import pandas as pd

        # round_trip: pandas' default float parser can be one last bit off the double ctar wrote
        if schema is None:
            return pd.read_csv(file, float_precision="round_trip")
        dtypes = {c.name: (str if c.is_array else c.dtype) for c in schema.columns}
        frame = pd.read_csv(file, dtype=dtypes, keep_default_na=False, float_precision="round_trip")
        for c in schema.columns:
            if c.is_array:
                sep = c.separator or ","
                frame[c.name] = [[int(x) for x in s.split(sep)] if s != "" else [] for s in frame[c.name]]
        return frame


def load(path: Any) -> Dataset:
    """The dataset folder at ``path`` (written by ``ctar generate``); its tables load when used."""
    return Dataset(path)
