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
        p(h_k) >= 0, summing to 1. Zeros are allowed (impossible hypotheses): their posterior is exactly 0.
    likelihoods : array of shape (n, K), float
        likelihoods[i, k] = p(x_i | h_k) >= 0. n may be in the thousands. An entry may be exactly 0
        (that observation rules hypothesis k out: its posterior is exactly 0) or tiny (down to 1e-30);
        tiny likelihoods are evidence like any other, never to be rounded up or clipped.

    Returns
    -------
    posterior : array of shape (K,), float
        Non-negative, sums to 1. Must stay correct when the plain product underflows to 0.

    The input arrays are not modified. float32 arithmetic is accepted: posteriors are compared at
    rtol 1e-4 (atol 1e-6).
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
    # Two independent positive tests: the likelihoods multiply, 0.9 * 0.9 = 0.81 and 0.05 * 0.05 = 0.0025:
    # p(sick | +, +) = 0.01*0.81 / (0.01*0.81 + 0.99*0.0025) = 0.0081 / 0.010575
    post = bayes_posterior(np.array([0.01, 0.99]), np.array([[0.9, 0.05], [0.9, 0.05]]))
    close(post, [0.0081 / 0.010575, 0.002475 / 0.010575], name="posterior [sick, healthy] after two positive tests",
          hint="the likelihood of n independent observations is the PRODUCT of their likelihoods (a SUM of logs)")

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
    # Tiny likelihoods are still evidence: 1e-12 against 1e-11 is odds of 1 : 10.
    close(bayes_posterior(np.array([0.5, 0.5]), np.array([[1e-12, 1e-11]])), [1 / 11, 10 / 11],
          name="posterior after likelihoods 1e-12 and 1e-11", hint="never clip or round up small likelihoods")
    # 1000 observations with likelihoods 0.1 and 0.2: the products 0.1^1000 and 0.2^1000 are 0.0 in floating
    # point, yet the posterior odds are exactly (1/2)^1000, i.e. the posterior is [2^-1000, 1] / (1 + 2^-1000).
    lik = np.tile([0.1, 0.2], (1000, 1))
    close(bayes_posterior(np.array([0.5, 0.5]), lik), [0.0, 1.0], atol=1e-12,
          name="posterior after 1000 observations whose product underflows",
          hint="sum log-likelihoods and subtract the maximum before exponentiating (log-sum-exp)")

# %%
# HIDDEN
def test_random_against_direct_formula(bayes_posterior):
    """Random priors and short sequences of observations, with any number of hypotheses."""
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
    """Long sequences of observations, where the plain product of likelihoods underflows."""
    # 2000 observations: the plain product is ~1e-1400, far below the smallest double.
    # Oracle: the same product in 60-digit arbitrary precision (mpmath).
    import mpmath
    import numpy as np
    from mlmathkit_checks import close, oracle

    rng = np.random.default_rng(7)
    prior = np.array([0.2, 0.5, 0.3])
    lik = rng.uniform(0.2, 0.6, size=(2000, 3))
    lik[:, 1] *= 0.999  # hypothesis 1 explains the data slightly worse

    def exact_posterior(prior, lik):
        mpmath.mp.dps = 60
        joint = [mpmath.mpf(prior[k]) * mpmath.fprod(mpmath.mpf(v) for v in lik[:, k]) for k in range(len(prior))]
        total = mpmath.fsum(joint)
        return np.array([float(j / total) for j in joint])

    expected = oracle(exact_posterior, prior, lik)  # computed once per grading worker
    close(bayes_posterior(prior, lik), expected, rtol=1e-4, atol=1e-6, name="posterior after 2000 observations",
          hint="the product of 2000 likelihoods underflows: sum logs instead and use the log-sum-exp trick")

# %%
# HIDDEN
def test_zero_likelihood_rules_out_hypothesis(bayes_posterior):
    """An observation with likelihood 0 under a hypothesis rules that hypothesis out."""
    import numpy as np
    from mlmathkit_checks import close

    lik = np.array([[0.5, 0.0, 0.25], [0.5, 0.7, 0.25]])
    post = bayes_posterior(np.array([0.2, 0.6, 0.2]), lik)
    close(post, [0.2 * 0.25 / (0.05 + 0.0125), 0.0, 0.2 * 0.0625 / (0.05 + 0.0125)], name="posterior")

# %%
# HIDDEN
def test_ruled_out_hypothesis_stays_at_zero_in_long_sequences(bayes_posterior):
    """A hypothesis ruled out by a zero prior or by one zero likelihood stays at exactly 0, even when it explains a long sequence of other observations best."""
    # 2000 observations in which hypothesis 0 fits every observation 1.5x better than the others, except one
    # with likelihood exactly 0 (or a prior of exactly 0). Replacing a 0 by a small number (clipping, an
    # epsilon inside the log) costs only ~25 in log space against an advantage of 2000 log 1.5 ~ 800.
    # Hypothesis 2 fits 2% worse than hypothesis 1 (log odds ~ -40), so the surviving posterior is
    # saturated and float32 sums of 2000 logs (errors ~1e-3 in log space) still pass.
    # Oracle: the posterior of the remaining hypotheses in 60-digit arithmetic (mpmath).
    import mpmath
    import numpy as np
    from mlmathkit_checks import close, oracle

    rng = np.random.default_rng(17)
    lik = rng.uniform(0.2, 0.6, size=(2000, 3))
    lik[:, 0] = np.minimum(1.5 * lik[:, 0], 1.0)
    lik[:, 2] = 0.98 * lik[:, 1]
    prior = np.array([0.4, 0.35, 0.25])

    def exact_posterior(prior, lik):
        mpmath.mp.dps = 60
        joint = [mpmath.mpf(prior[k]) * mpmath.fprod(mpmath.mpf(v) for v in lik[:, k]) for k in range(len(prior))]
        total = mpmath.fsum(joint)
        return np.array([float(j / total) for j in joint])

    ruled_out = lik.copy()
    ruled_out[1234, 0] = 0.0
    expected = np.concatenate([[0.0], oracle(exact_posterior, prior[1:] / prior[1:].sum(), lik[:, 1:])])
    post = bayes_posterior(prior, ruled_out)
    close(post, expected, atol=1e-6, name="posterior when one observation has likelihood 0 under hypothesis 0",
          hint="log(0) = -inf is the right value here: do not add an epsilon or clip the likelihoods")
    close(post[0], 0.0, atol=0.0, name="posterior of the hypothesis ruled out by a likelihood of 0")
    post = bayes_posterior(np.array([0.0, 0.6, 0.4]), lik)
    expected = np.concatenate([[0.0], oracle(exact_posterior, np.array([0.6, 0.4]), lik[:, 1:])])
    close(post, expected, atol=1e-6, name="posterior when the best-fitting hypothesis has prior 0",
          hint="log(0) = -inf for an impossible hypothesis: do not add an epsilon to the prior")
    close(post[0], 0.0, atol=0.0, name="posterior of the hypothesis with prior 0")

# %%
# HIDDEN
def test_tiny_likelihoods(bayes_posterior):
    """Likelihoods far below 1e-10 (densities of unlikely observations), whose ratios still decide the posterior."""
    # Likelihoods between 1e-30 and 1e-16 over 5 observations: the products (~1e-115) are still normal
    # doubles, so the direct formula is an exact oracle; float32 represents every entry (>= 1e-38).
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(113)
    for k in (2, 4, 6):
        prior = rng.dirichlet(np.ones(k))
        lik = 10.0 ** rng.uniform(-30, -16, size=(5, k))
        joint = prior * lik.prod(axis=0)
        # float32 sums of logs of size ~100 err by ~1e-5 in log space: rtol 1e-3; clipping errs by orders of magnitude
        close(bayes_posterior(prior, lik), joint / joint.sum(), rtol=1e-3, atol=1e-6,
              name=f"posterior with tiny likelihoods (K={k})",
              hint="tiny likelihoods are evidence too: never clip them or add an epsilon")

