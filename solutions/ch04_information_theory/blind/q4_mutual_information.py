# %% mistake: Uses the raw counts as if they were probabilities (never divides by the total n): the terms are not frequencies and the result is meaningless, even negative.
import numpy as np


def mutual_information(counts):
    p = np.asarray(counts, dtype=float)
    px = p.sum(axis=1, keepdims=True)
    py = p.sum(axis=0, keepdims=True)
    mask = p > 0
    return float(np.sum(p[mask] * np.log((p / (px * py))[mask])))


# %% mistake: Computes H(X) + H(Y) - H(X, Y) with log2, so the mutual information is in bits; this function must return nats.
import numpy as np


def mutual_information(counts):
    p = np.asarray(counts, dtype=float)
    p = p / p.sum()

    def H(v):
        v = v[v > 0]
        return -np.sum(v * np.log2(v))

    return float(H(p.sum(axis=1)) + H(p.sum(axis=0)) - H(p.ravel()))


# %% mistake: Takes the log in every cell: an empty cell gives 0 * log(0) = nan instead of contributing 0, so a table with a zero count returns nan.
import numpy as np


def mutual_information(counts):
    p = np.asarray(counts, dtype=float)
    p = p / p.sum()
    px = p.sum(axis=1, keepdims=True)
    py = p.sum(axis=0, keepdims=True)
    return float(np.sum(p * np.log(p / (px * py))))


# %% mistake: Gets the marginals from the wrong axes (p(x) by summing over rows, p(y) over columns); wrong for any table whose row and column sums differ.
import numpy as np


def mutual_information(counts):
    p = np.asarray(counts, dtype=float)
    p = p / p.sum()
    px = p.sum(axis=0)
    py = p.sum(axis=1)
    mask = p > 0
    ratio = p / (px[:, None] * py[None, :])
    return float(np.sum(p[mask] * np.log(ratio[mask])))


# %% mistake: Adds 1 to every cell (Laplace smoothing) to avoid log(0): it changes the frequencies, so the plug-in MI is biased towards 0.
import numpy as np


def mutual_information(counts):
    p = np.asarray(counts, dtype=float) + 1.0
    p = p / p.sum()
    px = p.sum(axis=1, keepdims=True)
    py = p.sum(axis=0, keepdims=True)
    return float(np.sum(p * np.log(p / (px * py))))


# %% mistake: Averages the terms p(x,y) log(p(x,y)/(p(x)p(y))) over the cells instead of summing them; the weights p(x,y) already make it an expectation.
import numpy as np


def mutual_information(counts):
    p = np.asarray(counts, dtype=float)
    p = p / p.sum()
    px = p.sum(axis=1, keepdims=True)
    py = p.sum(axis=0, keepdims=True)
    terms = np.zeros_like(p)
    mask = p > 0
    terms[mask] = p[mask] * np.log((p / (px * py))[mask])
    return float(np.mean(terms))


# %% mistake: Divides each row by its own row total (that is p(y|x), not p(x, y)); the joint needs the grand total, and an empty row gives 0/0 = nan.
import numpy as np


def mutual_information(counts):
    c = np.asarray(counts, dtype=float)
    p = c / c.sum(axis=1, keepdims=True)
    px = p.sum(axis=1, keepdims=True)
    py = p.sum(axis=0, keepdims=True)
    mask = p > 0
    return float(np.sum(p[mask] * np.log((p / (px * py))[mask])))


# %% mistake: Normalises with counts /= counts.sum() in place: this overwrites the caller's table (and fails outright on an integer table).
import numpy as np


def mutual_information(counts):
    counts /= counts.sum()
    p = counts
    px = p.sum(axis=1, keepdims=True)
    py = p.sum(axis=0, keepdims=True)
    mask = p > 0
    return float(np.sum(p[mask] * np.log((p / (px * py))[mask])))


# %% mistake: Sorts the scores in increasing order (np.argsort(scores)), so the LEAST informative feature comes first.
import numpy as np


def rank_features_by_mi(X, y):
    X = np.asarray(X)
    _, yc = np.unique(y, return_inverse=True)
    scores = np.zeros(X.shape[1])
    for j in range(X.shape[1]):
        _, xc = np.unique(X[:, j], return_inverse=True)
        table = np.zeros((xc.max() + 1, yc.max() + 1))
        np.add.at(table, (xc, yc), 1)
        scores[j] = mutual_information(table)
    order = np.argsort(scores, kind="stable")
    return order, scores


