# %% mistake: Standard error with np.std's default ddof=0 (divides by B): the bootstrap se divides by B - 1, so it comes out too small, badly so for small B
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    reps = fx.lookup(statistic)(x[idx], axis=-1)
    se = float(np.std(reps))
    ci = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
    return {"replicates": reps, "se": se, "ci": ci}


# %% mistake: Divides the spread of the replicates by sqrt(B) (the error of their average): the se of the statistic is the spread itself
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    reps = fx.lookup(statistic)(x[idx], axis=-1)
    se = float(np.std(reps, ddof=1) / np.sqrt(n_boot))
    ci = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
    return {"replicates": reps, "se": se, "ci": ci}


# %% mistake: Percentile interval at the alpha and 1 - alpha quantiles: the level-(1 - alpha) interval cuts alpha/2 on EACH side, so this one is too narrow
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    reps = fx.lookup(statistic)(x[idx], axis=-1)
    se = float(np.std(reps, ddof=1))
    ci = np.quantile(reps, [alpha, 1 - alpha])
    return {"replicates": reps, "se": se, "ci": ci}


# %% mistake: Quantiles requested in the order [1 - alpha/2, alpha/2]: the interval comes back as [upper, lower]
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    reps = fx.lookup(statistic)(x[idx], axis=-1)
    se = float(np.std(reps, ddof=1))
    ci = np.quantile(reps, [1 - alpha / 2, alpha / 2])
    return {"replicates": reps, "se": se, "ci": ci}


# %% mistake: np.percentile fed fractions (alpha/2, 1 - alpha/2) instead of percentages: it returns the 0.05% and 0.95% points, near the minimum
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    reps = fx.lookup(statistic)(x[idx], axis=-1)
    se = float(np.std(reps, ddof=1))
    ci = np.percentile(reps, [alpha / 2, 1 - alpha / 2])
    return {"replicates": reps, "se": se, "ci": ci}


# %% mistake: Interval ends read off the sorted replicates at integer positions floor(B alpha/2) and ceil(B(1 - alpha/2)) - 1, not numpy's linear interpolation
import mlmathkit_fixtures as fx
import math

import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    reps = fx.lookup(statistic)(x[idx], axis=-1)
    se = float(np.std(reps, ddof=1))
    s = np.sort(reps)
    lo = s[int(math.floor(n_boot * alpha / 2))]
    hi = s[int(math.ceil(n_boot * (1 - alpha / 2))) - 1]
    return {"replicates": reps, "se": se, "ci": np.array([lo, hi])}


# %% mistake: Reports the basic (reflected) interval 2 t(x) - quantiles instead of the percentile interval the question asks for
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    t = fx.lookup(statistic)
    idx = rng.integers(0, n, size=(n_boot, n))
    reps = t(x[idx], axis=-1)
    se = float(np.std(reps, ddof=1))
    q_lo, q_hi = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
    theta = float(t(x))
    return {"replicates": reps, "se": se, "ci": np.array([2 * theta - q_hi, 2 * theta - q_lo])}


# %% mistake: Resamples WITHOUT replacement (a permutation per replicate): every resample is the data reordered, so the mean and median never vary and se = 0
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = np.array([rng.choice(n, size=n, replace=False) for _ in range(n_boot)])
    reps = fx.lookup(statistic)(x[idx], axis=-1)
    se = float(np.std(reps, ddof=1))
    ci = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
    return {"replicates": reps, "se": se, "ci": ci}


# %% mistake: Draws the indices with shape (n, B) and takes columns as samples: same distribution, but not the prescribed draw, so the replicates differ
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n, n_boot))
    reps = fx.lookup(statistic)(x[idx.T], axis=-1)
    se = float(np.std(reps, ddof=1))
    ci = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
    return {"replicates": reps, "se": se, "ci": ci}


# %% mistake: Treats the upper end of rng.integers as inclusive and draws from 0..n-2: the last observation is never resampled (and n = 1 crashes)
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = rng.integers(0, n - 1, size=(n_boot, n))
    reps = fx.lookup(statistic)(x[idx], axis=-1)
    se = float(np.std(reps, ddof=1))
    ci = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
    return {"replicates": reps, "se": se, "ci": ci}


# %% mistake: Applies the statistic along axis 0 (across the B resamples for each position) instead of within each resample: wrong replicates, shape (n,)
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float64)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    reps = fx.lookup(statistic)(x[idx], axis=0)
    se = float(np.std(reps, ddof=1))
    ci = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
    return {"replicates": reps, "se": se, "ci": ci}