# %%
# HIDDEN
def test_inputs_not_modified(bayes_posterior):
    """The prior and likelihood arrays passed in are left unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(131)
    prior = rng.dirichlet(np.ones(4))
    prior[2] = 0.0
    prior /= prior.sum()
    lik = rng.uniform(0.0, 1.0, size=(30, 4))
    lik[3, 1] = 0.0
    prior_copy, lik_copy = prior.copy(), lik.copy()
    bayes_posterior(prior, lik)
    close(prior, prior_copy, rtol=0, atol=0, name="prior after the call", hint="work on new arrays, not in place")
    close(lik, lik_copy, rtol=0, atol=0, name="likelihoods after the call", hint="work on new arrays, not in place")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q2_gaussian

# %% [markdown]
# ## Question 2 — The multivariate Gaussian log-density, through a Cholesky factor
#
# **Why it matters.** The multivariate normal is everywhere in machine learning: Gaussian mixtures
# (Question 6), Gaussian processes, LDA/QDA, the latent prior of a VAE, Kalman filters, the Laplace
# approximation. All of them evaluate $\log \mathcal N(x \mid \mu, \Sigma)$ over and over. The textbook
# formula contains $\Sigma^{-1}$ and $\det\Sigma$; computed literally, the determinant overflows or
# underflows (a $50\times 50$ covariance with eigenvalues $10^{-7}$ has $\det\Sigma = 10^{-350}$, which is
# `0.0` in double precision), the density of a point far from the mean underflows to `0.0`, and an
# ill-conditioned $\Sigma$ turns an explicit inverse into noise. The robust recipe is one Cholesky
# factorisation and one triangular solve.
#
# **The math.** For $x \in \mathbb R^d$, mean $\mu$ and symmetric positive definite covariance $\Sigma$,
#
# $$\log \mathcal N(x\mid\mu,\Sigma) = -\tfrac12\Big[\, d\log(2\pi) + \log\det\Sigma + (x-\mu)^\top\Sigma^{-1}(x-\mu) \Big].$$
#
# Every SPD matrix has a unique *Cholesky factor*: $\Sigma = LL^\top$ with $L$ lower triangular and
# $L_{ii} > 0$. Two consequences do all the work:
#
# * **Determinant.** $\det\Sigma = \det L \cdot \det L^\top = \prod_i L_{ii}^2$, because the determinant of a
#   triangular matrix is the product of its diagonal. Take the log *before* multiplying:
#   $\log\det\Sigma = 2\sum_i \log L_{ii}$ — a sum of $d$ moderate numbers, which cannot overflow.
# * **Quadratic form.** $\Sigma^{-1} = L^{-\top}L^{-1}$, so with $z = L^{-1}(x-\mu)$,
#   $$(x-\mu)^\top\Sigma^{-1}(x-\mu) = (L^{-1}(x-\mu))^\top (L^{-1}(x-\mu)) = \lVert z\rVert^2 .$$
#   You never form $L^{-1}$: $z$ is the solution of the triangular system $Lz = x-\mu$, found by forward
#   substitution in $O(d^2)$ operations. The vector $z$ is $x$ *whitened*: it has identity covariance
#   when $x \sim \mathcal N(\mu,\Sigma)$, and $\lVert z \rVert$ is the Mahalanobis distance.
#
# For $n$ points, stack the differences $x_i-\mu$ as the **columns** of a $d\times n$ matrix and solve for all
# of them with one call.
#
# Finally, stay in log space: a point 150 standard deviations away has density $e^{-11250}$, which is
# exactly `0.0` in floating point (the smallest positive double is about $e^{-745}$), while its log
# density $-11250$ is an ordinary number. Computing the density first and taking `np.log` afterwards
# returns `-inf`.
#
# **Your task.** Implement `mvn_logpdf`. Use `np.linalg.cholesky` (or `scipy.linalg.cholesky`) and
# `scipy.linalg.solve_triangular`; do not call `np.linalg.inv`, `np.linalg.det` or `scipy.stats`.
#
# *Hints.* `solve_triangular(L, B, lower=True)` solves $LZ = B$ column by column — check which shape
# `B` must have. The diagonal of `L` is `np.diag(L)`. Check your function on a diagonal covariance,
# where every term can be computed by hand, and on $d = 1$ (the familiar univariate formula).

# %% [raw]
# # BEGIN SOLUTION

# %%
def mvn_logpdf(X, mean, cov):
    """Log-density of the multivariate normal N(mean, cov) at each row of X.

    log N(x | mu, Sigma) = -1/2 [ d log(2 pi) + log det Sigma + (x - mu)^T Sigma^{-1} (x - mu) ],
    computed from the Cholesky factor Sigma = L L^T:
    log det Sigma = 2 sum_i log L_ii  and  (x - mu)^T Sigma^{-1} (x - mu) = ||L^{-1} (x - mu)||^2.

    Parameters
    ----------
    X : array of shape (n, d), float
        n points, one per row (for d = 1, shape (n, 1)). d may be in the hundreds.
    mean : array of shape (d,), float
    cov : array of shape (d, d), float
        Symmetric positive definite; may be ill-conditioned (condition number up to ~1e8).

    Returns
    -------
    logpdf : array of shape (n,), float
        Finite even where the density itself underflows to 0 (log-densities of -1e4 and below), and
        where det(cov) itself under- or overflows (d in the hundreds, variances far from 1).

    The input arrays are not modified. Work in float64: float32 arithmetic cannot represent a covariance
    with condition number 1e8 (those results are compared at rtol 1e-6; others at rtol 1e-4).
    """
    # BEGIN SOLUTION
    from scipy.linalg import solve_triangular

    X = np.asarray(X, dtype=float)
    mean = np.asarray(mean, dtype=float)
    d = mean.shape[0]
    L = np.linalg.cholesky(np.asarray(cov, dtype=float))
    Z = solve_triangular(L, (X - mean).T, lower=True)  # (d, n): whitened differences
    log_det = 2.0 * np.log(np.diag(L)).sum()
    return -0.5 * (d * np.log(2.0 * np.pi) + log_det + np.sum(Z**2, axis=0))
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example_diagonal_covariance(mvn_logpdf):
    # Sigma = diag(1, 4): log det = log 4, and the quadratic form at (1, 2) is 1/1 + 2^2/4 = 2, so
    # log N(0 | 0, Sigma) = -(1/2)(2 log 2pi + log 4) = -log(4 pi), and log N((1,2) | 0, Sigma) = -log(4 pi) - 1.
    import numpy as np
    from mlmathkit_checks import close

    X = np.array([[0.0, 0.0], [1.0, 2.0]])
    got = mvn_logpdf(X, np.zeros(2), np.diag([1.0, 4.0]))
    close(got, [-np.log(4 * np.pi), -np.log(4 * np.pi) - 1.0], name="log-densities at (0,0) and (1,2)",
          hint="-1/2 [d log(2 pi) + log det Sigma + quadratic form]; with Sigma = L L^T, log det Sigma = 2 sum log L_ii")

# %%
def test_worked_example_correlated_covariance(mvn_logpdf):
    # Sigma = [[2, 1], [1, 2]]: det = 3, Sigma^{-1} = (1/3) [[2, -1], [-1, 2]], mean (1, -1).
    # x = (2, -1): x - mu = (1, 0), quadratic form 2/3.   x = (1, 1): x - mu = (0, 2), quadratic form 8/3.
    # log N = -(1/2) [2 log(2 pi) + log 3 + quadratic form].
    import numpy as np
    from mlmathkit_checks import close

    got = mvn_logpdf(np.array([[2.0, -1.0], [1.0, 1.0]]), np.array([1.0, -1.0]), np.array([[2.0, 1.0], [1.0, 2.0]]))
    const = -np.log(2 * np.pi) - 0.5 * np.log(3.0)
    close(got, [const - 1.0 / 3.0, const - 4.0 / 3.0], name="log-densities with a correlated covariance",
          hint="solve L z = x - mu with the LOWER factor L (not L^T); log det Sigma = 2 sum log L_ii, not sum log Sigma_ii")

# %%
def test_properties(mvn_logpdf):
    import numpy as np
    from mlmathkit_checks import close, require

    rng = np.random.default_rng(2)
    # d = 1 is the univariate normal: -1/2 log(2 pi s2) - (x - m)^2 / (2 s2)
    x = rng.normal(size=(6, 1))
    close(mvn_logpdf(x, np.array([0.5]), np.array([[2.0]])),
          -0.5 * np.log(2 * np.pi * 2.0) - (x[:, 0] - 0.5) ** 2 / 4.0, name="log-density for d = 1",
          hint="X has shape (n, 1), mean shape (1,), cov shape (1, 1); the result has shape (n,)")
    A = rng.normal(size=(3, 3))
    cov, mean = A @ A.T + 0.5 * np.eye(3), rng.normal(size=3)
    V = rng.normal(size=(7, 3))
    at_mean = mvn_logpdf(mean[None, :], mean, cov)
    close(at_mean, [-0.5 * (3 * np.log(2 * np.pi) + np.linalg.slogdet(cov)[1])], name="log-density at the mean",
          hint="at x = mu the quadratic form is 0, so only the normalising constant is left")
    plus, minus = mvn_logpdf(mean + V, mean, cov), mvn_logpdf(mean - V, mean, cov)
    close(plus, minus, name="log N(mu + v) compared with log N(mu - v)", hint="the density is symmetric about its mean")
    close(mvn_logpdf(V + 10.0, mean + 10.0, cov), mvn_logpdf(V, mean, cov), name="log-density after shifting x and mu",
          hint="only x - mu may enter the formula")
    require(bool(np.all(np.asarray(plus, dtype=float) < float(np.asarray(at_mean, dtype=float).ravel()[0]))),
            "the log-density must be largest at the mean")
    # 200 standard deviations away in d = 1: the density e^-20000 is 0.0 in floating point, its log is not
    close(mvn_logpdf(np.array([[200.0]]), np.array([0.0]), np.array([[1.0]])), [-0.5 * np.log(2 * np.pi) - 20000.0],
          name="log-density 200 standard deviations from the mean",
          hint="never compute the density and take its log afterwards: exp(-20000) is 0.0 in floating point")
    # Sigma = 1e-4 I in d = 100: det Sigma = 1e-400 is 0.0 in floating point, log det Sigma = -400 log 10 is not
    close(mvn_logpdf(np.zeros((1, 100)), np.zeros(100), 1e-4 * np.eye(100)), [-50 * np.log(2 * np.pi * 1e-4)],
          name="log-density at the mean of N(0, 1e-4 I) in d = 100",
          hint="det Sigma underflows here: take log det Sigma = 2 sum log L_ii from the Cholesky factor")

# %%
# HIDDEN
def test_random_against_scipy(mvn_logpdf):
    """Random means and correlated covariances in dimensions from 1 to 8."""
    import numpy as np
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import close

    rng = np.random.default_rng(202)
    for d in (1, 2, 3, 5, 8, 8):
        A = rng.normal(size=(d, d))
        cov = A @ A.T + 0.1 * d * np.eye(d)
        mean = rng.normal(scale=3.0, size=d)
        X = rng.multivariate_normal(mean, cov, size=15)
        close(mvn_logpdf(X, mean, cov), multivariate_normal(mean, cov).logpdf(X), name=f"log-densities (d = {d})",
              hint="compare with a diagonal covariance by hand; is the triangular solve using L (not L^T)?")

# %%
# HIDDEN
def test_dimension_50(mvn_logpdf):
    """A Gaussian in many dimensions."""
    import numpy as np
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import close

    rng = np.random.default_rng(50)
    d = 50
    A = rng.normal(size=(d, d)) / np.sqrt(d)
    cov = 0.1 * (A @ A.T + 0.05 * np.eye(d))  # det ~ 1e-70: np.linalg.det still works, but not for much longer
    mean = rng.normal(size=d)
    X = rng.multivariate_normal(mean, cov, size=20)
    close(mvn_logpdf(X, mean, cov), multivariate_normal(mean, cov).logpdf(X), name="log-densities (d = 50)")

# %%
# HIDDEN
def test_ill_conditioned_covariance(mvn_logpdf):
    """An ill-conditioned covariance (condition number 1e8), with points off the mean along its thinnest direction."""
    # Condition number 1e8. Oracle: the same formula in 40-digit arithmetic (mpmath) on the very same
    # float64 matrix. A backward-stable float64 method loses about cond * eps ~ 1e-8 relative accuracy in
    # the quadratic form (values up to ~300 here): rtol 1e-6 leaves a safety factor of ~100.
    import mpmath
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(808)
    d = 6
    Q = np.linalg.qr(rng.normal(size=(d, d)))[0]
    eig = np.logspace(0, -8, d)
    cov = (Q * eig) @ Q.T
    cov = (cov + cov.T) / 2
    mean = rng.normal(size=d)
    X = mean + rng.normal(size=(8, d)) @ (Q * np.sqrt(eig)).T
    X[:3] += np.array([[1e-4], [-2e-4], [1.5e-4]]) * Q[:, -1]  # off the mean along the thinnest direction
    with mpmath.workdps(40):
        M = mpmath.matrix(cov.tolist())
        log_det = mpmath.log(mpmath.det(M))
        expected = []
        for x in X:
            diff = mpmath.matrix((x - mean).tolist())
            quad = (diff.T * mpmath.lu_solve(M, diff))[0]
            expected.append(float(-(d * mpmath.log(2 * mpmath.pi) + log_det + quad) / 2))
    close(mvn_logpdf(X, mean, cov), expected, rtol=1e-6, atol=1e-6, name="log-densities (condition number 1e8)",
          hint="solve with the Cholesky factor instead of forming an inverse; take log det from diag(L)")

# %%
# HIDDEN
def test_far_from_the_mean(mvn_logpdf):
    """Points so far from the mean that the density itself underflows to 0."""
    # log-densities around -1e4: the density itself is 0.0 in float64, its log is not.
    import numpy as np
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import close

    rng = np.random.default_rng(99)
    A = rng.normal(size=(3, 3))
    cov, mean = A @ A.T + np.eye(3), rng.normal(size=3)
    directions = rng.normal(size=(5, 3))
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    X = mean + 150.0 * np.sqrt(np.linalg.eigvalsh(cov).max()) * directions  # >= 150 standard deviations away
    expected = multivariate_normal(mean, cov).logpdf(X)
    # The log-density stays well conditioned out here (relative condition number ~1): rtol 1e-6 is
    # still ~1e5 above float64 round-off and exposes an error of order 1 in the normalising constant.
    close(mvn_logpdf(X, mean, cov), expected, rtol=1e-6, name="log-densities of points far from the mean",
          hint="never compute the density and take its log afterwards: exp(-1e4) is 0.0 in floating point")

# %%
# HIDDEN
def test_determinant_out_of_range(mvn_logpdf):
    """Many dimensions with small or large variances, where det Sigma itself underflows to 0 or overflows to inf."""
    # d = 120 with eigenvalues ~1e-4 (det ~1e-480) and ~1e4 (det ~1e480). Oracle: scipy.stats, which takes
    # log det from an eigendecomposition. Log-densities are ~ +-500 and well conditioned: rtol 1e-6.
    import numpy as np
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import close

    rng = np.random.default_rng(120)
    d = 120
    for scale in (1e-4, 1e4):
        A = rng.normal(size=(d, d)) / np.sqrt(d)
        cov = scale * (A @ A.T + 0.5 * np.eye(d))
        mean = rng.normal(size=d) * np.sqrt(scale)
        X = rng.multivariate_normal(mean, cov, size=6)
        close(mvn_logpdf(X, mean, cov), multivariate_normal(mean, cov).logpdf(X), rtol=1e-6,
              name=f"log-densities (d = {d}, variances ~{scale:g})",
              hint="det Sigma is out of floating-point range here: log det Sigma = 2 sum log L_ii, never log(det(Sigma))")

# %%
# HIDDEN
def test_inputs_not_modified(mvn_logpdf):
    """The points, mean and covariance passed in are left unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(222)
    A = rng.normal(size=(3, 3))
    cov, mean, X = A @ A.T + np.eye(3), rng.normal(size=3), rng.normal(size=(9, 3))
    copies = [a.copy() for a in (X, mean, cov)]
    mvn_logpdf(X, mean, cov)
    for name, arr, copy in zip(["X", "mean", "cov"], [X, mean, cov], copies):
        close(arr, copy, rtol=0, atol=0, name=f"{name} after the call", hint="work on new arrays, not in place")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q3_covariance

# %% [markdown]
# ## Question 3 — Sample covariance and correlation, computed stably
#
# **Why it matters.** Second moments are behind PCA, whitening, Mahalanobis distances, the M-step of
# a Gaussian mixture (Question 6), LDA, feature-correlation screening and the running statistics of
# batch normalisation. Two classic traps: the $n-1$ (the sample mean is itself fitted to the data), and
# the "shortcut" $\overline{x^2} - \bar x^2$ that textbooks use to compute a variance in one pass, which
# silently returns garbage — even negative variances — when the mean is large compared with the spread
# (timestamps, raw sensor readings, prices, coordinates in metres of points a few millimetres apart).
#
# **The math.** Let $X\in\mathbb R^{n\times d}$ hold $n$ samples as rows, with mean
# $\bar x = \frac1n\sum_i x_i$. The *sample covariance* is
#
# $$S = \frac{1}{n-1}\sum_{i=1}^n (x_i-\bar x)(x_i-\bar x)^\top = \frac{1}{n-1} X_c^\top X_c,
# \qquad X_c = X - \mathbf 1 \bar x^\top \ (\text{each column centred}).$$
#
# *Why $n-1$.* For one feature with mean $\mu$ and variance $\sigma^2$,
# $\sum_i (x_i - \bar x)^2 = \sum_i (x_i-\mu)^2 - n(\bar x - \mu)^2$. The first sum has expectation $n\sigma^2$
# and $\operatorname{Var}\bar x = \sigma^2/n$, so the expectation is $(n-1)\sigma^2$: dividing by $n-1$ makes
# $S$ unbiased. (Dividing by $n$ gives the maximum-likelihood estimate, used in Question 5.)
#
# The *correlation matrix* rescales every feature to unit variance:
# $R_{jk} = S_{jk} / \sqrt{S_{jj}S_{kk}}$, i.e. $R = D^{-1/2} S D^{-1/2}$ with $D = \operatorname{diag}(S)$.
# Its diagonal is $1$, its entries lie in $[-1, 1]$ (Cauchy–Schwarz), and the $n-1$ cancels.
#
# *Why centre first.* Algebraically $\frac1n\sum_i x_i^2 - \bar x^2$ equals $\frac1n\sum_i (x_i-\bar x)^2$.
# Numerically, for $x_i = 10^8 + \varepsilon_i$ with $\varepsilon_i \sim \mathcal N(0,1)$, both terms are
# about $10^{16}$, where consecutive doubles are $2$ apart: each is rounded by an amount comparable
# to the variance you are after, and their difference is noise (*catastrophic cancellation*).
# Subtracting the mean first works on numbers that are close to each other — that subtraction is
# exact — and only then squares small numbers. This is the *two-pass* algorithm.
#
# **Your task.** Implement `sample_covariance` (two-pass: centre, then multiply) and
# `correlation_matrix` (you may call `sample_covariance`). Use `numpy` only — not `np.cov` or
# `np.corrcoef`, which are what you are graded against.
#
# *Hints.* Which axis of `X` is the sample axis? A single feature, `X` of shape `(n, 1)`, must still give
# a `(1, 1)` matrix. Check the $n-1$ on two points, where everything can be done by hand.

# %% [raw]
# # BEGIN SOLUTION

# %%
def sample_covariance(X):
    """Unbiased sample covariance matrix of the rows of X.

    S = 1/(n-1) sum_i (x_i - xbar)(x_i - xbar)^T, computed by centring first (two-pass algorithm).

    Parameters
    ----------
    X : array of shape (n, d), float
        n >= 2 samples (rows) of d features (columns). The mean may be huge compared with the spread.

    Returns
    -------
    S : array of shape (d, d), float
        Symmetric positive semi-definite; shape (1, 1) when d = 1.

    X is not modified. Work in float64: float32 cannot resolve a spread of ~1 around a mean of ~1e8.
    Results are compared at rtol 1e-4 (atol 1e-10, or 1e-6 for data with a huge mean).
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    return Xc.T @ Xc / (X.shape[0] - 1)
    # END SOLUTION


def correlation_matrix(X):
    """Pearson correlation matrix of the columns of X.

    R_jk = S_jk / sqrt(S_jj S_kk), with S the sample covariance of X.

    Parameters
    ----------
    X : array of shape (n, d), float
        n >= 2 samples; no feature is constant.

    Returns
    -------
    R : array of shape (d, d), float
        Symmetric, ones on the diagonal, entries in [-1, 1] (up to round-off; no clipping needed).

    X is not modified. Work in float64, as for sample_covariance; results are compared at rtol 1e-4
    (atol 1e-10, or 1e-6 for data with a huge mean).
    """
    # BEGIN SOLUTION
    S = sample_covariance(X)
    std = np.sqrt(np.diag(S))
    return S / np.outer(std, std)
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(sample_covariance, correlation_matrix):
    # Rows (1,2), (2,1), (3,6): mean (2,3), centred rows (-1,-1), (0,-2), (1,3).
    # S = 1/2 [[1+0+1, 1+0+3], [1+0+3, 1+4+9]] = [[1, 2], [2, 7]];  R_12 = 2 / sqrt(1*7).
    import numpy as np
    from mlmathkit_checks import close

    X = np.array([[1.0, 2.0], [2.0, 1.0], [3.0, 6.0]])
    close(sample_covariance(X), [[1.0, 2.0], [2.0, 7.0]], name="sample covariance",
          hint="centre each column, then divide the sum of outer products by n - 1")
    r = 2.0 / np.sqrt(7.0)
    close(correlation_matrix(X), [[1.0, r], [r, 1.0]], name="correlation matrix",
          hint="divide S_jk by the product of the standard deviations sqrt(S_jj) sqrt(S_kk)")
    # The same three points shifted by 1e8 (exactly representable): S and R do not change.
    close(sample_covariance(X + 1e8), [[1.0, 2.0], [2.0, 7.0]], atol=1e-6, name="sample covariance of the data + 1e8",
          hint="mean(x x^T) - xbar xbar^T cancels catastrophically for a large mean (and float32 cannot even store "
               "1e8 + 1): centre the data first, in float64")
    close(correlation_matrix(X + 1e8), [[1.0, r], [r, 1.0]], atol=1e-6, name="correlation matrix of the data + 1e8")

# %%
def test_properties(sample_covariance, correlation_matrix):
    import numpy as np
    from mlmathkit_checks import as_array, close, positive_definite, require

    rng = np.random.default_rng(3)
    X = rng.normal(size=(40, 4)) @ rng.normal(size=(4, 4))
    S = positive_definite(sample_covariance(X), name="sample covariance")
    require(S.shape == (4, 4), f"sample covariance should have shape (d, d) = (4, 4), got {S.shape}")
    close(sample_covariance(X + np.array([5.0, -3.0, 100.0, 0.5])), S, atol=1e-10,
          name="covariance of shifted data", hint="shifting every sample by the same vector must not change S")
    close(sample_covariance(3.0 * X), 9.0 * S, name="covariance of 3 X", hint="S(aX) = a^2 S(X)")
    R = as_array(correlation_matrix(X), "correlation matrix", shape=(4, 4))
    close(np.diag(R), np.ones(4), name="diagonal of the correlation matrix")
    require(bool(np.all(np.abs(R) <= 1 + 1e-12)), "correlations must lie in [-1, 1]")
    close(correlation_matrix(X * np.array([2.0, 0.1, 7.0, 1e3])), R, atol=1e-10,
          name="correlation after rescaling the features", hint="correlation does not depend on the units of a feature")
    x = rng.normal(size=(10, 1))
    close(sample_covariance(x), [[float(((x - x.mean()) ** 2).sum() / 9)]], name="covariance of a single feature",
          hint="a single feature still gives a (1, 1) matrix")

# %%
# HIDDEN
def test_random_against_numpy(sample_covariance, correlation_matrix):
    """Random correlated data of many shapes, including a single feature and more features than samples."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(303)
    for n, d in [(3, 2), (10, 1), (25, 3), (200, 6), (7, 10)]:
        X = rng.normal(loc=rng.normal(size=d), size=(n, d)) @ rng.normal(size=(d, d))
        close(sample_covariance(X), np.atleast_2d(np.cov(X, rowvar=False)), atol=1e-10,
              name=f"sample covariance (n={n}, d={d})", hint="rows are samples, columns are features; divide by n - 1")
        close(correlation_matrix(X), np.atleast_2d(np.corrcoef(X, rowvar=False)), atol=1e-10,
              name=f"correlation matrix (n={n}, d={d})")