# %% mistake: Sorts ascending and reverses (np.argsort(scores)[::-1]): the order is decreasing, but tied features come out larger index first.
import numpy as np


def rank_features_by_mi(X, y):
    X = np.asarray(X)
    _, yc = np.unique(y, return_inverse=True)
    scores = np.zeros(X.shape[1])
    for j in range(X.shape[1]):
        _, xc = np.unique(X[:, j], return_inverse=True)
        table = np.zeros((xc.max() + 1, yc.max() + 1))
        np.add.at(table, (xc, yc), 1)
        scores[j] = mutual_information(table)
    order = np.argsort(scores, kind="stable")[::-1]
    return order, scores


# %% mistake: Sorts with numpy's default argsort, which is not stable: with many features, tied scores come out scrambled instead of smaller index first.
import numpy as np


def rank_features_by_mi(X, y):
    X = np.asarray(X)
    _, yc = np.unique(y, return_inverse=True)
    scores = np.zeros(X.shape[1])
    for j in range(X.shape[1]):
        _, xc = np.unique(X[:, j], return_inverse=True)
        table = np.zeros((xc.max() + 1, yc.max() + 1))
        np.add.at(table, (xc, yc), 1)
        scores[j] = mutual_information(table)
    return np.argsort(-scores), scores


# %% mistake: Uses the category codes themselves as table indices: negative codes wrap around to the last rows and float codes are truncated, merging categories.
import numpy as np


def rank_features_by_mi(X, y):
    X = np.asarray(X)
    yi = np.asarray(y).astype(int)
    d = X.shape[1]
    scores = np.zeros(d)
    for j in range(d):
        xi = X[:, j].astype(int)
        table = np.zeros((xi.max() + 1, yi.max() + 1))
        np.add.at(table, (xi, yi), 1)
        scores[j] = mutual_information(table)
    return np.argsort(-scores, kind="stable"), scores


# %% mistake: Returns the scores in sorted order (scores[order]) instead of scores[j] for feature j in the original column order.
import numpy as np


def rank_features_by_mi(X, y):
    X = np.asarray(X)
    _, yc = np.unique(y, return_inverse=True)
    scores = np.zeros(X.shape[1])
    for j in range(X.shape[1]):
        _, xc = np.unique(X[:, j], return_inverse=True)
        table = np.zeros((xc.max() + 1, yc.max() + 1))
        np.add.at(table, (xc, yc), 1)
        scores[j] = mutual_information(table)
    order = np.argsort(-scores, kind="stable")
    return order, scores[order]


# %% mistake: Counts with table[xc, yc] += 1: with fancy indexing a repeated (x, y) pair is only counted once, so the table holds 0/1 instead of counts.
import numpy as np


def rank_features_by_mi(X, y):
    X = np.asarray(X)
    _, yc = np.unique(y, return_inverse=True)
    scores = np.zeros(X.shape[1])
    for j in range(X.shape[1]):
        _, xc = np.unique(X[:, j], return_inverse=True)
        table = np.zeros((xc.max() + 1, yc.max() + 1))
        table[xc, yc] += 1
        scores[j] = mutual_information(table)
    return np.argsort(-scores, kind="stable"), scores


# %% mistake: Builds the table with np.histogram2d and its default 10 equal-width bins: distinct category codes that fall in one bin are merged.
import numpy as np


def rank_features_by_mi(X, y):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    scores = np.zeros(X.shape[1])
    for j in range(X.shape[1]):
        table, _, _ = np.histogram2d(X[:, j], y)
        scores[j] = mutual_information(table)
    return np.argsort(-scores, kind="stable"), scores


# %% mistake: Recodes the categories by writing the integer codes back into X[:, j], which overwrites the caller's data array.
import numpy as np


def rank_features_by_mi(X, y):
    _, yc = np.unique(y, return_inverse=True)
    d = X.shape[1]
    scores = np.zeros(d)
    for j in range(d):
        _, X[:, j] = np.unique(X[:, j], return_inverse=True)
        xc = X[:, j].astype(int)
        table = np.zeros((xc.max() + 1, yc.max() + 1))
        np.add.at(table, (xc, yc), 1)
        scores[j] = mutual_information(table)
    return np.argsort(-scores, kind="stable"), scores
