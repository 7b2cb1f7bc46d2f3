# %% mistake: Threshold placed at the last x of the left side instead of the midpoint of the gap: same training fit, but a different split point for new x
import numpy as np


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    if xs[0] == xs[-1]:
        return float(xs[0]), float(ys.mean()), float(ys.mean())
    yc = ys - ys.mean()
    L = np.cumsum(yc)[:-1]
    k = np.arange(1, n)
    gain = L**2 / k + L**2 / (n - k)
    gain[xs[:-1] == xs[1:]] = -np.inf
    j = int(np.argmax(gain))
    return float(xs[j]), float(ys[: j + 1].mean()), float(ys[j + 1:].mean())


# %% mistake: Sorts x but not y (np.sort(x) alone): the responses no longer line up with their inputs, so the split and the side means are wrong
import numpy as np


def fit_stump(x, y):
    xs = np.sort(np.asarray(x, dtype=np.float64))
    ys = np.asarray(y, dtype=np.float64)
    n = len(xs)
    if xs[0] == xs[-1]:
        return float(xs[0]), float(ys.mean()), float(ys.mean())
    yc = ys - ys.mean()
    L = np.cumsum(yc)[:-1]
    k = np.arange(1, n)
    gain = L**2 / k + L**2 / (n - k)
    gain[xs[:-1] == xs[1:]] = -np.inf
    j = int(np.argmax(gain))
    return float((xs[j] + xs[j + 1]) / 2), float(ys[: j + 1].mean()), float(ys[j + 1:].mean())


# %% mistake: Allows splits between equal x values: the threshold then equals that value and x <= s sends all copies left, unlike the side means used
import numpy as np


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    if xs[0] == xs[-1]:
        return float(xs[0]), float(ys.mean()), float(ys.mean())
    yc = ys - ys.mean()
    L = np.cumsum(yc)[:-1]
    k = np.arange(1, n)
    gain = L**2 / k + L**2 / (n - k)
    j = int(np.argmax(gain))
    return float((xs[j] + xs[j + 1]) / 2), float(ys[: j + 1].mean()), float(ys[j + 1:].mean())


# %% mistake: Loop keeps a split when rss <= best: on equal residual sums the LARGEST threshold wins, but ties must go to the smallest threshold
import numpy as np


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    if xs[0] == xs[-1]:
        return float(xs[0]), float(ys.mean()), float(ys.mean())
    yc = ys - ys.mean()
    cs = np.cumsum(yc)
    total = float(np.sum(yc**2))
    best, best_k = np.inf, None
    for k in range(1, n):
        if xs[k - 1] == xs[k]:
            continue
        L = cs[k - 1]
        rss = total - L**2 / k - L**2 / (n - k)
        if rss <= best:
            best, best_k = rss, k
    return float((xs[best_k - 1] + xs[best_k]) / 2), float(ys[:best_k].mean()), float(ys[best_k:].mean())


# %% mistake: No special case when all x are equal: there is no candidate split, and argmax over an empty set of thresholds crashes
import numpy as np


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    yc = ys - ys.mean()
    L = np.cumsum(yc)[:-1]
    k = np.arange(1, n)
    ok = xs[:-1] < xs[1:]
    gain = (L**2 / k + L**2 / (n - k))[ok]
    j = int(np.flatnonzero(ok)[np.argmax(gain)])
    return float((xs[j] + xs[j + 1]) / 2), float(ys[: j + 1].mean()), float(ys[j + 1:].mean())


# %% mistake: Uses sum y^2 - L^2/k - (T - L)^2/(n - k) on the raw y: for y far from zero the big terms cancel catastrophically and the split is noise
import numpy as np


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    if xs[0] == xs[-1]:
        return float(xs[0]), float(ys.mean()), float(ys.mean())
    cs = np.cumsum(ys)
    T = cs[-1]
    L = cs[:-1]
    k = np.arange(1, n)
    rss = np.sum(ys**2) - L**2 / k - (T - L) ** 2 / (n - k)
    rss[xs[:-1] == xs[1:]] = np.inf
    j = int(np.argmin(rss))
    return float((xs[j] + xs[j + 1]) / 2), float(ys[: j + 1].mean()), float(ys[j + 1:].mean())


