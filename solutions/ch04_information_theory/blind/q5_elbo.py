# %% mistake: Treats log_var as the log of the standard deviation (variance = exp(2 log_var)); the encoder outputs the log-VARIANCE.
import numpy as np


def kl_to_standard_normal(mu, log_var):
    var = np.exp(2 * log_var)
    return 0.5 * np.sum(var + mu ** 2 - 1 - np.log(var), axis=1)


# %% mistake: Averages over the k latent coordinates instead of summing: the KL of independent coordinates is the SUM of their KLs.
import numpy as np


def kl_to_standard_normal(mu, log_var):
    return 0.5 * np.mean(np.exp(log_var) + mu ** 2 - 1 - log_var, axis=1)


# %% mistake: Sums along axis 0 (over the batch) instead of axis 1 (over latent coordinates): one number per coordinate, silently wrong when n == k.
import numpy as np


def kl_to_standard_normal(mu, log_var):
    return 0.5 * np.sum(np.exp(log_var) + mu ** 2 - 1 - log_var, axis=0)


# %% mistake: Sums over the whole batch and returns a single number; the function must return one KL per data point, shape (n,).
import numpy as np


def kl_to_standard_normal(mu, log_var):
    return float(0.5 * np.sum(np.exp(log_var) + mu ** 2 - 1 - log_var))


# %% mistake: Forgets the -1 in each coordinate's term, so KL(N(0, I) || N(0, I)) comes out k/2 instead of 0.
import numpy as np


def kl_to_standard_normal(mu, log_var):
    return 0.5 * np.sum(np.exp(log_var) + mu ** 2 - log_var, axis=1)


# %% mistake: Adds log_var instead of subtracting it (sign of the -log sigma^2 term), so the KL can even be negative.
import numpy as np


def kl_to_standard_normal(mu, log_var):
    return 0.5 * np.sum(np.exp(log_var) + mu ** 2 - 1 + log_var, axis=1)


# %% mistake: Drops the factor 1/2 in front of the sum, doubling the KL.
import numpy as np


def kl_to_standard_normal(mu, log_var):
    return np.sum(np.exp(log_var) + mu ** 2 - 1 - log_var, axis=1)


# %% mistake: Treats log_var as the variance itself (sigma^2 = log_var): a log-variance <= 0 then gives the log of a non-positive number (nan or inf).
import numpy as np


def kl_to_standard_normal(mu, log_var):
    var = log_var
    return 0.5 * np.sum(var + mu ** 2 - 1 - np.log(var), axis=1)


# %% mistake: Scales the noise by the variance exp(log_var) rather than by the standard deviation, so z does not have the law q.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    z = mu + np.exp(log_var) * eps
    r = x - (z @ W.T + b)
    logp = -0.5 * (np.sum(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return logp.mean(axis=0) - kl_to_standard_normal(mu, log_var)


# %% mistake: Drops the normalising constant D log(2 pi sigma^2) of the Gaussian likelihood: fine for gradients in W, but it is part of the bound.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    z = mu + np.exp(0.5 * log_var) * eps
    r = x - (z @ W.T + b)
    logp = -0.5 * np.sum(r ** 2, axis=-1) / noise_var
    return logp.mean(axis=0) - kl_to_standard_normal(mu, log_var)


# %% mistake: Adds the KL term instead of subtracting it: ELBO = E[log p(x|z)] - KL(q || p(z)).
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    z = mu + np.exp(0.5 * log_var) * eps
    r = x - (z @ W.T + b)
    logp = -0.5 * (np.sum(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return logp.mean(axis=0) + kl_to_standard_normal(mu, log_var)


# %% mistake: Treats noise_var as the decoder's standard deviation (squares it), but it is already the variance sigma^2.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    z = mu + np.exp(0.5 * log_var) * eps
    r = x - (z @ W.T + b)
    s2 = noise_var ** 2
    logp = -0.5 * (np.sum(r ** 2, axis=-1) / s2 + D * np.log(2 * np.pi * s2))
    return logp.mean(axis=0) - kl_to_standard_normal(mu, log_var)


# %% mistake: Sums log p(x | z_s) over the S samples instead of averaging, so the estimate grows with the number of samples.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    z = mu + np.exp(0.5 * log_var) * eps
    r = x - (z @ W.T + b)
    logp = -0.5 * (np.sum(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return logp.sum(axis=0) - kl_to_standard_normal(mu, log_var)


# %% mistake: Uses only the first noise sample eps[0] and ignores the other S - 1 samples.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    z = mu + np.exp(0.5 * log_var) * eps[0]
    r = x - (z @ W.T + b)
    logp = -0.5 * (np.sum(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return logp - kl_to_standard_normal(mu, log_var)


# %% mistake: Skips the reparameterisation and decodes the mean z = mu: that drops the spread of q, so it is not an unbiased ELBO estimate.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    r = x - (mu @ W.T + b)
    logp = -0.5 * (np.sum(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return logp - kl_to_standard_normal(mu, log_var)


# %% mistake: Uses the MEAN squared error over the D outputs (like a default MSE loss) where the log-likelihood needs the SUM of squares.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    z = mu + np.exp(0.5 * log_var) * eps
    r = x - (z @ W.T + b)
    logp = -0.5 * (np.mean(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return logp.mean(axis=0) - kl_to_standard_normal(mu, log_var)


# %% mistake: Decodes with z @ W instead of z @ W.T (W has shape (D, k)): it only runs when D == k, and then uses the transpose of the decoder.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    z = mu + np.exp(0.5 * log_var) * eps
    r = x - (z @ W + b)
    logp = -0.5 * (np.sum(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return logp.mean(axis=0) - kl_to_standard_normal(mu, log_var)


# %% mistake: Writes the constant as log(2 pi) * D + log(sigma^2): log det(sigma^2 I_D) is D log sigma^2, not log sigma^2.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    z = mu + np.exp(0.5 * log_var) * eps
    r = x - (z @ W.T + b)
    logp = -0.5 * (np.sum(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi) + np.log(noise_var))
    return logp.mean(axis=0) - kl_to_standard_normal(mu, log_var)


# %% mistake: Averages over axis 1 (the data points) instead of axis 0 (the samples): one value per sample, silently wrong when S == n.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    z = mu + np.exp(0.5 * log_var) * eps
    r = x - (z @ W.T + b)
    logp = -0.5 * (np.sum(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return logp.mean(axis=1) - kl_to_standard_normal(mu, log_var)


# %% mistake: Passes the variance exp(log_var) to the KL where the log-variance is expected, so the KL is computed for the wrong q.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    D = x.shape[1]
    var = np.exp(log_var)
    z = mu + np.sqrt(var) * eps
    r = x - (z @ W.T + b)
    logp = -0.5 * (np.sum(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return logp.mean(axis=0) - kl_to_standard_normal(mu, var)


# %% mistake: Builds each z_s in place in the mu array (z = mu; z += std * eps[s]): the noise accumulates over samples and the caller's mu is overwritten.
import numpy as np


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    S = eps.shape[0]
    D = x.shape[1]
    std = np.exp(0.5 * log_var)
    kl = kl_to_standard_normal(mu, log_var)
    total = np.zeros(x.shape[0])
    for s in range(S):
        z = mu
        z += std * eps[s]
        r = x - (z @ W.T + b)
        total += -0.5 * (np.sum(r ** 2, axis=-1) / noise_var + D * np.log(2 * np.pi * noise_var))
    return total / S - kl
