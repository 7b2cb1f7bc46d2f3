# %% mistake: applies the smoother from the wrong side (its transpose), which differs whenever the smoother is not symmetric
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S, f = np.asarray(S, dtype=float), np.asarray(f, dtype=float)
    z = rng.standard_normal(size=(n_reps, 2, f.size))
    y, y_new = f + sigma * z[:, 0], f + sigma * z[:, 1]
    fit = y @ S
    err, err_in = np.mean((y - fit) ** 2, axis=1), np.mean((y_new - fit) ** 2, axis=1)
    cov = ((fit - fit.mean(0)) * (y - y.mean(0))).sum(0) / (n_reps - 1)
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)), "df_cov": float(cov.sum() / sigma**2),
            "theory": float(2 * sigma**2 * np.trace(S) / f.size)}


# %% mistake: scores the fit against the same noisy responses it was made from, so the in-sample error equals the training error and the optimism vanishes
import numpy as np

_reference_opt = optimism_mc


def optimism_mc(S, f, sigma, n_reps, rng):
    out = dict(_reference_opt(S, f, sigma, n_reps, rng))
    out["err_in"] = out["err"].copy()
    out["optimism"] = 0.0
    return out


# %% mistake: scores the in-sample error against the noiseless f instead of new noisy responses, so it misses the noise variance
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S, f = np.asarray(S, dtype=float), np.asarray(f, dtype=float)
    z = rng.standard_normal(size=(n_reps, 2, f.size))
    y = f + sigma * z[:, 0]
    fit = y @ S.T
    err, err_in = np.mean((y - fit) ** 2, axis=1), np.mean((f - fit) ** 2, axis=1)
    cov = ((fit - fit.mean(0)) * (y - y.mean(0))).sum(0) / (n_reps - 1)
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)), "df_cov": float(cov.sum() / sigma**2),
            "theory": float(2 * sigma**2 * np.trace(S) / f.size)}


# %% mistake: uses the second noise vector of each replicate for the training responses and the first for the new ones, not the draws the docstring fixes
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S, f = np.asarray(S, dtype=float), np.asarray(f, dtype=float)
    z = rng.standard_normal(size=(n_reps, 2, f.size))
    y, y_new = f + sigma * z[:, 1], f + sigma * z[:, 0]
    fit = y @ S.T
    err, err_in = np.mean((y - fit) ** 2, axis=1), np.mean((y_new - fit) ** 2, axis=1)
    cov = ((fit - fit.mean(0)) * (y - y.mean(0))).sum(0) / (n_reps - 1)
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)), "df_cov": float(cov.sum() / sigma**2),
            "theory": float(2 * sigma**2 * np.trace(S) / f.size)}


# %% mistake: forgets to divide the summed covariances by sigma^2, so the degrees of freedom carry the units of the noise variance
import numpy as np

_reference_opt = optimism_mc


def optimism_mc(S, f, sigma, n_reps, rng):
    out = dict(_reference_opt(S, f, sigma, n_reps, rng))
    out["df_cov"] = out["df_cov"] * sigma**2
    return out


# %% mistake: divides the summed covariance products by R, which is not the sample covariance the docstring defines (biased low for few replicates)
import numpy as np

_reference_opt = optimism_mc


def optimism_mc(S, f, sigma, n_reps, rng):
    out = dict(_reference_opt(S, f, sigma, n_reps, rng))
    out["df_cov"] = out["df_cov"] * (n_reps - 1) / n_reps
    return out


# %% mistake: uses the noise standard deviation where the theoretical optimism has the noise variance
import numpy as np

_reference_opt = optimism_mc


def optimism_mc(S, f, sigma, n_reps, rng):
    out = dict(_reference_opt(S, f, sigma, n_reps, rng))
    out["theory"] = float(2 * sigma * np.trace(np.asarray(S)) / np.asarray(f).size)
    return out


# %% mistake: draws the training noise and the new noise in two separate calls, which takes the random numbers in a different order than the docstring fixes
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S, f = np.asarray(S, dtype=float), np.asarray(f, dtype=float)
    y = f + sigma * rng.standard_normal(size=(n_reps, f.size))
    y_new = f + sigma * rng.standard_normal(size=(n_reps, f.size))
    fit = y @ S.T
    err, err_in = np.mean((y - fit) ** 2, axis=1), np.mean((y_new - fit) ** 2, axis=1)
    cov = ((fit - fit.mean(0)) * (y - y.mean(0))).sum(0) / (n_reps - 1)
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)), "df_cov": float(cov.sum() / sigma**2),
            "theory": float(2 * sigma**2 * np.trace(S) / f.size)}


# %% alternative: float32 arithmetic after drawing in float64
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S32, f32 = np.asarray(S, dtype=np.float32), np.asarray(f, dtype=np.float32)
    z = rng.standard_normal(size=(n_reps, 2, f32.size)).astype(np.float32)
    s = np.float32(sigma)
    y, y_new = f32 + s * z[:, 0], f32 + s * z[:, 1]
    fit = y @ S32.T
    err, err_in = np.mean((y - fit) ** 2, axis=1), np.mean((y_new - fit) ** 2, axis=1)
    cov = ((fit - fit.mean(0)) * (y - y.mean(0))).sum(0) / np.float32(n_reps - 1)
    return {"err": err, "err_in": err_in, "optimism": np.mean(err_in - err), "df_cov": cov.sum() / s**2,
            "theory": 2 * s**2 * np.trace(S32) / np.float32(f32.size)}


# %% alternative: a loop over replicates drawing rng.standard_normal((2, n)) each time (the same stream), np.cov for the covariances
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S, f = np.asarray(S, dtype=float), np.asarray(f, dtype=float)
    n = f.size
    err, err_in, fits, ys = [], [], [], []
    for _ in range(n_reps):
        z = rng.standard_normal((2, n))
        y, y_new = f + sigma * z[0], f + sigma * z[1]
        fit = S @ y
        err.append(float(np.sum((y - fit) ** 2) / n))
        err_in.append(float(np.sum((y_new - fit) ** 2) / n))
        fits.append(fit)
        ys.append(y)
    fits, ys = np.array(fits), np.array(ys)
    df_cov = sum(np.cov(fits[:, i], ys[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": np.array(err), "err_in": np.array(err_in), "optimism": float(np.mean(np.array(err_in) - np.array(err))),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * float(np.trace(S)) / n}