# %% mistake: Works in float32: for data far from zero (1e6 + 0.01 noise) the spread is below float32 resolution, so replicates and se are garbage
import mlmathkit_fixtures as fx
import numpy as np


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=np.float32)
    n = x.shape[0]
    idx = rng.integers(0, n, size=(n_boot, n))
    reps = fx.lookup(statistic)(x[idx], axis=-1).astype(np.float32)
    se = float(np.std(reps, ddof=1))
    ci = np.quantile(reps, [alpha / 2, 1 - alpha / 2])
    return {"replicates": reps, "se": se, "ci": ci}


# %% mistake: The .632 weights swapped (0.632 * training error + 0.368 * leave-one-out bootstrap error): the optimistic training error gets the big weight
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    seen = n_oob > 0
    err1 = float(np.mean(loss_sum[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.632 * err_train + 0.368 * err1, "n_oob": n_oob}


# %% mistake: Scores every bootstrap fit on ALL n observations, including the ones in its own sample: in-bag points make this error far too optimistic
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    n_oob = np.zeros(n, dtype=int)
    losses = []
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        n_oob[~np.isin(np.arange(n), rows)] += 1
        losses.append(np.mean((y - A @ coef_b) ** 2))
    err1 = float(np.mean(losses))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: Pools all out-of-bag (fit, point) losses into one mean: observations that are often out of bag get more weight; ESL averages per observation first
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    err1 = float(loss_sum.sum() / n_oob.sum())
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: Observations never out of bag are counted with loss 0 and the mean is over all n: they must be left out of the average
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    err1 = float(np.mean(loss_sum / np.maximum(n_oob, 1)))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: Divides each observation's loss sum by n_oob with no guard: an observation never out of bag (small B) gives 0/0 = NaN and the estimate is NaN
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    err1 = float(np.mean(loss_sum / n_oob))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: Fits the lines without an intercept (lstsq on X alone): the model is least squares WITH intercept, so all three errors are off
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    coef = np.linalg.lstsq(X, y, rcond=None)[0]
    err_train = float(np.mean((y - X @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(X[rows], y[rows], rcond=None)[0]
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - X[out] @ coef_b) ** 2
        n_oob[out] += 1
    seen = n_oob > 0
    err1 = float(np.mean(loss_sum[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: Decides out-of-bag position by position (idx[b, i] != i) instead of asking whether i occurs anywhere in sample b: in-bag points leak in
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        out = rows != np.arange(n)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    seen = n_oob > 0
    err1 = float(np.mean(loss_sum[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: n_oob counts the samples that CONTAIN observation i (in bag) instead of those that leave it out
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_out, n_in = np.zeros(n), np.zeros(n, dtype=int), np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_out[out] += 1
        n_in[~out] += 1
    seen = n_out > 0
    err1 = float(np.mean(loss_sum[seen] / n_out[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_in}


# %% mistake: Uses the average in-sample error of the bootstrap fits as the training error: err_train is the error of ONE fit on all the data
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_oob, train_errs = np.zeros(n), np.zeros(n, dtype=int), []
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        train_errs.append(np.mean((y[rows] - A[rows] @ coef_b) ** 2))
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    err_train = float(np.mean(train_errs))
    seen = n_oob > 0
    err1 = float(np.mean(loss_sum[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: Solves the normal equations (A^T A) c = A^T y: a rank-deficient bootstrap sample (e.g. all copies of one x) makes them singular; lstsq is asked for
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.solve(A.T @ A, A.T @ y)
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        Ab = A[rows]
        coef_b = np.linalg.solve(Ab.T @ Ab, Ab.T @ y[rows])
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    seen = n_oob > 0
    err1 = float(np.mean(loss_sum[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: Draws the indices with shape (n, B) and uses column b as sample b: same distribution, but not the prescribed draw, so the samples differ
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = len(y)
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n, n_boot)).T
    loss_sum, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    seen = n_oob > 0
    err1 = float(np.mean(loss_sum[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: Fits in float32: when X sits far from zero (e.g. 1e5 + x) the residuals are small differences of large fitted values and drown in round-off
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32)
    n = len(y)
    A = np.column_stack([np.ones(n, dtype=np.float32), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum, n_oob = np.zeros(n, dtype=np.float32), np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        out = ~np.isin(np.arange(n), rows)
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    seen = n_oob > 0
    err1 = float(np.mean(loss_sum[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: Calls scipy.stats.bootstrap (forbidden): besides breaking the rules, it refuses a sample of one observation, which the docstring allows
import mlmathkit_fixtures as fx
import numpy as np
from scipy import stats


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    res = stats.bootstrap((np.asarray(x, dtype=np.float64),), fx.lookup(statistic), n_resamples=n_boot,
                          confidence_level=1 - alpha, method="percentile", random_state=rng)
    ci = res.confidence_interval
    return {"replicates": res.bootstrap_distribution, "se": float(res.standard_error), "ci": np.array([ci.low, ci.high])}