# %% mistake: Centres y as the hint says but returns the side means of the CENTRED y: c_L and c_R are off by mean(y)
import numpy as np


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order] - y.mean()
    n = len(xs)
    if xs[0] == xs[-1]:
        return float(xs[0]), float(ys.mean()), float(ys.mean())
    L = np.cumsum(ys)[:-1]
    k = np.arange(1, n)
    gain = L**2 / k + L**2 / (n - k)
    gain[xs[:-1] == xs[1:]] = -np.inf
    j = int(np.argmax(gain))
    return float((xs[j] + xs[j + 1]) / 2), float(ys[: j + 1].mean()), float(ys[j + 1:].mean())


# %% mistake: Centres y in place (y -= y.mean()) as the hint suggests: the caller's array is changed, so the next fit on the same data sees other numbers
import numpy as np


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float64)
    ybar = float(np.mean(y))
    y -= ybar
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    if xs[0] == xs[-1]:
        return float(xs[0]), ybar, ybar
    L = np.cumsum(ys)[:-1]
    k = np.arange(1, n)
    gain = L**2 / k + L**2 / (n - k)
    gain[xs[:-1] == xs[1:]] = -np.inf
    j = int(np.argmax(gain))
    return float((xs[j] + xs[j + 1]) / 2), float(ys[: j + 1].mean() + ybar), float(ys[j + 1:].mean() + ybar)


# %% mistake: Prefix sum off by one: L_k is taken as the sum of the first k + 1 sorted y but divided by k, so the residual sums of the splits are wrong
import numpy as np


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    if xs[0] == xs[-1]:
        return float(xs[0]), float(ys.mean()), float(ys.mean())
    yc = ys - ys.mean()
    cs = np.cumsum(yc)
    k = np.arange(1, n)
    L = cs[k]
    gain = L**2 / k + L**2 / (n - k)
    gain[xs[:-1] == xs[1:]] = -np.inf
    j = int(np.argmax(gain))
    return float((xs[j] + xs[j + 1]) / 2), float(ys[: j + 1].mean()), float(ys[j + 1:].mean())


# %% mistake: Computes the split in float32: two nearly equal residual sums are then ranked by round-off, and the threshold jumps to another gap
import numpy as np


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order]
    n = len(xs)
    if xs[0] == xs[-1]:
        return float(xs[0]), float(ys.mean()), float(ys.mean())
    yc = ys - ys.mean()
    L = np.cumsum(yc)[:-1]
    k = np.arange(1, n, dtype=np.float32)
    gain = L**2 / k + L**2 / (n - k)
    gain[xs[:-1] == xs[1:]] = -np.inf
    j = int(np.argmax(gain))
    return float((xs[j] + xs[j + 1]) / 2), float(ys[: j + 1].mean()), float(ys[j + 1:].mean())


# %% mistake: OOB prediction of observation i averages ALL B stumps, including those whose sample contained i: that is the bagged fit, not out of bag
import numpy as np


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    pred, fit_all, count = np.zeros(len(x_test)), np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        s, cl, cr = fit_stump(x[rows], y[rows])
        pred += np.where(x_test <= s, cl, cr)
        fit_all += np.where(x <= s, cl, cr)
        count[~np.isin(np.arange(n), rows)] += 1
    pred /= n_estimators
    oob_pred = np.where(count > 0, fit_all / n_estimators, 0.0)
    seen = count > 0
    oob_error = float(np.mean((y[seen] - oob_pred[seen]) ** 2)) if seen.any() else 0.0
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": oob_error}


# %% mistake: OOB error averaged over all n observations, the never-out-of-bag ones with prediction 0 included: they must be left out
import numpy as np


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    pred, oob_sum, count = np.zeros(len(x_test)), np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        s, cl, cr = fit_stump(x[rows], y[rows])
        pred += np.where(x_test <= s, cl, cr)
        out = ~np.isin(np.arange(n), rows)
        oob_sum[out] += np.where(x[out] <= s, cl, cr)
        count[out] += 1
    pred /= n_estimators
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    oob_error = float(np.mean((y - oob_pred) ** 2))
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": oob_error}