# %%
# HIDDEN
def test_two_samples(sample_covariance, correlation_matrix):
    """Only two samples, the smallest data set for which the covariance is defined."""
    # n = 2: xbar is the midpoint, so S = (x1 - x2)(x1 - x2)^T / 2 and every correlation is +1 or -1.
    import numpy as np
    from mlmathkit_checks import close

    x1, x2 = np.array([0.0, 1.0, 2.0]), np.array([2.0, -1.0, 5.0])
    diff = x1 - x2
    close(sample_covariance(np.stack([x1, x2])), np.outer(diff, diff) / 2, name="covariance of two samples")
    close(correlation_matrix(np.stack([x1, x2])), np.outer(np.sign(diff), np.sign(diff)), name="correlation of two samples")

# %%
# HIDDEN
def test_huge_offset(sample_covariance, correlation_matrix):
    """Data whose mean is huge compared with its spread, where the one-pass formula cancels catastrophically."""
    # 1e8 + unit noise: E[x^2] - E[x]^2 cancels ~16 digits and returns noise of order 1 (or worse).
    # Oracle: subtracting 1e8 from these doubles is exact (Sterbenz), so np.cov of X - 1e8 is the
    # covariance of exactly the same data. atol covers covariances that happen to be near 0.
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(31)
    noise = rng.normal(size=(500, 3)) @ np.array([[1.0, 0.5, 0.0], [0.0, 1.0, -0.3], [0.0, 0.0, 0.7]])
    X = 1e8 + noise
    S_true = np.cov(X - 1e8, rowvar=False)
    close(sample_covariance(X), S_true, atol=1e-6, name="covariance of data with mean 1e8",
          hint="the formula mean(x^2) - mean(x)^2 cancels catastrophically here: centre the data first")
    close(correlation_matrix(X), np.corrcoef(X - 1e8, rowvar=False), atol=1e-6, name="correlation of data with mean 1e8")
    x = X[:, :1]
    close(sample_covariance(x), [[float(np.var(x - 1e8, ddof=1))]], name="variance of a single feature with mean 1e8")

# %%
# HIDDEN
def test_input_not_modified(sample_covariance, correlation_matrix):
    """The data array passed in is left unchanged (no centring in place)."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(333)
    X = rng.normal(loc=5.0, size=(12, 3))
    X_copy = X.copy()
    sample_covariance(X)
    close(X, X_copy, rtol=0, atol=0, name="X after sample_covariance(X)",
          hint="X - X.mean(axis=0) makes a new array; X -= ... overwrites the caller's data")
    correlation_matrix(X)
    close(X, X_copy, rtol=0, atol=0, name="X after correlation_matrix(X)",
          hint="X - X.mean(axis=0) makes a new array; X -= ... overwrites the caller's data")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q4_mle_map

# %% [markdown]
# ## Question 4 — Maximum likelihood vs. MAP: the Beta–Bernoulli model and the Gaussian mean
#
# **Why it matters.** Training a model means estimating its parameters. Minimising cross-entropy *is*
# maximum likelihood (MLE); adding a regulariser is maximum a posteriori estimation (MAP) with a prior —
# weight decay is a Gaussian prior, Laplace ("add-one") smoothing of word counts is a Beta/Dirichlet
# prior. With little data the MLE overfits: an ad clicked 0 times in 20 views gets a click-through
# rate of exactly $0$, a word never seen in training gets probability $0$. Conjugate priors give closed
# forms in which you can *see* what the prior does: it behaves like extra, imaginary observations.
#
# **(a) Bernoulli.** Observations $x_i\in\{0,1\}$ with $p(x_i = 1) = \theta$; let $k=\sum_i x_i$ be the
# number of ones among $n$. The log-likelihood is
#
# $$\ell(\theta) = k\log\theta + (n-k)\log(1-\theta).$$
#
# It is concave; setting $\ell'(\theta) = \frac{k}{\theta} - \frac{n-k}{1-\theta} = 0$ gives the MLE
# $\hat\theta_{\text{MLE}} = k/n$, the fraction of ones. With the prior
# $\theta\sim\mathrm{Beta}(a,b)$, $p(\theta)\propto\theta^{a-1}(1-\theta)^{b-1}$ ($a, b \ge 1$), the log posterior is
#
# $$\log p(\theta\mid x) = (k + a - 1)\log\theta + (n - k + b - 1)\log(1-\theta) + \text{const},$$
#
# which has exactly the form of $\ell$, as if you had seen $a-1$ extra ones and $b-1$ extra zeros. The
# MAP estimate $\hat\theta_{\text{MAP}}$ maximises it — reuse the MLE argument with the new counts. Do
# not confuse the posterior *mode* (MAP) with the posterior *mean*, $(k+a)/(n+a+b)$. Two sanity checks:
# the uniform prior $a=b=1$ must give back the MLE, and as $n\to\infty$ the prior's fixed pseudo-counts
# are swamped, so MAP $\to$ MLE.
#
# **(b) Gaussian mean with known variance.** Observations $x_i\sim\mathcal N(\theta,\sigma^2)$ with known
# $\sigma^2$, prior $\theta\sim\mathcal N(\mu_0,\tau^2)$. Keeping only the terms that depend on $\theta$,
#
# $$\log p(\theta\mid x) = -\frac{(\theta-\mu_0)^2}{2\tau^2} - \sum_{i=1}^n\frac{(x_i-\theta)^2}{2\sigma^2} + \text{const}
# = -\frac12\Big(\frac1{\tau^2}+\frac n{\sigma^2}\Big)\theta^2 + \Big(\frac{\mu_0}{\tau^2}+\frac{\sum_i x_i}{\sigma^2}\Big)\theta + \text{const}.$$
#
# A quadratic log-density is Gaussian: $\mathcal N(\theta\mid \mu_N, \tau_N^2)$ has log-density
# $-\frac{1}{2\tau_N^2}\theta^2 + \frac{\mu_N}{\tau_N^2}\theta + \text{const}$. Match the two coefficients to get
# the posterior variance $\tau_N^2$ and mean $\mu_N$. Read the result in terms of *precisions* (inverse
# variances): the posterior precision is the prior precision plus $n$ times the precision of one
# observation, and $\mu_N$ is a precision-weighted average of $\mu_0$ and $\bar x$ — the prior *shrinks*
# the sample mean towards $\mu_0$. Since the posterior is Gaussian, its mean is also its mode, the MAP.
#
# **Your task.** Implement `bernoulli_mle`, `bernoulli_map` and `gaussian_mean_posterior` with `numpy`.
#
# *Hints.* Test your formulas on the edge cases before coding them: all-zero data, $a=b=1$, $n=0$
# (no data: the posterior must be the prior), $\tau^2\to\infty$ (a flat prior: the data alone).

# %% [raw]
# # BEGIN SOLUTION

# %%
def bernoulli_mle(x):
    """Maximum-likelihood estimate of theta = p(x = 1) from Bernoulli observations.

    theta_MLE = argmax_theta  k log(theta) + (n - k) log(1 - theta) = k / n,  with k = sum_i x_i.

    Parameters
    ----------
    x : array of shape (n,), int or bool, entries in {0, 1}; n >= 1. All zeros or all ones is allowed.

    Returns
    -------
    theta : float in [0, 1]

    x is not modified. float32 arithmetic is accepted (compared at atol 1e-6).
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float).ravel()
    return float(x.sum() / x.size)
    # END SOLUTION


def bernoulli_map(x, a, b):
    """MAP estimate of theta under a Beta(a, b) prior (the mode of the Beta posterior).

    theta_MAP = argmax_theta  (k + a - 1) log(theta) + (n - k + b - 1) log(1 - theta).

    Parameters
    ----------
    x : array of shape (n,), int or bool, entries in {0, 1}. n may be 0 (no data): then the MAP is
        the mode of the prior, (a - 1) / (a + b - 2).
    a, b : float
        Prior pseudo-counts, a >= 1 and b >= 1, with n + a + b > 2.

    Returns
    -------
    theta : float in [0, 1]
        The formula applies at the edges too: a = 1 with all-zero data gives exactly 0, b = 1 with
        all-one data exactly 1.

    x is not modified. float32 arithmetic is accepted (compared at atol 1e-6).
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float).ravel()
    return float((x.sum() + a - 1.0) / (x.size + a + b - 2.0))
    # END SOLUTION


def gaussian_mean_posterior(x, sigma2, mu0, tau2):
    """Posterior of the mean theta of N(theta, sigma2) data under the prior N(mu0, tau2).

    1 / tau_N^2 = 1 / tau2 + n / sigma2,      mu_N = tau_N^2 (mu0 / tau2 + sum_i x_i / sigma2).

    Parameters
    ----------
    x : array of shape (n,), float; n may be 0 (then the posterior is the prior). The data may be
        large numbers (e.g. around 1e7).
    sigma2 : float > 0, the known variance of one observation.
    mu0 : float, prior mean.
    tau2 : float > 0 and finite, prior variance. It may be tiny (1e-12, a nearly certain prior) or
        huge (up to 1e300, a practically flat prior): never multiply it into the data's sum.

    Returns
    -------
    (mean, var) : tuple of two floats
        The posterior mean mu_N (also the MAP estimate) and the posterior variance tau_N^2.

    x is not modified. float32 arithmetic is accepted (compared at rtol 1e-4); a tau2 beyond float32's
    range then acts as an infinitely flat prior, which is fine as long as n >= 1.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float).ravel()
    precision = 1.0 / tau2 + x.size / sigma2
    var = 1.0 / precision
    return float(var * (mu0 / tau2 + x.sum() / sigma2)), float(var)
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_examples(bernoulli_mle, bernoulli_map, gaussian_mean_posterior):
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    three_heads = np.array([1, 1, 1])
    close(as_scalar(bernoulli_mle(three_heads), "MLE"), 1.0, name="MLE after 3 ones out of 3")
    # Beta(2, 2) adds one imaginary 1 and one imaginary 0: (3 + 1) / (3 + 2)
    close(as_scalar(bernoulli_map(three_heads, 2.0, 2.0), "MAP"), 0.8, name="MAP with a Beta(2, 2) prior after 3 ones",
          hint="the prior acts like a - 1 extra ones and b - 1 extra zeros; the MAP is the mode, not the mean")
    # Beta(3, 2) adds two imaginary 1s and one imaginary 0: (3 + 2) / (3 + 3)
    close(as_scalar(bernoulli_map(three_heads, 3.0, 2.0), "MAP"), 5.0 / 6.0, name="MAP with a Beta(3, 2) prior after 3 ones",
          hint="a - 1 extra ONES and b - 1 extra ZEROS: a goes with the ones")
    close(as_scalar(bernoulli_mle(np.array([1, 0, 1, 1, 0])), "MLE"), 0.6, name="MLE of [1, 0, 1, 1, 0]")
    close(as_scalar(bernoulli_mle(np.zeros(4, dtype=int)), "MLE"), 0.0, name="MLE of [0, 0, 0, 0]",
          hint="no ones at all is a valid data set: k = 0")
    # no data: the MAP is the mode of the Beta(3, 2) prior, (3 - 1) / (3 + 2 - 2)
    close(as_scalar(bernoulli_map(np.array([], dtype=int), 3.0, 2.0), "MAP"), 2.0 / 3.0,
          name="MAP without data, Beta(3, 2) prior", hint="with n = 0 the MAP is the mode of the prior; avoid n * mean(x)")
    # x = [1, 3], sigma2 = 1, prior N(0, 1): precision 1/1 + 2/1 = 3, mean (0/1 + 4/1) / 3 = 4/3
    mean, var = fields(gaussian_mean_posterior(np.array([1.0, 3.0]), 1.0, 0.0, 1.0), ["mean", "var"], "posterior")
    close(as_scalar(mean, "posterior mean"), 4.0 / 3.0, name="posterior mean",
          hint="a precision-weighted average: the prior mean gets weight 1/tau2, the sample mean n/sigma2")
    close(as_scalar(var, "posterior variance"), 1.0 / 3.0, name="posterior variance",
          hint="posterior precision = prior precision + n / sigma2; return the variance, not the standard deviation")

# %%
def test_properties(bernoulli_mle, bernoulli_map, gaussian_mean_posterior):
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields, require

    rng = np.random.default_rng(4)
    x = (rng.random(37) < 0.3).astype(int)
    close(as_scalar(bernoulli_map(x, 1.0, 1.0), "MAP"), as_scalar(bernoulli_mle(x), "MLE"),
          name="MAP with the uniform prior Beta(1, 1)", hint="a flat prior must give back the MLE")
    big = (rng.random(100_000) < 0.3).astype(int)
    gap = abs(as_scalar(bernoulli_map(big, 5.0, 3.0), "MAP") - as_scalar(bernoulli_mle(big), "MLE"))
    require(gap < 1e-4, f"with n = 100000 the MAP should be within 1e-4 of the MLE, but they differ by {gap:.3g}")

    data = rng.normal(3.0, 2.0, size=12)
    mean, var = (as_scalar(v, n) for v, n in zip(fields(gaussian_mean_posterior(data, 4.0, -1.0, 0.5), ["mean", "var"],
                                                      "posterior"), ["posterior mean", "posterior variance"]))
    require(-1.0 < mean < data.mean(), f"the posterior mean {mean:.4g} should lie between the prior mean -1 and the "
            f"sample mean {data.mean():.4g} (shrinkage)")
    require(0 < var < min(0.5, 4.0 / 12), f"the posterior variance {var:.4g} should be smaller than both the prior "
            "variance 0.5 and the variance of the sample mean sigma2 / n = 1/3")
    mean, var = fields(gaussian_mean_posterior(np.array([]), 4.0, -1.0, 0.5), ["mean", "var"], "posterior")
    close(np.array([as_scalar(mean, "posterior mean"), as_scalar(var, "posterior variance")]), [-1.0, 0.5],
          name="posterior (mean, variance) without data", hint="with n = 0 the posterior is the prior")

