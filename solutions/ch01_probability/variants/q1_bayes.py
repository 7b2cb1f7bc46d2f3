# %% mistake: multiplies raw likelihoods (underflows to 0/0 on long sequences)
import numpy as np


def bayes_posterior(prior, likelihoods):
    joint = np.asarray(prior) * np.prod(likelihoods, axis=0)
    return joint / joint.sum()


# %% mistake: forgets to normalise (returns the joint, not the posterior)
import numpy as np


def bayes_posterior(prior, likelihoods):
    return np.exp(np.log(prior) + np.log(likelihoods).sum(axis=0))


# %% mistake: ignores the prior (normalised likelihood)
import numpy as np
from scipy.special import softmax


def bayes_posterior(prior, likelihoods):
    return softmax(np.log(likelihoods).sum(axis=0))


# %% mistake: adds likelihoods across observations instead of multiplying
import numpy as np


def bayes_posterior(prior, likelihoods):
    joint = np.asarray(prior) * np.sum(likelihoods, axis=0)
    return joint / joint.sum()


# %% alternative: sequential updating, renormalising after every observation (loop)
import numpy as np


def bayes_posterior(prior, likelihoods):
    post = np.array(prior, dtype=float)
    for row in np.asarray(likelihoods, dtype=float):
        post = post * row
        post = post / post.sum()
    return post


# %% alternative: float32 log space with scipy.special.logsumexp
import numpy as np
from scipy.special import logsumexp


def bayes_posterior(prior, likelihoods):
    with np.errstate(divide="ignore"):
        ell = np.log(np.asarray(prior, np.float32)) + np.log(np.asarray(likelihoods, np.float32)).sum(axis=0)
    return np.exp(ell - logsumexp(ell)).astype(np.float32)


# %% alternative: torch tensors and torch.softmax
import numpy as np
import torch


def bayes_posterior(prior, likelihoods):
    ell = torch.log(torch.as_tensor(prior)) + torch.log(torch.as_tensor(likelihoods)).sum(dim=0)
    return torch.softmax(ell, dim=0)
