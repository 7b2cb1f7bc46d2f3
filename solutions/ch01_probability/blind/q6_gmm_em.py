# %% mistake: normalises the responsibilities in probability space (exp, then divide), so a point far from every component gives 0/0 = nan
import numpy as np


def gmm_e_step(X, weights, means, covs):
    X = np.asarray(X, dtype=float)
    K = len(weights)
    log_joint = np.column_stack([np.log(weights[k]) + mvn_logpdf(X, means[k], covs[k]) for k in range(K)])
    joint = np.exp(log_joint)
    totals = joint.sum(axis=1, keepdims=True)
    resp = joint / totals
    return resp, float(np.mean(np.log(totals)))


# %% mistake: forgets the log mixing weights log pi_k, so components are treated as equally likely in both resp and the log-likelihood
import numpy as np
from scipy.special import logsumexp


def gmm_e_step(X, weights, means, covs):
    X = np.asarray(X, dtype=float)
    K = len(weights)
    log_dens = np.column_stack([mvn_logpdf(X, means[k], covs[k]) for k in range(K)])
    norm = logsumexp(log_dens, axis=1, keepdims=True)
    return np.exp(log_dens - norm), float(np.mean(norm))


# %% mistake: returns the total log-likelihood (sum over points) instead of the mean over points
import numpy as np
from scipy.special import logsumexp


def gmm_e_step(X, weights, means, covs):
    X = np.asarray(X, dtype=float)
    K = len(weights)
    log_joint = np.column_stack([np.log(weights[k]) + mvn_logpdf(X, means[k], covs[k]) for k in range(K)])
    norm = logsumexp(log_joint, axis=1, keepdims=True)
    return np.exp(log_joint - norm), float(np.sum(norm))


# %% mistake: takes the max over components instead of the log-sum-exp for the log-likelihood (a hard-assignment bound, not log p(x))
import numpy as np
from scipy.special import logsumexp


def gmm_e_step(X, weights, means, covs):
    X = np.asarray(X, dtype=float)
    K = len(weights)
    log_joint = np.column_stack([np.log(weights[k]) + mvn_logpdf(X, means[k], covs[k]) for k in range(K)])
    norm = logsumexp(log_joint, axis=1, keepdims=True)
    return np.exp(log_joint - norm), float(np.mean(np.max(log_joint, axis=1)))


# %% mistake: normalises the responsibilities over the points (axis 0) instead of over the components, so columns sum to 1 instead of rows
import numpy as np
from scipy.special import logsumexp


def gmm_e_step(X, weights, means, covs):
    X = np.asarray(X, dtype=float)
    K = len(weights)
    log_joint = np.column_stack([np.log(weights[k]) + mvn_logpdf(X, means[k], covs[k]) for k in range(K)])
    resp = np.exp(log_joint - logsumexp(log_joint, axis=0, keepdims=True))
    return resp, float(np.mean(logsumexp(log_joint, axis=1)))


# %% mistake: returns the log responsibilities instead of the responsibilities themselves
import numpy as np
from scipy.special import logsumexp


def gmm_e_step(X, weights, means, covs):
    X = np.asarray(X, dtype=float)
    K = len(weights)
    log_joint = np.column_stack([np.log(weights[k]) + mvn_logpdf(X, means[k], covs[k]) for k in range(K)])
    norm = logsumexp(log_joint, axis=1, keepdims=True)
    return log_joint - norm, float(np.mean(norm))


