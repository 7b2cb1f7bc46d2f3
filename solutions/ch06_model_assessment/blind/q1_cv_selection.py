# %% mistake: Folds from the proportional formula i*K//n: the blocks are balanced, but the larger folds are not the first n % K ones, so sizes differ from KFold's
import numpy as np


def kfold_assignments(n, n_folds):
    return (np.arange(n) * n_folds // n).astype(int)


# %% mistake: Folds dealt round-robin (i % K): folds are interleaved instead of contiguous blocks in the given order, unlike KFold without shuffling
import numpy as np


def kfold_assignments(n, n_folds):
    return np.arange(n) % n_folds


# %% mistake: Every fold gets n // K samples and the leftover n % K samples all go to the last fold, instead of one extra sample to each of the first folds
import numpy as np


def kfold_assignments(n, n_folds):
    size = n // n_folds
    return np.minimum(np.arange(n) // size, n_folds - 1)


# %% mistake: Block size rounded up to ceil(n/K): the first folds are too big, the last ones too small or even empty
import math

import numpy as np


def kfold_assignments(n, n_folds):
    size = math.ceil(n / n_folds)
    return np.arange(n) // size


# %% mistake: Shuffles the samples before cutting folds: the assignment must be contiguous blocks in the given order (KFold without shuffling), and reproducible
import numpy as np


def kfold_assignments(n, n_folds):
    base, extra = divmod(n, n_folds)
    sizes = np.full(n_folds, base)
    sizes[:extra] += 1
    fold = np.repeat(np.arange(n_folds), sizes)
    return np.random.default_rng().permutation(fold)


# %% mistake: Ranks predictors by the covariance with y instead of the correlation: a column in large units wins regardless of how well it tracks y
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    cov = (X - X.mean(axis=0)).T @ (y - y.mean()) / (len(y) - 1)
    return np.argsort(-np.abs(cov), kind="stable")[:n_keep]


# %% mistake: Ranks by the signed correlation r_j, not |r_j|: a strongly negatively correlated predictor is as useful as a positive one but ends up last
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    den = np.sqrt((Xc**2).sum(axis=0) * (yc**2).sum())
    r = np.where(den > 0, (Xc * yc[:, None]).sum(axis=0) / np.where(den > 0, den, 1.0), 0.0)
    return np.argsort(-r, kind="stable")[:n_keep]


# %% mistake: Does not centre the columns (cosine of x_j and y instead of the Pearson correlation): a column's offset, not its co-variation with y, drives the score
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    yc = y - y.mean()
    den = np.sqrt((X**2).sum(axis=0) * (yc**2).sum())
    r = np.where(den > 0, (X * yc[:, None]).sum(axis=0) / np.where(den > 0, den, 1.0), 0.0)
    return np.argsort(-np.abs(r), kind="stable")[:n_keep]


# %% mistake: Treats a column as constant only when x - mean is exactly 0: for a column like ten 0.1's round-off leaves tiny residues and r_j is not 0
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    den = np.sqrt((Xc**2).sum(axis=0) * (yc**2).sum())
    r = np.zeros(X.shape[1])
    ok = den > 0
    r[ok] = ((Xc * yc[:, None]).sum(axis=0))[ok] / den[ok]
    return np.argsort(-np.abs(r), kind="stable")[:n_keep]


# %% mistake: No guard for a constant column or constant y: 0/0 gives NaN, which sorts after every number instead of counting as r = 0 (ties by column index)
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    with np.errstate(divide="ignore", invalid="ignore"):
        r = (Xc * yc[:, None]).sum(axis=0) / np.sqrt((Xc**2).sum(axis=0) * (yc**2).sum())
    return np.argsort(-np.abs(r), kind="stable")[:n_keep]


# %% mistake: Sorts ascending and reverses (argsort(|r|)[::-1]): equal |r_j| then come in DECREASING column index, but ties must keep increasing index order
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    const = np.all(X == X[0], axis=0)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    den = np.sqrt((Xc**2).sum(axis=0) * (yc**2).sum())
    r = np.where(const | (den == 0), 0.0, (Xc * yc[:, None]).sum(axis=0) / np.where(den > 0, den, 1.0))
    if np.all(y == y[0]):
        r = np.zeros_like(r)
    return np.argsort(np.abs(r), kind="stable")[::-1][:n_keep]


# %% mistake: Computes the correlations in float32: nearly equal |r_j| are then tied or swapped by round-off, and the ranking changes
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    const = np.all(X == X[0], axis=0)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    den = np.sqrt((Xc**2).sum(axis=0) * (yc**2).sum())
    r = np.where(const | (den == 0), 0.0, (Xc * yc[:, None]).sum(axis=0) / np.where(den > 0, den, 1.0))
    if np.all(y == y[0]):
        r = np.zeros_like(r)
    return np.argsort(-np.abs(r), kind="stable")[:n_keep]


# %% mistake: Returns the kept columns sorted by column index: the result must be ordered by decreasing |r_j|
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    const = np.all(X == X[0], axis=0)
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    den = np.sqrt((Xc**2).sum(axis=0) * (yc**2).sum())
    r = np.where(const | (den == 0), 0.0, (Xc * yc[:, None]).sum(axis=0) / np.where(den > 0, den, 1.0))
    if np.all(y == y[0]):
        r = np.zeros_like(r)
    return np.sort(np.argsort(-np.abs(r), kind="stable")[:n_keep])


# %% mistake: Centres X in place (X -= X.mean(axis=0)): the caller's data set is changed, and the next fold or call sees different numbers
import numpy as np


def screen_predictors(X, y, n_keep):
    y = np.asarray(y, dtype=np.float64)
    const = np.all(X == X[0], axis=0)
    X -= X.mean(axis=0)
    yc = y - y.mean()
    den = np.sqrt((X**2).sum(axis=0) * (yc**2).sum())
    r = np.where(const | (den == 0), 0.0, (X * yc[:, None]).sum(axis=0) / np.where(den > 0, den, 1.0))
    if np.all(y == y[0]):
        r = np.zeros_like(r)
    return np.argsort(-np.abs(r), kind="stable")[:n_keep]


# %% mistake: Screens on all n samples even when select_inside=True (ESL 7.10.2): the held-out labels helped choose the predictors, so the error is far too low
import numpy as np


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    fold = kfold_assignments(n, n_folds)
    keep = screen_predictors(X, y, n_keep)
    fold_errors = np.zeros(n_folds)
    mistakes = 0
    for k in range(n_folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        A, B = X[np.ix_(tr, keep)], X[np.ix_(te, keep)]
        d = ((B[:, None, :] - A[None, :, :]) ** 2).sum(axis=-1)
        pred = y[tr][np.argmin(d, axis=1)]
        m = int(np.sum(pred != y[te]))
        fold_errors[k] = m / len(te)
        mistakes += m
    return {"fold_errors": fold_errors, "cv_error": mistakes / n}


# %% mistake: Ignores select_inside and always screens inside the folds: the wrong-way estimate (screen once on all samples) is never computed
import numpy as np


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    fold = kfold_assignments(n, n_folds)
    fold_errors = np.zeros(n_folds)
    mistakes = 0
    for k in range(n_folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        keep = screen_predictors(X[tr], y[tr], n_keep)
        A, B = X[np.ix_(tr, keep)], X[np.ix_(te, keep)]
        d = ((B[:, None, :] - A[None, :, :]) ** 2).sum(axis=-1)
        pred = y[tr][np.argmin(d, axis=1)]
        m = int(np.sum(pred != y[te]))
        fold_errors[k] = m / len(te)
        mistakes += m
    return {"fold_errors": fold_errors, "cv_error": mistakes / n}


# %% mistake: cv_error is the plain mean of the fold errors: when K does not divide n the folds differ in size and must be weighted by N_k / N
import numpy as np


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    fold = kfold_assignments(n, n_folds)
    keep_all = screen_predictors(X, y, n_keep)
    fold_errors = np.zeros(n_folds)
    for k in range(n_folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        keep = screen_predictors(X[tr], y[tr], n_keep) if select_inside else keep_all
        A, B = X[np.ix_(tr, keep)], X[np.ix_(te, keep)]
        d = ((B[:, None, :] - A[None, :, :]) ** 2).sum(axis=-1)
        pred = y[tr][np.argmin(d, axis=1)]
        fold_errors[k] = np.mean(pred != y[te])
    return {"fold_errors": fold_errors, "cv_error": float(np.mean(fold_errors))}


# %% mistake: Each fold error divides the fold's mistakes by n instead of by the fold size N_k, so fold errors are K times too small
import numpy as np


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    fold = kfold_assignments(n, n_folds)
    keep_all = screen_predictors(X, y, n_keep)
    fold_errors = np.zeros(n_folds)
    for k in range(n_folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        keep = screen_predictors(X[tr], y[tr], n_keep) if select_inside else keep_all
        A, B = X[np.ix_(tr, keep)], X[np.ix_(te, keep)]
        d = ((B[:, None, :] - A[None, :, :]) ** 2).sum(axis=-1)
        pred = y[tr][np.argmin(d, axis=1)]
        fold_errors[k] = np.sum(pred != y[te]) / n
    return {"fold_errors": fold_errors, "cv_error": float(np.sum(fold_errors))}


# %% mistake: Nearest neighbour searched among all other samples (only the point itself excluded): held-out samples of the same fold leak into the training set
import numpy as np


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    fold = kfold_assignments(n, n_folds)
    keep_all = screen_predictors(X, y, n_keep)
    fold_errors = np.zeros(n_folds)
    mistakes = 0
    for k in range(n_folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        keep = screen_predictors(X[tr], y[tr], n_keep) if select_inside else keep_all
        Z = X[:, keep]
        d = ((Z[te][:, None, :] - Z[None, :, :]) ** 2).sum(axis=-1)
        d[np.arange(len(te)), te] = np.inf
        pred = y[np.argmin(d, axis=1)]
        m = int(np.sum(pred != y[te]))
        fold_errors[k] = m / len(te)
        mistakes += m
    return {"fold_errors": fold_errors, "cv_error": mistakes / n}


# %% mistake: Nearest-neighbour loop keeps a candidate when dist <= best: on equal distances the LAST training sample wins, not the lowest training index
import numpy as np


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    fold = kfold_assignments(n, n_folds)
    keep_all = screen_predictors(X, y, n_keep)
    fold_errors = np.zeros(n_folds)
    mistakes = 0
    for k in range(n_folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        keep = screen_predictors(X[tr], y[tr], n_keep) if select_inside else keep_all
        m = 0
        for i in te:
            best, label = np.inf, None
            for j in tr:
                dist = float(np.sum((X[i, keep] - X[j, keep]) ** 2))
                if dist <= best:
                    best, label = dist, y[j]
            m += int(label != y[i])
        fold_errors[k] = m / len(te)
        mistakes += m
    return {"fold_errors": fold_errors, "cv_error": mistakes / n}


# %% mistake: Screens the predictors but then measures 1-NN distances over all p columns: the kept columns are never used by the classifier
import numpy as np


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    fold = kfold_assignments(n, n_folds)
    keep_all = screen_predictors(X, y, n_keep)
    fold_errors = np.zeros(n_folds)
    mistakes = 0
    for k in range(n_folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        keep = screen_predictors(X[tr], y[tr], n_keep) if select_inside else keep_all  # noqa: F841
        d = ((X[te][:, None, :] - X[tr][None, :, :]) ** 2).sum(axis=-1)
        pred = y[tr][np.argmin(d, axis=1)]
        m = int(np.sum(pred != y[te]))
        fold_errors[k] = m / len(te)
        mistakes += m
    return {"fold_errors": fold_errors, "cv_error": mistakes / n}


# %% mistake: Screens inside each fold on the HELD-OUT part instead of the training part: the test labels choose the predictors, so the error is far too low
import numpy as np


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    n = len(y)
    fold = kfold_assignments(n, n_folds)
    keep_all = screen_predictors(X, y, n_keep)
    fold_errors = np.zeros(n_folds)
    mistakes = 0
    for k in range(n_folds):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        keep = screen_predictors(X[te], y[te], n_keep) if select_inside else keep_all
        A, B = X[np.ix_(tr, keep)], X[np.ix_(te, keep)]
        d = ((B[:, None, :] - A[None, :, :]) ** 2).sum(axis=-1)
        pred = y[tr][np.argmin(d, axis=1)]
        m = int(np.sum(pred != y[te]))
        fold_errors[k] = m / len(te)
        mistakes += m
    return {"fold_errors": fold_errors, "cv_error": mistakes / n}


# %% mistake: Ranks by sklearn's r_regression (forbidden): it centres a constant column of 0.1's only up to round-off, so that r_j is not exactly 0
import numpy as np
from sklearn.feature_selection import r_regression


def screen_predictors(X, y, n_keep):
    r = r_regression(np.asarray(X, dtype=np.float64), np.asarray(y, dtype=np.float64))
    return np.argsort(-np.abs(r), kind="stable")[:n_keep]
