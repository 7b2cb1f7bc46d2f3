# %% mistake: resamples without replacement, so every bootstrap sample is a permutation of the data and every replicate equals the statistic
import numpy as np
import mlmathkit_fixtures as fx


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=float)
    idx = np.array([rng.permutation(x.size) for _ in range(n_boot)])
    reps = fx.lookup(statistic)(x[idx], axis=-1)
    return {"replicates": reps, "se": float(np.std(reps, ddof=1)), "ci": np.quantile(reps, [alpha / 2, 1 - alpha / 2])}


# %% mistake: divides the spread of the replicates by sqrt(B), which measures the error of their average, not of the statistic
import numpy as np

_reference_boot = bootstrap_se_ci


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    out = dict(_reference_boot(x, statistic, n_boot, alpha, rng))
    out["se"] = out["se"] / np.sqrt(n_boot)
    return out


# %% mistake: divides the squared deviations of the replicates by B, which is not the standard error the docstring defines (biased low for small B)
import numpy as np

_reference_boot = bootstrap_se_ci


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    out = dict(_reference_boot(x, statistic, n_boot, alpha, rng))
    out["se"] = float(np.std(out["replicates"]))
    return out


# %% mistake: cuts a fraction alpha from each tail, so the interval covers 1 - 2 alpha of the replicates rather than 1 - alpha
import numpy as np

_reference_boot = bootstrap_se_ci


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    out = dict(_reference_boot(x, statistic, n_boot, alpha, rng))
    out["ci"] = np.quantile(out["replicates"], [alpha, 1 - alpha])
    return out


# %% mistake: draws the indices as an (n, B) array and resamples column by column, not the draws the docstring fixes
import numpy as np
import mlmathkit_fixtures as fx


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=float)
    idx = rng.integers(0, x.size, size=(x.size, n_boot))
    reps = fx.lookup(statistic)(x[idx.T], axis=-1)
    return {"replicates": reps, "se": float(np.std(reps, ddof=1)), "ci": np.quantile(reps, [alpha / 2, 1 - alpha / 2])}


# %% mistake: reads the interval off the sorted replicates without interpolating, which is not the quantile the docstring defines
import numpy as np

_reference_boot = bootstrap_se_ci


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    out = dict(_reference_boot(x, statistic, n_boot, alpha, rng))
    r = np.sort(out["replicates"])
    out["ci"] = np.array([r[int(alpha / 2 * n_boot)], r[min(n_boot - 1, int((1 - alpha / 2) * n_boot))]])
    return out


# %% mistake: reports s / sqrt(n) of the data as the standard error, which is only the standard error of a mean and ignores the replicates
import numpy as np

_reference_boot = bootstrap_se_ci


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    out = dict(_reference_boot(x, statistic, n_boot, alpha, rng))
    x = np.asarray(x, dtype=float)
    out["se"] = float(np.std(x, ddof=1) / np.sqrt(x.size)) if x.size > 1 else 0.0
    return out


