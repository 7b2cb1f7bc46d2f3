# %% mistake: E-step normalises densities in probability space (0/0 far from every component)
import numpy as np


def gmm_e_step(X, weights, means, covs):
    dens = np.column_stack([weights[k] * np.exp(mvn_logpdf(X, means[k], covs[k])) for k in range(len(weights))])
    px = dens.sum(axis=1, keepdims=True)
    return dens / px, float(np.mean(np.log(px)))


# %% mistake: E-step forgets the mixing weights pi_k
import numpy as np
from scipy.special import logsumexp


def gmm_e_step(X, weights, means, covs):
    log_dens = np.column_stack([mvn_logpdf(X, means[k], covs[k]) for k in range(len(weights))])
    lse = logsumexp(log_dens, axis=1, keepdims=True)
    log_px = logsumexp(log_dens + np.log(weights), axis=1)
    return np.exp(log_dens - lse), float(log_px.mean())


# %% mistake: E-step returns the summed log-likelihood instead of the mean
import numpy as np
from scipy.special import logsumexp


def gmm_e_step(X, weights, means, covs):
    log_joint = np.column_stack([np.log(weights[k]) + mvn_logpdf(X, means[k], covs[k]) for k in range(len(weights))])
    lse = logsumexp(log_joint, axis=1, keepdims=True)
    return np.exp(log_joint - lse), float(lse.sum())


# %% mistake: M-step covariance around the old means (before the mean update)
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    trace = []
    for _ in range(n_iter):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
        Nk = resp.sum(axis=0)
        for k in range(len(Nk)):
            D = X - means[k]  # old mean
            covs[k] = (resp[:, k, None] * D).T @ D / Nk[k] + reg_covar * np.eye(X.shape[1])
        weights, means = Nk / len(X), resp.T @ X / Nk[:, None]
    trace.append(gmm_e_step(X, weights, means, covs)[1])
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: M-step divides the covariances by n instead of N_k
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    trace = []
    for _ in range(n_iter):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
        Nk = resp.sum(axis=0)
        weights, means = Nk / len(X), resp.T @ X / Nk[:, None]
        for k in range(len(Nk)):
            D = X - means[k]
            covs[k] = (resp[:, k, None] * D).T @ D / len(X) + reg_covar * np.eye(X.shape[1])
    trace.append(gmm_e_step(X, weights, means, covs)[1])
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: forgets reg_covar
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    trace = []
    for _ in range(n_iter):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
        Nk = resp.sum(axis=0)
        weights, means = Nk / len(X), resp.T @ X / Nk[:, None]
        for k in range(len(Nk)):
            D = X - means[k]
            covs[k] = (resp[:, k, None] * D).T @ D / Nk[k]
    trace.append(gmm_e_step(X, weights, means, covs)[1])
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: records the log-likelihood only before each M-step (trace misses the final parameters)
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    trace = []
    for _ in range(n_iter):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
        Nk = resp.sum(axis=0)
        weights, means = Nk / len(X), resp.T @ X / Nk[:, None]
        for k in range(len(Nk)):
            D = X - means[k]
            covs[k] = (resp[:, k, None] * D).T @ D / Nk[k] + reg_covar * np.eye(X.shape[1])
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% mistake: mixing weights set to N_k instead of N_k / n
import numpy as np


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    weights, means, covs = np.array(weights, float), np.array(means, float), np.array(covs, float)
    trace = []
    for _ in range(n_iter):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
        Nk = resp.sum(axis=0)
        weights, means = Nk, resp.T @ X / Nk[:, None]
        for k in range(len(Nk)):
            D = X - means[k]
            covs[k] = (resp[:, k, None] * D).T @ D / Nk[k] + reg_covar * np.eye(X.shape[1])
    trace.append(gmm_e_step(X, weights, means, covs)[1])
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% alternative: float32 arithmetic throughout (own log-density, no mvn_logpdf)
import numpy as np