# %%
# HIDDEN
def test_bernoulli_against_numerical_optimum(bernoulli_mle, bernoulli_map):
    """Random data sets and asymmetric Beta priors, compared with the maximum of the log posterior."""
    # Oracle: maximise the log posterior built from scipy.stats densities with a bounded scalar
    # optimiser (accurate to ~1e-8); atol 1e-6 leaves a margin for float32 answers (~1e-7).
    import numpy as np
    from scipy.optimize import minimize_scalar
    from scipy.stats import bernoulli, beta
    from mlmathkit_checks import as_scalar, close

    def argmax(x, a, b):
        def neg_log_post(t):
            return -(bernoulli.logpmf(x, t).sum() + beta.logpdf(t, a, b))
        return minimize_scalar(neg_log_post, bounds=(1e-12, 1 - 1e-12), method="bounded",
                               options={"xatol": 1e-12}).x

    rng = np.random.default_rng(404)
    for _ in range(8):
        n, theta = int(rng.integers(5, 200)), rng.uniform(0.05, 0.95)
        a, b = rng.uniform(1.0, 6.0, size=2)
        x = (rng.random(n) < theta).astype(int)
        close(as_scalar(bernoulli_mle(x), "MLE"), argmax(x, 1.0, 1.0), rtol=0, atol=1e-6, name=f"MLE (n={n})")
        close(as_scalar(bernoulli_map(x, a, b), "MAP"), argmax(x, a, b), rtol=0, atol=1e-6,
              name=f"MAP (n={n}, a={a:.2f}, b={b:.2f})",
              hint="a - 1 imaginary ones and b - 1 imaginary zeros; which of a and b goes with the ones?")

# %%
# HIDDEN
def test_bernoulli_all_zeros(bernoulli_mle, bernoulli_map):
    """Data without a single one, with flat and informative priors."""
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    zeros = np.zeros(10, dtype=int)
    close(as_scalar(bernoulli_mle(zeros), "MLE"), 0.0, name="MLE of ten zeros")
    close(as_scalar(bernoulli_map(zeros, 1.0, 1.0), "MAP"), 0.0, name="MAP of ten zeros, Beta(1, 1) prior")
    close(as_scalar(bernoulli_map(zeros, 2.0, 2.0), "MAP"), 1.0 / 12.0, name="MAP of ten zeros, Beta(2, 2) prior")
    close(as_scalar(bernoulli_map(zeros, 3.0, 1.0), "MAP"), 2.0 / 12.0, name="MAP of ten zeros, Beta(3, 1) prior")

# %%
# HIDDEN
def test_gaussian_posterior_against_conditioning(gaussian_mean_posterior):
    """Random data, noise variances and priors, for one to many observations."""
    # Oracle 1: (theta, x_1..x_n) is jointly Gaussian; condition on x with an n x n solve:
    #   mean = mu0 + tau2 1^T K^{-1} (x - mu0),  var = tau2 - tau2^2 1^T K^{-1} 1,  K = tau2 11^T + sigma2 I.
    # Oracle 2: the posterior mode found numerically from scipy.stats log-densities (Brent, ~1e-8 relative).
    import numpy as np
    from scipy.linalg import solve
    from scipy.optimize import minimize_scalar
    from scipy import stats
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(44)
    for n in (1, 2, 5, 30):
        sigma2, tau2 = rng.uniform(0.2, 5.0, size=2)
        mu0 = rng.normal(scale=3.0)
        x = rng.normal(rng.normal(scale=3.0), np.sqrt(sigma2), size=n)
        K = tau2 * np.ones((n, n)) + sigma2 * np.eye(n)
        exp_mean = mu0 + tau2 * np.ones(n) @ solve(K, x - mu0, assume_a="pos")
        exp_var = tau2 - tau2**2 * np.ones(n) @ solve(K, np.ones(n), assume_a="pos")
        mean, var = fields(gaussian_mean_posterior(x, sigma2, mu0, tau2), ["mean", "var"], "posterior")
        close(as_scalar(mean, "posterior mean"), exp_mean, atol=1e-6, name=f"posterior mean (n={n})",
              hint="weights: prior precision 1/tau2 for mu0, data precision n/sigma2 for the sample mean")
        close(as_scalar(var, "posterior variance"), exp_var, name=f"posterior variance (n={n})")
        def neg_log_post(t):
            return -(stats.norm.logpdf(t, mu0, np.sqrt(tau2)) + stats.norm.logpdf(x, t, np.sqrt(sigma2)).sum())
        mode = minimize_scalar(neg_log_post, bracket=(mu0, x.mean())).x
        close(as_scalar(mean, "posterior mean"), mode, atol=1e-5,
              name=f"posterior mean vs. maximum of the log posterior (n={n})")

# %%
# HIDDEN
def test_gaussian_posterior_limits(gaussian_mean_posterior):
    """Limits of the prior: nearly flat, nearly certain, and exactly as precise as one observation."""
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(45)
    x = rng.normal(2.0, 1.5, size=20)

    def post(*args):
        m, v = fields(gaussian_mean_posterior(*args), ["mean", "var"], "posterior")
        return np.array([as_scalar(m, "posterior mean"), as_scalar(v, "posterior variance")])

    close(post(x, 2.25, -4.0, 1e12), [x.mean(), 2.25 / 20],
          name="posterior (mean, variance) with a flat prior (tau2 = 1e12)",
          hint="with an infinitely wide prior only the data count: N(xbar, sigma2 / n)")
    close(post(x, 2.25, -4.0, 1e-12), [-4.0, 1e-12],
          name="posterior (mean, variance) with a point-mass prior (tau2 = 1e-12)")
    close(post(x[:1], 2.25, -4.0, 2.25), [(x[0] - 4.0) / 2, 2.25 / 2],
          name="posterior after one observation as precise as the prior", hint="equal precisions: the midpoint")

# %%
# HIDDEN
def test_gaussian_posterior_flat_prior_large_data(gaussian_mean_posterior):
    """A practically flat prior (a huge prior variance) on data of large magnitude."""
    # tau2 = 1e300 and data around 1e7: tau2 * sum(x) ~ 1e309 overflows, 1/tau2 = 1e-300 does not. Oracle: the
    # flat-prior limit N(xbar, sigma2 / n); the prior changes it by ~1e-300 relative.
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(46)
    x = 1e7 + rng.normal(scale=2.0, size=200)
    mean, var = fields(gaussian_mean_posterior(x, 4.0, 3.0, 1e300), ["mean", "var"], "posterior")
    close(as_scalar(mean, "posterior mean"), x.mean(), name="posterior mean with tau2 = 1e300",
          hint="tau2 * sum(x) overflows here: use precisions, 1 / tau2 + n / sigma2")
    close(as_scalar(var, "posterior variance"), 4.0 / 200, name="posterior variance with tau2 = 1e300")

# %%
# HIDDEN
def test_bernoulli_map_without_data(bernoulli_map):
    """No data at all: the MAP estimate is the mode of the prior."""
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    for a, b in [(2.0, 2.0), (3.0, 1.5), (1.0, 4.0), (5.0, 1.0), (1.5, 1.5)]:
        close(as_scalar(bernoulli_map(np.array([], dtype=int), a, b), "MAP"), (a - 1) / (a + b - 2),
              name=f"MAP without data, Beta({a:g}, {b:g}) prior", hint="with n = 0 the MAP is the mode of the Beta prior")

# %%
# HIDDEN
def test_bernoulli_edges_and_boolean_data(bernoulli_mle, bernoulli_map):
    """Data of all ones or all zeros under a prior with no pseudo-count for the outcome never seen, and boolean observations."""
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    ones, zeros = np.ones(7, dtype=int), np.zeros(9, dtype=int)
    close(as_scalar(bernoulli_mle(ones), "MLE"), 1.0, name="MLE of seven ones")
    close(as_scalar(bernoulli_map(ones, 3.0, 1.0), "MAP"), 1.0, name="MAP of seven ones, Beta(3, 1) prior")
    close(as_scalar(bernoulli_map(ones, 1.0, 3.0), "MAP"), 7.0 / 9.0, name="MAP of seven ones, Beta(1, 3) prior")
    close(as_scalar(bernoulli_map(zeros, 1.0, 2.5), "MAP"), 0.0, name="MAP of nine zeros, Beta(1, 2.5) prior")
    rng = np.random.default_rng(47)
    x = rng.random(40) < 0.35
    k = int(np.count_nonzero(x))
    close(as_scalar(bernoulli_mle(x), "MLE"), k / 40, name="MLE of boolean data",
          hint="True counts as 1 and False as 0")
    close(as_scalar(bernoulli_map(x, 2.5, 4.0), "MAP"), (k + 1.5) / (40 + 4.5), name="MAP of boolean data, Beta(2.5, 4)")

# %%
# HIDDEN
def test_inputs_not_modified(bernoulli_mle, bernoulli_map, gaussian_mean_posterior):
    """The data arrays passed in are left unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(48)
    x = (rng.random(25) < 0.4).astype(int)
    g = rng.normal(size=25)
    x_copy, g_copy = x.copy(), g.copy()
    bernoulli_mle(x)
    bernoulli_map(x, 2.0, 3.0)
    close(x, x_copy, rtol=0, atol=0, name="x after bernoulli_mle and bernoulli_map", hint="do not modify the data in place")
    gaussian_mean_posterior(g, 2.0, 1.0, 0.5)
    close(g, g_copy, rtol=0, atol=0, name="x after gaussian_mean_posterior", hint="do not modify the data in place")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q5_naive_bayes

# %% [markdown]
# ## Question 5 — Gaussian naive Bayes, in log space
#
# **Why it matters.** A *generative* classifier models how each class produces data, $p(x\mid y=k)$,
# together with the class frequencies $p(y=k)$, and classifies with Bayes' rule (Question 1). Naive
# Bayes adds one bold assumption — the features are independent given the class — which leaves only a
# mean and a variance per class and feature: it trains in a single pass, needs little data, and is a
# standard baseline for text and tabular data. It is also the model where forgetting log space bites
# hardest: with many features, or a test point unlike anything seen in training, every class
# likelihood underflows to $0$ and the posterior becomes `0/0 = nan`.
#
# **The math.** Training data $X\in\mathbb R^{n\times d}$ with labels $y_i \in \{c_1,\dots,c_K\}$. The model is
#
# $$p(y=k) = \pi_k,\qquad p(x\mid y=k) = \prod_{j=1}^d \mathcal N\big(x_j \mid \mu_{kj}, \sigma^2_{kj}\big).$$
#
# *Fitting* is maximum likelihood, and because the log-likelihood splits into separate terms per class
# and per feature, each parameter is fitted on its own: $\pi_k = n_k/n$ (the class frequency), $\mu_{kj}$
# is the mean of feature $j$ over the $n_k$ training points of class $k$, and $\sigma^2_{kj}$ is their
# maximum-likelihood variance — dividing by $n_k$, not $n_k-1$ (compare Question 3). A feature that is
# constant within a class would get $\sigma^2_{kj}=0$ and a division by zero, so every variance is
# *smoothed*: add
#
# $$\varepsilon = \texttt{var\_smoothing}\cdot\max_j \operatorname{Var}(X_{:,j}),$$
#
# a small fraction of the largest feature variance of the *whole* training set (again dividing by $n$),
# so that the smoothing has the units of the data. This is scikit-learn's rule.
#
# *Predicting.* For a point $x$, the joint log-likelihood of class $k$ is
#
# $$\ell_k(x) = \log\pi_k + \sum_{j=1}^d\Big[-\tfrac12\log\big(2\pi\sigma^2_{kj}\big) - \frac{(x_j-\mu_{kj})^2}{2\sigma^2_{kj}}\Big],$$
#
# and the posterior is $\log p(y=k\mid x) = \ell_k(x) - \log\sum_{c}e^{\ell_c(x)}$, normalised with the
# log-sum-exp trick of Question 1. For a point 30 standard deviations from every class in 4 features,
# all $\ell_k$ are around $-2000$: $e^{\ell_k}$ is exactly $0$, yet the log posterior is an ordinary number.
#
# **Your task.** Implement `gaussian_nb_fit` and `gaussian_nb_log_proba` with `numpy` (you may use
# `scipy.special.logsumexp`). The classes are the sorted distinct labels (`np.unique`), and every
# per-class array follows that order.
#
# *Hints.* Broadcasting `X[:, None, :] - means[None, :, :]` gives an `(n, K, d)` array of differences.
# Test the log posterior on a point far from every class: the result must be finite.

# %% [raw]
# # BEGIN SOLUTION

# %%
def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    """Fit Gaussian naive Bayes by maximum likelihood, with scikit-learn's variance smoothing.

    pi_k = n_k / n,  mu_kj = mean of X[y == c_k, j],  sigma2_kj = (1/n_k) sum (x_ij - mu_kj)^2 + eps,
    eps = var_smoothing * max_j Var(X[:, j])   (variances with ddof = 0).

    Parameters
    ----------
    X : array of shape (n, d), float
    y : array of shape (n,), int
        Class labels (any integers, negative too, in any order); every class has at least one point.
    var_smoothing : float >= 0
        With var_smoothing = 0 nothing is added (then no feature may be constant within a class).

    Returns
    -------
    dict with keys
        "classes"   : array (K,), the sorted distinct labels, as np.unique(y) returns them
        "log_prior" : array (K,), log pi_k
        "means"     : array (K, d), mu_kj
        "variances" : array (K, d), sigma2_kj (smoothed: > 0 whenever var_smoothing > 0)
    Every per-class array follows the order of "classes".

    X and y are not modified. float32 arithmetic is accepted: results are compared at rtol 1e-4.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    classes = np.unique(y)
    eps = var_smoothing * X.var(axis=0).max()
    means = np.stack([X[y == c].mean(axis=0) for c in classes])
    variances = np.stack([X[y == c].var(axis=0) for c in classes]) + eps
    counts = np.array([np.sum(y == c) for c in classes])
    return {"classes": classes, "log_prior": np.log(counts / y.shape[0]), "means": means, "variances": variances}
    # END SOLUTION


def gaussian_nb_log_proba(X, log_prior, means, variances):
    """Normalised log posterior log p(y = k | x) of Gaussian naive Bayes for each row of X.

    l_k(x) = log pi_k + sum_j [ -1/2 log(2 pi sigma2_kj) - (x_j - mu_kj)^2 / (2 sigma2_kj) ],
    log p(y = k | x) = l_k(x) - logsumexp_c l_c(x).

    Parameters
    ----------
    X : array of shape (n, d), float
    log_prior : array of shape (K,), float
    means, variances : arrays of shape (K, d), float (variances > 0)

    Returns
    -------
    log_proba : array of shape (n, K), float
        Finite, <= 0, and exp(log_proba) sums to 1 along each row — also for points far from
        every class, where exp(l_k) underflows to 0.

    The input arrays are not modified. float32 arithmetic is accepted: results are compared at atol
    1e-5 (and at rtol 1e-5, atol 1e-2 for log posteriors in the hundreds, far from every class).
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    means, variances = np.asarray(means, dtype=float), np.asarray(variances, dtype=float)
    diff = X[:, None, :] - means[None, :, :]  # (n, K, d)
    # l_k(x) up to -d/2 log(2 pi): that term is the same for every class and cancels in the normalisation
    jll = (np.asarray(log_prior, dtype=float)[None, :]
           - 0.5 * np.log(variances).sum(axis=1)[None, :]
           - 0.5 * (diff**2 / variances[None, :, :]).sum(axis=2))
    m = jll.max(axis=1, keepdims=True)
    return jll - (m + np.log(np.exp(jll - m).sum(axis=1, keepdims=True)))
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(gaussian_nb_fit, gaussian_nb_log_proba):
    # Class 0 = {0, 2}, class 1 = {4, 6}: means 1 and 5, ML variances 1 and 1, priors 1/2 (no smoothing).
    # At x = 3 both classes are equally likely. At x = 1: l_0 - l_1 = (1-5)^2/2 - 0 = 8,
    # so log p(0|x) = -log(1 + e^-8) and log p(1|x) = -8 - log(1 + e^-8).
    import numpy as np
    from mlmathkit_checks import close, fields

    X, y = np.array([[0.0], [2.0], [4.0], [6.0]]), np.array([0, 0, 1, 1])
    classes, log_prior, means, variances = fields(gaussian_nb_fit(X, y, var_smoothing=0.0),
                                                  ["classes", "log_prior", "means", "variances"], "fit")
    close(classes, [0, 1], name="classes")
    close(log_prior, np.log([0.5, 0.5]), name="log_prior")
    close(means, [[1.0], [5.0]], name="means")
    close(variances, [[1.0], [1.0]], name="variances", hint="maximum-likelihood variance: divide by n_k, not n_k - 1")
    got = gaussian_nb_log_proba(np.array([[3.0], [1.0]]), np.log([0.5, 0.5]), np.array([[1.0], [5.0]]), np.ones((2, 1)))
    c = np.log1p(np.exp(-8.0))
    # atol 1e-6: log p(0 | x=1) = -3.4e-4 is a difference of terms of size ~1; float32 gets it to ~1e-8
    close(got, [[np.log(0.5), np.log(0.5)], [-c, -8.0 - c]], atol=1e-6, name="log posterior at x = 3 and x = 1",
          hint="joint log-likelihood of each class, minus the log-sum-exp over classes")

# %%
def test_worked_example_unequal_classes(gaussian_nb_fit, gaussian_nb_log_proba):
    # Labels 5 (points 0, 2) and 2 (points 4, 6, 8, 10), listed out of order. Sorted classes [2, 5]:
    # priors 4/6 and 2/6, means 7 and 1, ML variances (9 + 1 + 1 + 9)/4 = 5 and 1 (no smoothing).
    # At x: l_k = log pi_k - 1/2 log(2 pi sigma2_k) - (x - mu_k)^2 / (2 sigma2_k), normalised by log-sum-exp.
    import numpy as np
    from mlmathkit_checks import close, fields

    X, y = np.array([[0.0], [4.0], [2.0], [6.0], [8.0], [10.0]]), np.array([5, 2, 5, 2, 2, 2])
    classes, log_prior, means, variances = fields(gaussian_nb_fit(X, y, var_smoothing=0.0),
                                                  ["classes", "log_prior", "means", "variances"], "fit")
    close(classes, [2, 5], name="classes", hint="the classes are the sorted distinct labels (np.unique), not their order in y")
    close(log_prior, np.log([4 / 6, 2 / 6]), name="log_prior", hint="log of the class frequencies n_k / n")
    close(means, [[7.0], [1.0]], name="means")
    close(variances, [[5.0], [1.0]], name="variances", hint="maximum-likelihood variance: divide by n_k, not n_k - 1")
    x = np.array([3.0, 5.0])
    l2 = np.log(4 / 6) - 0.5 * np.log(2 * np.pi * 5.0) - (x - 7.0) ** 2 / 10.0
    l5 = np.log(2 / 6) - 0.5 * np.log(2 * np.pi * 1.0) - (x - 1.0) ** 2 / 2.0
    norm = np.logaddexp(l2, l5)
    got = gaussian_nb_log_proba(x[:, None], np.log([4 / 6, 2 / 6]), np.array([[7.0], [1.0]]), np.array([[5.0], [1.0]]))
    close(got, np.column_stack([l2 - norm, l5 - norm]), atol=1e-6, name="log posterior at x = 3 and x = 5",
          hint="log prior + sum_j [-1/2 log(2 pi sigma2) - (x - mu)^2 / (2 sigma2)], minus the log-sum-exp over classes")
    # x = 100: l_2 ~ -866 and l_5 ~ -4902, so exp(l_k) is 0.0 for both classes; the log posterior is still
    # [~0, l_5 - l_2]. (float32 carries errors ~1e-3 at this size: rtol 1e-5, atol 1e-2.)
    l2 = np.log(4 / 6) - 0.5 * np.log(2 * np.pi * 5.0) - 93.0**2 / 10.0
    l5 = np.log(2 / 6) - 0.5 * np.log(2 * np.pi * 1.0) - 99.0**2 / 2.0
    norm = np.logaddexp(l2, l5)
    got = gaussian_nb_log_proba(np.array([[100.0]]), np.log([4 / 6, 2 / 6]), np.array([[7.0], [1.0]]), np.array([[5.0], [1.0]]))
    close(got, [[l2 - norm, l5 - norm]], rtol=1e-5, atol=1e-2, name="log posterior at x = 100, far from both classes",
          hint="exp(l_k) underflows to 0 for every class here: normalise with log-sum-exp (subtract the row maximum first)")

# %%
def test_worked_example_smoothing(gaussian_nb_fit):
    # Feature 0 is constant within each class (0 and 4); feature 1 takes 1 and 3 in each class. Variances of the
    # whole X: 4 and 1, so eps = 0.25 * max(4, 1) = 1 is added to the class variances [0, 1].
    import numpy as np
    from mlmathkit_checks import close, fields

    X, y = np.array([[0.0, 1.0], [0.0, 3.0], [4.0, 1.0], [4.0, 3.0]]), np.array([0, 0, 1, 1])
    means, variances = fields(gaussian_nb_fit(X, y, var_smoothing=0.25), ["means", "variances"], "fit")
    close(means, [[0.0, 2.0], [4.0, 2.0]], name="means")
    close(variances, [[1.0, 2.0], [1.0, 2.0]], name="variances with var_smoothing = 0.25",
          hint="add eps = var_smoothing * (largest variance of a column of the WHOLE X, dividing by n) to every variance")

# %%
def test_properties(gaussian_nb_fit, gaussian_nb_log_proba):
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, probabilities, require

    rng = np.random.default_rng(5)
    y = rng.permutation(np.repeat([11, 3, 7], [10, 25, 15]))
    X = rng.normal(size=(50, 3)) + (y[:, None] == 3) * 2.0 - (y[:, None] == 11) * 1.5
    classes, log_prior, means, variances = fields(gaussian_nb_fit(X, y), ["classes", "log_prior", "means", "variances"], "fit")
    close(classes, [3, 7, 11], name="classes", hint="the classes are the sorted distinct labels, np.unique(y)")
    probabilities(np.exp(as_array(log_prior, "log_prior")), name="exp(log_prior)")
    close(log_prior, np.log([25 / 50, 15 / 50, 10 / 50]), name="log_prior", hint="class frequencies, in sorted label order")
    as_array(means, "means", shape=(3, 3))
    require(bool(np.all(as_array(variances, "variances", shape=(3, 3)) > 0)), "all variances must be positive")
    Xt = rng.normal(size=(8, 3))
    lp = as_array(gaussian_nb_log_proba(Xt, log_prior, means, variances), "log_proba", shape=(8, 3))
    require(bool(np.all(lp <= 1e-12)), "log probabilities must be <= 0")
    probabilities(np.exp(lp), axis=1, name="exp(log_proba) (each row over the classes)")

# %%
# HIDDEN
def test_fit_against_sklearn(gaussian_nb_fit):
    """Random data with several classes and features, labels negative and listed in no particular order."""
    import numpy as np
    from sklearn.naive_bayes import GaussianNB
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(505)
    for K, d in [(2, 1), (3, 4), (5, 2)]:
        y = rng.integers(0, K, size=120) * 3 - 2  # labels -2, 1, 4, ...
        y[:K] = np.arange(K)[::-1] * 3 - 2  # every class present, first seen in descending order
        X = rng.normal(size=(120, d)) * rng.uniform(0.5, 3.0, size=d) + y[:, None] * rng.normal(size=d)
        gnb = GaussianNB().fit(X, y)
        classes, log_prior, means, variances = fields(gaussian_nb_fit(X, y),
                                                      ["classes", "log_prior", "means", "variances"], "fit")
        close(classes, gnb.classes_, name="classes")
        close(np.exp(np.asarray(log_prior, dtype=float)), gnb.class_prior_, name="exp(log_prior)",
              hint="pi_k = n_k / n, in the order of the sorted labels")
        close(means, gnb.theta_, atol=1e-6, name=f"means (K={K}, d={d})")
        close(variances, gnb.var_, name=f"variances (K={K}, d={d})",
              hint="maximum-likelihood variance (divide by n_k), plus var_smoothing * max feature variance of X")

# %%
# HIDDEN
def test_log_proba_against_sklearn(gaussian_nb_fit, gaussian_nb_log_proba):
    """Unbalanced classes with different spreads, scored on new points."""
    import numpy as np
    from sklearn.naive_bayes import GaussianNB
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(506)
    y = np.repeat([0, 1, 2], [15, 60, 25])
    X = rng.normal(size=(100, 4)) * np.array([1.0, 0.5, 2.0, 1.0]) + y[:, None] * np.array([1.0, -0.7, 0.5, 0.0])
    gnb = GaussianNB().fit(X, y)
    Xt = rng.normal(size=(30, 4)) * 1.5 + 0.7
    # log posterior from scikit-learn's own parameters (tests gaussian_nb_log_proba alone) ...
    # values are differences of terms of size ~10: atol 1e-5 is ~100x the error of float32 arithmetic
    close(gaussian_nb_log_proba(Xt, np.log(gnb.class_prior_), gnb.theta_, gnb.var_), gnb.predict_log_proba(Xt),
          atol=1e-5, name="log posterior", hint="did you include log prior and the -1/2 log(2 pi sigma2) terms?")
    # ... and end to end
    fit = fields(gaussian_nb_fit(X, y), ["classes", "log_prior", "means", "variances"], "fit")
    close(gaussian_nb_log_proba(Xt, *fit[1:]), gnb.predict_log_proba(Xt), atol=1e-5, name="log posterior (fit + predict)")

# %%
# HIDDEN
def test_far_points_no_underflow(gaussian_nb_fit, gaussian_nb_log_proba):
    """Points so far from every class that every joint likelihood underflows to 0."""
    # Joint log-likelihoods between -1e3 and -2.4e3: every exp(l_k) underflows to 0. float32 arithmetic
    # carries absolute errors ~1e-3 at this size, hence atol 1e-2 and rtol 1e-5 (log posteriors reach -700);
    # a wrong prior or normaliser shifts them by 0.1 or more.
    import numpy as np
    from sklearn.naive_bayes import GaussianNB
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(507)
    y = np.repeat([0, 1, 2], [30, 30, 40])
    centres = np.array([[0.0, 0.0, 0.0, 0.0], [3.0, 1.0, -2.0, 0.5], [-2.0, 2.0, 1.0, -1.0]])
    X = centres[y] + rng.normal(size=(100, 4)) * np.array([1.0, 0.5, 1.5, 0.8])
    gnb = GaussianNB().fit(X, y)
    Xt = np.array([[30.0, -20.0, 35.0, -25.0], [-35.0, 16.0, 30.0, 25.0], [60.0, 0.0, 0.0, 0.0], [0.0, 26.0, 0.0, 0.0]])
    fit = fields(gaussian_nb_fit(X, y), ["classes", "log_prior", "means", "variances"], "fit")
    close(gaussian_nb_log_proba(Xt, *fit[1:]), gnb.predict_log_proba(Xt), rtol=1e-5, atol=1e-2,
          name="log posterior of points far from every class",
          hint="exp of the joint log-likelihood is 0 here: normalise with log-sum-exp, subtracting the row maximum first")

# %%
# HIDDEN
def test_variance_smoothing(gaussian_nb_fit, gaussian_nb_log_proba):
    """A feature that is constant within each class, with features in units of about 100, for several var_smoothing values."""
    # A feature that is constant within each class, features in units of ~100: the smoothing must scale
    # with the data (var_smoothing * max feature variance), as in scikit-learn.
    import numpy as np
    from sklearn.naive_bayes import GaussianNB
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(508)
    y = np.repeat([0, 1], [20, 30])
    X = np.column_stack([rng.normal(size=50) * 100.0 + y * 50.0, np.where(y == 0, 10.0, 30.0)])
    for smoothing in (1e-9, 1e-3, 0.1):
        gnb = GaussianNB(var_smoothing=smoothing).fit(X, y)
        fit = fields(gaussian_nb_fit(X, y, var_smoothing=smoothing), ["classes", "log_prior", "means", "variances"], "fit")
        close(fit[3], gnb.var_, name=f"variances with var_smoothing={smoothing:g}",
              hint="add var_smoothing times the LARGEST variance of the columns of the whole X to every variance")
        Xt = np.array([[0.0, 10.0], [50.0, 30.0], [20.0, 10.0], [-100.0, 30.0]])
        # with var_smoothing=1e-9 the second feature's variance is ~1e-5 and the wrong class gets a log
        # posterior of about -2e7 (relative tolerance); atol 1e-3 for the values near 0
        close(gaussian_nb_log_proba(Xt, *fit[1:]), gnb.predict_log_proba(Xt), atol=1e-3,
              name=f"log posterior with var_smoothing={smoothing:g}")

# %%
# HIDDEN
def test_no_smoothing(gaussian_nb_fit, gaussian_nb_log_proba):
    """No variance smoothing at all: the plain maximum-likelihood variances."""
    import numpy as np
    from sklearn.naive_bayes import GaussianNB
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(509)
    y = rng.permutation(np.repeat([4, -1, 9], [12, 30, 18]))
    X = rng.normal(size=(60, 3)) * np.array([0.3, 2.0, 1.0]) + (y[:, None] == 4) * np.array([1.0, -2.0, 0.5])
    gnb = GaussianNB(var_smoothing=0.0).fit(X, y)
    fit = fields(gaussian_nb_fit(X, y, var_smoothing=0.0), ["classes", "log_prior", "means", "variances"], "fit")
    close(fit[0], gnb.classes_, name="classes")
    close(fit[3], gnb.var_, name="variances with var_smoothing=0",
          hint="maximum-likelihood variances (divide by n_k), nothing added")
    Xt = rng.normal(size=(10, 3)) * 2.0
    close(gaussian_nb_log_proba(Xt, *fit[1:]), gnb.predict_log_proba(Xt), atol=1e-5, name="log posterior with var_smoothing=0")

# %%
# HIDDEN
def test_inputs_not_modified(gaussian_nb_fit, gaussian_nb_log_proba):
    """The data, labels and parameter arrays passed in are left unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(510)
    y = rng.permutation(np.repeat([2, 0, 1], [10, 15, 5]))
    X = rng.normal(size=(30, 2)) + y[:, None]
    X_copy, y_copy = X.copy(), y.copy()
    gaussian_nb_fit(X, y)
    close(X, X_copy, rtol=0, atol=0, name="X after gaussian_nb_fit", hint="do not modify the data in place")
    close(y, y_copy, rtol=0, atol=0, name="y after gaussian_nb_fit", hint="do not sort or modify the labels in place")
    log_prior, means, variances = np.log([0.5, 0.3, 0.2]), rng.normal(size=(3, 2)), rng.uniform(0.5, 2.0, size=(3, 2))
    Xt = rng.normal(size=(7, 2))
    copies = [a.copy() for a in (Xt, log_prior, means, variances)]
    gaussian_nb_log_proba(Xt, log_prior, means, variances)
    for name, arr, copy in zip(["X", "log_prior", "means", "variances"], [Xt, log_prior, means, variances], copies):
        close(arr, copy, rtol=0, atol=0, name=f"{name} after gaussian_nb_log_proba", hint="work on new arrays, not in place")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q6_gmm_em

