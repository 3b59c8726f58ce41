"""The smoke test's model, shared with the fresh-venv test: matrix factorisation of the observed
ratings with PyTorch, trained for a few epochs; returns the training loss before and after."""

from __future__ import annotations

from typing import Any, Tuple


def train_mf(data: Any, epochs: int = 1, seed: int = 0, dim: int = 8) -> Tuple[float, float]:
    import torch
    from ctar.pytorch import RatingDataset

    torch.manual_seed(seed)
    ratings = RatingDataset(data)
    users = int(data.config["config"]["users"])
    movies = int(data.config["config"]["movies"])
    p = torch.nn.Embedding(users, dim)
    q = torch.nn.Embedding(movies, dim)
    bias = torch.nn.Parameter(torch.tensor(float(ratings.ratings.mean())))
    for e in (p, q):
        torch.nn.init.normal_(e.weight, std=0.1)
    opt = torch.optim.Adam([p.weight, q.weight, bias], lr=0.05)
    loader = torch.utils.data.DataLoader(ratings, batch_size=64, shuffle=True, generator=torch.Generator().manual_seed(seed))

    def loss_all() -> float:
        with torch.no_grad():
            pred = (p(ratings.users) * q(ratings.movies)).sum(1) + bias
            return float(((pred - ratings.ratings) ** 2).mean())

    before = loss_all()
    for _ in range(epochs):
        for u, m, r in loader:
            opt.zero_grad()
            loss = (((p(u) * q(m)).sum(1) + bias - r) ** 2).mean()
            loss.backward()
            opt.step()
    return before, loss_all()
