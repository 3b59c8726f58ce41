"""ctar.load: every table as a DataFrame with the types and meanings of the dataset's
croissant.json, read on first use; the config, the card and the truth; CSV and Parquet alike."""

from __future__ import annotations

import csv

import pandas as pd
import pytest

import ctar

from .conftest import have


def test_every_table_of_the_folder_with_its_types(small):
    data = ctar.load(small.path)
    assert data.tables[:4] == ["train/movie", "train/rating", "train/obstag", "train/rcttag"]
    assert "truth/full" in data and "truth/user_tag" in data
    for name in data.tables:
        frame = data[name]
        schema = data.schema(name)
        assert list(frame.columns) == [c.name for c in schema.columns], name
        for c in schema.columns:
            expected = "object" if c.is_array else {"sc:Integer": "int64", "sc:Float": "float64"}[c.data_type]
            assert str(frame[c.name].dtype) == expected, f"{name}.{c.name}"
        assert len(frame) == data.config["files"][frame.attrs["file"].split(f"{data.path}/")[1]]["rows"], name


def test_column_meanings_come_with_the_frame(small):
    rating = small.train.rating
    assert rating.attrs["description"].startswith("observed ratings R*")
    assert rating.attrs["columns"]["rating"] == "the observed rating"
    assert small.schema("truth/user_tag").key == ["userid", "tagid"]


def test_the_tag_list_is_a_list_of_ints(small):
    movie = small.train.movie
    with open(small.path / "train" / "movie.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [list(map(int, r["taglist"].split(","))) for r in rows] == list(movie["taglist"])
    assert all(isinstance(t, int) for tags in movie["taglist"] for t in tags)


def test_doubles_are_the_doubles_written(small):
    # ctar writes each double as the shortest text that reads back as it: the frame must hold it exactly
    tau = small.truth.user_tag["tau"]
    with open(small.path / "truth" / "user_tag.csv", newline="") as f:
        written = [float(r["tau"]) for r in csv.DictReader(f)]
    assert len(written) == len(tau) > 0
    assert [x for x, y in zip(written, tau) if x != y] == []


def test_tables_are_read_when_used_and_kept(small):
    data = ctar.load(small.path)
    assert data._frames == {}
    first = data.truth.user_tag
    assert list(data._frames) == ["truth/user_tag"]
    assert data["truth/user_tag"] is first


def test_config_card_croissant_and_truth(small):
    assert small.config["tool"] == "ctar" and small.config["config"]["users"] == 300
    assert small.card.startswith("---\n") and "## Missingness" in small.card
    assert small.croissant["name"] == "ctar-9527-300x100"
    assert set(dir(small.truth)) == {"liked_tags", "movie", "tag", "obstag_dropped", "user_tag", "full"}
    # τ′ = 1 exactly for the liked tags listed, and the test labels agree with it
    ut = small.truth.user_tag
    assert (ut["tau"] > 0).all() and (ut["tau_prime"] == 1).all()
    labels = small.test.test.merge(ut, on=["userid", "tagid"], how="left")
    assert (labels["islike"] == labels["tau_prime"].fillna(0).astype(int)).all()


def test_not_a_dataset(tmp_path):
    with pytest.raises(ctar.CtarError, match="not a ctar dataset"):
        ctar.load(tmp_path)



def test_an_unknown_table_names_the_tables(small):
    with pytest.raises(AttributeError, match=r"no table train/ratings \(tables: movie, rating, obstag, rcttag\)"):
        small.train.ratings
    with pytest.raises(KeyError, match="no table train/ratings"):
        small["train/ratings"]


@pytest.mark.skipif(not (have("pyarrow") or have("fastparquet")), reason="reading Parquet needs pyarrow or fastparquet, neither is installed")
def test_parquet_gives_the_same_frames_as_csv(small_both):
    from ctar import dataset

    assert dataset.parquet_engine() is not None
    for name in small_both.tables:
        from_parquet = small_both[name]
        assert from_parquet.attrs["file"].endswith(".parquet"), name
        from_csv = ctar.Dataset._read_csv(small_both.path / f"{name}.csv", small_both.schema(name)).astype(
            {c.name: c.dtype for c in small_both.schema(name).columns if not c.is_array}
        )
        pd.testing.assert_frame_equal(from_parquet, from_csv, check_like=False, obj=name)


def test_parquet_only_without_an_engine_says_what_to_install(small_both, tmp_path, monkeypatch):
    from ctar import dataset

    monkeypatch.setattr(dataset, "parquet_engine", lambda: None)
    only = tmp_path / "only-parquet"
    import shutil

    shutil.copytree(small_both.path, only)
    (only / "train" / "rating.csv").unlink()
    data = ctar.load(only)
    assert len(data.train.movie) == 100  # the CSV is there: read without an engine
    with pytest.raises(ctar.CtarError, match=r"rating.parquet: reading Parquet needs pyarrow or fastparquet"):
        data.train.rating


def test_replicates_and_shards_return_the_folder(cli, tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ctar.CtarWarning)
        out = ctar.generate(tmp_path / "reps", users=50, movies=30, rct_users=10, replicates=2, quiet=True)
        parts = [ctar.generate(tmp_path / f"part{i}", users=50, movies=30, rct_users=10, shard=f"{i}/2", quiet=True) for i in range(2)]
        ctar.merge(*parts, out=tmp_path / "merged", quiet=True)
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["seed-9527", "seed-9528"]
    merged = ctar.load(tmp_path / "merged")
    one = ctar.load(out / "seed-9527")
    pd.testing.assert_frame_equal(merged.train.rating, one.train.rating)