# %% [markdown]
# ## Question 6 — Gaussian mixtures and the EM algorithm
#
# **Why it matters.** A Gaussian mixture model (GMM) is the prototype of a *latent-variable model*:
# each point comes from one of $K$ hidden components, and we never observe which. Soft clustering,
# density estimation, anomaly detection, speaker models and the initialisation of HMMs all rest on it,
# and the algorithm that fits it — Expectation–Maximisation (EM) — reappears in HMMs (Baum–Welch),
# topic models, missing-data imputation and, generalised, in variational inference. Numerically it
# combines everything so far: Bayes' rule in log space (Question 1), Gaussian log-densities
# (Question 2) and weighted covariance estimates (Questions 3 and 5).
#
# **The model.** A latent label $z_i\in\{1,\dots,K\}$ with $p(z_i=k)=\pi_k$, and
# $x_i \mid z_i=k \sim \mathcal N(\mu_k,\Sigma_k)$. Summing out $z_i$, the (mean) log-likelihood of
# $X = (x_1,\dots,x_n)$ is
#
# $$\mathcal L(\theta) = \frac1n\sum_{i=1}^n \log \sum_{k=1}^K \pi_k\,\mathcal N(x_i\mid\mu_k,\Sigma_k).$$
#
# The log of a sum has no closed-form maximiser. EM alternates two easy steps instead.
#
# **E-step (Bayes' rule).** The *responsibility* of component $k$ for point $i$ is its posterior
#
# $$r_{ik} = p(z_i = k\mid x_i) = \frac{\pi_k\,\mathcal N(x_i\mid\mu_k,\Sigma_k)}{\sum_j \pi_j\,\mathcal N(x_i\mid\mu_j,\Sigma_j)} .$$
#
# Compute it in log space: $\ell_{ik} = \log\pi_k + \log\mathcal N(x_i\mid\mu_k,\Sigma_k)$ and
# $r_{ik} = \exp\big(\ell_{ik} - \operatorname{logsumexp}_j \ell_{ij}\big)$. The normaliser
# $\operatorname{logsumexp}_j \ell_{ij} = \log p(x_i\mid\theta)$ is exactly the term of $\mathcal L$ for point $i$,
# so the E-step gives you the log-likelihood for free.
#
# **M-step (weighted maximum likelihood).** If the labels were known we would fit each component to its
# own points. Knowing only the responsibilities, maximise the *expected* complete-data log-likelihood
# $\sum_i\sum_k r_{ik}\,[\log\pi_k + \log\mathcal N(x_i\mid\mu_k,\Sigma_k)]$: every point counts for component
# $k$ with weight $r_{ik}$. With $N_k = \sum_i r_{ik}$ (the effective number of points of component $k$),
#
# $$\pi_k = \frac{N_k}{n},\qquad \mu_k = \frac1{N_k}\sum_i r_{ik}\,x_i,\qquad
# \Sigma_k = \frac1{N_k}\sum_i r_{ik}\,(x_i-\mu_k)(x_i-\mu_k)^\top + \lambda I ,$$
#
# where $\Sigma_k$ uses the *new* $\mu_k$ and $\lambda$ = `reg_covar` is a small ridge (as in scikit-learn)
# that stops a component which collapses onto a few points from becoming singular — the likelihood
# of a mixture is unbounded, $\mathcal N(x_i\mid x_i, \varepsilon I)\to\infty$ as $\varepsilon\to 0$.
#
# **Why it works.** For any distribution $q_i$ over $k$, Jensen's inequality gives
# $\log p(x_i\mid\theta) \ge \sum_k q_{ik}\log\frac{\pi_k\mathcal N(x_i\mid\mu_k,\Sigma_k)}{q_{ik}}$, with equality when
# $q_{ik} = r_{ik}$. The E-step makes this lower bound tight at the current $\theta$; the M-step maximises
# the bound over $\theta$. So the log-likelihood **never decreases** from one iteration to the next — a
# free and very effective test of your code. (Without `reg_covar`, exactly; the tiny ridge changes
# this only at the level of $\lambda$.)
#
# **Your task.** Implement `gmm_e_step` and `gmm_em` (you may call your `mvn_logpdf` from Question 2).
# One EM *iteration* is one E-step followed by one M-step. `gmm_em` runs exactly `n_iter` iterations from
# the given initial parameters and records the trace
# `log_likelihood[t]` $=\mathcal L(\theta_t)$ for $t = 0, 1, \dots,$ `n_iter`, where $\theta_0$ are the initial
# parameters and $\theta_t$ the parameters after $t$ iterations (so the trace has `n_iter + 1` entries).
#
# *Hints.* Keep the responsibilities as an `(n, K)` array; `resp.sum(axis=0)` gives all $N_k$ at once and
# `resp.T @ X` all the weighted sums. Check your E-step on a point far from every component: its
# responsibilities must still be finite and sum to one.

# %% [raw]
# # BEGIN SOLUTION

# %%
def gmm_e_step(X, weights, means, covs):
    """E-step of EM for a Gaussian mixture: responsibilities and mean log-likelihood.

    l_ik = log pi_k + log N(x_i | mu_k, Sigma_k),   r_ik = exp(l_ik - logsumexp_j l_ij),
    mean_log_likelihood = (1/n) sum_i logsumexp_j l_ij.

    Parameters
    ----------
    X : array of shape (n, d), float
    weights : array of shape (K,), float, positive, summing to 1
    means : array of shape (K, d), float
    covs : array of shape (K, d, d), float, each symmetric positive definite

    Returns
    -------
    (resp, mean_log_likelihood) : tuple
        resp : array of shape (n, K), rows are probabilities (finite even far from every component)
        mean_log_likelihood : float

    The input arrays are not modified. float32 arithmetic is accepted: responsibilities are compared at
    atol 1e-6, the log-likelihood at rtol 1e-4.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    log_joint = np.column_stack([np.log(weights[k]) + mvn_logpdf(X, means[k], covs[k]) for k in range(len(weights))])
    m = log_joint.max(axis=1, keepdims=True)
    log_norm = m + np.log(np.exp(log_joint - m).sum(axis=1, keepdims=True))  # log p(x_i), shape (n, 1)
    return np.exp(log_joint - log_norm), float(log_norm.mean())
    # END SOLUTION


def gmm_em(X, weights, means, covs, n_iter, reg_covar=1e-6):
    """Run exactly n_iter EM iterations (E-step, then M-step) for a full-covariance Gaussian mixture.

    M-step: N_k = sum_i r_ik,  pi_k = N_k / n,  mu_k = sum_i r_ik x_i / N_k,
            Sigma_k = sum_i r_ik (x_i - mu_k)(x_i - mu_k)^T / N_k + reg_covar * I   (with the new mu_k).

    Parameters
    ----------
    X : array of shape (n, d), float
    weights, means, covs : initial parameters, shapes (K,), (K, d), (K, d, d)
    n_iter : int >= 0
    reg_covar : float >= 0, added to the diagonal of every covariance in the M-step

    Returns
    -------
    dict with keys
        "weights" : array (K,), "means" : array (K, d), "covs" : array (K, d, d) after n_iter iterations
        "log_likelihood" : array (n_iter + 1,), the mean log-likelihood of the initial parameters and
            of the parameters after each iteration; never decreases.
    The components may be returned in any order (they are matched by their means). With n_iter = 0
    the initial parameters come back unchanged.

    The input arrays (X and the initial parameters) are not modified: work on copies. float32
    arithmetic is accepted: results are compared at rtol 1e-4 (atol 1e-6).
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    weights, means, covs = (np.array(a, dtype=float) for a in (weights, means, covs))
    trace = []
    for _ in range(n_iter):
        resp, ll = gmm_e_step(X, weights, means, covs)
        trace.append(ll)
        Nk = resp.sum(axis=0)
        weights = Nk / n
        means = resp.T @ X / Nk[:, None]
        for k in range(len(Nk)):
            D = X - means[k]
            covs[k] = (resp[:, k, None] * D).T @ D / Nk[k] + reg_covar * np.eye(d)
    trace.append(gmm_e_step(X, weights, means, covs)[1])
    return {"weights": weights, "means": means, "covs": covs, "log_likelihood": np.array(trace)}
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (not graded).** Fit a 3-component mixture to the synthetic data below with `gmm_em`
# (40 iterations from the given start), then draw two panels: (1) the data coloured by their
# responsibilities — mix the components' colours with weights $r_{ik}$, so points between two clusters
# get an in-between colour — with, for each component, the ellipse $\{\mu_k + 2Lu : \lVert u\rVert = 1\}$
# where $\Sigma_k = LL^\top$ (the contour at two Mahalanobis units); (2) the log-likelihood trace. Check
# that it never goes down.

# %% [raw]
# # BEGIN SOLUTION

# %%
rng_demo = np.random.default_rng(6)
X_demo = np.concatenate([
    rng_demo.multivariate_normal([0.0, 0.0], [[1.0, 0.8], [0.8, 1.0]], size=150),
    rng_demo.multivariate_normal([3.0, -1.0], [[0.4, 0.0], [0.0, 1.5]], size=100),
    rng_demo.multivariate_normal([-1.0, 4.0], [[1.0, -0.3], [-0.3, 0.5]], size=120),
])
start_demo = X_demo[rng_demo.choice(len(X_demo), size=3, replace=False)]
# BEGIN SOLUTION
fit_demo = gmm_em(X_demo, np.full(3, 1 / 3), start_demo, np.stack([np.eye(2)] * 3), n_iter=40)
resp_demo, _ = gmm_e_step(X_demo, fit_demo["weights"], fit_demo["means"], fit_demo["covs"])
palette = np.array([[0.12, 0.47, 0.71], [1.0, 0.5, 0.05], [0.17, 0.63, 0.17]])
fig, axes = plt.subplots(1, 2, figsize=(11, 4.5))
axes[0].scatter(X_demo[:, 0], X_demo[:, 1], c=np.clip(resp_demo @ palette, 0, 1), s=10)
circle = np.stack([np.cos(np.linspace(0, 2 * np.pi, 100)), np.sin(np.linspace(0, 2 * np.pi, 100))])
for k in range(3):
    ellipse = fit_demo["means"][k][:, None] + 2 * np.linalg.cholesky(fit_demo["covs"][k]) @ circle
    axes[0].plot(ellipse[0], ellipse[1], color=palette[k], lw=2)
    axes[0].plot(*fit_demo["means"][k], "k+", ms=12)
axes[0].set(title="data coloured by responsibility, 2-sigma ellipses", xlabel="$x_1$", ylabel="$x_2$")
axes[0].set_aspect("equal", adjustable="datalim")
axes[1].plot(fit_demo["log_likelihood"], marker=".")
axes[1].set(title="EM never decreases the log-likelihood", xlabel="iteration", ylabel="mean log-likelihood")
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_e_step_worked_example(gmm_e_step):
    # Two unit-variance components at -1 and +1 with equal weights. x = 0 is halfway: r = (1/2, 1/2).
    # x = 1: N(1|-1,1) / N(1|1,1) = e^-2, so r = (e^-2, 1) / (1 + e^-2).
    # log p(0) = log N(0|1,1) = -log(2 pi)/2 - 1/2;  log p(1) = -log(2 pi)/2 + log((1 + e^-2)/2).
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields, probabilities

    X = np.array([[0.0], [1.0]])
    resp, ll = fields(gmm_e_step(X, np.array([0.5, 0.5]), np.array([[-1.0], [1.0]]), np.ones((2, 1, 1))),
                      ["resp", "mean_log_likelihood"], "E-step result")
    probabilities(resp, axis=1, name="responsibilities (each row)")
    e = np.exp(-2.0)
    close(resp, [[0.5, 0.5], [e / (1 + e), 1 / (1 + e)]], name="responsibilities",
          hint="r_ik is proportional to pi_k N(x_i | mu_k, Sigma_k), normalised over k; rows are points")
    expected = np.mean([-0.5 * np.log(2 * np.pi) - 0.5, -0.5 * np.log(2 * np.pi) + np.log((1 + e) / 2)])
    close(as_scalar(ll, "mean log-likelihood"), expected, name="mean log-likelihood",
          hint="the average over points of log sum_k pi_k N(x_i | mu_k, Sigma_k) — a mean, not a sum")

# %%
def test_e_step_worked_example_unequal_weights(gmm_e_step):
    # Weights (1/4, 3/4), unit-variance components at -1 and +1. At x = 0 both densities are equal, so r = (1/4, 3/4)
    # and log p(0) = log N(0|1,1) = -log(2 pi)/2 - 1/2. At x = 1: r = (e^-2/4, 3/4) / (e^-2/4 + 3/4).
    # At x = 40 (far from both): N(40|-1,1) / N(40|1,1) = e^-80, so r = (c, 1) / (1 + c) with c = e^-80 / 3,
    # and log p(40) = -log(2 pi)/2 + log(3/4) - 39^2/2 + log(1 + c) - although both densities are 0.0 in floating point.
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields, probabilities

    X = np.array([[0.0], [1.0], [40.0]])
    resp, ll = fields(gmm_e_step(X, np.array([0.25, 0.75]), np.array([[-1.0], [1.0]]), np.ones((2, 1, 1))),
                      ["resp", "mean_log_likelihood"], "E-step result")
    probabilities(resp, axis=1, name="responsibilities (each row)")
    e, c = np.exp(-2.0), np.exp(-80.0) / 3
    close(resp, [[0.25, 0.75], [0.25 * e / (0.25 * e + 0.75), 0.75 / (0.25 * e + 0.75)], [c / (1 + c), 1 / (1 + c)]],
          atol=1e-6, name="responsibilities with weights (1/4, 3/4)",
          hint="r_ik is proportional to pi_k N(x_i | mu_k, Sigma_k): include the weights, and normalise in log space "
               "(subtract the row maximum) so that a far-away point does not give 0/0")
    half_log_2pi = 0.5 * np.log(2 * np.pi)
    expected = np.mean([-half_log_2pi - 0.5, -half_log_2pi + np.log(0.25 * e + 0.75),
                        -half_log_2pi + np.log(0.75) - 760.5 + np.log1p(c)])
    close(as_scalar(ll, "mean log-likelihood"), expected, name="mean log-likelihood with weights (1/4, 3/4)",
          hint="the average over points of the log-sum-exp over k of log pi_k + log N(x_i | mu_k, Sigma_k)")

