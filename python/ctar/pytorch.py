"""PyTorch datasets of a ctar dataset (needs torch): ratings as (user, movie, rating) and
(user, tag) labels as (user, tag, label), each item a tuple of tensors, for a DataLoader.

    from ctar.pytorch import RatingDataset
    loader = torch.utils.data.DataLoader(RatingDataset(data), batch_size=1024, shuffle=True)
"""

from __future__ import annotations

from typing import Any, Tuple

import torch
from torch.utils.data import Dataset as _TorchDataset

from .dataset import Dataset, load


def _dataset(data: Any) -> Dataset:
    return data if isinstance(data, Dataset) else load(data)


class RatingDataset(_TorchDataset):
    """(user, movie, rating) of a ratings table: ``train/rating`` (the observed ratings R*) by
    default. Users and movies are int64 tensors (ids, for embeddings), ratings float32."""

    def __init__(self, data: Any, table: str = "train/rating"):
        frame = _dataset(data)[table]
        self.users = torch.as_tensor(frame["userid"].to_numpy(), dtype=torch.int64)
        self.movies = torch.as_tensor(frame["movieid"].to_numpy(), dtype=torch.int64)
        self.ratings = torch.as_tensor(frame["rating"].to_numpy(), dtype=torch.float32)

    def __len__(self) -> int:
        return len(self.ratings)

    def __getitem__(self, i: Any) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        return self.users[i], self.movies[i], self.ratings[i]


class TagDataset(_TorchDataset):
    """(user, tag, label) of a labelled (user, tag) table: a test set (``test/test_1`` …
    ``test/test``, label ``islike`` = τ′) by default ``test/test``, or ``truth/user_tag``
    (label ``tau_prime``). Users and tags are int64, labels float32."""

    def __init__(self, data: Any, table: str = "test/test", label: str = ""):
        frame = _dataset(data)[table]
        column = label or next(c for c in ("islike", "tau_prime", "likes") if c in frame)
        self.users = torch.as_tensor(frame["userid"].to_numpy(), dtype=torch.int64)
        self.tags = torch.as_tensor(frame["tagid"].to_numpy(), dtype=torch.int64)
        self.labels = torch.as_tensor(frame[column].to_numpy(), dtype=torch.float32)

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i: Any) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        return self.users[i], self.tags[i], self.labels[i]
