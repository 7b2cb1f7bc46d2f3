# %% mistake: screens on all samples even when asked to screen inside the folds, so the held-out labels help choose the predictors
import numpy as np

_reference_cv = cv_screened_1nn


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    return _reference_cv(X, y, n_folds, n_keep, False)


# %% mistake: ranks predictors by their signed correlation, so strongly negatively correlated predictors are dropped
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    den = np.sqrt((Xc**2).sum(axis=0) * (yc @ yc))
    r = np.where(den > 0, (Xc.T @ yc) / np.where(den > 0, den, 1.0), 0.0)
    return np.argsort(-r, kind="stable")[:n_keep]


# %% mistake: ranks predictors by covariance, so a predictor measured in larger units looks more relevant
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    cov = (X - X.mean(axis=0)).T @ (y - y.mean()) / len(y)
    return np.argsort(-np.abs(cov), kind="stable")[:n_keep]


# %% mistake: reports the plain average of the fold errors, giving small folds as much weight as large ones
import numpy as np

_reference_cv = cv_screened_1nn


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    out = _reference_cv(X, y, n_folds, n_keep, select_inside)
    return {"fold_errors": out["fold_errors"], "cv_error": float(np.mean(out["fold_errors"]))}


# %% mistake: deals the samples into the folds in rotation, so the folds are interleaved rather than contiguous blocks
import numpy as np


def kfold_assignments(n, n_folds):
    return np.arange(n) % n_folds


# %% mistake: puts all the left-over samples into the last fold, so the fold sizes differ from KFold's
import numpy as np


def kfold_assignments(n, n_folds):
    return np.minimum(np.arange(n) // (n // n_folds), n_folds - 1)


# %% mistake: classifies with all predictors instead of the kept ones, so the screening has no effect
import numpy as np


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    fold = kfold_assignments(len(y), n_folds)
    errors, wrong_total = np.empty(n_folds), 0
    for k in range(n_folds):
        test = fold == k
        dist = ((X[test][:, None, :] - X[~test][None, :, :]) ** 2).sum(axis=-1)
        wrong = y[~test][np.argmin(dist, axis=1)] != y[test]
        errors[k], wrong_total = wrong.mean(), wrong_total + wrong.sum()
    return {"fold_errors": errors, "cv_error": wrong_total / len(y)}


# %% mistake: relies on centring to zero a constant column, but round-off leaves it a tiny correlation that outranks truly uncorrelated columns
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    den = np.sqrt((Xc**2).sum(axis=0) * (yc @ yc))
    r = np.where(den > 0, (Xc.T @ yc) / np.where(den > 0, den, 1.0), 0.0)
    return np.argsort(-np.abs(r), kind="stable")[:n_keep]


# %% mistake: breaks ties in |correlation| towards the higher column index (reversed stable order)
import numpy as np

_reference_screen = screen_predictors


def screen_predictors(X, y, n_keep):
    p = np.asarray(X).shape[1]
    order = _reference_screen(np.asarray(X)[:, ::-1], y, p)
    return (p - 1 - order)[:n_keep]


# %% alternative: np.corrcoef column by column, np.array_split folds, explicit loops over held-out samples
import numpy as np


def kfold_assignments(n, n_folds):
    fold = np.empty(n, dtype=int)
    for k, block in enumerate(np.array_split(np.arange(n), n_folds)):
        fold[block] = k
    return fold


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    r = np.zeros(X.shape[1])
    if np.ptp(y) > 0:
        for j in range(X.shape[1]):
            if np.ptp(X[:, j]) > 0:
                r[j] = np.corrcoef(X[:, j], y)[0, 1]
    return np.array(sorted(range(X.shape[1]), key=lambda j: (-abs(r[j]), j))[:n_keep], dtype=int)


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    fold = kfold_assignments(len(y), n_folds)
    global_keep = screen_predictors(X, y, n_keep)
    fold_errors, mistakes = [], 0
    for k in range(n_folds):
        train, test = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        keep = screen_predictors(X[train], y[train], n_keep) if select_inside else global_keep
        wrong = 0
        for i in test:
            best, best_d = None, np.inf
            for j in train:
                d = float(np.sum((X[i, keep] - X[j, keep]) ** 2))
                if d < best_d:
                    best, best_d = j, d
            wrong += int(y[best] != y[i])
        fold_errors.append(wrong / len(test))
        mistakes += wrong
    return {"fold_errors": np.array(fold_errors), "cv_error": mistakes / len(y)}


# %% alternative: z-scored columns (correlation = mean of products), distances by |a|^2 - 2 a.b + |b|^2
import numpy as np


def screen_predictors(X, y, n_keep):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    sx, sy = X.std(axis=0), y.std()
    const = (X == X[0]).all(axis=0)
    if (y == y[0]).all():
        return np.arange(n_keep)
    Z = (X - X.mean(axis=0)) / np.where(const, 1.0, sx)
    r = np.where(const, 0.0, Z.T @ ((y - y.mean()) / sy) / len(y))
    return np.lexsort((np.arange(X.shape[1]), -np.abs(r)))[:n_keep]


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    n = len(y)
    fold = np.repeat(np.arange(n_folds), [n // n_folds + (k < n % n_folds) for k in range(n_folds)])
    keep_all = screen_predictors(X, y, n_keep)
    wrong = np.zeros(n, dtype=bool)
    for k in range(n_folds):
        te, tr = fold == k, fold != k
        keep = screen_predictors(X[tr], y[tr], n_keep) if select_inside else keep_all
        A, B = X[tr][:, keep], X[te][:, keep]
        d = (B**2).sum(1)[:, None] - 2 * B @ A.T + (A**2).sum(1)[None, :]
        wrong[te] = y[tr][np.argmin(d, axis=1)] != y[te]
    return {"fold_errors": np.array([wrong[fold == k].mean() for k in range(n_folds)]), "cv_error": float(wrong.mean())}