# %% mistake: oob_pred = oob_sum / oob_count with no guard: an observation never out of bag gets 0/0 = NaN (it should get 0.0) and the OOB error is NaN
import numpy as np


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    pred, oob_sum, count = np.zeros(len(x_test)), np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        s, cl, cr = fit_stump(x[rows], y[rows])
        pred += np.where(x_test <= s, cl, cr)
        out = ~np.isin(np.arange(n), rows)
        oob_sum[out] += np.where(x[out] <= s, cl, cr)
        count[out] += 1
    pred /= n_estimators
    oob_pred = oob_sum / count
    oob_error = float(np.mean((y - oob_pred) ** 2))
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": oob_error}


# %% mistake: When no observation is ever out of bag, takes the mean over an empty set (NaN) instead of returning the documented 0.0
import numpy as np


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    pred, oob_sum, count = np.zeros(len(x_test)), np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        s, cl, cr = fit_stump(x[rows], y[rows])
        pred += np.where(x_test <= s, cl, cr)
        out = ~np.isin(np.arange(n), rows)
        oob_sum[out] += np.where(x[out] <= s, cl, cr)
        count[out] += 1
    pred /= n_estimators
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    seen = count > 0
    oob_error = float(np.mean((y[seen] - oob_pred[seen]) ** 2))
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": oob_error}


# %% mistake: Draws the indices with shape (n, B) and uses columns as samples: same distribution, but not the prescribed draw, so every stump differs
import numpy as np


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n, n_estimators))
    pred, oob_sum, count = np.zeros(len(x_test)), np.zeros(n), np.zeros(n, dtype=int)
    for b in range(n_estimators):
        rows = idx[:, b]
        s, cl, cr = fit_stump(x[rows], y[rows])
        pred += np.where(x_test <= s, cl, cr)
        out = ~np.isin(np.arange(n), rows)
        oob_sum[out] += np.where(x[out] <= s, cl, cr)
        count[out] += 1
    pred /= n_estimators
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    seen = count > 0
    oob_error = float(np.mean((y[seen] - oob_pred[seen]) ** 2)) if seen.any() else 0.0
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": oob_error}


# %% mistake: oob_count counts the bootstrap samples that CONTAIN i (in bag) instead of those that leave it out
import numpy as np


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    pred, oob_sum, count, n_in = np.zeros(len(x_test)), np.zeros(n), np.zeros(n, dtype=int), np.zeros(n, dtype=int)
    for rows in idx:
        s, cl, cr = fit_stump(x[rows], y[rows])
        pred += np.where(x_test <= s, cl, cr)
        out = ~np.isin(np.arange(n), rows)
        oob_sum[out] += np.where(x[out] <= s, cl, cr)
        count[out] += 1
        n_in[~out] += 1
    pred /= n_estimators
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    seen = count > 0
    oob_error = float(np.mean((y[seen] - oob_pred[seen]) ** 2)) if seen.any() else 0.0
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": n_in, "oob_error": oob_error}


# %% mistake: Predicts c_L only where x < s (strict): a point exactly at a threshold goes right, but the stump sends x <= s to the left
import numpy as np


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    pred, oob_sum, count = np.zeros(len(x_test)), np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        s, cl, cr = fit_stump(x[rows], y[rows])
        pred += np.where(x_test < s, cl, cr)
        out = ~np.isin(np.arange(n), rows)
        oob_sum[out] += np.where(x[out] < s, cl, cr)
        count[out] += 1
    pred /= n_estimators
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    seen = count > 0
    oob_error = float(np.mean((y[seen] - oob_pred[seen]) ** 2)) if seen.any() else 0.0
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": oob_error}


# %% mistake: Averages the stumps' parameters (threshold, c_L, c_R) into one stump: bagging averages the PREDICTIONS, which is not a single stump
import numpy as np


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    params, oob_params, count = [], [[] for _ in range(n)], np.zeros(n, dtype=int)
    for rows in idx:
        stump = fit_stump(x[rows], y[rows])
        params.append(stump)
        for i in np.flatnonzero(~np.isin(np.arange(n), rows)):
            oob_params[i].append(stump)
            count[i] += 1
    s, cl, cr = np.mean(params, axis=0)
    pred = np.where(x_test <= s, cl, cr)
    oob_pred = np.zeros(n)
    for i in range(n):
        if count[i]:
            si, li, ri = np.mean(oob_params[i], axis=0)
            oob_pred[i] = li if x[i] <= si else ri
    seen = count > 0
    oob_error = float(np.mean((y[seen] - oob_pred[seen]) ** 2)) if seen.any() else 0.0
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": oob_error}