# %% mistake: computes each new covariance around the OLD means instead of the freshly updated ones
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    resp, ll = gmm_e_step(X, weights, means, covs)
    trace = [ll]
    for _ in range(n_iter):
        Nk = resp.sum(axis=0)
        new_means = resp.T @ X / Nk[:, None]
        new_covs = np.empty_like(covs)
        for k in range(len(Nk)):
            diff = X - means[k]
            new_covs[k] = (resp[:, k, None] * diff).T @ diff / Nk[k] + reg_covar * np.eye(d)
        weights, means, covs = Nk / n, new_means, new_covs
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: never adds reg_covar * I to the new covariances, so the M-step is unregularised and a collapsing component can become singular
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    resp, ll = gmm_e_step(X, weights, means, covs)
    trace = [ll]
    for _ in range(n_iter):
        Nk = resp.sum(axis=0)
        means = resp.T @ X / Nk[:, None]
        covs = np.empty((len(Nk), d, d))
        for k in range(len(Nk)):
            diff = X - means[k]
            covs[k] = (resp[:, k, None] * diff).T @ diff / Nk[k]
        weights = Nk / n
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: adds reg_covar to every entry of the covariance matrix instead of only to its diagonal (reg_covar * I)
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    resp, ll = gmm_e_step(X, weights, means, covs)
    trace = [ll]
    for _ in range(n_iter):
        Nk = resp.sum(axis=0)
        means = resp.T @ X / Nk[:, None]
        covs = np.empty((len(Nk), d, d))
        for k in range(len(Nk)):
            diff = X - means[k]
            covs[k] = (resp[:, k, None] * diff).T @ diff / Nk[k] + reg_covar
        weights = Nk / n
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: records only the log-likelihood of each E-step before the M-step, so the trace has n_iter entries and misses the final parameters
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    trace = []
    for _ in range(n_iter):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
        Nk = resp.sum(axis=0)
        means = resp.T @ X / Nk[:, None]
        covs = np.empty((len(Nk), d, d))
        for k in range(len(Nk)):
            diff = X - means[k]
            covs[k] = (resp[:, k, None] * diff).T @ diff / Nk[k] + reg_covar * np.eye(d)
        weights = Nk / n
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: loops n_iter + 1 times to get n_iter + 1 trace entries, so the returned parameters are one EM iteration too far
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    trace = []
    for _ in range(n_iter + 1):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
        Nk = resp.sum(axis=0)
        means = resp.T @ X / Nk[:, None]
        covs = np.empty((len(Nk), d, d))
        for k in range(len(Nk)):
            diff = X - means[k]
            covs[k] = (resp[:, k, None] * diff).T @ diff / Nk[k] + reg_covar * np.eye(d)
        weights = Nk / n
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: divides the weighted sums for the means by n instead of by N_k, shrinking every mean towards the origin
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    resp, ll = gmm_e_step(X, weights, means, covs)
    trace = [ll]
    for _ in range(n_iter):
        Nk = resp.sum(axis=0)
        means = resp.T @ X / n
        covs = np.empty((len(Nk), d, d))
        for k in range(len(Nk)):
            diff = X - means[k]
            covs[k] = (resp[:, k, None] * diff).T @ diff / Nk[k] + reg_covar * np.eye(d)
        weights = Nk / n
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: forgets to weight the outer products by r_ik in the covariance (uses every point fully), while still dividing by N_k
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    resp, ll = gmm_e_step(X, weights, means, covs)
    trace = [ll]
    for _ in range(n_iter):
        Nk = resp.sum(axis=0)
        means = resp.T @ X / Nk[:, None]
        covs = np.empty((len(Nk), d, d))
        for k in range(len(Nk)):
            diff = X - means[k]
            covs[k] = diff.T @ diff / Nk[k] + reg_covar * np.eye(d)
        weights = Nk / n
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: sets the mixing weights to N_k without dividing by n, so they do not sum to 1 (and the next E-step is off)
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    resp, ll = gmm_e_step(X, weights, means, covs)
    trace = [ll]
    for _ in range(n_iter):
        Nk = resp.sum(axis=0)
        means = resp.T @ X / Nk[:, None]
        covs = np.empty((len(Nk), d, d))
        for k in range(len(Nk)):
            diff = X - means[k]
            covs[k] = (resp[:, k, None] * diff).T @ diff / Nk[k] + reg_covar * np.eye(d)
        weights = Nk
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: writes the M-step into the caller's means and covs arrays in place, overwriting the initial parameters it was given
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    resp, ll = gmm_e_step(X, weights, means, covs)
    trace = [ll]
    for _ in range(n_iter):
        Nk = resp.sum(axis=0)
        for k in range(len(Nk)):
            means[k] = resp[:, k] @ X / Nk[k]
            diff = X - means[k]
            covs[k] = (resp[:, k, None] * diff).T @ diff / Nk[k] + reg_covar * np.eye(d)
        weights = Nk / n
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}