# %%
def test_em_one_iteration_by_hand(gmm_em):
    # Two well-separated pairs of points, (0,0), (2,2) and (10,0), (12,2), started from means (0,0) and (10,0) with
    # identity covariances: the responsibilities are 0 or 1 up to e^-30 ~ 1e-13. One M-step gives weights (1/2, 1/2),
    # means (1,1) and (11,1), and around the NEW means each pair has covariance [[1, 1], [1, 1]], plus reg_covar * I.
    import numpy as np
    from mlmathkit_checks import as_array, best_permutation, close, fields

    X = np.array([[0.0, 0.0], [2.0, 2.0], [10.0, 0.0], [12.0, 2.0]])
    w, m, c, ll = fields(gmm_em(X, np.array([0.5, 0.5]), np.array([[0.0, 0.0], [10.0, 0.0]]), np.stack([np.eye(2)] * 2),
                                1, reg_covar=0.5), ["weights", "means", "covs", "log_likelihood"], "EM result")
    expected_means = np.array([[1.0, 1.0], [11.0, 1.0]])
    perm = best_permutation(m, expected_means, name="means")
    close(as_array(m, "means")[perm], expected_means, atol=1e-6, name="means after one iteration",
          hint="mu_k = sum_i r_ik x_i / N_k (divide by N_k, not n)")
    close(as_array(w, "weights")[perm], [0.5, 0.5], name="weights after one iteration")
    close(as_array(c, "covs")[perm], [[[1.5, 1.0], [1.0, 1.5]]] * 2, atol=1e-6, name="covariances after one iteration",
          hint="weight each outer product by r_ik, centre on the NEW means, divide by N_k, add reg_covar to the "
               "diagonal only")
    as_array(ll, "log_likelihood", shape=(2,))

# %%
def test_em_properties(gmm_e_step, gmm_em):
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, positive_definite, probabilities, require

    rng = np.random.default_rng(66)
    X = np.concatenate([rng.normal(size=(50, 2)) * 0.7, rng.normal(size=(30, 2)) + np.array([3.0, 2.0])])
    w0, m0, c0 = np.array([0.5, 0.5]), np.array([[1.0, 0.0], [0.0, 2.0]]), np.stack([np.eye(2)] * 2)
    w, m, c, ll = fields(gmm_em(X, w0, m0, c0, 12), ["weights", "means", "covs", "log_likelihood"], "EM result")
    ll = as_array(ll, "log_likelihood", shape=(13,))
    # allow -1e-5 (1 + |ll|): float32 round-off of a mean log-likelihood, and the tiny reg_covar ridge
    steps = np.diff(ll) / (1 + np.abs(ll[:-1]))
    require(bool(np.all(steps >= -1e-5)), f"the log-likelihood decreased at iteration {int(np.argmin(steps)) + 1} "
            f"(relative change {steps.min():.3g}): EM never decreases it, so the E- or M-step is wrong")
    close(ll[0], as_scalar(fields(gmm_e_step(X, w0, m0, c0), ["resp", "ll"], "E-step result")[1], "mean log-likelihood"),
          name="log_likelihood[0]", hint="the first entry is the log-likelihood of the initial parameters")
    probabilities(w, name="weights")
    as_array(m, "means", shape=(2, 2))
    covs = as_array(c, "covs", shape=(2, 2, 2))
    for k in range(2):
        positive_definite(covs[k], name=f"covs[{k}]")
    close(ll[-1], as_scalar(fields(gmm_e_step(X, w, m, covs), ["resp", "ll"], "E-step result")[1], "mean log-likelihood"),
          name="log_likelihood[-1]", hint="the last entry is the log-likelihood of the returned parameters")

# %%
# HIDDEN
def test_e_step_against_scipy(gmm_e_step):
    """Random mixtures with unequal weights and correlated covariances, in one to three dimensions."""
    import numpy as np
    from scipy.special import logsumexp
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(606)
    for K, d in [(3, 2), (4, 3), (2, 1)]:
        weights = rng.dirichlet(np.ones(K) * 2)
        means = rng.normal(scale=2.0, size=(K, d))
        covs = np.stack([(lambda A: A @ A.T + 0.3 * np.eye(d))(rng.normal(size=(d, d))) for _ in range(K)])
        X = rng.normal(scale=2.5, size=(40, d))
        log_joint = np.column_stack([np.log(weights[k]) + multivariate_normal(means[k], covs[k]).logpdf(X) for k in range(K)])
        log_px = logsumexp(log_joint, axis=1)
        resp, ll = fields(gmm_e_step(X, weights, means, covs), ["resp", "mean_log_likelihood"], "E-step result")
        close(resp, np.exp(log_joint - log_px[:, None]), atol=1e-6, name=f"responsibilities (K={K}, d={d})",
              hint="did you include the mixing weights pi_k? rows are points, columns components")
        close(as_scalar(ll, "mean log-likelihood"), log_px.mean(), name=f"mean log-likelihood (K={K}, d={d})")

# %%
# HIDDEN
def test_e_step_far_points(gmm_e_step):
    """Points so far from every component that every component density underflows to 0."""
    # Every component density underflows to 0 (log-densities around -1e3 to -1e4): the responsibilities
    # still follow from differences of log-densities.
    import numpy as np
    from scipy.special import logsumexp
    from scipy.stats import multivariate_normal
    from mlmathkit_checks import as_scalar, close, fields, probabilities

    weights = np.array([0.3, 0.7])
    means = np.array([[0.0, 0.0], [2.0, 1.0]])
    covs = np.array([[[1.0, 0.3], [0.3, 0.5]], [[0.8, 0.0], [0.0, 1.2]]])
    X = np.array([[60.0, -40.0], [-80.0, 10.0], [30.0, 40.0], [1.0, 100.0]])
    log_joint = np.column_stack([np.log(weights[k]) + multivariate_normal(means[k], covs[k]).logpdf(X) for k in range(2)])
    log_px = logsumexp(log_joint, axis=1)
    resp, ll = fields(gmm_e_step(X, weights, means, covs), ["resp", "mean_log_likelihood"], "E-step result")
    probabilities(resp, axis=1, name="responsibilities of far-away points")
    close(resp, np.exp(log_joint - log_px[:, None]), atol=1e-6, name="responsibilities of far-away points",
          hint="exp(log-density) is 0 for every component here: subtract the row maximum before exponentiating")
    close(as_scalar(ll, "mean log-likelihood"), log_px.mean(), name="mean log-likelihood of far-away points")

