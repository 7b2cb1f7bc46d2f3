# %% mistake: Fits computed as Y @ S for responses stacked in rows: that is S^T y, not S y, and a smoother need not be symmetric (nearest neighbours are not)
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y = f + sigma * z[:, 0]
    Y_new = f + sigma * z[:, 1]
    fits = Y @ S
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    df_cov = sum(np.cov(fits[:, i], Y[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * np.trace(S) / n}


# %% mistake: Scores the new responses against a fit refitted to them (S y_new): Err_in needs the fit made from the TRAINING y, so the optimism vanishes
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y = f + sigma * z[:, 0]
    Y_new = f + sigma * z[:, 1]
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - Y_new @ S.T) ** 2, axis=1)
    df_cov = sum(np.cov(fits[:, i], Y[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * np.trace(S) / n}


# %% mistake: Covariances over replicates with 1/R (np.mean of centred products) instead of the sample covariance with 1/(R - 1)
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y = f + sigma * z[:, 0]
    Y_new = f + sigma * z[:, 1]
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    cov = np.mean((fits - fits.mean(axis=0)) * (Y - Y.mean(axis=0)), axis=0)
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(cov.sum() / sigma**2), "theory": 2 * sigma**2 * np.trace(S) / n}


# %% mistake: Divides the summed covariances by sigma instead of sigma^2: Cov(yhat_i, y_i) = sigma^2 S_ii, so df_cov is off by a factor sigma
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y = f + sigma * z[:, 0]
    Y_new = f + sigma * z[:, 1]
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    df_cov = sum(np.cov(fits[:, i], Y[:, i])[0, 1] for i in range(n)) / sigma
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * np.trace(S) / n}


# %% mistake: Theoretical optimism 2 sigma tr(S)/n with the standard deviation: the optimism is 2 sigma^2 df / n, the noise VARIANCE
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y = f + sigma * z[:, 0]
    Y_new = f + sigma * z[:, 1]
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    df_cov = sum(np.cov(fits[:, i], Y[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(df_cov), "theory": 2 * sigma * np.trace(S) / n}


# %% mistake: Theory uses the rank of S as its degrees of freedom: for a smoother that is not a projection, df = tr(S), not rank(S)
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y = f + sigma * z[:, 0]
    Y_new = f + sigma * z[:, 1]
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    df_cov = sum(np.cov(fits[:, i], Y[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * np.linalg.matrix_rank(S) / n}


# %% mistake: Draws z with shape (2, R, n) (all training noise first, then all new noise): not the prescribed (R, 2, n) draw, so every replicate differs
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(2, n_reps, n))
    Y = f + sigma * z[0]
    Y_new = f + sigma * z[1]
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    df_cov = sum(np.cov(fits[:, i], Y[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * np.trace(S) / n}


# %% mistake: Two separate draws (training noise, then new noise): the docstring prescribes ONE call of shape (R, 2, n), so the replicates do not match
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    Y = f + sigma * rng.standard_normal(size=(n_reps, n))
    Y_new = f + sigma * rng.standard_normal(size=(n_reps, n))
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    df_cov = sum(np.cov(fits[:, i], Y[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * np.trace(S) / n}


# %% mistake: Reports tr(S) as df_cov instead of estimating it from the replicates: df_cov is the Monte Carlo covariance estimate, not the theory
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y = f + sigma * z[:, 0]
    Y_new = f + sigma * z[:, 1]
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(np.trace(S)), "theory": 2 * sigma**2 * np.trace(S) / n}


# %% mistake: Covariance of each fit with the NEW responses y_new: the fit never saw them, so this is ~0; df is the covariance with the training y
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y = f + sigma * z[:, 0]
    Y_new = f + sigma * z[:, 1]
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    df_cov = sum(np.cov(fits[:, i], Y_new[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * np.trace(S) / n}


# %% mistake: Training and in-sample errors summed over the n points instead of averaged: both are MEAN squared errors (1/n)
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y = f + sigma * z[:, 0]
    Y_new = f + sigma * z[:, 1]
    fits = Y @ S.T
    err = np.sum((Y - fits) ** 2, axis=1)
    err_in = np.sum((Y_new - fits) ** 2, axis=1)
    df_cov = sum(np.cov(fits[:, i], Y[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * np.trace(S) / n}


# %% mistake: y = f then y += noise inside the loop: y is the caller's array f itself, so f is modified and every replicate adds noise to the last one
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    err, err_in, fits, ys = [], [], [], []
    for r in range(n_reps):
        y = f
        y += sigma * z[r, 0]
        y_new = f + sigma * z[r, 1]
        fit = S @ y
        err.append(np.mean((y - fit) ** 2))
        err_in.append(np.mean((y_new - fit) ** 2))
        fits.append(fit)
        ys.append(y.copy())
    fits, ys = np.array(fits), np.array(ys)
    df_cov = sum(np.cov(fits[:, i], ys[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": np.array(err), "err_in": np.array(err_in), "optimism": float(np.mean(np.array(err_in) - np.array(err))),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * np.trace(S) / n}


# %% mistake: Optimism as the mean training error minus the mean in-sample error (sign flipped): the training error is the optimistic, smaller one
import numpy as np


def optimism_mc(S, f, sigma, n_reps, rng):
    S = np.asarray(S, dtype=np.float64)
    f = np.asarray(f, dtype=np.float64)
    n = len(f)
    z = rng.standard_normal(size=(n_reps, 2, n))
    Y = f + sigma * z[:, 0]
    Y_new = f + sigma * z[:, 1]
    fits = Y @ S.T
    err = np.mean((Y - fits) ** 2, axis=1)
    err_in = np.mean((Y_new - fits) ** 2, axis=1)
    df_cov = sum(np.cov(fits[:, i], Y[:, i])[0, 1] for i in range(n)) / sigma**2
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err - err_in)),
            "df_cov": float(df_cov), "theory": 2 * sigma**2 * np.trace(S) / n}