# %% mistake: OOB error as the mean squared error of each single OOB stump prediction, not the error of the averaged OOB prediction of each observation
import numpy as np


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    pred, oob_sum, count, sq = np.zeros(len(x_test)), np.zeros(n), np.zeros(n, dtype=int), []
    for rows in idx:
        s, cl, cr = fit_stump(x[rows], y[rows])
        pred += np.where(x_test <= s, cl, cr)
        out = ~np.isin(np.arange(n), rows)
        p = np.where(x[out] <= s, cl, cr)
        oob_sum[out] += p
        count[out] += 1
        sq.extend((y[out] - p) ** 2)
    pred /= n_estimators
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    oob_error = float(np.mean(sq)) if sq else 0.0
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": oob_error}


# %% mistake: Fits stump b to x[idx[b]] with the un-resampled y: inputs and responses of the bootstrap sample no longer belong together
import numpy as np


def bagged_stumps(x, y, x_test, n_estimators, rng):
    x, y, x_test = (np.asarray(a, dtype=np.float64) for a in (x, y, x_test))
    n = len(x)
    idx = rng.integers(0, n, size=(n_estimators, n))
    pred, oob_sum, count = np.zeros(len(x_test)), np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        s, cl, cr = fit_stump(x[rows], y)
        pred += np.where(x_test <= s, cl, cr)
        out = ~np.isin(np.arange(n), rows)
        oob_sum[out] += np.where(x[out] <= s, cl, cr)
        count[out] += 1
    pred /= n_estimators
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    seen = count > 0
    oob_error = float(np.mean((y[seen] - oob_pred[seen]) ** 2)) if seen.any() else 0.0
    return {"pred": pred, "oob_pred": oob_pred, "oob_count": count, "oob_error": oob_error}


# %% mistake: Variance over training sets with ddof=1 (1/(T - 1)): the docstring asks for the 1/T variance
import numpy as np


def bagging_variance_mc(x_sets, y_sets, x_test, n_estimators, rng):
    x_sets, y_sets, x_test = (np.asarray(a, dtype=np.float64) for a in (x_sets, y_sets, x_test))
    T = len(x_sets)
    single, bagged = np.zeros((T, len(x_test))), np.zeros((T, len(x_test)))
    for t in range(T):
        s, cl, cr = fit_stump(x_sets[t], y_sets[t])
        single[t] = np.where(x_test <= s, cl, cr)
        bagged[t] = bagged_stumps(x_sets[t], y_sets[t], x_test, n_estimators, rng)["pred"]
    return {"pred_single": single, "pred_bagged": bagged,
            "var_single": float(np.mean(single.var(axis=0, ddof=1))), "var_bagged": float(np.mean(bagged.var(axis=0, ddof=1)))}


# %% mistake: Variance taken across test points (axis 1) and then averaged over training sets: instability is the variance over training sets at each point
import numpy as np


def bagging_variance_mc(x_sets, y_sets, x_test, n_estimators, rng):
    x_sets, y_sets, x_test = (np.asarray(a, dtype=np.float64) for a in (x_sets, y_sets, x_test))
    T = len(x_sets)
    single, bagged = np.zeros((T, len(x_test))), np.zeros((T, len(x_test)))
    for t in range(T):
        s, cl, cr = fit_stump(x_sets[t], y_sets[t])
        single[t] = np.where(x_test <= s, cl, cr)
        bagged[t] = bagged_stumps(x_sets[t], y_sets[t], x_test, n_estimators, rng)["pred"]
    return {"pred_single": single, "pred_bagged": bagged,
            "var_single": float(np.mean(single.var(axis=1))), "var_bagged": float(np.mean(bagged.var(axis=1)))}


# %% mistake: Averages the predictions over test points first and takes the variance of that average: the mean of the pointwise variances is asked for
import numpy as np


