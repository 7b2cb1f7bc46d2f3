# %% mistake: also tries splits between equal x values, where no threshold can separate the two sides
import numpy as np


def fit_stump(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    o = np.argsort(x, kind="stable")
    xs, ys = x[o], y[o]
    n = xs.size
    if n == 1 or xs[0] == xs[-1]:
        return float(xs[0]), float(y.mean()), float(y.mean())
    best = None
    for k in range(1, n):
        rss = ((ys[:k] - ys[:k].mean()) ** 2).sum() + ((ys[k:] - ys[k:].mean()) ** 2).sum()
        if best is None or rss < best[0]:
            best = (rss, (xs[k - 1] + xs[k]) / 2, ys[:k].mean(), ys[k:].mean())
    return float(best[1]), float(best[2]), float(best[3])


# %% mistake: puts the threshold on the largest input of the left side rather than in the middle of the gap, so inputs inside the gap are predicted differently
import numpy as np

_reference_stump = fit_stump


def fit_stump(x, y):
    s, left, right = _reference_stump(x, y)
    xs = np.asarray(x, dtype=float)
    below = xs[xs <= s]
    return float(below.max()) if below.size else s, left, right


# %% mistake: runs the prefix sums over the inputs in their given order, so the candidate splits are not thresholds of x
import numpy as np


def fit_stump(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = x.size
    if n == 1 or np.all(x == x[0]):
        return float(x[0]), float(y.mean()), float(y.mean())
    yc = y - y.mean()
    left = np.cumsum(yc)[:-1]
    k = np.arange(1, n)
    j = int(np.argmax(left**2 / k + left**2 / (n - k)))
    s = (x[j] + x[j + 1]) / 2
    return float(s), float(y[x <= s].mean()) if np.any(x <= s) else float(y.mean()), float(y[x > s].mean()) if np.any(x > s) else float(y.mean())


# %% mistake: breaks ties between equally good splits towards the largest threshold
import numpy as np


def fit_stump(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    o = np.argsort(x, kind="stable")
    xs, ys = x[o], y[o] - y.mean()
    n = xs.size
    gaps = np.flatnonzero(xs[1:] > xs[:-1])
    if gaps.size == 0:
        return float(xs[0]), float(y.mean()), float(y.mean())
    left = np.cumsum(ys)[gaps]
    k = gaps + 1.0
    gain = left**2 / k + left**2 / (n - k)
    j = gaps[len(gain) - 1 - int(np.argmax(gain[::-1]))]
    return float((xs[j] + xs[j + 1]) / 2), float(y[o][: j + 1].mean()), float(y[o][j + 1:].mean())


# %% mistake: forms sums of squares of the raw y, so for y far from zero the residual sums cancel catastrophically
import numpy as np


def fit_stump(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    o = np.argsort(x, kind="stable")
    xs, ys = x[o], y[o]
    n = xs.size
    gaps = np.flatnonzero(xs[1:] > xs[:-1])
    if gaps.size == 0:
        return float(xs[0]), float(y.mean()), float(y.mean())
    c1, c2 = np.cumsum(ys), np.cumsum(ys**2)
    k = gaps + 1.0
    sl, ql = c1[gaps], c2[gaps]
    rss = (ql - sl**2 / k) + ((c2[-1] - ql) - (c1[-1] - sl) ** 2 / (n - k))
    j = gaps[int(np.argmin(rss))]
    return float((xs[j] + xs[j + 1]) / 2), float(ys[: j + 1].mean()), float(ys[j + 1:].mean())


# %% mistake: the out-of-bag prediction averages all the stumps, including those that were trained on the observation
import numpy as np

_reference_bag = bagged_stumps


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = x.size
    idx = rng.integers(0, n, size=(n_estimators, n))
    stumps = [fit_stump(x[r], y[r]) for r in idx]
    pred = np.mean([np.where(np.asarray(x_test) <= s, a, b) for s, a, b in stumps], axis=0)
    oob_pred = np.mean([np.where(x <= s, a, b) for s, a, b in stumps], axis=0)
    count = np.array([sum(i not in set(r.tolist()) for r in idx) for i in range(n)])
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": float(np.mean((y - oob_pred) ** 2))}


# %% mistake: keeps observations that are never out of bag in the OOB error, with prediction 0
import numpy as np

_reference_bag = bagged_stumps


def bagged_stumps(x, y, x_test, n_estimators, rng):
    out = dict(_reference_bag(x, y, x_test, n_estimators, rng))
    out["oob_error"] = float(np.mean((np.asarray(y, dtype=float) - out["oob_pred"]) ** 2))
    return out


# %% mistake: divides by T - 1 across training sets, which is not the Monte Carlo variance the docstring defines
import numpy as np

_reference_var = bagging_variance_mc


def bagging_variance_mc(x_sets, y_sets, x_test, n_estimators, rng):
    out = dict(_reference_var(x_sets, y_sets, x_test, n_estimators, rng))
    out["var_single"] = float(np.mean(np.var(out["pred_single"], axis=0, ddof=1)))
    out["var_bagged"] = float(np.mean(np.var(out["pred_bagged"], axis=0, ddof=1)))
    return out


# %% mistake: draws one set of bootstrap indices and reuses it for every training set instead of fresh draws per set
import numpy as np


def bagging_variance_mc(x_sets, y_sets, x_test, n_estimators, rng):
    x_sets, y_sets = np.asarray(x_sets, dtype=float), np.asarray(y_sets, dtype=float)
    T, n = x_sets.shape
    idx = rng.integers(0, n, size=(n_estimators, n))
    single, bagged = [], []
    for t in range(T):
        s, a, b = fit_stump(x_sets[t], y_sets[t])
        single.append(np.where(x_test <= s, a, b))
        bagged.append(np.mean([np.where(x_test <= s2, a2, b2) for s2, a2, b2 in
                               (fit_stump(x_sets[t][r], y_sets[t][r]) for r in idx)], axis=0))
    single, bagged = np.array(single), np.array(bagged)
    return {"pred_single": single, "pred_bagged": bagged, "var_single": float(np.mean(single.var(axis=0))),
            "var_bagged": float(np.mean(bagged.var(axis=0)))}


# %% alternative: brute-force stump (every candidate threshold scored directly), loops for the bagging
import numpy as np


def fit_stump(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    u = np.unique(x)
    if u.size == 1:
        return float(u[0]), float(y.mean()), float(y.mean())
    best = None
    for a, b in zip(u[:-1], u[1:]):
        s = (a + b) / 2
        left, right = y[x <= s], y[x > s]
        rss = np.sum((left - left.mean()) ** 2) + np.sum((right - right.mean()) ** 2)
        if best is None or rss < best[0]:
            best = (rss, s, left.mean(), right.mean())
    return float(best[1]), float(best[2]), float(best[3])


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = np.asarray(x, dtype=float), np.asarray(y, dtype=float), np.asarray(x_test, dtype=float)
    n = x.size
    preds, oob = [], [[] for _ in range(n)]
    for _ in range(n_estimators):
        rows = rng.integers(0, n, size=n)  # one row at a time: the same stream as one (B, n) call
        s, a, b = fit_stump(x[rows], y[rows])
        preds.append(np.where(x_test <= s, a, b))
        for i in set(range(n)) - set(rows.tolist()):
            oob[i].append(a if x[i] <= s else b)
    oob_pred = np.array([np.mean(v) if v else 0.0 for v in oob])
    count = np.array([len(v) for v in oob])
    seen = count > 0
    return {"pred": np.mean(preds, axis=0), "oob_pred": oob_pred, "oob_count": count,
            "oob_error": float(np.mean((y[seen] - oob_pred[seen]) ** 2)) if seen.any() else 0.0}


# %% alternative: stump by sorting with a two-pass residual sum per candidate, bincount masks for out-of-bag
import numpy as np


def fit_stump(x, y):
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    o = np.argsort(x, kind="mergesort")
    xs, ys = x[o], y[o]
    cand = [k for k in range(1, xs.size) if xs[k] != xs[k - 1]]
    if not cand:
        return float(xs[0]), float(np.mean(y)), float(np.mean(y))
    rss = [np.var(ys[:k]) * k + np.var(ys[k:]) * (xs.size - k) for k in cand]
    k = cand[int(np.argmin(rss))]
    return float((xs[k - 1] + xs[k]) / 2), float(np.mean(ys[:k])), float(np.mean(ys[k:]))


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = np.asarray(x, dtype=float), np.asarray(y, dtype=float), np.asarray(x_test, dtype=float)
    n = x.size
    idx = rng.integers(0, n, size=(n_estimators, n))
    out = np.array([np.bincount(r, minlength=n) == 0 for r in idx])
    stumps = [fit_stump(x[r], y[r]) for r in idx]
    P_test = np.array([np.where(x_test <= s, a, b) for s, a, b in stumps])
    P_train = np.array([np.where(x <= s, a, b) for s, a, b in stumps])
    count = out.sum(axis=0)
    oob_pred = np.where(count > 0, (P_train * out).sum(axis=0) / np.maximum(count, 1), 0.0)
    seen = count > 0
    return {"pred": P_test.mean(axis=0), "oob_pred": oob_pred, "oob_count": count,
            "oob_error": float(np.mean((y[seen] - oob_pred[seen]) ** 2)) if seen.any() else 0.0}
