# %% [markdown]
# # Chapter 1 — Probability and statistics for machine learning
#
# Almost every learning algorithm is a probability model in disguise: a classifier outputs a
# posterior, a loss is a negative log-likelihood, a regulariser is a prior. In this problem set you
# implement the core computations yourself — Bayes' rule, the Gaussian density, estimators, a
# generative classifier, the EM algorithm and Bayesian regression — and learn the numerical tricks
# (log space, Cholesky factors, log-sum-exp) that separate code that *runs* from code that is *right*.
#
# **How to work.** Each question explains why it matters, derives the math, then asks you to fill in a
# function whose docstring states the exact inputs and outputs. Replace the
# `raise NotImplementedError(...)` line with your code, run the cell, then run the `grader.check`
# cell below it. Public checks test properties and one worked example; the autograder runs more
# (hidden) tests on random and numerically hard inputs, so make your code correct in general, not
# just on the example.
#
# Use `numpy` (and `scipy.special` where a question says so). Do not import scikit-learn or
# `scipy.stats` to answer a question — they are what your answers are graded against.

# %%
import numpy as np
import matplotlib.pyplot as plt

# %% [raw]
# # BEGIN QUESTION
# name: q1_bayes

# %% [markdown]
# ## Question 1 — Bayes' rule over several hypotheses, in log space
#
# **Why it matters.** A classifier's "probability of class $k$", a spam filter's score and the
# posterior of a Bayesian model are all Bayes' rule. With many observations the likelihood is a
# product of many numbers below one, which underflows to exactly `0.0` in floating point long before
# the answer is uncertain — and then your posterior is `0/0 = nan`.
#
# **The math.** Let $h_1,\dots,h_K$ be mutually exclusive hypotheses with prior $p(h_k)$, and let
# $x_1,\dots,x_n$ be observations that are independent given the hypothesis. Bayes' rule gives
#
# $$p(h_k \mid x_{1:n}) = \frac{p(h_k)\prod_{i=1}^n p(x_i\mid h_k)}{\sum_{j=1}^K p(h_j)\prod_{i=1}^n p(x_i\mid h_j)} .$$
#
# Take logs: with $\ell_k = \log p(h_k) + \sum_i \log p(x_i\mid h_k)$ the posterior is
# $\mathrm{softmax}(\ell)_k = e^{\ell_k} / \sum_j e^{\ell_j}$. Subtracting $m = \max_j \ell_j$ from every
# $\ell_k$ does not change the ratio but keeps the largest exponent at $e^0 = 1$, so nothing
# underflows to an all-zero vector:
#
# $$\log \sum_j e^{\ell_j} = m + \log\sum_j e^{\ell_j - m} \qquad \text{(the log-sum-exp trick).}$$
#
# A hypothesis with prior $0$ (or any observation with likelihood $0$) must get posterior exactly $0$;
# `np.log(0.0)` is `-inf`, and $e^{-\infty} = 0$, so log space handles it if you let it.
#
# **Your task.** Implement `bayes_posterior`.

# %% [raw]
# # BEGIN SOLUTION

# %%
def bayes_posterior(prior, likelihoods):
    """Posterior over K hypotheses after n conditionally independent observations.

    p(h_k | x_1..x_n)  is proportional to  p(h_k) * prod_i p(x_i | h_k)

    Parameters
    ----------
    prior : array of shape (K,), float
        p(h_k) >= 0, summing to 1. Zeros are allowed (impossible hypotheses).
    likelihoods : array of shape (n, K), float
        likelihoods[i, k] = p(x_i | h_k) >= 0. n may be in the thousands.

    Returns
    -------
    posterior : array of shape (K,), float
        Non-negative, sums to 1. Must stay correct when the plain product underflows to 0.
    """
    # BEGIN SOLUTION
    prior = np.asarray(prior, dtype=float)
    likelihoods = np.asarray(likelihoods, dtype=float).reshape(-1, prior.shape[0])
    with np.errstate(divide="ignore"):
        log_joint = np.log(prior) + np.log(likelihoods).sum(axis=0)
    log_joint = log_joint - log_joint.max()
    weights = np.exp(log_joint)
    return weights / weights.sum()
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example_medical_test(bayes_posterior):
    # 1% prevalence, 90% sensitivity, 5% false-positive rate, one positive test:
    # p(sick | +) = 0.01*0.9 / (0.01*0.9 + 0.99*0.05) = 0.009 / 0.0585
    import numpy as np
    from mlmathkit_checks import close, probabilities

    post = bayes_posterior(np.array([0.01, 0.99]), np.array([[0.9, 0.05]]))
    probabilities(post, name="posterior")
    close(post, [0.009 / 0.0585, 0.0495 / 0.0585], name="posterior [sick, healthy]",
          hint="multiply each prior by its likelihood, then divide by the sum over hypotheses")

# %%
def test_properties(bayes_posterior):
    import numpy as np
    from mlmathkit_checks import close, probabilities

    prior = np.array([0.5, 0.3, 0.2])
    flat = np.full((4, 3), 0.25)
    close(bayes_posterior(prior, flat), prior, name="posterior when every hypothesis explains the data equally",
          hint="equal likelihoods must leave the prior unchanged")
    post = bayes_posterior(np.array([0.0, 0.5, 0.5]), np.array([[0.9, 0.1, 0.2]]))
    probabilities(post, name="posterior")
    close(post[0], 0.0, atol=0.0, name="posterior of a hypothesis with prior 0")

# %%
# HIDDEN
def test_random_against_direct_formula(bayes_posterior):
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(101)
    for _ in range(20):
        k, n = rng.integers(2, 7), rng.integers(1, 6)
        prior = rng.dirichlet(np.ones(k))
        lik = rng.uniform(0.05, 1.0, size=(n, k))
        joint = prior * lik.prod(axis=0)
        close(bayes_posterior(prior, lik), joint / joint.sum(), name="posterior")

# %%
# HIDDEN
def test_long_sequence_no_underflow(bayes_posterior):
    # 2000 observations: the plain product is ~1e-1400, far below the smallest double.
    # Oracle: the same product in 60-digit arbitrary precision (mpmath).
    import mpmath
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(7)
    prior = np.array([0.2, 0.5, 0.3])
    lik = rng.uniform(0.2, 0.6, size=(2000, 3))
    lik[:, 1] *= 0.999  # hypothesis 1 explains the data slightly worse
    mpmath.mp.dps = 60
    joint = [mpmath.mpf(prior[k]) * mpmath.fprod(mpmath.mpf(v) for v in lik[:, k]) for k in range(3)]
    total = mpmath.fsum(joint)
    expected = np.array([float(j / total) for j in joint])
    close(bayes_posterior(prior, lik), expected, rtol=1e-4, atol=1e-6, name="posterior after 2000 observations",
          hint="the product of 2000 likelihoods underflows: sum logs instead and use the log-sum-exp trick")

# %%
# HIDDEN
def test_zero_likelihood_rules_out_hypothesis(bayes_posterior):
    import numpy as np
    from mlmathkit_checks import close

    lik = np.array([[0.5, 0.0, 0.25], [0.5, 0.7, 0.25]])
    post = bayes_posterior(np.array([0.2, 0.6, 0.2]), lik)
    close(post, [0.2 * 0.25 / (0.05 + 0.0125), 0.0, 0.2 * 0.0625 / (0.05 + 0.0125)], name="posterior")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION
