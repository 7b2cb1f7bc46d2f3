# %% mistake: natural log whatever the base (returns nats when bits are asked for)
import numpy as np


def entropy(p, base=2.0):
    p = np.asarray(p, dtype=float).ravel()
    p = p[p > 0]
    return float(-np.sum(p * np.log(p)))


# %% mistake: always log2, ignoring the base argument
import numpy as np


def entropy(p, base=2.0):
    p = np.asarray(p, dtype=float).ravel()
    p = p[p > 0]
    return float(-np.sum(p * np.log2(p)))


# %% mistake: no 0 log 0 convention (0 * log 0 = nan for zero probabilities)
import numpy as np


def entropy(p, base=2.0):
    p = np.asarray(p, dtype=float)
    return float(-np.sum(p * np.log(p)) / np.log(base))


# %% mistake: conditional entropy as the unweighted average of the row entropies (forgets p(x))
import numpy as np


def conditional_entropy(pxy, base=2.0):
    pxy = np.asarray(pxy, dtype=float)
    px = pxy.sum(axis=1)
    rows = [entropy(row / s, base) for row, s in zip(pxy, px) if s > 0]
    return float(np.mean(rows))


# %% mistake: conditions on the wrong variable (H(X | Y): columns treated as x)
import numpy as np


def conditional_entropy(pxy, base=2.0):
    pxy = np.asarray(pxy, dtype=float)
    return entropy(pxy, base) - entropy(pxy.sum(axis=0), base)


# %% mistake: chain rule the wrong way round (H(Y) - H(X) instead of H(X, Y) - H(X))
import numpy as np


def conditional_entropy(pxy, base=2.0):
    pxy = np.asarray(pxy, dtype=float)
    return entropy(pxy.sum(axis=0), base) - entropy(pxy.sum(axis=1), base)


# %% alternative: scipy.special.entr in float32; H(Y|X) from the definition with p(y|x)
import numpy as np
from scipy.special import entr


def entropy(p, base=2.0):
    p = np.asarray(p, dtype=np.float32)
    return np.float32(entr(p).sum() / np.float32(np.log(base)))


def conditional_entropy(pxy, base=2.0):
    pxy = np.asarray(pxy, dtype=np.float32)
    px = pxy.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        cond = np.where(pxy > 0, pxy / px, 1.0)
    return np.float32(-(pxy * np.log(cond)).sum() / np.log(base))


# %% alternative: explicit loops over outcomes and rows
import math


def entropy(p, base=2.0):
    import numpy as np

    total = 0.0
    for v in np.asarray(p, dtype=float).ravel():
        if v > 0:
            total -= v * math.log(v, base)
    return total


def conditional_entropy(pxy, base=2.0):
    import numpy as np

    total = 0.0
    for row in np.asarray(pxy, dtype=float):
        px = row.sum()
        for v in row:
            if v > 0:
                total -= v * math.log(v / px, base)
    return total


# %% alternative: torch tensors (xlogy), returned as tensors
import numpy as np
import torch


def entropy(p, base=2.0):
    p = torch.as_tensor(np.ascontiguousarray(p, dtype=float))
    return -torch.special.xlogy(p, p).sum() / np.log(base)


def conditional_entropy(pxy, base=2.0):
    pxy = torch.as_tensor(np.ascontiguousarray(pxy, dtype=float))
    px = pxy.sum(dim=1, keepdim=True)
    cond = torch.where(pxy > 0, pxy / px.clamp_min(1e-300), torch.ones_like(pxy))
    return -(pxy * torch.log(cond)).sum() / np.log(base)
