# %% mistake: MI in bits (log2) instead of nats
import numpy as np


def mutual_information(counts):
    p = np.asarray(counts, dtype=float)
    p = p / p.sum()
    outer = p.sum(axis=1, keepdims=True) * p.sum(axis=0, keepdims=True)
    nz = p > 0
    return float(np.sum(p[nz] * np.log2(p[nz] / outer[nz])))


# %% mistake: counts not normalised (used as if they were probabilities)
import numpy as np


def mutual_information(counts):
    p = np.asarray(counts, dtype=float)
    outer = p.sum(axis=1, keepdims=True) * p.sum(axis=0, keepdims=True)
    nz = p > 0
    return float(np.sum(p[nz] * np.log(p[nz] / outer[nz])))


# %% mistake: no 0 log 0 convention (nan on empty cells)
import numpy as np


def mutual_information(counts):
    p = np.asarray(counts, dtype=float)
    p = p / p.sum()
    outer = p.sum(axis=1, keepdims=True) * p.sum(axis=0, keepdims=True)
    with np.errstate(all="ignore"):
        return float(np.sum(p * np.log(p / outer)))


# %% mistake: ranks features in ascending order of MI
import numpy as np


def rank_features_by_mi(X, y):
    X = np.asarray(X)
    scores = np.empty(X.shape[1])
    _, yc = np.unique(y, return_inverse=True)
    for j in range(X.shape[1]):
        _, xc = np.unique(X[:, j], return_inverse=True)
        table = np.zeros((xc.max() + 1, yc.max() + 1))
        np.add.at(table, (xc, yc), 1)
        scores[j] = mutual_information(table)
    return np.argsort(scores, kind="stable"), scores


# %% mistake: ranks features by absolute correlation with y instead of mutual information
import numpy as np


def rank_features_by_mi(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    with np.errstate(all="ignore"):
        scores = np.nan_to_num(np.abs([np.corrcoef(X[:, j], y)[0, 1] for j in range(X.shape[1])]))
    return np.argsort(-scores, kind="stable"), scores


# %% alternative: H(X) + H(Y) - H(X, Y) with scipy.special.entr; pair counting with np.unique on rows
import numpy as np
from scipy.special import entr


def mutual_information(counts):
    p = np.asarray(counts, dtype=float)
    p = p / p.sum()
    return float(entr(p.sum(axis=1)).sum() + entr(p.sum(axis=0)).sum() - entr(p).sum())


def rank_features_by_mi(X, y):
    X = np.asarray(X)
    y = np.asarray(y)
    scores = []
    for j in range(X.shape[1]):
        _, xc = np.unique(X[:, j], return_inverse=True)
        _, yc = np.unique(y, return_inverse=True)
        pairs, counts = np.unique(np.stack([xc, yc], axis=1), axis=0, return_counts=True)
        table = np.zeros((xc.max() + 1, yc.max() + 1))
        table[pairs[:, 0], pairs[:, 1]] = counts
        scores.append(mutual_information(table))
    scores = np.array(scores)
    return np.lexsort((np.arange(len(scores)), -scores)), scores


# %% alternative: dictionaries and loops, float32 arithmetic
import collections
import math

import numpy as np


def mutual_information(counts):
    c = np.asarray(counts, dtype=np.float32)
    n = c.sum()
    rows, cols = c.sum(axis=1), c.sum(axis=0)
    total = np.float32(0.0)
    for i in range(c.shape[0]):
        for j in range(c.shape[1]):
            if c[i, j] > 0:
                total += c[i, j] / n * np.log(c[i, j] * n / (rows[i] * cols[j]))
    return total


def rank_features_by_mi(X, y):
    X = np.asarray(X)
    y = [float(v) for v in np.asarray(y).ravel()]
    n = len(y)
    scores = []
    for j in range(X.shape[1]):
        x = [float(v) for v in X[:, j]]
        joint, px, py = collections.Counter(zip(x, y)), collections.Counter(x), collections.Counter(y)
        scores.append(sum(c / n * math.log(c * n / (px[a] * py[b])) for (a, b), c in joint.items()))
    order = sorted(range(len(scores)), key=lambda j: (-scores[j], j))
    return np.array(order), np.array(scores)