# %% mistake: scores each bootstrap fit on every observation, including those it was trained on, which is optimistic
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n = y.size
    A = np.column_stack([np.ones(n), X])
    err_train = float(np.mean((y - A @ np.linalg.lstsq(A, y, rcond=None)[0]) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    losses, n_oob = [], np.zeros(n, dtype=int)
    for rows in idx:
        c = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        losses.append(np.mean((y - A @ c) ** 2))
        n_oob[~np.isin(np.arange(n), rows)] += 1
    err1 = float(np.mean(losses))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: pools the losses of all out-of-bag pairs instead of averaging each observation's losses first
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n = y.size
    A = np.column_stack([np.ones(n), X])
    err_train = float(np.mean((y - A @ np.linalg.lstsq(A, y, rcond=None)[0]) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    total, n_oob = 0.0, np.zeros(n, dtype=int)
    for rows in idx:
        out = ~np.isin(np.arange(n), rows)
        c = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        total += np.sum((y[out] - A[out] @ c) ** 2)
        n_oob[out] += 1
    err1 = float(total / n_oob.sum())
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: counts observations that are never out of bag as zero loss instead of leaving them out
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n = y.size
    A = np.column_stack([np.ones(n), X])
    err_train = float(np.mean((y - A @ np.linalg.lstsq(A, y, rcond=None)[0]) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    total, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        out = ~np.isin(np.arange(n), rows)
        c = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        total[out] += (y[out] - A[out] @ c) ** 2
        n_oob[out] += 1
    err1 = float(np.sum(total / np.maximum(n_oob, 1)) / n)
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% mistake: swaps the weights, putting 0.632 on the optimistic training error and 0.368 on the bootstrap error
import numpy as np

_reference_632 = bootstrap_632


def bootstrap_632(X, y, n_boot, rng):
    out = dict(_reference_632(X, y, n_boot, rng))
    out["err_632"] = 0.632 * out["err_train"] + 0.368 * out["err_boot1"]
    return out


# %% mistake: fits the regression without an intercept, forcing every line through the origin
import numpy as np


def bootstrap_632(X, y, n_boot, rng):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n = y.size
    A = X.reshape(n, -1)
    err_train = float(np.mean((y - A @ np.linalg.lstsq(A, y, rcond=None)[0]) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    total, n_oob = np.zeros(n), np.zeros(n, dtype=int)
    for rows in idx:
        out = ~np.isin(np.arange(n), rows)
        c = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        total[out] += (y[out] - A[out] @ c) ** 2
        n_oob[out] += 1
    seen = n_oob > 0
    err1 = float(np.mean(total[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}


# %% alternative: one rng.integers call per bootstrap sample (the same stream), loops, np.percentile
import numpy as np
import mlmathkit_fixtures as fx


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=float)
    t = fx.lookup(statistic)
    reps = np.array([float(t(x[rng.integers(0, x.size, size=x.size)])) for _ in range(n_boot)])
    mean = sum(reps) / n_boot
    se = (sum((r - mean) ** 2 for r in reps) / (n_boot - 1)) ** 0.5
    return {"replicates": reps, "se": se, "ci": np.percentile(reps, [50 * alpha, 100 - 50 * alpha])}


def bootstrap_632(X, y, n_boot, rng):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n = y.size
    A = np.column_stack([np.ones(n), X])
    err_train = float(np.mean((y - A @ np.linalg.lstsq(A, y, rcond=None)[0]) ** 2))
    losses = [[] for _ in range(n)]
    for _ in range(n_boot):
        rows = rng.integers(0, n, size=n)
        c = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        for i in set(range(n)) - set(rows.tolist()):
            losses[i].append(float((y[i] - A[i] @ c) ** 2))
    err1 = float(np.mean([np.mean(v) for v in losses if v]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1,
            "n_oob": np.array([len(v) for v in losses])}


# %% alternative: rng.choice for the indices, a sort-based quantile, pseudo-inverse least squares with bincount masks
import numpy as np
import mlmathkit_fixtures as fx


def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    x = np.asarray(x, dtype=float)
    reps = np.asarray(fx.lookup(statistic)(x[rng.choice(x.size, size=(n_boot, x.size))], axis=-1))
    s = np.sort(reps)

    def q(p):  # numpy's default (linear) quantile, written out
        h = (n_boot - 1) * p
        lo = int(np.floor(h))
        hi = min(lo + 1, n_boot - 1)
        return s[lo] + (h - lo) * (s[hi] - s[lo])

    return {"replicates": reps, "se": float(np.sqrt(np.var(reps) * n_boot / (n_boot - 1))), "ci": np.array([q(alpha / 2), q(1 - alpha / 2)])}


def bootstrap_632(X, y, n_boot, rng):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n = y.size
    A = np.column_stack([np.ones(n), X])

    def fit(rows):  # the pseudo-inverse: minimum-norm least squares, also for rank-deficient samples
        return np.linalg.pinv(A[rows]) @ y[rows]

    err_train = float(np.mean((y - A @ fit(np.arange(n))) ** 2))
    idx = rng.choice(n, size=(n_boot, n))
    counts = np.array([np.bincount(r, minlength=n) for r in idx])
    out = counts == 0
    loss = np.array([(y - A @ fit(r)) ** 2 for r in idx])
    n_oob = out.sum(axis=0)
    seen = n_oob > 0
    err1 = float(np.mean((loss * out).sum(axis=0)[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err1, "err_632": 0.368 * err_train + 0.632 * err1, "n_oob": n_oob}
