"""Open Bandit Pipeline's ``bandit_feedback`` dict from a ctar dataset's logged feedback.

The logging policy is the dataset's missingness mechanism: each observed rating is a round whose
action is the movie, whose reward is the rating and whose ``pscore`` is the exact probability
that the rating was observed, P(R_R = 1) (Eq. 6), read from the export's ``bandit_feedback.csv``
(OBP's names: context, action, position, reward, pscore); with ``logged="obstag"`` each ObsTag pair is a
round with reward the number of its labelled tags and ``pscore`` P(R_O = 1) (Eq. 7). The
propensities come from ``ctar export --to logged-feedback``, which needs a dataset generated
with ``truth="full"``. Needs numpy (a dependency of pandas), not OBP itself.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Dict

from ._commands import Command
from .dataset import Dataset, load

# file, and its columns user, action, reward, pscore
LOGGED = {
    "ratings": ("bandit_feedback.csv", ("context", "action", "reward", "pscore")),
    "obstag": ("obstag_pairs.csv", ("userid", "movieid", "labelled_tags", "propensity")),
}


def bandit_feedback(data: Any, logged: str = "ratings") -> Dict[str, Any]:
    """``n_rounds``, ``n_actions``, ``action`` (movie ids), ``position`` (zeros: one slot),
    ``reward``, ``pscore``, ``context`` (the user id, one column), ``action_context`` (one-hot
    movies) and ``user``, in OBP's shapes and dtypes."""
    import numpy as np
    import pandas as pd

    if logged not in LOGGED:
        raise ValueError(f"logged: expected one of {', '.join(LOGGED)} (got {logged!r})")
    ds = data if isinstance(data, Dataset) else load(data)
    file, (user, action, reward, pscore) = LOGGED[logged]
    with tempfile.TemporaryDirectory(prefix="ctar-obp-") as tmp:
        out = Path(tmp) / "logged"
        Command(["export"])(str(ds.path), to="logged-feedback", out=str(out), quiet=True)
        frame = pd.read_csv(out / file, keep_default_na=False)
    if logged == "obstag":
        frame[reward] = [0 if s == "" else len(str(s).split(",")) for s in frame[reward]]
    n_actions = int(ds.config["config"]["movies"])
    n = len(frame)
    return {
        "n_rounds": n,
        "n_actions": n_actions,
        "action": frame[action].to_numpy(dtype=np.int64),
        "position": np.zeros(n, dtype=np.int64),
        "reward": frame[reward].to_numpy(dtype=np.float64),
        "pscore": frame[pscore].to_numpy(dtype=np.float64),
        "context": frame[user].to_numpy(dtype=np.float64).reshape(n, 1),
        "action_context": np.eye(n_actions),
        "user": frame[user].to_numpy(dtype=np.int64),
    }