def bagging_variance_mc(x_sets, y_sets, x_test, n_estimators, rng):
    x_sets, y_sets, x_test = (np.asarray(a, dtype=np.float64) for a in (x_sets, y_sets, x_test))
    T = len(x_sets)
    single, bagged = np.zeros((T, len(x_test))), np.zeros((T, len(x_test)))
    for t in range(T):
        s, cl, cr = fit_stump(x_sets[t], y_sets[t])
        single[t] = np.where(x_test <= s, cl, cr)
        bagged[t] = bagged_stumps(x_sets[t], y_sets[t], x_test, n_estimators, rng)["pred"]
    return {"pred_single": single, "pred_bagged": bagged,
            "var_single": float(np.var(single.mean(axis=1))), "var_bagged": float(np.var(bagged.mean(axis=1)))}


# %% mistake: Reports the standard deviation over training sets instead of the variance
import numpy as np


def bagging_variance_mc(x_sets, y_sets, x_test, n_estimators, rng):
    x_sets, y_sets, x_test = (np.asarray(a, dtype=np.float64) for a in (x_sets, y_sets, x_test))
    T = len(x_sets)
    single, bagged = np.zeros((T, len(x_test))), np.zeros((T, len(x_test)))
    for t in range(T):
        s, cl, cr = fit_stump(x_sets[t], y_sets[t])
        single[t] = np.where(x_test <= s, cl, cr)
        bagged[t] = bagged_stumps(x_sets[t], y_sets[t], x_test, n_estimators, rng)["pred"]
    return {"pred_single": single, "pred_bagged": bagged,
            "var_single": float(np.mean(single.std(axis=0))), "var_bagged": float(np.mean(bagged.std(axis=0)))}


# %% mistake: Seeds a new generator for each training set (default_rng(t)) instead of passing the given rng to bagged_stumps for t = 0, 1, ... in order
import numpy as np


def bagging_variance_mc(x_sets, y_sets, x_test, n_estimators, rng):
    x_sets, y_sets, x_test = (np.asarray(a, dtype=np.float64) for a in (x_sets, y_sets, x_test))
    T = len(x_sets)
    single, bagged = np.zeros((T, len(x_test))), np.zeros((T, len(x_test)))
    for t in range(T):
        s, cl, cr = fit_stump(x_sets[t], y_sets[t])
        single[t] = np.where(x_test <= s, cl, cr)
        bagged[t] = bagged_stumps(x_sets[t], y_sets[t], x_test, n_estimators, np.random.default_rng(t))["pred"]
    return {"pred_single": single, "pred_bagged": bagged,
            "var_single": float(np.mean(single.var(axis=0))), "var_bagged": float(np.mean(bagged.var(axis=0)))}


# %% mistake: The "single" stump is one bagged stump (bagged_stumps with B = 1, on a bootstrap sample): it must be fit_stump on the training set itself
import numpy as np


def bagging_variance_mc(x_sets, y_sets, x_test, n_estimators, rng):
    x_sets, y_sets, x_test = (np.asarray(a, dtype=np.float64) for a in (x_sets, y_sets, x_test))
    T = len(x_sets)
    single, bagged = np.zeros((T, len(x_test))), np.zeros((T, len(x_test)))
    for t in range(T):
        single[t] = bagged_stumps(x_sets[t], y_sets[t], x_test, 1, rng)["pred"]
        bagged[t] = bagged_stumps(x_sets[t], y_sets[t], x_test, n_estimators, rng)["pred"]
    return {"pred_single": single, "pred_bagged": bagged,
            "var_single": float(np.mean(single.var(axis=0))), "var_bagged": float(np.mean(bagged.var(axis=0)))}


# %% mistake: Uses DecisionTreeRegressor(max_depth=1) (forbidden): it casts x to float32, merging nearly equal x values, and a constant x gives threshold -2
import numpy as np
from sklearn.tree import DecisionTreeRegressor


def fit_stump(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    tree = DecisionTreeRegressor(max_depth=1).fit(x[:, None], y).tree_
    if tree.node_count == 1:
        return float(tree.threshold[0]), float(y.mean()), float(y.mean())
    return float(tree.threshold[0]), float(tree.value[1].ravel()[0]), float(tree.value[2].ravel()[0])
