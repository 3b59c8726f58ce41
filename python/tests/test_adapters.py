"""The adapters: PyTorch datasets, OBP's bandit_feedback (its propensities checked by an
unbiased estimate against the complete data), RecBole's atomic files through ctar export, and the
research tasks' commands when this ctar has them."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import ctar
from ctar import _commands

from .conftest import have

needs_torch = pytest.mark.skipif(not have("torch"), reason="torch is not installed (Debian: python3-torch)")


@needs_torch
def test_rating_and_tag_datasets(small):
    import torch
    from ctar.pytorch import RatingDataset, TagDataset

    ratings = RatingDataset(small)
    frame = small.train.rating
    assert len(ratings) == len(frame)
    u, m, r = ratings[3]
    assert (int(u), int(m), float(r)) == tuple(frame.iloc[3])
    assert u.dtype == torch.int64 and r.dtype == torch.float32
    tags = TagDataset(small.path, "test/test_2")
    assert len(tags) == len(small.test.test_2)
    assert float(tags.labels.sum()) == small.test.test_2["islike"].sum()
    truth = TagDataset(small, "truth/user_tag")
    assert float(truth.labels.min()) == 1.0  # tau_prime of every liked tag
    batch = next(iter(torch.utils.data.DataLoader(ratings, batch_size=64)))
    assert [b.shape for b in batch] == [torch.Size([64])] * 3


@needs_torch
def test_one_epoch_of_matrix_factorisation_lowers_the_training_loss(small):
    from .smoke import train_mf

    before, after = train_mf(small, epochs=1, seed=0)
    assert after < before


def test_bandit_feedback_propensities_give_an_unbiased_mean_rating(small, tmp_path):
    from ctar.obp import bandit_feedback

    bf = bandit_feedback(small)
    rating = small.train.rating
    assert bf["n_rounds"] == len(rating) and bf["n_actions"] == 100
    assert bf["action"].tolist() == rating["movieid"].tolist()
    assert bf["reward"].tolist() == rating["rating"].astype(float).tolist()
    assert bf["context"].shape == (len(rating), 1) and bf["action_context"].shape == (100, 100)
    # Horvitz–Thompson: Σ_observed r / P(R_R = 1) over all pairs is unbiased for the mean potential
    # rating; its exact variance from the complete data (truth/full) bounds the error.
    full = small.truth.full
    n = len(full)
    estimate = float((bf["reward"] / bf["pscore"]).sum()) / n
    sd = math.sqrt(float(((1 - full["p_rating"]) / full["p_rating"] * full["rating"] ** 2).sum())) / n
    assert abs(estimate - full["rating"].mean()) < 4 * sd, (estimate, full["rating"].mean(), sd)
    # a policy's value from these rounds is ctar ope's IPS estimate: Σ r·π(a | u)/pscore over users
    lists = tmp_path / "popular.csv"
    ope = ctar.ope(small.path, policy="popularity", k=5, save_policy=lists, json=True)
    top = set(pd.read_csv(lists)[["userid", "movieid"]].itertuples(index=False, name=None))
    pi = np.array([0.2 if (u, m) in top else 0.0 for u, m in zip(bf["user"], bf["action"])])
    assert float((bf["reward"] * pi / bf["pscore"]).sum()) / 300 == pytest.approx(ope["ips"], rel=1e-12)
    obstag = bandit_feedback(small, "obstag")
    pairs = small.train.obstag.drop_duplicates(["userid", "movieid"])
    assert obstag["n_rounds"] == len(pairs)
    assert ((obstag["pscore"] > 0) & (obstag["pscore"] <= 1)).all()
    with pytest.raises(ValueError, match="logged: expected one of ratings, obstag"):
        bandit_feedback(small, "clicks")


def test_bandit_feedback_needs_the_complete_data(small_both):
    from ctar.obp import bandit_feedback

    with pytest.raises(ctar.CtarError) as e:
        bandit_feedback(small_both)
    assert e.value.exit_code == 3 and "generate the dataset with --truth full" in e.value.message


def test_recbole_atomic_files_through_export(small, tmp_path):
    out = tmp_path / "recbole"
    printed = ctar.export(small.path, to="recbole", out=out)
    assert "ctar/ctar.inter" in printed
    lines = (out / "ctar" / "ctar.inter").read_text().splitlines()
    assert lines[0] == "user_id:token\titem_id:token\trating:float"
    assert len(lines) - 1 == len(small.train.rating)


def test_research_task_and_score_when_this_ctar_has_them(small, tmp_path):
    for name in ("task", "score"):
        if _commands.command(name) is None:
            pytest.skip(f"this ctar has no '{name}' command")
    # the tags task's folder, then its labels given back as scores: a perfect model
    ctar.task("tags", small.path, out=tmp_path / "task")
    test = pd.read_csv(tmp_path / "task" / "test.csv")
    predictions = tmp_path / "predictions.csv"
    test.rename(columns={"label": "score"})[["userid", "tagid", "score"]].to_csv(predictions, index=False)
    result = ctar.score(tmp_path / "task", task="tags", predictions=predictions, json=True)
    assert result["metrics"]["all_auc"] == 1 and result["metrics"]["all_mse"] == 0
    with pytest.raises(ctar.CtarOptionError, match="unknown option"):
        ctar.score(tmp_path / "task", task="tags", predictions=predictions, no_such_option=1)
