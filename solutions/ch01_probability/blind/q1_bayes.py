# %% mistake: multiplies the raw likelihoods with np.prod, which underflows to 0 for thousands of observations and gives 0/0 = nan
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.asarray(likelihoods, dtype=float)
    unnormalised = prior * np.prod(likelihoods, axis=0)
    return unnormalised / unnormalised.sum()


# %% mistake: goes to log space but exponentiates without subtracting the max, so every exp(l_k) underflows to 0 and the result is nan
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.asarray(likelihoods, dtype=float)
    with np.errstate(divide="ignore"):
        log_joint = np.log(prior) + np.log(likelihoods).sum(axis=0)
    joint = np.exp(log_joint)
    return joint / joint.sum()


# %% mistake: subtracts the minimum of the log joint instead of the maximum, so exp overflows (or -inf - -inf gives nan with a zero prior)
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.asarray(likelihoods, dtype=float)
    with np.errstate(divide="ignore"):
        log_joint = np.log(prior) + np.log(likelihoods).sum(axis=0)
    shifted = np.exp(log_joint - np.min(log_joint))
    return shifted / shifted.sum()


# %% mistake: forgets the prior and normalises the likelihood alone, which is only right when the prior is uniform
import numpy as np


def bayes_posterior(prior, likelihoods):
    likelihoods = np.asarray(likelihoods, dtype=float)
    with np.errstate(divide="ignore"):
        log_lik = np.log(likelihoods).sum(axis=0)
    m = np.max(log_lik)
    w = np.exp(log_lik - m)
    return w / w.sum()


# %% mistake: sums the log-likelihoods over the hypothesis axis (axis=1) instead of over the observations, mixing up the (n, K) layout
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.asarray(likelihoods, dtype=float)
    with np.errstate(divide="ignore"):
        log_joint = np.log(prior) + np.log(likelihoods).sum(axis=1)
    m = np.max(log_joint)
    w = np.exp(log_joint - m)
    return w / w.sum()


# %% mistake: adds a small epsilon inside the log to avoid log(0), so an impossible hypothesis (prior 0) can still win after many observations
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.asarray(likelihoods, dtype=float)
    eps = 1e-12
    log_joint = np.log(prior + eps) + np.log(likelihoods + eps).sum(axis=0)
    m = np.max(log_joint)
    w = np.exp(log_joint - m)
    return w / w.sum()


# %% mistake: clips likelihoods to at least 1e-10 before the log, which revives zero-likelihood hypotheses and distorts genuinely tiny likelihoods
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.clip(np.asarray(likelihoods, dtype=float), 1e-10, None)
    with np.errstate(divide="ignore"):
        log_joint = np.log(prior) + np.log(likelihoods).sum(axis=0)
    m = np.max(log_joint)
    w = np.exp(log_joint - m)
    return w / w.sum()


# %% mistake: log-sum-exp forgets to add the max back, so the returned vector is off by the factor exp(max) and does not sum to 1
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.asarray(likelihoods, dtype=float)
    with np.errstate(divide="ignore"):
        log_joint = np.log(prior) + np.log(likelihoods).sum(axis=0)
    m = np.max(log_joint)
    log_norm = np.log(np.sum(np.exp(log_joint - m)))
    return np.exp(log_joint - log_norm)


# %% mistake: returns the log posterior instead of the posterior probabilities (the question is 'in log space', but the output must be probabilities)
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.asarray(likelihoods, dtype=float)
    with np.errstate(divide="ignore"):
        log_joint = np.log(prior) + np.log(likelihoods).sum(axis=0)
    m = np.max(log_joint)
    return log_joint - (m + np.log(np.sum(np.exp(log_joint - m))))


# %% mistake: adds the likelihoods of the observations instead of multiplying them; right for one observation (the worked example) only
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.asarray(likelihoods, dtype=float)
    unnormalised = prior * likelihoods.sum(axis=0)
    return unnormalised / unnormalised.sum()


# %% mistake: averages the log-likelihoods over observations instead of summing them, which flattens the posterior as if only one point were seen
import numpy as np


def bayes_posterior(prior, likelihoods):
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.asarray(likelihoods, dtype=float)
    with np.errstate(divide="ignore"):
        log_joint = np.log(prior) + np.log(likelihoods).mean(axis=0)
    m = np.max(log_joint)
    w = np.exp(log_joint - m)
    return w / w.sum()