def gmm_e_step(X, weights, means, covs):
    X, weights, means, covs = (np.asarray(a, dtype=np.float32) for a in (X, weights, means, covs))
    cols = []
    for k in range(len(weights)):
        L = np.linalg.cholesky(covs[k])
        Z = np.linalg.solve(L, (X - means[k]).T)
        cols.append(np.log(weights[k]) - np.log(np.diag(L)).sum()
                    - np.float32(0.5) * (X.shape[1] * np.float32(np.log(2 * np.pi)) + (Z**2).sum(axis=0)))
    log_joint = np.column_stack(cols)
    m = log_joint.max(axis=1, keepdims=True)
    log_px = m + np.log(np.exp(log_joint - m).sum(axis=1, keepdims=True))
    return np.exp(log_joint - log_px), log_px.mean()


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = np.asarray(X, dtype=np.float32)
    weights, means, covs = (np.array(a, dtype=np.float32) for a in (weights, means, covs))
    trace = []
    for _ in range(n_iter):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
        Nk = resp.sum(axis=0)
        weights, means = Nk / np.float32(len(X)), resp.T @ X / Nk[:, None]
        covs = np.stack([(resp[:, k, None] * (X - means[k])).T @ (X - means[k]) / Nk[k]
                         + np.float32(reg_covar) * np.eye(X.shape[1], dtype=np.float32) for k in range(len(Nk))])
    trace.append(gmm_e_step(X, weights, means, covs)[1])
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}


# %% alternative: torch (float64) with torch.distributions and torch.logsumexp; list-returning EM
import numpy as np
import torch


def gmm_e_step(X, weights, means, covs):
    X, weights, means, covs = (torch.as_tensor(np.asarray(a, dtype=float)) for a in (X, weights, means, covs))
    comp = torch.distributions.MultivariateNormal(means, covariance_matrix=covs)
    log_joint = torch.log(weights) + comp.log_prob(X[:, None, :])
    log_px = torch.logsumexp(log_joint, dim=1, keepdim=True)
    return torch.exp(log_joint - log_px), log_px.mean()


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    X = torch.as_tensor(np.asarray(X, dtype=float))
    weights, means, covs = (torch.as_tensor(np.asarray(a, dtype=float)) for a in (weights, means, covs))
    trace = []
    for _ in range(n_iter):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(float(ll))
        Nk = resp.sum(dim=0)
        weights, means = Nk / X.shape[0], resp.T @ X / Nk[:, None]
        D = X[None, :, :] - means[:, None, :]  # (K, n, d)
        covs = torch.einsum("nk,kni,knj->kij", resp, D, D) / Nk[:, None, None] + reg_covar * torch.eye(X.shape[1])
    trace.append(float(gmm_e_step(X, weights, means, covs)[1]))
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": trace}


# %% alternative: components listed in reverse order, loops over points and slogdet/solve
import numpy as np
from scipy.special import logsumexp


def gmm_e_step(X, weights, means, covs):
    X = np.asarray(X, dtype=float)
    log_joint = np.empty((len(X), len(weights)))
    for k in range(len(weights)):
        _, log_det = np.linalg.slogdet(covs[k])
        for i, x in enumerate(X):
            diff = x - means[k]
            quad = diff @ np.linalg.solve(covs[k], diff)
            log_joint[i, k] = np.log(weights[k]) - 0.5 * (len(x) * np.log(2 * np.pi) + log_det + quad)
    log_px = logsumexp(log_joint, axis=1)
    return np.exp(log_joint - log_px[:, None]), log_px.mean()


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    # a correct implementation may reorder the components: return them reversed
    X = np.asarray(X, dtype=float)
    weights, means, covs = (np.array(a, dtype=float)[::-1] for a in (weights, means, covs))
    trace = []
    for _ in range(n_iter + 1):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
        if len(trace) > n_iter:
            break
        Nk = resp.sum(axis=0)
        weights = Nk / len(X)
        means = np.array([resp[:, k] @ X / Nk[k] for k in range(len(Nk))])
        covs = np.array([sum(resp[i, k] * np.outer(X[i] - means[k], X[i] - means[k]) for i in range(len(X))) / Nk[k]
                         + reg_covar * np.eye(X.shape[1]) for k in range(len(Nk))])
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}
