"""A variant world's tables (docs/output.md#variant-tables) load like every other: typed, with
their meanings from croissant.json, and the truth's closed form joins the observed pairs."""

from __future__ import annotations

import warnings

import ctar


def _world(cli, tmp_path, preset, **options):
    graph = tmp_path / f"{preset}.yaml"
    graph.write_text(ctar.graph.show(preset=preset), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ctar.CtarWarning)  # small sizes: the test-set quotas are not met
        return ctar.generate(tmp_path / preset, graph=str(graph), users=150, movies=60, quiet=True, **options)


def test_an_uplift_world_loads_its_treatment_propensity_and_arms(cli, tmp_path):
    data = _world(cli, tmp_path, "ctar-uplift", propensity=True)
    for name in ("train/treatment", "train/propensity", "truth/treatment_arms", "truth/rank_propensity"):
        assert name in data.tables
    t = data.train.treatment
    assert list(t.columns) == ["userid", "movieid", "treated", "outcome"]
    assert str(t["treated"].dtype) == "int64"  # croissant.json types the column cr:Integer
    assert ((t["treated"] == 1) | (t["outcome"] == 1)).all()
    assert len(data.train.propensity) == 150 * 60
    assert t.attrs["columns"]["outcome"] == "Y: 1 if the user watched it"
    arms = data.truth.treatment_arms
    # pandas' default CSV float parser may miss the written double by an ulp
    assert ((arms["effect"] - (arms["p_outcome_treated"] - arms["p_outcome_control"])).abs() < 1e-15).all()


def test_a_click_world_loads_its_log_and_what_it_hides(cli, tmp_path):
    data = _world(cli, tmp_path, "ctar-clicks")
    log, hidden = data.train.click, data.truth.click
    assert len(log) == len(hidden) == 150 * 10
    assert (log["click"] == hidden["examined"] * hidden["attracted"]).all()
    assert list(data.truth.examination["position"]) == list(range(1, 11))