# %%
# HIDDEN
def test_em_against_sklearn(gmm_em):
    """Several EM iterations on overlapping clusters in two and three dimensions, with a small and a large reg_covar."""
    # Oracle: sklearn's GaussianMixture started from the same parameters, tol=0 so that it runs exactly
    # max_iter iterations (each: E-step, then M-step). lower_bounds_[t] is the mean log-likelihood of the
    # parameters entering iteration t+1, and score(X) that of the final parameters. Components are matched
    # by their means, so any component order passes. EM contracts towards the optimum here, so float32
    # round-off (~1e-6 relative) is not amplified: the default rtol 1e-4 with atol 1e-6 for entries near 0.
    import warnings
    import numpy as np
    from sklearn.mixture import GaussianMixture
    from mlmathkit_checks import as_array, best_permutation, close, fields, oracle

    rng = np.random.default_rng(616)
    blob_a = np.concatenate([
        rng.multivariate_normal([0.0, 0.0], [[1.0, 0.6], [0.6, 1.0]], size=100),
        rng.multivariate_normal([4.0, 0.0], [[0.5, 0.0], [0.0, 2.0]], size=80),
        rng.multivariate_normal([1.0, 4.0], [[1.0, -0.4], [-0.4, 0.6]], size=60)])
    blob_b = np.concatenate([rng.normal(size=(90, 3)), rng.normal(size=(60, 3)) * 0.6 + np.array([2.5, -1.0, 1.0])])
    configs = [
        (blob_a, np.full(3, 1 / 3), np.array([[0.5, -0.5], [3.0, 1.0], [0.0, 3.0]]), np.stack([np.eye(2)] * 3), 8, 1e-6),
        (blob_b, np.array([0.7, 0.3]), np.array([[0.5, 0.5, 0.0], [1.5, -0.5, 0.5]]), np.stack([2 * np.eye(3)] * 2),
         5, 0.05),
    ]

    def sklearn_em(X, w0, m0, c0, n_iter, reg):
        gm = GaussianMixture(len(w0), covariance_type="full", weights_init=w0, means_init=m0,
                             precisions_init=np.linalg.inv(c0), max_iter=n_iter, tol=0.0, reg_covar=reg,
                             init_params="random", random_state=0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            gm.fit(X)
        return gm.means_, gm.weights_, gm.covariances_, np.append(gm.lower_bounds_, gm.score(X))

    for X, w0, m0, c0, n_iter, reg in configs:
        means, weights, covs, expected_ll = oracle(sklearn_em, X, w0, m0, c0, n_iter, reg)  # once per worker
        w, m, c, ll = fields(gmm_em(X, w0, m0, c0, n_iter, reg_covar=reg),
                             ["weights", "means", "covs", "log_likelihood"], "EM result")
        tag = f"(d={X.shape[1]}, K={len(w0)}, n_iter={n_iter}, reg_covar={reg:g})"
        perm = best_permutation(m, means, name="means")
        close(as_array(m, "means")[perm], means, atol=1e-6, name=f"means {tag}")
        close(as_array(w, "weights")[perm], weights, name=f"weights {tag}")
        close(as_array(c, "covs")[perm], covs, atol=1e-6, name=f"covariances {tag}",
              hint="weight each outer product by r_ik, divide by N_k, use the NEW means, and add reg_covar to the diagonal")
        close(ll, expected_ll, name=f"log-likelihood trace {tag}",
              hint="n_iter + 1 entries: the initial parameters, then after each iteration")

# %%
# HIDDEN
def test_em_iteration_count(gmm_em):
    """Exactly one iteration, and zero iterations."""
    # n_iter = 1 is one E-step and one M-step (compared with sklearn, max_iter=1); n_iter = 0 changes nothing.
    import warnings
    import numpy as np
    from scipy.special import logsumexp
    from scipy.stats import multivariate_normal
    from sklearn.mixture import GaussianMixture
    from mlmathkit_checks import as_array, best_permutation, close, fields

    rng = np.random.default_rng(626)
    X = np.concatenate([rng.normal(size=(40, 2)), rng.normal(size=(40, 2)) + 3.0])
    w0, m0, c0 = np.array([0.4, 0.6]), np.array([[1.0, 1.0], [2.0, 2.0]]), np.stack([np.eye(2), 0.5 * np.eye(2)])
    gm = GaussianMixture(2, weights_init=w0, means_init=m0, precisions_init=np.linalg.inv(c0), max_iter=1, tol=0.0,
                         init_params="random", random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gm.fit(X)
    w, m, c, ll = fields(gmm_em(X, w0, m0, c0, 1), ["weights", "means", "covs", "log_likelihood"], "EM result")
    perm = best_permutation(m, gm.means_, name="means")
    close(as_array(m, "means")[perm], gm.means_, atol=1e-6, name="means after one iteration",
          hint="one iteration = one E-step followed by one M-step")
    close(as_array(c, "covs")[perm], gm.covariances_, atol=1e-6, name="covariances after one iteration")
    close(ll, [gm.lower_bounds_[0], gm.score(X)], name="log-likelihood trace after one iteration")
    w, m, c, ll = fields(gmm_em(X, w0, m0, c0, 0), ["weights", "means", "covs", "log_likelihood"], "EM result")
    perm = best_permutation(m, m0, name="means")
    close(as_array(w, "weights")[perm], w0, name="weights after 0 iterations")
    close(as_array(m, "means")[perm], m0, name="means after 0 iterations")
    close(as_array(c, "covs")[perm], c0, name="covariances after 0 iterations",
          hint="with n_iter = 0 the initial parameters come back unchanged")
    log_joint = np.column_stack([np.log(w0[k]) + multivariate_normal(m0[k], c0[k]).logpdf(X) for k in range(2)])
    log_px = logsumexp(log_joint, axis=1)
    close(ll, [log_px.mean()], name="log-likelihood trace after 0 iterations")

# %%
# HIDDEN
def test_inputs_not_modified(gmm_e_step, gmm_em):
    """The data and the initial parameter arrays passed in are left unchanged by the E-step and by EM."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(636)
    X = np.concatenate([rng.normal(size=(30, 2)), rng.normal(size=(20, 2)) * 0.5 + np.array([2.0, 1.0])])
    w0, m0 = np.array([0.6, 0.4]), np.array([[0.5, 0.0], [1.5, 1.5]])
    c0 = np.stack([np.eye(2), np.array([[1.0, 0.2], [0.2, 0.8]])])
    names = ["X", "weights", "means", "covs"]
    copies = [a.copy() for a in (X, w0, m0, c0)]
    gmm_e_step(X, w0, m0, c0)
    for name, arr, copy in zip(names, [X, w0, m0, c0], copies):
        close(arr, copy, rtol=0, atol=0, name=f"{name} after gmm_e_step", hint="work on new arrays, not in place")
    for n_iter in (3, 0):
        gmm_em(X, w0, m0, c0, n_iter)
        for name, arr, copy in zip(names, [X, w0, m0, c0], copies):
            close(arr, copy, rtol=0, atol=0, name=f"{name} after gmm_em with n_iter = {n_iter}",
                  hint="copy the initial parameters (np.array(means, dtype=float)) before updating them")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q7_bayes_linreg

# %% [markdown]
# ## Question 7 — Bayesian linear regression: posterior and predictive distribution
#
# **Why it matters.** Least squares and ridge regression return one weight vector. Bayesian linear
# regression returns a *distribution* over weights, and therefore error bars on every prediction,
# which grow where there is no data. It is the simplest model in which uncertainty is exact, and the
# foundation of Gaussian processes (its kernelised form), Bayesian optimisation, active learning,
# Thompson sampling and the "last-layer Laplace" uncertainty of neural networks.
#
# **The model.** Features $\Phi\in\mathbb R^{n\times M}$ (row $i$ is $\phi(x_i)^\top$), targets
# $y = \Phi w + \varepsilon$ with noise $\varepsilon\sim\mathcal N(0,\beta^{-1}I)$ (*precision* $\beta$), and prior
# $w\sim\mathcal N(0,\alpha^{-1}I)$ (precision $\alpha$). Bayes' rule, keeping the terms in $w$:
#
# $$\log p(w\mid y) = -\frac\beta2\lVert y-\Phi w\rVert^2 - \frac\alpha2\lVert w\rVert^2 + \text{const}
# = -\frac12 w^\top\big(\alpha I + \beta\Phi^\top\Phi\big)w + \beta\, w^\top\Phi^\top y + \text{const}.$$
#
# A Gaussian $\mathcal N(w\mid m_N, S_N)$ has log-density $-\frac12 w^\top S_N^{-1} w + w^\top S_N^{-1}m_N + \text{const}$.
# Matching the quadratic and the linear term (as in Question 4, now with matrices),
#
# $$S_N^{-1} = \alpha I + \beta\,\Phi^\top\Phi, \qquad m_N = \beta\, S_N \Phi^\top y .$$
#
# The posterior precision is the prior precision plus the data's; $m_N$ is the ridge-regression
# solution with penalty $\lambda = \alpha/\beta$; and as $\alpha\to 0$ with plenty of data, $m_N$ becomes the
# least-squares fit.
#
# **Prediction.** For a new input with features $\phi_*$, $y_* = \phi_*^\top w + \varepsilon_*$ is a linear
# function of the Gaussian $w$ plus independent noise, so it is Gaussian with
#
# $$\mathbb E[y_*] = \phi_*^\top m_N, \qquad \operatorname{Var}[y_*] = \underbrace{\beta^{-1}}_{\text{noise}} + \underbrace{\phi_*^\top S_N\,\phi_*}_{\text{uncertainty about } w} .$$
#
# The second term shrinks as data accumulate; the first never does, so $\operatorname{Var}[y_*]\ge\beta^{-1}$.
#
# **Numerics.** $A = \alpha I + \beta\Phi^\top\Phi$ is symmetric positive definite: factor it once,
# $A = LL^\top$ (`np.linalg.cholesky`), and get $S_N = A^{-1} = L^{-\top}L^{-1}$ from the triangular
# inverse $L^{-1}$ (`scipy.linalg.solve_triangular`) — written this way, $S_N$ is exactly symmetric. For
# the predictive variances you need only the *diagonal* of $\Phi_*S_N\Phi_*^\top$: compute it row by row
# without forming the $n_*\times n_*$ matrix.
#
# **Your task.** Implement `blr_posterior` and `blr_predictive` with `numpy`/`scipy.linalg`.
#
# *Hints.* Check the one-feature case by hand: with $\Phi$ a column of ones, $S_N^{-1} = \alpha + n\beta$.
# `np.einsum("ij,jk,ik->i", A, B, A)` computes $a_i^\top B a_i$ for every row $a_i$ of `A`.

# %% [raw]
# # BEGIN SOLUTION

# %%
def blr_posterior(Phi, y, alpha, beta):
    """Posterior N(m_N, S_N) of the weights of Bayesian linear regression.

    Prior w ~ N(0, alpha^{-1} I), likelihood y ~ N(Phi w, beta^{-1} I):
    S_N^{-1} = alpha I + beta Phi^T Phi,   m_N = beta S_N Phi^T y.

    Parameters
    ----------
    Phi : array of shape (n, M), float (n may be smaller than M)
    y : array of shape (n,), float
    alpha : float > 0, prior precision of each weight
    beta : float > 0, noise precision

    Returns
    -------
    (m_N, S_N) : tuple
        m_N : array of shape (M,), posterior mean
        S_N : array of shape (M, M), posterior covariance, symmetric positive definite

    The input arrays are not modified. float32 arithmetic is accepted: entries are compared at rtol 1e-4,
    with an absolute tolerance of 1e-4 times the largest entry.
    """
    # BEGIN SOLUTION
    from scipy.linalg import solve_triangular

    Phi = np.asarray(Phi, dtype=float)
    y = np.asarray(y, dtype=float)
    M = Phi.shape[1]
    L = np.linalg.cholesky(alpha * np.eye(M) + beta * Phi.T @ Phi)  # S_N^{-1} = L L^T
    L_inv = solve_triangular(L, np.eye(M), lower=True)
    S_N = L_inv.T @ L_inv  # (L L^T)^{-1} = L^{-T} L^{-1}: symmetric by construction
    m_N = beta * S_N @ (Phi.T @ y)
    return m_N, S_N
    # END SOLUTION


def blr_predictive(Phi_star, m_N, S_N, beta):
    """Posterior predictive mean and variance of y_* = phi_*^T w + noise at each row of Phi_star.

    mean_i = phi_i^T m_N,   var_i = 1/beta + phi_i^T S_N phi_i.

    Parameters
    ----------
    Phi_star : array of shape (n_star, M), float
    m_N : array of shape (M,), float
    S_N : array of shape (M, M), float
    beta : float > 0, noise precision

    Returns
    -------
    (mean, var) : tuple of two arrays of shape (n_star,); var >= 1/beta
        var is the predictive VARIANCE of each test point on its own (not a standard deviation, and
        without the covariances between different test points).

    The input arrays are not modified. float32 arithmetic is accepted: results are compared at rtol 1e-4.
    """
    # BEGIN SOLUTION
    Phi_star = np.asarray(Phi_star, dtype=float)
    mean = Phi_star @ np.asarray(m_N, dtype=float)
    var = 1.0 / beta + np.einsum("ij,jk,ik->i", Phi_star, np.asarray(S_N, dtype=float), Phi_star)
    return mean, var
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(blr_posterior, blr_predictive):
    # One constant feature, y = (1, 3), alpha = beta = 1: S_N^{-1} = 1 + 2 = 3, m_N = (1/3)(1 + 3) = 4/3.
    # At phi_* = 2: mean 8/3, variance 1 + 4/3; at phi_* = 0: mean 0, variance 1 (noise only).
    import numpy as np
    from mlmathkit_checks import close, fields

    m_N, S_N = fields(blr_posterior(np.array([[1.0], [1.0]]), np.array([1.0, 3.0]), 1.0, 1.0), ["m_N", "S_N"], "posterior")
    close(m_N, [4.0 / 3.0], name="m_N", hint="m_N = beta S_N Phi^T y")
    close(S_N, [[1.0 / 3.0]], name="S_N", hint="S_N is the INVERSE of alpha I + beta Phi^T Phi, shape (M, M)")
    mean, var = fields(blr_predictive(np.array([[2.0], [0.0]]), np.array([4.0 / 3.0]), np.array([[1.0 / 3.0]]), 1.0),
                       ["mean", "var"], "predictive")
    close(mean, [8.0 / 3.0, 0.0], name="predictive mean")
    close(var, [1.0 + 4.0 / 3.0, 1.0], name="predictive variance", hint="noise variance 1/beta plus phi^T S_N phi")

# %%
def test_worked_example_two_features(blr_posterior, blr_predictive):
    # Phi rows (1, 0), (0, 1), (1, 1), y = (1, 2, 3), alpha = 2, beta = 4:
    # Phi^T Phi = [[2, 1], [1, 2]],  S_N^{-1} = 2 I + 4 Phi^T Phi = [[10, 4], [4, 10]] (det 84),
    # S_N = [[10, -4], [-4, 10]] / 84,  Phi^T y = (4, 5),  m_N = 4 S_N (4, 5) = (20, 34) / 21.
    # Predictive at phi_* = (1, -1): mean -14/21, var 1/4 + (10 + 4 + 4 + 10)/84 = 1/4 + 1/3;
    #            at phi_* = (2, 0):  mean 40/21, var 1/4 + 40/84.
    import numpy as np
    from mlmathkit_checks import close, fields

    Phi, y = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([1.0, 2.0, 3.0])
    m_N, S_N = fields(blr_posterior(Phi, y, 2.0, 4.0), ["m_N", "S_N"], "posterior")
    close(S_N, np.array([[10.0, -4.0], [-4.0, 10.0]]) / 84, name="S_N (alpha = 2, beta = 4)",
          hint="S_N = (alpha I + beta Phi^T Phi)^{-1}: alpha multiplies the identity, beta the data term")
    close(m_N, np.array([20.0, 34.0]) / 21, name="m_N (alpha = 2, beta = 4)", hint="m_N = beta S_N Phi^T y")
    mean, var = fields(blr_predictive(np.array([[1.0, -1.0], [2.0, 0.0]]), np.array([20.0, 34.0]) / 21,
                                      np.array([[10.0, -4.0], [-4.0, 10.0]]) / 84, 4.0), ["mean", "var"], "predictive")
    close(mean, [-14.0 / 21, 40.0 / 21], name="predictive mean")
    close(var, [0.25 + 1.0 / 3.0, 0.25 + 40.0 / 84], name="predictive variance (beta = 4)",
          hint="var_i = 1/beta + phi_i^T S_N phi_i: the noise VARIANCE 1/beta, and the full quadratic form of row i alone")

# %%
def test_properties(blr_posterior, blr_predictive):
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, positive_definite, require

    rng = np.random.default_rng(7)
    Phi = rng.normal(size=(20, 4))
    y = Phi @ np.array([1.0, -2.0, 0.5, 0.0]) + rng.normal(scale=0.3, size=20)
    m_N, S_N = fields(blr_posterior(Phi, y, 2.0, 10.0), ["m_N", "S_N"], "posterior")
    as_array(m_N, "m_N", shape=(4,))
    positive_definite(as_array(S_N, "S_N", shape=(4, 4)), name="S_N")
    mean, var = fields(blr_predictive(rng.normal(size=(6, 4)) * 3, m_N, S_N, 10.0), ["mean", "var"], "predictive")
    as_array(mean, "predictive mean", shape=(6,))
    var = as_array(var, "predictive variance", shape=(6,))
    require(bool(np.all(var >= 1 / 10.0)),
            f"predictive variances must be at least the noise variance 1/beta = 0.1, got min {var.min():.4g}")
    # alpha -> 0 with plenty of data: the posterior mean becomes the least-squares solution
    Phi = rng.normal(size=(2000, 5))
    y = Phi @ rng.normal(size=5) + rng.normal(size=2000)
    m_N, _ = fields(blr_posterior(Phi, y, 1e-8, 1.0), ["m_N", "S_N"], "posterior")
    close(m_N, np.linalg.lstsq(Phi, y, rcond=None)[0], name="m_N with alpha = 1e-8 and n = 2000",
          hint="with a vanishing prior the posterior mean is the least-squares fit")

# %%
# HIDDEN
def test_posterior_against_gaussian_conditioning(blr_posterior):
    """Random designs and precisions, with more data than features, fewer, a single point and a single feature."""
    # Oracle: (w, y) is jointly Gaussian with Cov(w) = I/alpha, Cov(w, y) = Phi^T/alpha,
    # Cov(y) = K = Phi Phi^T/alpha + I/beta. Conditioning on y needs only the n x n matrix K:
    #   m_N = Phi^T K^{-1} y / alpha,   S_N = I/alpha - Phi^T K^{-1} Phi / alpha^2.
    import numpy as np
    from scipy.linalg import solve
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(707)
    for n, M, alpha, beta in [(30, 3, 1.0, 25.0), (50, 6, 0.1, 4.0), (8, 30, 0.5, 2.0), (1, 4, 3.0, 0.5), (40, 1, 2.0, 9.0)]:
        Phi = rng.normal(size=(n, M))
        y = Phi @ rng.normal(size=M) + rng.normal(scale=1 / np.sqrt(beta), size=n)
        K = Phi @ Phi.T / alpha + np.eye(n) / beta
        exp_m = Phi.T @ solve(K, y, assume_a="pos") / alpha
        exp_S = np.eye(M) / alpha - Phi.T @ solve(K, Phi, assume_a="pos") / alpha**2
        m_N, S_N = fields(blr_posterior(Phi, y, alpha, beta), ["m_N", "S_N"], "posterior")
        tag = f"(n={n}, M={M}, alpha={alpha:g}, beta={beta:g})"
        # Small entries are differences of large terms, so they carry errors relative to the largest
        # entry: atol = 1e-4 * max |entry|. (float32 with cond(S_N^{-1}) ~ 300 errs by ~5e-6 * max |entry|.)
        close(m_N, exp_m, atol=1e-4 * np.abs(exp_m).max(), name=f"m_N {tag}", hint="m_N = beta S_N Phi^T y: is beta there?")
        close(S_N, exp_S, atol=1e-4 * np.abs(exp_S).max(), name=f"S_N {tag}",
              hint="S_N^{-1} = alpha I + beta Phi^T Phi: alpha is a precision (inverse variance)")

# %%
# HIDDEN
def test_predictive_against_gaussian_process(blr_predictive):
    """Predictions at random new inputs, with more data than features and fewer."""
    # Oracle: the same model as a Gaussian process with kernel k(x, x') = phi(x)^T phi(x') / alpha:
    #   mean = k_*^T K^{-1} y,  var = 1/beta + k_** - k_*^T K^{-1} k_*,  K = Phi Phi^T / alpha + I / beta.
    # The posterior (m_N, S_N) passed in is computed independently by Gaussian conditioning.
    import numpy as np
    from scipy.linalg import solve
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(717)
    for n, M, alpha, beta in [(25, 4, 1.0, 16.0), (6, 10, 0.3, 2.0)]:
        Phi, Phi_star = rng.normal(size=(n, M)), rng.normal(scale=2.0, size=(12, M))
        y = Phi @ rng.normal(size=M) + rng.normal(scale=1 / np.sqrt(beta), size=n)
        K = Phi @ Phi.T / alpha + np.eye(n) / beta
        m_N = Phi.T @ solve(K, y, assume_a="pos") / alpha
        S_N = np.eye(M) / alpha - Phi.T @ solve(K, Phi, assume_a="pos") / alpha**2
        S_N = (S_N + S_N.T) / 2
        k_star = Phi @ Phi_star.T / alpha  # (n, n_star)
        exp_mean = k_star.T @ solve(K, y, assume_a="pos")
        exp_var = 1 / beta + np.sum(Phi_star**2, axis=1) / alpha - np.sum(k_star * solve(K, k_star, assume_a="pos"), axis=0)
        mean, var = fields(blr_predictive(Phi_star, m_N, S_N, beta), ["mean", "var"], "predictive")
        close(mean, exp_mean, atol=1e-6, name=f"predictive mean (n={n}, M={M})")
        close(var, exp_var, name=f"predictive variance (n={n}, M={M})",
              hint="var_i = 1/beta + phi_i^T S_N phi_i, one number per row of Phi_star")

# %%
# HIDDEN
def test_more_features_than_data(blr_posterior, blr_predictive):
    """Test inputs in directions the training features say nothing about."""
    # M = 12 features, n = 4 points: Phi^T Phi is singular, the prior keeps S_N well defined. A direction
    # phi_* orthogonal to every training row is untouched by the data: mean 0, var = 1/beta + |phi_*|^2/alpha.
    import numpy as np
    from scipy.linalg import null_space
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(727)
    Phi = rng.normal(size=(4, 12))
    y = rng.normal(size=4)
    alpha, beta = 0.5, 4.0
    m_N, S_N = fields(blr_posterior(Phi, y, alpha, beta), ["m_N", "S_N"], "posterior")
    Phi_star = 3.0 * null_space(Phi)[:, :5].T  # 5 unit directions the data say nothing about, scaled by 3
    mean, var = fields(blr_predictive(Phi_star, m_N, S_N, beta), ["mean", "var"], "predictive")
    # expected 0 exactly; round-off is relative to |phi_*| |m_N| ~ 3 (float32: ~6e-6)
    close(mean, np.zeros(5), atol=1e-4, name="predictive mean in directions without data",
          hint="the posterior mean lies in the span of the training features")
    close(var, np.full(5, 1 / beta + 9.0 / alpha), name="predictive variance in directions without data",
          hint="there, the posterior is still the prior: variance 1/beta + |phi|^2 / alpha")

# %%
# HIDDEN
def test_inputs_not_modified(blr_posterior, blr_predictive):
    """The design matrix, targets and posterior arrays passed in are left unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(737)
    Phi, y = rng.normal(size=(15, 3)), rng.normal(size=15)
    Phi_copy, y_copy = Phi.copy(), y.copy()
    blr_posterior(Phi, y, 0.5, 3.0)
    close(Phi, Phi_copy, rtol=0, atol=0, name="Phi after blr_posterior", hint="work on new arrays, not in place")
    close(y, y_copy, rtol=0, atol=0, name="y after blr_posterior", hint="work on new arrays, not in place")
    A = rng.normal(size=(3, 3))
    Phi_star, m_N, S_N = rng.normal(size=(6, 3)), rng.normal(size=3), A @ A.T + 0.1 * np.eye(3)
    copies = [a.copy() for a in (Phi_star, m_N, S_N)]
    blr_predictive(Phi_star, m_N, S_N, 3.0)
    for name, arr, copy in zip(["Phi_star", "m_N", "S_N"], [Phi_star, m_N, S_N], copies):
        close(arr, copy, rtol=0, atol=0, name=f"{name} after blr_predictive", hint="work on new arrays, not in place")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION
