# %% [markdown]
# # Chapter 4 — Information theory for machine learning
#
# The loss you minimise to train a classifier is a cross-entropy; a variational autoencoder maximises
# a bound made of a likelihood and a Kullback–Leibler divergence; decision trees split on information
# gain; contrastive learning maximises a bound on mutual information; trust-region methods in
# reinforcement learning limit how far a policy may move in KL. In this problem set you implement
# these quantities yourself — entropy, KL divergence, cross-entropy, mutual information, the ELBO and
# the information of Gaussian channels — and learn the numerical details (the convention
# $0\log 0 = 0$, log-sum-exp, `log1p`, Cholesky factors) that decide whether the numbers are right.
#
# **Units.** Information measured with $\log_2$ is in *bits*, with the natural log in *nats*;
# $1\text{ bit} = \ln 2 \text{ nats} \approx 0.693\text{ nats}$, and $\log_b t = \ln t / \ln b$. Every function
# below says which unit it returns: mixing them up is the most common mistake in this chapter.
#
# **How to work.** Each question explains why it matters, derives the math, then asks you to fill in
# functions whose docstrings state the exact inputs and outputs. Replace each
# `raise NotImplementedError(...)` line with your code, run the cell, then run the `grader.check`
# cell below it. Public checks test properties and one worked example; the autograder runs more
# (hidden) tests on random and numerically hard inputs, so make your code correct in general, not
# just on the example.
#
# Use `numpy`, `scipy.linalg` and `scipy.special`. Do not use `scipy.stats`, scikit-learn,
# `torch.distributions` or `torch.nn.functional` to answer a question — they are what your answers are
# graded against.

# %%
import numpy as np
import matplotlib.pyplot as plt

# %% [raw]
# # BEGIN QUESTION
# name: q1_entropy

# %% [markdown]
# ## Question 1 — Entropy, joint and conditional entropy, and the chain rule
#
# **Why it matters.** Entropy is the average surprise of a random outcome: the number of bits an
# optimal code needs per symbol, the impurity a decision tree reduces with each split (*information
# gain* is a drop in entropy), the bonus that keeps a reinforcement-learning policy exploring, and the
# uncertainty an active learner queries first. The conditional entropy $H(Y\mid X)$ is what is left to
# know about a label $Y$ once the features $X$ are seen — zero for a perfectly predictable label.
#
# **The math.** A discrete random variable $X$ with probabilities $p(x)$ has entropy
#
# $$H(X) = -\sum_x p(x)\log_b p(x) = \mathbb E\big[-\log_b p(X)\big],$$
#
# in bits for $b = 2$ and in nats for $b = e$; since $\log_b t = \ln t/\ln b$, $H_b = H_e / \ln b$.
# Outcomes with $p(x) = 0$ contribute nothing: $t\log t \to 0$ as $t \to 0^+$, so we *define*
# $0\log 0 = 0$. (Floating point does not know this: `np.log(0.0)` is `-inf` and `0.0 * -inf` is `nan`.)
# For $K$ outcomes, $0 \le H \le \log_b K$, with $0$ for a certain outcome and $\log_b K$ for the uniform
# distribution.
#
# For a pair $(X, Y)$ with joint table $p(x, y)$ the *joint entropy* $H(X,Y) = -\sum_{x,y} p(x,y)\log p(x,y)$
# is just the entropy of the table, read as one distribution over all cells. The *conditional entropy*
# averages the entropy of $Y$ that remains once $X = x$ is known, weighted by how often each $x$ occurs:
#
# $$H(Y\mid X) = \sum_x p(x)\, H(Y\mid X = x) = -\sum_{x,y} p(x,y)\log p(y\mid x),
# \qquad p(x) = \sum_y p(x,y),\quad p(y\mid x) = \frac{p(x,y)}{p(x)} .$$
#
# Rows with $p(x) = 0$ never occur and contribute nothing.
#
# **The chain rule.** Take $\log p(x,y) = \log p(x) + \log p(y\mid x)$, multiply by $-p(x,y)$ and sum over
# all cells: the first term sums over $y$ to $-\sum_x p(x)\log p(x)$, so
#
# $$H(X, Y) = H(X) + H(Y\mid X) :$$
#
# the uncertainty of the pair is that of $X$, plus what is left of $Y$ once $X$ is known. Conditioning
# never increases entropy on average, $H(Y\mid X) \le H(Y)$, with equality iff $X$ and $Y$ are independent.
#
# **Your task.** Implement `entropy` (any array shape: a joint table is one distribution over its
# cells) and `conditional_entropy` (rows of the table index $x$, columns index $y$). You may call
# `entropy` from `conditional_entropy`.
#
# *Hints.* Select the positive entries with a boolean mask before taking logs. Which axis of
# `pxy` do you sum over to get $p(x)$? Check by hand that `[1/2, 1/4, 1/4]` has 1.5 bits.

# %% [raw]
# # BEGIN SOLUTION

# %%
def entropy(p, base=2.0):
    """Shannon entropy of a discrete distribution, with the convention 0 log 0 = 0.

    H = - sum_i p_i log_b p_i   (sum over all entries of p; entries with p_i = 0 contribute 0).

    Parameters
    ----------
    p : array of any shape, float
        Probabilities, p_i >= 0, summing to 1 over ALL entries (a joint table counts as one
        distribution over its cells). Zeros and tiny entries (1e-300) are allowed.
    base : float > 1, default 2.0
        Base of the logarithm: 2 gives bits, np.e gives nats.

    Returns
    -------
    H : float >= 0, in units of log base `base`.

    float32 inputs and arithmetic are accepted: results are compared at rtol 1e-4 (rtol 1e-5 for a
    million near-uniform outcomes). The input array is not modified.
    """
    # BEGIN SOLUTION
    p = np.asarray(p, dtype=float).ravel()
    nz = p[p > 0]
    return float(-np.sum(nz * np.log(nz)) / np.log(base))
    # END SOLUTION


def conditional_entropy(pxy, base=2.0):
    """Conditional entropy H(Y | X) of a joint distribution table.

    H(Y | X) = sum_x p(x) H(Y | X = x) = - sum_{x,y} p(x, y) log_b p(y | x)
             = H(X, Y) - H(X)   (chain rule), with p(x) = sum_y p(x, y).

    Parameters
    ----------
    pxy : array of shape (A, B), float
        pxy[x, y] = p(X = x, Y = y) >= 0, summing to 1. Rows index x, columns index y.
        Rows or columns may be all zero.
    base : float > 1, default 2.0 (bits); np.e for nats; any other base (3, 10, ...) must be honoured too.

    Returns
    -------
    H : float >= 0, in units of log base `base`.

    float32 inputs and arithmetic are accepted: results are compared at rtol 1e-4. The input array is
    not modified.
    """
    # BEGIN SOLUTION
    pxy = np.asarray(pxy, dtype=float)
    return entropy(pxy, base) - entropy(pxy.sum(axis=1), base)
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (not graded).** Draw the *binary entropy* $h(p) = -p\log_2 p - (1-p)\log_2(1-p)$, the entropy of a
# coin with bias $p$, for $p \in [0, 1]$ — using your `entropy` on the two-outcome distribution $(p, 1-p)$,
# including the end points $p = 0$ and $p = 1$. Mark its maximum (1 bit at $p = 1/2$) and add a second
# axis or curve in nats. Notice how flat it is near $p = 1/2$ and how steep near $0$ and $1$: a coin
# with $p = 0.9$ still carries almost half a bit.

# %% [raw]
# # BEGIN SOLUTION

# %%
# Plot the binary entropy h(p) on [0, 1] with your `entropy`, in bits and in nats.
# BEGIN SOLUTION
ps = np.linspace(0.0, 1.0, 201)
h_bits = np.array([entropy([p, 1.0 - p]) for p in ps])
h_nats = np.array([entropy([p, 1.0 - p], base=np.e) for p in ps])
fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(ps, h_bits, label="bits ($\\log_2$)")
ax.plot(ps, h_nats, "--", label="nats ($\\ln$)")
ax.plot([0.5], [1.0], "ko")
ax.annotate("1 bit = ln 2 nats at p = 1/2", (0.5, 1.0), textcoords="offset points", xytext=(-60, 8))
ax.set(title="Binary entropy $h(p)$", xlabel="$p$ = P(heads)", ylabel="entropy", ylim=(0, 1.15))
ax.legend(loc="lower center")
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(entropy, conditional_entropy):
    # [1/2, 1/4, 1/4]: 1/2 * 1 + 2 * (1/4 * 2) = 1.5 bits = 1.5 ln 2 nats.
    # pxy = [[1/4, 1/4], [1/2, 0]]: H(X, Y) = 2 * (1/4 * 2) + 1/2 * 1 = 1.5 bits;
    # row x = 0 (p = 1/2) is a fair coin (1 bit), row x = 1 is certain (0 bits): H(Y | X) = 1/2 bit = (ln 2)/2 nats.
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    p = np.array([0.5, 0.25, 0.25])
    close(as_scalar(entropy(p), "entropy"), 1.5, name="H([1/2, 1/4, 1/4]) in bits",
          hint="-sum p log2 p; the default base is 2")
    close(as_scalar(entropy(p, base=np.e), "entropy"), 1.5 * np.log(2.0), name="H([1/2, 1/4, 1/4]) in nats",
          hint="log_b t = ln t / ln b: use the base you are given")
    close(as_scalar(entropy(np.array([0.5, 0.5, 0.0])), "entropy"), 1.0, name="H([1/2, 1/2, 0]) in bits",
          hint="0 log 0 = 0: leave zero probabilities out (np.log(0) is -inf and 0 * -inf is nan)")
    pxy = np.array([[0.25, 0.25], [0.5, 0.0]])
    close(as_scalar(entropy(pxy), "joint entropy"), 1.5, name="joint entropy H(X, Y) of [[1/4, 1/4], [1/2, 0]]",
          hint="a joint table is one distribution over all of its cells")
    close(as_scalar(conditional_entropy(pxy), "conditional entropy"), 0.5, name="H(Y | X) of [[1/4, 1/4], [1/2, 0]]",
          hint="rows are x: H(Y|X) = sum_x p(x) H(Y | X = x), or H(X, Y) - H(X)")
    close(as_scalar(conditional_entropy(pxy, base=np.e), "conditional entropy"), 0.5 * np.log(2.0),
          name="H(Y | X) of [[1/4, 1/4], [1/2, 0]] in nats", hint="pass `base` on to every entropy you compute")

# %%
def test_properties(entropy, conditional_entropy):
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require

    rng = np.random.default_rng(1)
    for K in (1, 2, 5, 64):
        close(as_scalar(entropy(np.full(K, 1.0 / K)), "entropy"), np.log2(K), atol=1e-10,
              name=f"entropy of the uniform distribution on {K} outcomes", hint="should be log2(K) bits")
    p = rng.dirichlet(np.ones(6))
    H = as_scalar(entropy(p), "entropy")
    close(as_scalar(entropy(p[::-1]), "entropy"), H, name="entropy after reordering the outcomes")
    require(bool(0.0 <= H <= np.log2(6)), f"entropy must lie in [0, log2 K]; got {H:.6g} bits for K = 6")
    pxy = rng.dirichlet(np.ones(12)).reshape(3, 4)
    px, py = pxy.sum(axis=1), pxy.sum(axis=0)
    h_cond = as_scalar(conditional_entropy(pxy), "conditional entropy")
    close(as_scalar(entropy(pxy), "joint entropy"), as_scalar(entropy(px), "H(X)") + h_cond,
          name="chain rule H(X, Y) = H(X) + H(Y | X)", hint="rows index x, columns index y")
    require(bool(h_cond <= as_scalar(entropy(py), "H(Y)") + 1e-12), "conditioning cannot increase entropy: H(Y|X) <= H(Y)")
    close(as_scalar(conditional_entropy(np.outer(px, py)), "conditional entropy"), as_scalar(entropy(py), "H(Y)"),
          name="H(Y | X) for independent X and Y", hint="when p(x, y) = p(x) p(y), knowing x tells nothing about y")
    deterministic = np.zeros((3, 4))
    deterministic[[0, 1, 2], [2, 0, 2]] = px  # y is a function of x
    close(as_scalar(conditional_entropy(deterministic), "conditional entropy"), 0.0, atol=1e-12,
          name="H(Y | X) when Y is a function of X")

# %%
# HIDDEN
def test_entropy_against_scipy(entropy):
    """Random distributions with some impossible outcomes, from 2 to 1000 outcomes and as 2-D and 3-D tables, in bases 2, e and 10."""
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4101)
    for K in (2, 3, 7, 30, 1000):
        for base in (2.0, np.e, 10.0):
            p = rng.dirichlet(np.full(K, 0.5))
            p[rng.random(K) < 0.3] = 0.0  # some impossible outcomes
            p[0] += 1.0 - p.sum()
            close(as_scalar(entropy(p, base=base), "entropy"), scipy_entropy(p, base=base),
                  name=f"entropy (K={K}, base={base:.4g})",
                  hint="divide the natural-log entropy by ln(base); skip zero probabilities")
    pxy = rng.dirichlet(np.ones(20)).reshape(4, 5)
    close(as_scalar(entropy(pxy, base=2.0), "entropy"), scipy_entropy(pxy.ravel(), base=2.0),
          name="entropy of a 4 x 5 joint table", hint="sum over every cell of the table")
    pxyz = rng.dirichlet(np.full(24, 0.5)).reshape(2, 3, 4)
    pxyz[1, 2] = 0.0
    pxyz /= pxyz.sum()
    close(as_scalar(entropy(pxyz, base=10.0), "entropy"), scipy_entropy(pxyz.ravel(), base=10.0),
          name="entropy of a 2 x 3 x 4 joint table (base 10)", hint="an array of any shape is one distribution over its cells")

# %%
# HIDDEN
def test_conditional_against_scipy(conditional_entropy):
    """Random joint tables, square and non-square, with empty cells and an x that never occurs, in bits and nats."""
    # Oracle: H(Y|X) = sum_x p(x) H(p(. | x)), with scipy.stats.entropy for each row.
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4102)
    for A, B in [(2, 2), (3, 5), (6, 2), (1, 4), (8, 8)]:
        for base in (2.0, np.e):
            pxy = rng.dirichlet(np.full(A * B, 0.7)).reshape(A, B)
            pxy[rng.random((A, B)) < 0.25] = 0.0
            if A > 2:
                pxy[1] = 0.0  # an x that never occurs
            pxy /= pxy.sum()
            px = pxy.sum(axis=1)
            expected = sum(px[x] * scipy_entropy(pxy[x] / px[x], base=base) for x in range(A) if px[x] > 0)
            close(as_scalar(conditional_entropy(pxy, base=base), "conditional entropy"), expected, atol=1e-10,
                  name=f"H(Y | X) of a {A} x {B} table (base {base:.4g})",
                  hint="weight H(Y | X = x) by p(x); rows index x; rows with p(x) = 0 contribute nothing")

# %%
# HIDDEN
def test_hard_cases(entropy, conditional_entropy):
    """A certain outcome, probabilities as small as 1e-300, 100 000 outcomes, and Y almost a function of X."""
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from mlmathkit_checks import as_scalar, close

    # a point mass: exactly 0, in any base
    close(as_scalar(entropy(np.array([0.0, 1.0, 0.0, 0.0]), base=np.e), "entropy"), 0.0, atol=1e-12,
          name="entropy of a certain outcome", hint="0 log 0 = 0 and 1 log 1 = 0")
    # tiny and subnormal probabilities must not produce nan or -inf
    p = np.array([0.5, 0.5 - 3e-300, 1e-300, 2e-300, 5e-324, 0.0])
    close(as_scalar(entropy(p), "entropy"), scipy_entropy(p, base=2), name="entropy with probabilities 1e-300 and 5e-324")
    # 100 000 outcomes, close to uniform
    rng = np.random.default_rng(4103)
    p = rng.uniform(0.5, 1.5, size=100_000)
    p /= p.sum()
    close(as_scalar(entropy(p), "entropy"), scipy_entropy(p, base=2), name="entropy of 100 000 outcomes")
    # Y almost a function of X: H(Y|X) ~ 1e-9 bits is the small difference of two entropies near 3 bits,
    # so its error is absolute, ~ eps * H(X, Y) (float32: ~1e-6): atol 1e-5.
    pxy = np.diag(np.full(8, 1.0 / 8))
    pxy[:, 0] += 1e-11
    pxy /= pxy.sum()
    px = pxy.sum(axis=1)
    expected = sum(px[x] * scipy_entropy(pxy[x] / px[x], base=2) for x in range(8))
    close(as_scalar(conditional_entropy(pxy), "conditional entropy"), expected, atol=1e-5,
          name="H(Y | X) when Y is almost a function of X")

# %%
# HIDDEN
def test_entropy_million_outcomes(entropy):
    """A million near-uniform outcomes, where every probability is about 1e-6."""
    # Oracle: scipy.stats.entropy. Each term is computed to ~1e-7 relative in float32 and all terms have the
    # same sign, so a float32 answer is within ~1e-6 relative: rtol 1e-5. An epsilon added inside the log
    # (log(p + 1e-8)) errs by ~1e-2 nats out of ~20 bits.
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4104)
    p = rng.uniform(0.5, 1.5, size=1_000_000)
    p /= p.sum()
    for base in (2.0, np.e):
        close(as_scalar(entropy(p, base=base), "entropy"), scipy_entropy(p, base=base), rtol=1e-5,
              name=f"entropy of a million outcomes (base {base:.4g})",
              hint="no epsilon inside the log: select the positive entries instead")

# %%
# HIDDEN
def test_conditional_other_bases_and_empty_columns(conditional_entropy):
    """Non-square joint tables with an all-zero column and an all-zero row, in bases 3, 10 and e."""
    # Oracle: H(Y|X) = sum_x p(x) H(p(. | x)), with scipy.stats.entropy for each row in the requested base.
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4105)
    for A, B, base in [(3, 7, 10.0), (7, 3, 3.0), (4, 12, np.e), (2, 5, 10.0)]:
        pxy = rng.dirichlet(np.full(A * B, 0.6)).reshape(A, B)
        pxy[:, 1] = 0.0  # a y that never occurs
        if A > 2:
            pxy[A - 1] = 0.0  # an x that never occurs
        pxy /= pxy.sum()
        px = pxy.sum(axis=1)
        expected = sum(px[x] * scipy_entropy(pxy[x] / px[x], base=base) for x in range(A) if px[x] > 0)
        close(as_scalar(conditional_entropy(pxy, base=base), "conditional entropy"), expected, atol=1e-10,
              name=f"H(Y | X) of a {A} x {B} table in base {base:.4g}",
              hint="pass `base` on to every entropy you compute; rows index x")

# %%
# HIDDEN
def test_inputs_unchanged(entropy, conditional_entropy):
    """Your functions leave the caller's probability arrays unchanged."""
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4106)
    p = rng.dirichlet(np.ones(9))
    p[3] = 0.0
    p /= p.sum()
    pxy = rng.dirichlet(np.ones(12)).reshape(3, 4)
    pxy[0, 2] = 0.0
    pxy /= pxy.sum()
    p_copy, pxy_copy = p.copy(), pxy.copy()
    as_scalar(entropy(p, base=np.e), "entropy")
    close(p, p_copy, rtol=0.0, atol=0.0, name="the array p after calling entropy(p)",
          hint="do not modify your input in place; work on a copy")
    as_scalar(entropy(pxy), "entropy")
    as_scalar(conditional_entropy(pxy, base=np.e), "conditional entropy")
    close(pxy, pxy_copy, rtol=0.0, atol=0.0, name="the table pxy after calling entropy and conditional_entropy",
          hint="do not modify your input in place (e.g. pxy /= ...); work on a copy")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q2_kl

# %% [markdown]
# ## Question 2 — Kullback–Leibler divergence: discrete and between Gaussians
#
# **Why it matters.** The KL divergence measures how badly a distribution $q$ stands in for $p$.
# Maximum-likelihood training minimises $\mathrm{KL}(p_\text{data}\,\|\,p_\theta)$; variational inference and
# VAEs (Question 5) minimise $\mathrm{KL}(q\,\|\,p)$; knowledge distillation matches a student's softmax to a
# teacher's in KL; TRPO and PPO keep each policy update within a KL ball. Its two arguments are not
# interchangeable, and which way round you use it changes the answer (see the plot below).
#
# **The math.** For distributions $p, q$ on the same finite set,
#
# $$\mathrm{KL}(p\,\|\,q) = \sum_x p(x)\log\frac{p(x)}{q(x)} = \mathbb E_{p}\big[\log p(X) - \log q(X)\big]\quad\text{(nats)} .$$
#
# *Conventions.* Terms with $p(x) = 0$ are $0$ (as in Question 1), whatever $q(x)$ is. A term with
# $p(x) > 0$ and $q(x) = 0$ is $+\infty$: $q$ declares impossible something that happens. So
# $\mathrm{KL}(p\,\|\,q) = \infty$ unless $q > 0$ wherever $p > 0$.
#
# *Gibbs' inequality.* $\mathrm{KL} \ge 0$, with equality iff $p = q$: by Jensen's inequality for the concave
# $\log$, $-\mathrm{KL}(p\|q) = \sum_{p(x)>0} p(x)\log\frac{q(x)}{p(x)} \le \log\sum_{p(x)>0} q(x) \le \log 1 = 0$.
# It is not symmetric and not a distance: in general $\mathrm{KL}(p\|q) \ne \mathrm{KL}(q\|p)$.
#
# **Between Gaussians.** For $p = \mathcal N(\mu_0, \Sigma_0)$ and $q = \mathcal N(\mu_1,\Sigma_1)$ in $\mathbb R^d$,
#
# $$\log p(x) - \log q(x) = \tfrac12\log\frac{\det\Sigma_1}{\det\Sigma_0}
#   - \tfrac12 (x-\mu_0)^\top\Sigma_0^{-1}(x-\mu_0) + \tfrac12 (x-\mu_1)^\top\Sigma_1^{-1}(x-\mu_1) .$$
#
# Take the expectation under $p$ with the identity $\mathbb E[(x-m)^\top A (x-m)] = \operatorname{tr}(A\Sigma_0) +
# (\mu_0 - m)^\top A(\mu_0 - m)$ for $x\sim\mathcal N(\mu_0,\Sigma_0)$: the middle term gives
# $\operatorname{tr}(\Sigma_0^{-1}\Sigma_0) = d$ and the last $\operatorname{tr}(\Sigma_1^{-1}\Sigma_0) + (\mu_1-\mu_0)^\top\Sigma_1^{-1}(\mu_1-\mu_0)$:
#
# $$\mathrm{KL}(p\,\|\,q) = \frac12\Big[\operatorname{tr}\big(\Sigma_1^{-1}\Sigma_0\big) + (\mu_1-\mu_0)^\top\Sigma_1^{-1}(\mu_1-\mu_0) - d
#   + \log\det\Sigma_1 - \log\det\Sigma_0\Big].$$
#
# *Numerics.* As in Chapter 1, use Cholesky factors $\Sigma_0 = L_0L_0^\top$, $\Sigma_1 = L_1L_1^\top$:
# $\log\det\Sigma = 2\sum_i\log L_{ii}$; $\operatorname{tr}(\Sigma_1^{-1}\Sigma_0) = \lVert L_1^{-1}L_0\rVert_F^2$ (the
# trace of $M^\top M$ is the sum of squares of $M$); and the quadratic form is $\lVert L_1^{-1}(\mu_1-\mu_0)\rVert^2$.
# Each $L_1^{-1}B$ is one triangular solve. In $d = 100$ with variances around $10^{-4}$,
# $\det\Sigma \approx 10^{-400}$ is `0.0` in double precision, so the determinant itself must never be formed.
#
# **Your task.** Implement `kl_divergence` (discrete, in nats; return `np.inf` when it is infinite)
# and `kl_gaussians`.
#
# *Hints.* A mask `p > 0` handles both conventions at once if you let `np.log` return `inf` for
# $p/0$ (silence the warning with `np.errstate(divide="ignore")`). Check `kl_gaussians` in $d = 1$ against
# $\log\frac{\sigma_1}{\sigma_0} + \frac{\sigma_0^2 + (\mu_0-\mu_1)^2}{2\sigma_1^2} - \frac12$.

# %% [raw]
# # BEGIN SOLUTION

# %%
def kl_divergence(p, q):
    """KL divergence KL(p || q) between two discrete distributions, in nats.

    KL(p || q) = sum_x p(x) log(p(x) / q(x)),  with 0 log(0 / q) = 0 and p log(p / 0) = +inf.

    Parameters
    ----------
    p, q : arrays of the same shape (K,), float
        Probabilities, non-negative, each summing to 1. Either may contain zeros.

    Returns
    -------
    kl : float >= 0, or np.inf when q(x) = 0 for some x with p(x) > 0.

    float32 inputs and arithmetic are accepted: finite results are compared at rtol 1e-4. The input
    arrays are not modified.
    """
    # BEGIN SOLUTION
    p = np.asarray(p, dtype=float).ravel()
    q = np.asarray(q, dtype=float).ravel()
    s = p > 0
    with np.errstate(divide="ignore"):
        return float(np.sum(p[s] * np.log(p[s] / q[s])))
    # END SOLUTION


def kl_gaussians(mu0, cov0, mu1, cov1):
    """KL( N(mu0, cov0) || N(mu1, cov1) ) between two multivariate normals, in nats.

    KL = 1/2 [ tr(cov1^{-1} cov0) + (mu1 - mu0)^T cov1^{-1} (mu1 - mu0) - d + log det cov1 - log det cov0 ],
    computed with Cholesky factors: a determinant underflows to 0 in high dimension (this is tested), and
    triangular solves are more accurate than an explicit inverse.

    Parameters
    ----------
    mu0, mu1 : arrays of shape (d,), float
    cov0, cov1 : arrays of shape (d, d), float, symmetric positive definite.
        d may be 100 with variances ~1e-4 (determinants far below the smallest double).

    Returns
    -------
    kl : float >= 0

    float32 inputs and arithmetic are accepted: results are compared at rtol 1e-4. The input arrays
    are not modified.
    """
    # BEGIN SOLUTION
    from scipy.linalg import solve_triangular

    mu0 = np.asarray(mu0, dtype=float).ravel()
    mu1 = np.asarray(mu1, dtype=float).ravel()
    L0 = np.linalg.cholesky(np.asarray(cov0, dtype=float))
    L1 = np.linalg.cholesky(np.asarray(cov1, dtype=float))
    M = solve_triangular(L1, L0, lower=True)  # L1^{-1} L0: tr(cov1^{-1} cov0) = ||M||_F^2
    z = solve_triangular(L1, mu1 - mu0, lower=True)
    log_det_ratio = 2.0 * (np.sum(np.log(np.diag(L1))) - np.sum(np.log(np.diag(L0))))
    return float(0.5 * (np.sum(M**2) + np.sum(z**2) - mu0.size + log_det_ratio))
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (not graded): KL is not symmetric.** Draw two panels.
#
# 1. For $p = \mathrm{Bernoulli}(0.2)$, plot $\mathrm{KL}(p\,\|\,q)$ and $\mathrm{KL}(q\,\|\,p)$ against the bias of
#    $q = \mathrm{Bernoulli}(q_1)$, $q_1 \in (0, 1)$, with your `kl_divergence`. Both vanish at $q_1 = 0.2$, but
#    $\mathrm{KL}(p\|q)$ blows up as $q_1 \to 0$ or $1$ ($q$ ruling out what $p$ does) while $\mathrm{KL}(q\|p)$ stays finite there.
# 2. Discretise a bimodal $p = \tfrac12\mathcal N(-2, 0.6^2) + \tfrac12\mathcal N(2, 0.6^2)$ on a grid, and over a grid of
#    Gaussians $q = \mathcal N(m, s^2)$ find the one minimising $\mathrm{KL}(p\|q)$ and the one minimising $\mathrm{KL}(q\|p)$.
#    Plot $p$ and both fits. The *forward* KL is **mass-covering**: $q$ must be positive wherever $p$ is,
#    so it spreads over both modes (it matches the mean and variance of $p$). The *reverse* KL, the one
#    variational inference minimises, is **mode-seeking**: $q$ is only penalised where *it* puts mass,
#    so it locks onto one mode.

# %% [raw]
# # BEGIN SOLUTION

# %%
# Two panels: KL(p || q) and KL(q || p) for Bernoulli distributions; forward- and reverse-KL Gaussian fits
# to a bimodal distribution on a grid.
# BEGIN SOLUTION
fig, axes = plt.subplots(1, 2, figsize=(12, 4))
q1s = np.linspace(0.002, 0.998, 250)
axes[0].plot(q1s, [kl_divergence([0.2, 0.8], [t, 1 - t]) for t in q1s], label="KL(p || q)")
axes[0].plot(q1s, [kl_divergence([t, 1 - t], [0.2, 0.8]) for t in q1s], label="KL(q || p)")
axes[0].axvline(0.2, color="gray", lw=0.8)
axes[0].set(title="p = Bernoulli(0.2), q = Bernoulli(q1)", xlabel="q1", ylabel="nats", ylim=(0, 3))
axes[0].legend()
grid = np.linspace(-8, 8, 641)
gauss = lambda m, s: np.exp(-0.5 * ((grid - m) / s) ** 2) / s
p_bimodal = gauss(-2.0, 0.6) + gauss(2.0, 0.6)
p_bimodal /= p_bimodal.sum()
fits = {}
for name, forward in (("argmin KL(p || q): mass-covering", True), ("argmin KL(q || p): mode-seeking", False)):
    best = (np.inf, None)
    for m in np.linspace(-3, 3, 61):
        for s in np.linspace(0.3, 3.0, 55):
            q_ms = gauss(m, s)
            q_ms /= q_ms.sum()
            value = kl_divergence(p_bimodal, q_ms) if forward else kl_divergence(q_ms, p_bimodal)
            best = min(best, (value, (m, s)), key=lambda t: t[0])
    fits[name] = best[1]
axes[1].plot(grid, p_bimodal, "k", lw=2, label="p (bimodal)")
for name, (m, s) in fits.items():
    q_ms = gauss(m, s)
    axes[1].plot(grid, q_ms / q_ms.sum(), label=f"{name}: m={m:.1f}, s={s:.2f}")
axes[1].set(title="Fitting one Gaussian to a bimodal p", xlabel="x", ylabel="probability per grid cell")
axes[1].legend(fontsize=8)
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(kl_divergence, kl_gaussians):
    # p = (1/2, 1/2), q = (1/4, 3/4): KL(p||q) = 1/2 log 2 + 1/2 log(2/3) = 1/2 log(4/3),
    # KL(q||p) = 1/4 log(1/2) + 3/4 log(3/2): not the same number.
    # N(0, 1) against N(1, 2^2): log 2 + (1 + 1) / 8 - 1/2 = log 2 - 1/4.
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    p, q = np.array([0.5, 0.5]), np.array([0.25, 0.75])
    close(as_scalar(kl_divergence(p, q), "KL(p||q)"), 0.5 * np.log(4.0 / 3.0), name="KL((1/2, 1/2) || (1/4, 3/4))",
          hint="sum p log(p / q) with the natural log")
    close(as_scalar(kl_divergence(q, p), "KL(q||p)"), 0.25 * np.log(0.5) + 0.75 * np.log(1.5),
          name="KL((1/4, 3/4) || (1/2, 1/2))", hint="the first argument is the one you average over")
    close(as_scalar(kl_gaussians(np.array([0.0]), np.array([[1.0]]), np.array([1.0]), np.array([[4.0]])), "KL"),
          np.log(2.0) - 0.25, name="KL(N(0, 1) || N(1, 4))",
          hint="1/2 [tr(cov1^-1 cov0) + quadratic form - d + log det cov1 - log det cov0]")

# %%
def test_properties(kl_divergence, kl_gaussians):
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require

    rng = np.random.default_rng(2)
    p, q = rng.dirichlet(np.ones(5)), rng.dirichlet(np.ones(5))
    close(as_scalar(kl_divergence(p, p), "KL(p||p)"), 0.0, atol=1e-12, name="KL(p || p)")
    require(bool(as_scalar(kl_divergence(p, q), "KL") > 0), "KL(p || q) must be positive when p != q (Gibbs' inequality)")
    # zeros in p are fine (their terms are 0), even where q is 0 too
    close(as_scalar(kl_divergence(np.array([0.5, 0.5, 0.0]), np.array([0.25, 0.75, 0.0])), "KL"), 0.5 * np.log(4.0 / 3.0),
          name="KL with p(x) = q(x) = 0 for one x", hint="terms with p(x) = 0 contribute 0, whatever q(x) is")
    kl_inf = np.asarray(kl_divergence(np.array([0.5, 0.5]), np.array([1.0, 0.0])), dtype=float)
    require(bool(kl_inf.size == 1 and np.isposinf(kl_inf.reshape(()))),
            f"KL(p || q) must be +inf when q(x) = 0 but p(x) > 0; got {kl_inf}")
    A = rng.normal(size=(3, 3))
    cov0, cov1 = A @ A.T + np.eye(3), np.diag([1.0, 2.0, 0.5])
    mu0, mu1 = rng.normal(size=3), rng.normal(size=3)
    close(as_scalar(kl_gaussians(mu0, cov0, mu0, cov0), "KL"), 0.0, atol=1e-10, name="KL(N || N) for the same Gaussian")
    kl = as_scalar(kl_gaussians(mu0, cov0, mu1, cov1), "KL")
    require(bool(kl > 0), "KL between different Gaussians must be positive")
    T, c = rng.normal(size=(3, 3)) + 2 * np.eye(3), rng.normal(size=3)  # an invertible affine map x -> T x + c
    close(as_scalar(kl_gaussians(T @ mu0 + c, T @ cov0 @ T.T, T @ mu1 + c, T @ cov1 @ T.T), "KL"), kl,
          name="KL after the same invertible affine map of both Gaussians",
          hint="KL does not depend on the coordinates: both log-determinants and the trace change together")

# %%
# HIDDEN
def test_discrete_against_torch(kl_divergence):
    """Random distributions from 2 to 2000 outcomes, with zeros in p and sometimes in q where p is zero, both ways round."""
    import numpy as np
    import torch
    from torch.distributions import Categorical, kl_divergence as torch_kl
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4201)
    for K in (2, 3, 10, 100, 2000):
        p, q = rng.dirichlet(np.full(K, 0.8)), rng.dirichlet(np.full(K, 0.8))
        zero_p = rng.random(K) < 0.3
        zero_p[0] = False
        p[zero_p] = 0.0
        p /= p.sum()
        q[zero_p & (rng.random(K) < 0.5)] = 0.0  # q may also vanish where p does
        q /= q.sum()
        expected = float(torch_kl(Categorical(probs=torch.tensor(p)), Categorical(probs=torch.tensor(q))))
        close(as_scalar(kl_divergence(p, q), "KL"), expected, name=f"KL(p || q) with K = {K}",
              hint="natural log; entries with p = 0 contribute 0")
        expected = float(torch_kl(Categorical(probs=torch.tensor(q)), Categorical(probs=torch.tensor(p))))
        if np.isfinite(expected):
            close(as_scalar(kl_divergence(q, p), "KL"), expected, name=f"KL(q || p) with K = {K}")

# %%
# HIDDEN
def test_discrete_infinite(kl_divergence):
    """A q that rules out an outcome p allows (even one of probability 1e-30), where the divergence is infinite."""
    import numpy as np
    from mlmathkit_checks import require

    rng = np.random.default_rng(4202)
    cases = [(np.array([0.5, 0.5]), np.array([1.0, 0.0])), (np.array([1e-30, 1.0 - 1e-30]), np.array([0.0, 1.0]))]
    p, q = rng.dirichlet(np.ones(50)), rng.dirichlet(np.ones(50))
    q[17] = 0.0
    cases.append((p, q / q.sum()))
    for i, (p, q) in enumerate(cases):
        got = np.asarray(kl_divergence(p, q), dtype=float)
        require(bool(got.size == 1 and np.isposinf(got.reshape(()))),
                f"case {i}: KL(p || q) must be +inf when q(x) = 0 for an x with p(x) > 0, got {got}; "
                "do not clip or add epsilon to q")

# %%
# HIDDEN
def test_gaussians_against_torch(kl_gaussians):
    """Random Gaussians with full covariances in dimensions 1 to 30."""
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal, kl_divergence as torch_kl
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4203)
    for d in (1, 2, 3, 5, 10, 30):
        A, B = rng.normal(size=(d, d)), rng.normal(size=(d, d))
        cov0 = A @ A.T / d + 0.5 * np.eye(d)
        cov1 = B @ B.T / d + 0.3 * np.eye(d)
        mu0, mu1 = rng.normal(size=d), rng.normal(size=d)
        expected = float(torch_kl(MultivariateNormal(torch.tensor(mu0), torch.tensor(cov0)),
                                  MultivariateNormal(torch.tensor(mu1), torch.tensor(cov1))))
        close(as_scalar(kl_gaussians(mu0, cov0, mu1, cov1), "KL"), expected, name=f"KL between Gaussians (d={d})",
              hint="the trace and the quadratic form both use cov1^{-1}; subtract d")

# %%
# HIDDEN
def test_gaussians_high_dimension(kl_gaussians):
    """Gaussians in 100 dimensions with variances near 1e-4, whose determinants underflow to zero."""
    # d = 100 with variances ~1e-4: det(cov) ~ 1e-400 underflows to 0.0; the KL itself is moderate.
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal, kl_divergence as torch_kl
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4204)
    d = 100
    A, B = rng.normal(size=(d, d)) / np.sqrt(d), rng.normal(size=(d, d)) / np.sqrt(d)
    cov0 = 1e-4 * (A @ A.T + np.eye(d))
    cov1 = 2e-4 * (0.5 * B @ B.T + np.eye(d))
    mu0, mu1 = rng.normal(scale=0.01, size=d), rng.normal(scale=0.01, size=d)
    expected = float(torch_kl(MultivariateNormal(torch.tensor(mu0), torch.tensor(cov0)),
                              MultivariateNormal(torch.tensor(mu1), torch.tensor(cov1))))
    close(as_scalar(kl_gaussians(mu0, cov0, mu1, cov1), "KL"), expected, name="KL between Gaussians in d = 100",
          hint="np.linalg.det underflows to 0 here: take log det from the diagonal of the Cholesky factor")

# %%
# HIDDEN
def test_inputs_unchanged(kl_divergence, kl_gaussians):
    """Your functions leave the caller's arrays unchanged."""
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4205)
    p, q = rng.dirichlet(np.ones(6)), rng.dirichlet(np.ones(6))
    p[2] = 0.0
    p /= p.sum()
    A, B = rng.normal(size=(4, 4)), rng.normal(size=(4, 4))
    mu0, mu1 = rng.normal(size=4), rng.normal(size=4)
    cov0, cov1 = A @ A.T + np.eye(4), B @ B.T + np.eye(4)
    inputs = {"p": p, "q": q, "mu0": mu0, "mu1": mu1, "cov0": cov0, "cov1": cov1}
    copies = {k: v.copy() for k, v in inputs.items()}
    as_scalar(kl_divergence(p, q), "KL")
    as_scalar(kl_gaussians(mu0, cov0, mu1, cov1), "KL")
    for k, v in inputs.items():
        close(v, copies[k], rtol=0.0, atol=0.0, name=f"the argument {k} after the call",
              hint="do not modify your inputs in place; work on copies")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q3_cross_entropy

# %% [markdown]
# ## Question 3 — Cross-entropy from logits, stably, and its gradient
#
# **Why it matters.** Every classifier network — from logistic regression to a language model
# predicting the next of 100 000 tokens — is trained by minimising the cross-entropy between the
# one-hot labels and its softmax output. Computed the obvious way (softmax, then log) it returns
# `nan` or `inf` as soon as a logit reaches a few hundred, which happens in practice with large
# learning rates, unnormalised activations or low-temperature softmax. Frameworks never compute the
# softmax first; you will see why.
#
# **The math.** The *cross-entropy* of a model distribution $q$ relative to $p$ is
# $H(p, q) = -\sum_k p_k\log q_k = H(p) + \mathrm{KL}(p\,\|\,q)$: since $H(p)$ does not depend on the model,
# minimising cross-entropy over the model minimises the KL divergence of Question 2. A classifier maps
# an input to *logits* $z\in\mathbb R^C$ and probabilities $q = \mathrm{softmax}(z)$, $q_k = e^{z_k}/\sum_j e^{z_j}$. With
# a one-hot label $p = e_y$, $H(p, q) = -\log q_y$, and
#
# $$\ell(z, y) = -\log\frac{e^{z_y}}{\sum_j e^{z_j}} = \operatorname{logsumexp}(z) - z_y,
# \qquad \operatorname{logsumexp}(z) = m + \log\sum_j e^{z_j - m},\quad m = \max_j z_j .$$
#
# Subtracting $m$ keeps every exponent $\le 0$ (no overflow) with at least one equal to $e^0 = 1$ (the sum
# cannot underflow to $0$). The loss of a batch $(z_i, y_i)_{i=1}^N$ is the mean $L = \frac1N\sum_i \ell(z_i, y_i)$.
#
# Why not `-np.log(softmax(z)[y])`? With $z = (10^4, 0)$, $e^{10^4}$ overflows to `inf` and the softmax is
# `inf/inf = nan`. With the shift, the softmax is $(1, e^{-10^4})$, but $e^{-10^4}$ underflows to $0$, so a
# confident *wrong* prediction gets $-\log 0 = \infty$ — while the true loss, $10^4$, is a perfectly
# ordinary number. "Fixing" this by clipping probabilities at $10^{-12}$ silently caps every loss at
# $27.6$. Work with logits from start to finish.
#
# **The gradient.** $\partial\operatorname{logsumexp}(z)/\partial z_k = e^{z_k}/\sum_j e^{z_j} = q_k$ and
# $\partial z_y/\partial z_k = [k = y]$, so
#
# $$\frac{\partial \ell}{\partial z_k} = q_k - [k = y],\qquad \frac{\partial L}{\partial z_{ik}} = \frac1N\big(\mathrm{softmax}(z_i)_k - [k = y_i]\big).$$
#
# "Prediction minus target": each row of the gradient sums to zero, and the gradient is bounded by
# $1/N$ in size however large the logits — which is why this loss trains so well.
#
# **Your task.** Implement `cross_entropy` (the mean loss, in nats) and `cross_entropy_grad` with
# `numpy` (or `scipy.special.logsumexp`).
#
# *Hints.* `logits[np.arange(N), labels]` picks $z_{i, y_i}$ for every row. Use `keepdims=True` when
# subtracting the row maximum. Check on $z = (0, 0)$: the loss is $\log 2$ for either label.

# %% [raw]
# # BEGIN SOLUTION

# %%
def cross_entropy(logits, labels):
    """Mean softmax cross-entropy of a batch, from logits, in nats.

    L = (1/N) sum_i [ logsumexp(z_i) - z_{i, y_i} ],  logsumexp(z) = m + log sum_j exp(z_j - m), m = max_j z_j.

    Parameters
    ----------
    logits : array of shape (N, C), float
        Entries may be as large as 1e4 in absolute value.
    labels : array of shape (N,), int, entries in {0, ..., C-1}

    Returns
    -------
    loss : float >= 0 (finite for any finite logits)

    float32 arithmetic is accepted: results are compared at rtol 1e-4 (for logits of size 1e4, whose
    float32 spacing is 1e-3, at rtol 1e-5 plus atol 1e-2). The input arrays are not modified.
    """
    # BEGIN SOLUTION
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels).astype(int)
    m = logits.max(axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.exp(logits - m).sum(axis=1))
    return float(np.mean(lse - logits[np.arange(labels.size), labels]))
    # END SOLUTION


def cross_entropy_grad(logits, labels):
    """Gradient of the mean cross-entropy with respect to the logits.

    dL/dz_{ik} = ( softmax(z_i)_k - [k == y_i] ) / N,  softmax computed stably (row max subtracted).

    Parameters
    ----------
    logits : array of shape (N, C), float (entries up to 1e4 in absolute value)
    labels : array of shape (N,), int, entries in {0, ..., C-1}

    Returns
    -------
    grad : array of shape (N, C), float; each row sums to 0.

    float32 arithmetic is accepted: results are compared at rtol 1e-4 with an absolute tolerance of
    1e-9 for moderate logits, growing with their size (1e-3 / N near 800, 1e-2 / N near 1e4). The input
    arrays are not modified.
    """
    # BEGIN SOLUTION
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels).astype(int)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=1, keepdims=True)
    probs[np.arange(labels.size), labels] -= 1.0
    return probs / labels.size
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(cross_entropy, cross_entropy_grad):
    # Row 0: z = (0, 0), y = 0: softmax (1/2, 1/2), loss log 2.  Row 1: z = (log 3, 0), y = 1:
    # softmax (3/4, 1/4), loss log 4. Mean: (log 2 + log 4) / 2 = 1.5 log 2.
    # Gradient: ((1/2 - 1, 1/2), (3/4, 1/4 - 1)) / 2.
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    z, y = np.array([[0.0, 0.0], [np.log(3.0), 0.0]]), np.array([0, 1])
    close(as_scalar(cross_entropy(z, y), "loss"), 1.5 * np.log(2.0), name="mean cross-entropy",
          hint="logsumexp(z_i) - z_{i, y_i}, averaged over the batch")
    close(cross_entropy_grad(z, y), np.array([[-0.5, 0.5], [0.75, -0.75]]) / 2, name="gradient",
          hint="(softmax - one-hot) / N")

# %%
def test_properties(cross_entropy, cross_entropy_grad):
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, require

    rng = np.random.default_rng(3)
    z, y = rng.normal(size=(6, 4)), rng.integers(0, 4, size=6)
    loss = as_scalar(cross_entropy(z, y), "loss")
    require(bool(loss > 0), "the cross-entropy of a softmax is positive")
    close(as_scalar(cross_entropy(z + rng.normal(size=(6, 1)) * 5, y), "loss"), loss,
          name="loss after adding a constant to each row of logits", hint="softmax is shift-invariant per row")
    g = as_array(cross_entropy_grad(z, y), "gradient", shape=(6, 4))
    # atol 1e-6: float32 softmax rows sum to 1 within a few eps32 = 6e-8
    close(g.sum(axis=1), np.zeros(6), atol=1e-6, name="row sums of the gradient", hint="softmax sums to 1, so does the one-hot")
    # a logit of 1000: the loss is 0 when it is the label and 1000 when it is not
    big = np.array([[1000.0, 0.0], [1000.0, 0.0]])
    close(as_scalar(cross_entropy(big, np.array([0, 1])), "loss"), 500.0, name="loss with logits (1000, 0) and labels (0, 1)",
          hint="exp(1000) overflows: subtract the row maximum (log-sum-exp), never take log(softmax)")
    close(cross_entropy_grad(big, np.array([0, 1])), np.array([[0.0, 0.0], [0.5, -0.5]]), atol=1e-12,
          name="gradient with logits (1000, 0)")
    # rows at different offsets, (1000, 1000) and (0, 0): each row is a fair coin, loss log 2 per row
    apart = np.array([[1000.0, 1000.0], [0.0, 0.0]])
    close(as_scalar(cross_entropy(apart, np.array([0, 1])), "loss"), np.log(2.0),
          name="loss with logit rows (1000, 1000) and (0, 0)", hint="subtract each row's own maximum, not the batch maximum")
    close(cross_entropy_grad(apart, np.array([0, 1])), np.array([[-0.25, 0.25], [0.25, -0.25]]),
          name="gradient with logit rows (1000, 1000) and (0, 0)", hint="subtract each row's own maximum (keepdims=True)")

# %%
# HIDDEN
def test_against_torch(cross_entropy, cross_entropy_grad):
    """Random batches of moderate logits, from one example with 2 classes to 200 examples, and 100 classes."""
    import numpy as np
    import torch
    import torch.nn.functional as F
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4301)
    for N, C, scale in [(1, 2, 1.0), (5, 3, 2.0), (32, 10, 3.0), (7, 100, 5.0), (200, 4, 0.5)]:
        z, y = rng.normal(scale=scale, size=(N, C)), rng.integers(0, C, size=N)
        zt = torch.tensor(z, requires_grad=True)
        loss = F.cross_entropy(zt, torch.tensor(y))
        loss.backward()
        close(as_scalar(cross_entropy(z, y), "loss"), loss.item(), name=f"cross-entropy (N={N}, C={C})",
              hint="average over the batch; pick one logit per row: logits[np.arange(N), labels]")
        close(cross_entropy_grad(z, y), zt.grad.numpy(), atol=1e-9, name=f"gradient (N={N}, C={C})",
              hint="(softmax(z_i) - onehot(y_i)) / N")

# %%
# HIDDEN
def test_logits_of_size_1e4(cross_entropy, cross_entropy_grad):
    """Logits in the tens of thousands, where an unshifted softmax overflows and a shifted one underflows."""
    # Oracle: torch in float64. Logits of size 1e4 are spaced 1e-3 apart in float32, so a float32
    # implementation errs by ~1e-3 in the loss and by ~1e-3 * p in the gradient: atol 1e-2 and 1e-2 / N.
    # Losses reach ~1e4 per row; float32 rounds their mean to ~1e-6 relative: rtol 1e-5.
    import numpy as np
    import torch
    import torch.nn.functional as F
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4302)
    spread = rng.uniform(-1e4, 1e4, size=(40, 6))  # confident predictions, many of them wrong
    offset = 1e4 + rng.normal(size=(40, 6))  # softmax is moderate, but exp(1e4) overflows
    for name, z in (("logits uniform in [-1e4, 1e4]", spread), ("logits 1e4 + N(0, 1)", offset)):
        y = rng.integers(0, 6, size=40)
        zt = torch.tensor(z, requires_grad=True)
        loss = F.cross_entropy(zt, torch.tensor(y))
        loss.backward()
        close(as_scalar(cross_entropy(z, y), "loss"), loss.item(), rtol=1e-5, atol=1e-2, name=f"cross-entropy, {name}",
              hint="exp overflows at 710: use logsumexp(z) - z_y; a clipped softmax caps the loss at -log(eps)")
        close(cross_entropy_grad(z, y), zt.grad.numpy(), atol=1e-2 / 40, name=f"gradient, {name}",
              hint="subtract each row's maximum before exponentiating")

# %%
# HIDDEN
def test_rows_at_different_scales(cross_entropy, cross_entropy_grad):
    """Batches with as many rows as classes, and 1000 classes, whose rows sit at offsets hundreds apart."""
    # Oracle: torch in float64. Each row's logits are moderate around its own offset (up to 800), so only
    # a per-row shift works. Float32 rounds logits near 800 by up to 3e-5, which moves each loss by ~1e-4
    # and each softmax entry by ~1e-4 * p: atol 1e-3 for the loss and 1e-3 / N for the gradient.
    import numpy as np
    import torch
    import torch.nn.functional as F
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4303)
    for N, C in [(5, 5), (8, 8), (6, 1000)]:
        z = rng.normal(scale=2.0, size=(N, C)) + rng.uniform(-800.0, 800.0, size=(N, 1))
        y = rng.integers(0, C, size=N)
        zt = torch.tensor(z, requires_grad=True)
        loss = F.cross_entropy(zt, torch.tensor(y))
        loss.backward()
        close(as_scalar(cross_entropy(z, y), "loss"), loss.item(), atol=1e-3, name=f"cross-entropy (N={N}, C={C}, row offsets)",
              hint="subtract each row's own maximum (keepdims=True), not the batch maximum")
        close(cross_entropy_grad(z, y), zt.grad.numpy(), atol=1e-3 / N, name=f"gradient (N={N}, C={C}, row offsets)",
              hint="softmax of each row with its own maximum subtracted, minus the one-hot, over N")

# %%
# HIDDEN
def test_inputs_unchanged(cross_entropy, cross_entropy_grad):
    """Your functions leave the caller's logits and labels arrays unchanged."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close

    rng = np.random.default_rng(4304)
    z, y = rng.normal(scale=3.0, size=(7, 5)), rng.integers(0, 5, size=7)
    z_copy, y_copy = z.copy(), y.copy()
    as_scalar(cross_entropy(z, y), "loss")
    close(z, z_copy, rtol=0.0, atol=0.0, name="the logits after calling cross_entropy",
          hint="do not shift or exponentiate the logits in place; work on a copy")
    as_array(cross_entropy_grad(z, y), "gradient", shape=(7, 5))
    close(z, z_copy, rtol=0.0, atol=0.0, name="the logits after calling cross_entropy_grad",
          hint="logits -= max or np.exp(logits, out=logits) overwrites the caller's array: work on a copy")
    close(y, y_copy, rtol=0.0, atol=0.0, name="the labels after the calls")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q4_mutual_information

# %% [markdown]
# ## Question 4 — Mutual information from a contingency table, and ranking features by it
#
# **Why it matters.** Mutual information measures how much knowing one variable tells you about
# another — any kind of dependence, not only linear. It ranks features for selection (scikit-learn's
# `SelectKBest(mutual_info_classif)`, mRMR), is the information gain of a decision-tree split,
# scores clusterings against labels (normalised MI), and is the quantity contrastive representation
# learning (InfoNCE) bounds. A feature that only matters through a non-monotone relation (a middle
# category that predicts the label) has zero correlation with the label but high mutual information.
#
# **The math.** For discrete $X, Y$ with joint $p(x,y)$ and marginals $p(x), p(y)$,
#
# $$I(X;Y) = \sum_{x,y} p(x,y)\log\frac{p(x,y)}{p(x)\,p(y)} = \mathrm{KL}\big(p_{XY}\,\big\|\,p_X\otimes p_Y\big)\quad\text{(nats)}:$$
#
# the KL divergence (Question 2) between the joint and the product of the marginals, i.e. how far $X$ and $Y$
# are from independent. So $I \ge 0$, with $I = 0$ iff $X \perp Y$. Expanding the log of the ratio gives
#
# $$I(X;Y) = H(X) + H(Y) - H(X,Y) = H(Y) - H(Y\mid X) = H(X) - H(X\mid Y),$$
#
# symmetric in $X$ and $Y$, and at most $\min(H(X), H(Y))$: the *reduction in uncertainty* about one
# variable from observing the other. As in Question 1, cells with $p(x,y) = 0$ contribute $0$.
#
# **From data.** Given $n$ paired observations, count them in a *contingency table* $n_{xy}$ and plug
# in the empirical frequencies $\hat p(x,y) = n_{xy}/n$, $\hat p(x) = n_{x\cdot}/n$, $\hat p(y) = n_{\cdot y}/n$. (This
# *plug-in* estimate is biased upwards by about $(|\mathcal X|-1)(|\mathcal Y|-1)/(2n)$ nats, so with few samples even
# an independent feature scores above zero.) To rank the features $X_1,\dots,X_d$ of a data set by
# relevance to a label $Y$, compute $I(X_j; Y)$ for each and sort in decreasing order.
#
# **Your task.** Implement `mutual_information` (from a table of counts, in nats) and
# `rank_features_by_mi` (you may call `mutual_information`). Category codes can be any numbers
# (negative, non-contiguous, floats): map each column's distinct values to $0, 1, \dots$ first.
#
# *Hints.* `np.unique(column, return_inverse=True)` gives integer codes; `np.add.at(table, (i, j), 1)`
# counts pairs. Sort with `np.argsort(-scores, kind="stable")`. Check that the table
# `[[10, 0], [0, 10]]` gives $\log 2$.

# %% [raw]
# # BEGIN SOLUTION

# %%
def mutual_information(counts):
    """Plug-in mutual information of a contingency table, in nats.

    I = sum_{x,y} p(x,y) log( p(x,y) / (p(x) p(y)) ),  p(x,y) = counts[x,y] / sum(counts),
    with cells where p(x,y) = 0 contributing 0.

    Parameters
    ----------
    counts : array of shape (A, B), non-negative numbers (int or float) with a positive total.
        counts[x, y] = number of observations with X = x and Y = y. Rows or columns may be all zero.

    Returns
    -------
    mi : float >= 0 (nats; a rounding error of order -1e-16 for independent variables is fine)

    float32 arithmetic is accepted: results are compared at rtol 1e-4. The input table is not modified.
    """
    # BEGIN SOLUTION
    pxy = np.asarray(counts, dtype=float)
    pxy = pxy / pxy.sum()
    px = pxy.sum(axis=1, keepdims=True)
    py = pxy.sum(axis=0)
    nz = pxy > 0
    return float(np.sum(pxy[nz] * np.log(pxy[nz] / (px * py)[nz])))
    # END SOLUTION


def rank_features_by_mi(X, y):
    """Rank discrete features by their plug-in mutual information with a discrete label.

    scores[j] = I(X_j; Y) (nats) from the contingency table of column j of X against y;
    order lists the feature indices by decreasing score (ties: smaller index first).

    Parameters
    ----------
    X : array of shape (n, d); each column is a categorical feature coded by arbitrary numbers
        (negative, non-contiguous, floats; any number of categories, e.g. 30). d may be large (50).
    y : array of shape (n,); the labels, coded by arbitrary numbers (any number of classes).

    Returns
    -------
    (order, scores) : tuple
        order : int array (or list) of length d, a permutation of 0..d-1, most informative feature first;
            features with exactly equal scores (e.g. identical columns) are listed by increasing index
        scores : float array of shape (d,), scores[j] = I(X_j; Y) in nats, in the original column order

    float32 arithmetic is accepted: scores are compared at rtol 1e-4. X and y are not modified.
    """
    # BEGIN SOLUTION
    X = np.asarray(X)
    y_values, y_codes = np.unique(np.asarray(y).ravel(), return_inverse=True)
    scores = np.empty(X.shape[1])
    for j in range(X.shape[1]):
        x_values, x_codes = np.unique(X[:, j], return_inverse=True)
        table = np.zeros((x_values.size, y_values.size))
        np.add.at(table, (x_codes, y_codes), 1)
        scores[j] = mutual_information(table)
    return np.argsort(-scores, kind="stable"), scores
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(mutual_information, rank_features_by_mi):
    # [[3, 1], [1, 3]] / 8: marginals all 1/2, so I = 2 (3/8) log(3/2) + 2 (1/8) log(1/2).
    # Features against y = (0, 0, 1, 1, 0, 0, 1, 1): a constant (I = 0), a copy of y (I = log 2),
    # a copy with one flipped entry (between the two), and y recoded as 3, 13 (the same table as the
    # copy: a tie with feature 1, so feature 1 comes first).
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    close(as_scalar(mutual_information(np.array([[10, 0], [0, 10]])), "MI"), np.log(2.0), name="MI of [[10, 0], [0, 10]]",
          hint="X determines Y: I = H(Y) = log 2 nats; empty cells contribute 0")
    close(as_scalar(mutual_information(np.array([[5, 5], [5, 5]])), "MI"), 0.0, atol=1e-12, name="MI of [[5, 5], [5, 5]]")
    close(as_scalar(mutual_information(np.array([[3, 1], [1, 3]])), "MI"), 0.75 * np.log(1.5) + 0.25 * np.log(0.5),
          name="MI of [[3, 1], [1, 3]]", hint="divide the counts by their total first; use the natural log")
    y = np.array([0, 0, 1, 1, 0, 0, 1, 1])
    X = np.column_stack([np.zeros(8), y, [0, 0, 1, 1, 0, 0, 1, 0], 10 * y + 3])
    order, scores = fields(rank_features_by_mi(X, y), ["order", "scores"], "ranking")
    # the noisy copy's table (rows x, columns y) is [[4, 1], [0, 3]]
    noisy = 0.5 * np.log(0.5 / (5 / 8 * 0.5)) + 0.125 * np.log(0.125 / (5 / 8 * 0.5)) + 0.375 * np.log(0.375 / (3 / 8 * 0.5))
    close(scores, [0.0, np.log(2.0), noisy, np.log(2.0)], atol=1e-12, name="scores",
          hint="one mutual information per column of X; category codes are labels, not indices")
    close(order, [1, 3, 2, 0], atol=0.0, name="order", hint="most informative feature first; equal scores keep the smaller index first")

# %%
def test_properties(mutual_information, rank_features_by_mi):
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    rng = np.random.default_rng(4)
    counts = rng.integers(0, 20, size=(4, 3))
    mi = as_scalar(mutual_information(counts), "MI")
    require(bool(mi >= -1e-12), f"mutual information is non-negative, got {mi:.3g}")
    close(as_scalar(mutual_information(counts.T), "MI"), mi, name="MI of the transposed table", hint="I(X;Y) = I(Y;X)")
    close(as_scalar(mutual_information(7 * counts), "MI"), mi, name="MI of the table times 7",
          hint="only the frequencies n_xy / n matter")
    close(as_scalar(mutual_information(np.vstack([counts, np.zeros(3)])), "MI"), mi, name="MI after adding an empty row")
    p = counts / counts.sum()
    hx = -np.sum(p.sum(1)[p.sum(1) > 0] * np.log(p.sum(1)[p.sum(1) > 0]))
    require(bool(mi <= hx + 1e-12), "I(X;Y) <= H(X)")
    X = rng.integers(0, 3, size=(50, 5))
    y = (X[:, 2] + rng.integers(0, 2, size=50)) % 3
    order, scores = fields(rank_features_by_mi(X, y), ["order", "scores"], "ranking")
    order, scores = as_array(order, "order", shape=(5,)), as_array(scores, "scores", shape=(5,))
    require(sorted(order.tolist()) == [0, 1, 2, 3, 4], f"order must be a permutation of the feature indices, got {order}")
    require(bool(np.all(np.diff(scores[order.astype(int)]) <= 1e-12)), "order must list the features by decreasing score")
    require(int(order[0]) == 2, "feature 2 generates y here and must rank first")

# %%
# HIDDEN
def test_mi_against_sklearn(mutual_information):
    """Random contingency tables of counts, square and non-square, from 1 x 4 to 10 x 2."""
    import numpy as np
    from sklearn.metrics import mutual_info_score
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4401)
    for A, B in [(2, 2), (2, 5), (4, 3), (6, 6), (10, 2), (1, 4)]:
        for _ in range(3):
            structure = rng.dirichlet(np.full(A * B, 0.4)).reshape(A, B)
            counts = rng.multinomial(rng.integers(5, 500), structure.ravel()).reshape(A, B)
            if counts.sum() == 0:
                counts[0, 0] = 1
            close(as_scalar(mutual_information(counts), "MI"), mutual_info_score(None, None, contingency=counts), atol=1e-12,
                  name=f"MI of a {A} x {B} table", hint="natural log; empty cells contribute 0; normalise by the total")

# %%
# HIDDEN
def test_mi_edge_cases(mutual_information):
    """A permutation table, all counts in one cell, counts around 1e12 and a sparse 30 x 40 table."""
    import numpy as np
    from scipy.stats import entropy as scipy_entropy
    from sklearn.metrics import mutual_info_score
    from mlmathkit_checks import as_scalar, close

    perm = np.eye(5)[[3, 0, 4, 1, 2]] * 17
    close(as_scalar(mutual_information(perm), "MI"), np.log(5.0), name="MI of a permutation table (Y determines X)")
    close(as_scalar(mutual_information(np.array([[0, 0, 0], [0, 9, 0]])), "MI"), 0.0, atol=1e-12,
          name="MI when all counts are in one cell")
    # counts around 1e12 (sklearn's int64 products overflow here): oracle H(X) + H(Y) - H(X, Y) with scipy
    huge = np.array([[3e12, 1e12, 0.0], [1e12, 5e12, 2e12]])
    expected = scipy_entropy(huge.sum(axis=1)) + scipy_entropy(huge.sum(axis=0)) - scipy_entropy(huge.ravel())
    close(as_scalar(mutual_information(huge), "MI"), expected, atol=1e-12, name="MI of a table with counts around 1e12")
    sparse = np.zeros((30, 40))
    rng = np.random.default_rng(4402)
    sparse[rng.integers(0, 30, 60), rng.integers(0, 40, 60)] += 1  # 60 observations in 1200 cells
    close(as_scalar(mutual_information(sparse), "MI"), mutual_info_score(None, None, contingency=sparse), atol=1e-12,
          name="MI of a sparse 30 x 40 table")

# %%
# HIDDEN
def test_ranking_against_sklearn(rank_features_by_mi):
    """Features of different strength, a non-monotone feature, pure noise, and negative or float category codes."""
    # Features of different strength, a non-monotone feature (zero correlation with y, high MI),
    # pure-noise features, arbitrary category codes. Oracle: sklearn's mutual_info_score per column.
    import numpy as np
    from sklearn.metrics import mutual_info_score
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(4403)
    n = 1500
    y = rng.integers(0, 3, size=n)
    flip = lambda f, rate: np.where(rng.random(n) < rate, rng.integers(0, 3, size=n), f)
    middle = (y == 1).astype(float)  # uncorrelated with y, yet informative
    X = np.column_stack([
        rng.integers(0, 4, size=n),            # noise
        flip(y, 0.6) * 10 - 7,                 # weak copy, codes -7, 3, 13
        flip(middle, 0.15),                    # non-monotone
        flip(y, 0.2),                          # strong copy
        rng.integers(0, 2, size=n) * 2.5,      # noise, float codes
        flip(y, 0.4) + 100,                    # medium copy
    ])
    labels = np.array([-1, 5, 42])[y]
    expected = np.array([mutual_info_score(X[:, j], labels) for j in range(X.shape[1])])
    order, scores = fields(rank_features_by_mi(X, labels), ["order", "scores"], "ranking")
    close(scores, expected, atol=1e-10, name="mutual information of each feature with y",
          hint="map each column's distinct values to 0..k-1 (np.unique) before counting")
    close(order, np.argsort(-expected, kind="stable"), atol=0.0, name="feature order",
          hint="sort by decreasing mutual information (not by correlation)")

# %%
# HIDDEN
def test_ranking_ties(rank_features_by_mi):
    """Fifty features with many exact ties (identical columns, increasing recodings, constants), which must keep index order."""
    # Each feature is a copy, an increasing recoding (which leaves its contingency table unchanged) or a constant,
    # so tied features have bit-for-bit equal scores in any implementation. Oracle: sklearn's mutual_info_score
    # of the six base features; the expected order sorts by decreasing score, ties by increasing index.
    import numpy as np
    from sklearn.metrics import mutual_info_score
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(4404)
    n, d = 600, 50
    y = rng.integers(0, 4, size=n)
    flip = lambda f, rate: np.where(rng.random(n) < rate, rng.integers(0, 4, size=n), f)
    bases = [flip(y, 0.1), flip(y, 0.35), flip(y, 0.6), flip(y, 0.85), rng.integers(0, 3, size=n), np.zeros(n)]
    base_scores = np.array([mutual_info_score(b, y) for b in bases])
    recodings = [lambda v: v, lambda v: 2.5 * v + 7.0, lambda v: v**3 - 4.0, lambda v: np.exp(v / 3.0)]
    which = np.concatenate([np.arange(len(bases)), rng.integers(0, len(bases), size=d - len(bases))])
    rng.shuffle(which)
    X = np.column_stack([recodings[rng.integers(0, len(recodings))](bases[w].astype(float)) for w in which])
    expected_scores = base_scores[which]
    expected_order = np.lexsort((np.arange(d), -expected_scores))
    order, scores = fields(rank_features_by_mi(X, y), ["order", "scores"], "ranking")
    close(scores, expected_scores, atol=1e-10, name="mutual information of each of the 50 features",
          hint="an increasing recoding of a column does not change its contingency table")
    close(order, expected_order, atol=0.0, name="feature order with tied scores",
          hint="ties keep the smaller index first: np.argsort(-scores, kind='stable'), not argsort(scores)[::-1]")

# %%
# HIDDEN
def test_many_categories(rank_features_by_mi):
    """Features with 12 to 30 categories and a label with 15 classes, coded by unevenly spaced numbers."""
    # Oracle: sklearn's mutual_info_score per column. Codes close together (3.0 and 3.5) and far apart
    # (up to 900) must stay distinct categories: no binning.
    import numpy as np
    from sklearn.metrics import mutual_info_score
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(4405)
    n = 3000
    y = rng.integers(0, 15, size=n)
    label_codes = np.sort(rng.choice(np.arange(-200, 800), size=15, replace=False))
    codes30 = np.sort(np.concatenate([[3.0, 3.5], rng.uniform(-50.0, 900.0, size=28)]))
    codes12 = np.arange(12) * 0.1
    codes25 = np.sort(rng.choice(np.arange(0, 500), size=25, replace=False)).astype(float)
    flip = lambda f, k, rate: np.where(rng.random(n) < rate, rng.integers(0, k, size=n), f)
    X = np.column_stack([
        codes30[flip((2 * y + rng.integers(0, 2, size=n)) % 30, 30, 0.2)],   # strong, 30 categories
        codes12[rng.integers(0, 12, size=n)],                                # noise, 12 categories
        codes25[flip(y + rng.integers(0, 11, size=n), 25, 0.3)],             # medium, 25 categories
        np.array([0.0, 1.0, 2.0, 900.0])[flip(y % 4, 4, 0.1)],               # 4 categories, three close codes
    ])
    labels = label_codes[y]
    expected = np.array([mutual_info_score(X[:, j], labels) for j in range(X.shape[1])])
    order, scores = fields(rank_features_by_mi(X, labels), ["order", "scores"], "ranking")
    close(scores, expected, atol=1e-10, name="mutual information of features with many categories",
          hint="every distinct value is its own category: map values with np.unique, do not bin them")
    close(order, np.argsort(-expected, kind="stable"), atol=0.0, name="feature order")

# %%
# HIDDEN
def test_inputs_unchanged(mutual_information, rank_features_by_mi):
    """Your functions leave the caller's table, features and labels unchanged."""
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(4406)
    counts = rng.integers(0, 9, size=(3, 4)).astype(float)
    counts[0, 0] = 5.0
    counts_copy = counts.copy()
    as_scalar(mutual_information(counts), "MI")
    close(counts, counts_copy, rtol=0.0, atol=0.0, name="the table of counts after calling mutual_information",
          hint="counts / counts.sum() makes a new array; counts /= ... overwrites the caller's")
    X = np.array([-3.0, 2.5, 10.0])[rng.integers(0, 3, size=(40, 4))]
    y = np.array([-1, 7])[rng.integers(0, 2, size=40)]
    X_copy, y_copy = X.copy(), y.copy()
    fields(rank_features_by_mi(X, y), ["order", "scores"], "ranking")
    close(X, X_copy, rtol=0.0, atol=0.0, name="the feature matrix X after calling rank_features_by_mi",
          hint="keep the integer codes in a new array; do not write them back into X")
    close(y, y_copy, rtol=0.0, atol=0.0, name="the labels y after calling rank_features_by_mi")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q5_elbo

# %% [markdown]
# ## Question 5 — The ELBO of a Gaussian VAE: reparameterisation and the analytic KL
#
# **Why it matters.** A variational autoencoder (VAE) is trained by maximising the *evidence lower
# bound* (ELBO); so are diffusion models, Bayesian neural networks with variational posteriors, and
# most of variational inference. Two tricks make it trainable with stochastic gradients: the
# *reparameterisation* $z = \mu + \sigma\odot\varepsilon$, which moves the randomness into a fixed noise
# $\varepsilon$ so gradients flow through $\mu$ and $\sigma$; and the *analytic* KL between the Gaussian encoder
# and the standard normal prior, which removes half of the Monte Carlo noise.
#
# **The model.** A latent $z\in\mathbb R^k$ with prior $p(z) = \mathcal N(0, I_k)$ generates $x\in\mathbb R^D$ through a
# decoder $p(x\mid z)$; here a linear-Gaussian one, $p(x\mid z) = \mathcal N(Wz + b,\ \sigma^2 I_D)$, so that every
# quantity can be checked exactly. The encoder outputs, for each data point, a diagonal Gaussian
# $q(z\mid x) = \mathcal N\big(\mu, \operatorname{diag}(e^{v})\big)$ with $v = \log\sigma_q^2$ (`log_var`: networks output the log-variance
# so that it can be any real number).
#
# **The bound.** For any $q$, since $p(x) = p(x, z)/p(z\mid x)$,
#
# $$\log p(x) = \mathbb E_{q}\Big[\log\frac{p(x,z)}{q(z\mid x)}\Big] + \mathrm{KL}\big(q(z\mid x)\,\|\,p(z\mid x)\big)
#   \;\ge\; \underbrace{\mathbb E_{q}\big[\log p(x\mid z)\big] - \mathrm{KL}\big(q(z\mid x)\,\|\,p(z)\big)}_{\mathrm{ELBO}} ,$$
#
# because the KL to the true posterior is $\ge 0$ (Question 2). The gap is exactly that KL: maximising the
# ELBO over $q$ pulls $q$ towards the posterior.
#
# **The analytic KL.** For $q = \mathcal N(\mu, \operatorname{diag}(\sigma^2))$ against $\mathcal N(0, I)$, the formula of Question 2
# with $\Sigma_1 = I$ splits into a sum over the $k$ independent coordinates:
#
# $$\mathrm{KL}\big(q\,\|\,\mathcal N(0,I)\big) = \frac12\sum_{j=1}^k\Big(\sigma_j^2 + \mu_j^2 - 1 - \log\sigma_j^2\Big)
#  = \frac12\sum_{j=1}^k\big(e^{v_j} + \mu_j^2 - 1 - v_j\big) .$$
#
# **The Monte Carlo term.** With $\varepsilon_s\sim\mathcal N(0, I_k)$, $z_s = \mu + e^{v/2}\odot\varepsilon_s$ has law $q$, so
#
# $$\widehat{\mathrm{ELBO}} = \frac1S\sum_{s=1}^S \log p(x\mid z_s) - \mathrm{KL}\big(q\,\|\,\mathcal N(0,I)\big),
# \qquad \log p(x\mid z) = -\frac12\Big[\frac{\lVert x - Wz - b\rVert^2}{\sigma^2} + D\log(2\pi\sigma^2)\Big]$$
#
# is an unbiased estimate of the ELBO. Note $e^{v/2}$: the noise is scaled by the standard deviation, not
# the variance. Keep the normalising constant $D\log(2\pi\sigma^2)$ — it does not change the gradient in $W$,
# but it is part of the bound (and of its gradient in $\sigma^2$).
#
# The autograder checks your estimator in two ways: exactly, against an independent implementation
# fed the *same* noise `eps`; and statistically — thousands of single-sample estimates must average to
# the exact ELBO (known in closed form for this linear model) within a bound that a correct estimator
# violates with probability $10^{-6}$.
#
# **Your task.** Implement `kl_to_standard_normal` and `elbo_estimate` (which may call it) with
# `numpy`, for a batch of $n$ data points at once.
#
# *Hints.* `eps` has shape `(S, n, k)`; broadcasting `mu + std * eps` gives all $z$ at once, and
# `z @ W.T + b` has shape `(S, n, D)`. Average over samples (axis 0), keep one ELBO per data point.

# %% [raw]
# # BEGIN SOLUTION

# %%
def kl_to_standard_normal(mu, log_var):
    """KL( N(mu, diag(exp(log_var))) || N(0, I) ) for each row, in nats.

    KL_i = 1/2 sum_j ( exp(log_var_ij) + mu_ij^2 - 1 - log_var_ij ).

    Parameters
    ----------
    mu : array of shape (n, k), float
    log_var : array of shape (n, k), float, the log-VARIANCES (any real numbers, e.g. -20 to 10)

    Returns
    -------
    kl : array of shape (n,), float >= 0

    float32 arithmetic is accepted: results are compared at rtol 1e-4. The input arrays are not modified.
    """
    # BEGIN SOLUTION
    mu = np.asarray(mu, dtype=float)
    log_var = np.asarray(log_var, dtype=float)
    return 0.5 * np.sum(np.exp(log_var) + mu**2 - 1.0 - log_var, axis=-1)
    # END SOLUTION


def elbo_estimate(x, mu, log_var, W, b, noise_var, eps):
    """Reparameterised Monte Carlo ELBO of a linear-Gaussian VAE, one value per data point, in nats.

    z_si = mu_i + exp(log_var_i / 2) * eps_si,
    log p(x_i | z) = -1/2 [ ||x_i - W z - b||^2 / noise_var + D log(2 pi noise_var) ],
    ELBO_i = (1/S) sum_s log p(x_i | z_si) - KL( N(mu_i, diag(exp(log_var_i))) || N(0, I) )  (analytic KL).

    Parameters
    ----------
    x : array of shape (n, D), float, the data points
    mu, log_var : arrays of shape (n, k), float, the encoder's mean and log-variance for each point
    W : array of shape (D, k), float; b : array of shape (D,), float (decoder mean W z + b)
    noise_var : float > 0, the decoder variance sigma^2
    eps : array of shape (S, n, k), float, standard normal noise (S samples per data point)

    Returns
    -------
    elbo : array of shape (n,), float

    float32 arithmetic is accepted: results are compared at rtol 1e-4. The input arrays are not modified.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    mu = np.asarray(mu, dtype=float)
    log_var = np.asarray(log_var, dtype=float)
    z = mu + np.exp(0.5 * log_var) * np.asarray(eps, dtype=float)  # (S, n, k)
    resid = x - (z @ np.asarray(W, dtype=float).T + b)  # (S, n, D)
    log_lik = -0.5 * (np.sum(resid**2, axis=-1) / noise_var + x.shape[-1] * np.log(2 * np.pi * noise_var))
    return log_lik.mean(axis=0) - kl_to_standard_normal(mu, log_var)
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(kl_to_standard_normal, elbo_estimate):
    # KL: mu = (1, 0), log_var = (0, log 2): 1/2 (1 + 1 - 1 - 0) + 1/2 (2 + 0 - 1 - log 2) = 1 - (log 2) / 2.
    # ELBO with k = D = 1, W = 1, b = 0, sigma^2 = 1, x = 1, q = N(1, 1) and eps = 0: z = 1, so
    # log p(x | z) = -log(2 pi) / 2 and KL(N(1, 1) || N(0, 1)) = 1/2.
    import numpy as np
    from mlmathkit_checks import close

    close(kl_to_standard_normal(np.array([[1.0, 0.0]]), np.array([[0.0, np.log(2.0)]])), [1.0 - np.log(2.0) / 2],
          name="KL(N((1, 0), diag(1, 2)) || N(0, I))", hint="1/2 sum (exp(log_var) + mu^2 - 1 - log_var), one value per row")
    got = elbo_estimate(np.array([[1.0]]), np.array([[1.0]]), np.array([[0.0]]), np.array([[1.0]]), np.array([0.0]), 1.0,
                        np.zeros((1, 1, 1)))
    close(got, [-0.5 * np.log(2 * np.pi) - 0.5], name="ELBO estimate with eps = 0",
          hint="log N(x | W z + b, sigma^2 I) including -D/2 log(2 pi sigma^2), minus the KL term")
    # k = 1, D = 2: q = N(0, 4) (std 2) and eps = 1/2 give z = 0 + 2 * 1/2 = 1; W = (1, 2)^T, b = 0, so
    # W z = (1, 2) and x - W z = (2, 2) - (1, 2) = (1, 0). With sigma^2 = 2:
    # log p(x | z) = -1/2 [1 / 2 + 2 log(2 pi * 2)] = -1/4 - log(4 pi);  KL = 1/2 (4 + 0 - 1 - log 4) = 3/2 - log 2;
    # ELBO = -1/4 - log(4 pi) - 3/2 + log 2 = -7/4 - log(2 pi).
    got = elbo_estimate(np.array([[2.0, 2.0]]), np.array([[0.0]]), np.array([[np.log(4.0)]]), np.array([[1.0], [2.0]]),
                        np.array([0.0, 0.0]), 2.0, np.full((1, 1, 1), 0.5))
    close(got, [-1.75 - np.log(2 * np.pi)], name="ELBO estimate with eps = 1/2, D = 2 and sigma^2 = 2",
          hint="z = mu + exp(log_var / 2) * eps; sum the squared residuals over the D outputs; the constant is D log(2 pi sigma^2)")

# %%
def test_properties(kl_to_standard_normal, elbo_estimate):
    import numpy as np
    from mlmathkit_checks import as_array, close, require

    rng = np.random.default_rng(5)
    n, k, D = 4, 3, 5
    mu, log_var = rng.normal(size=(n, k)), rng.normal(size=(n, k))
    kl = as_array(kl_to_standard_normal(mu, log_var), "KL", shape=(n,))
    require(bool(np.all(kl > 0)), "KL to the prior must be positive unless q is the prior")
    close(kl_to_standard_normal(np.zeros((2, k)), np.zeros((2, k))), np.zeros(2), name="KL(N(0, I) || N(0, I))")
    x, W, b = rng.normal(size=(n, D)), rng.normal(size=(D, k)), rng.normal(size=D)
    e1, e2 = rng.normal(size=(3, n, k)), rng.normal(size=(2, n, k))
    one, two = elbo_estimate(x, mu, log_var, W, b, 0.5, e1), elbo_estimate(x, mu, log_var, W, b, 0.5, e2)
    as_array(one, "ELBO", shape=(n,))
    both = elbo_estimate(x, mu, log_var, W, b, 0.5, np.concatenate([e1, e2]))
    close(both, (3 * as_array(one, "ELBO") + 2 * as_array(two, "ELBO")) / 5, name="ELBO from 5 samples vs from 3 and 2",
          hint="average log p(x | z_s) over the S samples (axis 0 of eps)")
    # each point's estimate depends only on its own row
    close(as_array(elbo_estimate(x[:1], mu[:1], log_var[:1], W, b, 0.5, e1[:, :1]), "ELBO"), as_array(one, "ELBO")[:1],
          name="ELBO of the first point alone")

# %%
# HIDDEN
def test_kl_against_torch(kl_to_standard_normal):
    """Random encoder outputs with log-variances from -20 to 10, for batches of different sizes."""
    import numpy as np
    import torch
    from torch.distributions import Independent, Normal, kl_divergence
    from mlmathkit_checks import close

    rng = np.random.default_rng(4501)
    for n, k in [(20, 16), (5, 3), (1, 1)]:
        mu, log_var = rng.normal(scale=2.0, size=(n, k)), rng.uniform(-20.0, 10.0, size=(n, k))
        q = Independent(Normal(torch.tensor(mu), torch.exp(0.5 * torch.tensor(log_var))), 1)
        prior = Independent(Normal(torch.zeros(n, k, dtype=torch.float64), torch.ones(n, k, dtype=torch.float64)), 1)
        close(kl_to_standard_normal(mu, log_var), kl_divergence(q, prior).numpy(), name=f"KL to the prior (n={n}, k={k})",
              hint="log_var is the log of the VARIANCE: sigma^2 = exp(log_var)")

# %%
# HIDDEN
def test_elbo_same_noise_against_torch(elbo_estimate):
    """Your estimate with given noise, for several sample counts, batch sizes, latent and data dimensions and decoder variances."""
    # Oracle: torch.distributions with the same eps (z = loc + scale * eps) and the analytic KL.
    import numpy as np
    import torch
    from torch.distributions import Independent, Normal, kl_divergence
    from mlmathkit_checks import close

    rng = np.random.default_rng(4502)
    for S, n, k, D, noise_var in [(7, 5, 3, 4, 0.3), (3, 2, 1, 10, 2.0), (1, 6, 4, 4, 0.05), (50, 1, 2, 3, 1.0)]:
        x, W, b = rng.normal(size=(n, D)), rng.normal(size=(D, k)), rng.normal(size=D)
        mu, log_var = rng.normal(size=(n, k)), rng.uniform(-3.0, 1.0, size=(n, k))
        eps = rng.normal(size=(S, n, k))
        q = Independent(Normal(torch.tensor(mu), torch.exp(0.5 * torch.tensor(log_var))), 1)
        z = q.base_dist.loc + q.base_dist.scale * torch.tensor(eps)
        decoder = Independent(Normal(z @ torch.tensor(W).T + torch.tensor(b), float(np.sqrt(noise_var))), 1)
        prior = Independent(Normal(torch.zeros(n, k, dtype=torch.float64), torch.ones(n, k, dtype=torch.float64)), 1)
        expected = decoder.log_prob(torch.tensor(x)).mean(dim=0) - kl_divergence(q, prior)
        close(elbo_estimate(x, mu, log_var, W, b, noise_var, eps), expected.numpy(),
              name=f"ELBO estimate (S={S}, n={n}, k={k}, D={D}, noise_var={noise_var})",
              hint="z = mu + exp(log_var / 2) * eps; keep the -D/2 log(2 pi sigma^2); subtract the KL")

# %%
# HIDDEN
def test_elbo_unbiased(elbo_estimate):
    """Many single-sample estimates must average to the exact ELBO of the linear-Gaussian model."""
    # Statistical check: 300 000 single-sample estimates (S = 1) for copies of one data point must average
    # to the exact ELBO = log p(x) - KL(q || p(z | x)) (torch.distributions: the marginal and the exact
    # posterior of the linear-Gaussian model) within z * std / sqrt(300 000), z = 4.89, where std is the exact
    # standard deviation of log p(x | z): with r = x - W mu - b and A = W diag(sigma_q),
    # Var ||r - A eps||^2 = 4 r^T A A^T r + 2 ||A^T A||_F^2.
    # False-fail rate: a correct estimator fails with probability false_fail = 1e-6 over the draw of eps.
    # The noise is fixed (seeded) and passed in, so every correct implementation returns the same samples;
    # for this seed their mean lies 0.24 and 0.21 standard errors from the exact ELBO.
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal, kl_divergence
    from mlmathkit_checks import mean_within

    rng = np.random.default_rng(4509)
    reps, k, D, noise_var = 300_000, 2, 3, 2.0
    W, b, x = rng.normal(size=(D, k)), rng.normal(size=D), rng.normal(size=D)
    for mu, log_var in [(np.array([2.0, 1.0]), np.array([1.5, -2.0])), (np.array([0.3, -0.8]), np.log(np.array([0.25, 0.6])))]:
        eps = rng.normal(size=(1, reps, k))
        samples = elbo_estimate(np.tile(x, (reps, 1)), np.tile(mu, (reps, 1)), np.tile(log_var, (reps, 1)), W, b, noise_var, eps)
        marginal = MultivariateNormal(torch.tensor(b), torch.tensor(W @ W.T + noise_var * np.eye(D)))
        post_cov = np.linalg.inv(np.eye(k) + W.T @ W / noise_var)
        post_mean = post_cov @ W.T @ (x - b) / noise_var
        kl_post = kl_divergence(MultivariateNormal(torch.tensor(mu), torch.tensor(np.diag(np.exp(log_var)))),
                                MultivariateNormal(torch.tensor(post_mean), torch.tensor(post_cov)))
        exact = float(marginal.log_prob(torch.tensor(x)) - kl_post)
        r, A = x - W @ mu - b, W * np.exp(0.5 * log_var)
        std = 0.5 / noise_var * np.sqrt(4 * r @ A @ A.T @ r + 2 * np.sum((A.T @ A) ** 2))
        mean_within(samples, exact, std, false_fail=1e-6,
                    name=f"single-sample ELBO estimates for q = N({mu.round(2).tolist()}, exp({log_var.round(2).tolist()}))")

# %%
# HIDDEN
def test_inputs_unchanged(kl_to_standard_normal, elbo_estimate):
    """Your functions leave the caller's arrays unchanged."""
    import numpy as np
    from mlmathkit_checks import as_array, close

    rng = np.random.default_rng(4510)
    S, n, k, D = 4, 3, 2, 5
    inputs = {"x": rng.normal(size=(n, D)), "mu": rng.normal(size=(n, k)), "log_var": rng.normal(size=(n, k)),
              "W": rng.normal(size=(D, k)), "b": rng.normal(size=D), "eps": rng.normal(size=(S, n, k))}
    copies = {name: v.copy() for name, v in inputs.items()}
    as_array(kl_to_standard_normal(inputs["mu"], inputs["log_var"]), "KL", shape=(n,))
    as_array(elbo_estimate(inputs["x"], inputs["mu"], inputs["log_var"], inputs["W"], inputs["b"], 0.7, inputs["eps"]),
             "ELBO", shape=(n,))
    for name, v in inputs.items():
        close(v, copies[name], rtol=0.0, atol=0.0, name=f"the argument {name} after the calls",
              hint="z = mu + std * eps builds a new array; z = mu; z += ... overwrites the caller's mu")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q6_gaussian_mi_dpi

# %% [markdown]
# ## Question 6 — Mutual information of Gaussians and the data-processing inequality
#
# **Why it matters.** Gaussians are the one continuous family where mutual information has a closed
# form, so they are the test bed for every MI estimator (InfoNCE, MINE) and the language of channel
# capacity, $\tfrac12\log(1+\mathrm{SNR})$. They also make the *data-processing inequality* concrete: in a
# Markov chain $X\to T_1\to T_2\to\cdots$, no processing of $T_1$ can recover information about $X$ that $T_1$
# lost. This is the *information-bottleneck* view of deep learning: the layers of a network form such a
# chain ($Y \to X \to T_1 \to T_2 \to \dots$, label to input to representations), so what a deep layer knows
# about the input, or about the label, can only shrink with depth; a good representation is one that
# discards information about $X$ while keeping what matters for $Y$.
#
# **MI of jointly Gaussian vectors.** A Gaussian $\mathcal N(\mu, \Sigma)$ in $\mathbb R^d$ has differential entropy
# $h = \tfrac12\log\det(2\pi e\,\Sigma)$. Write the joint covariance of $(X, Y)$, $X\in\mathbb R^{d_x}$, in blocks
# $\Sigma = \begin{pmatrix}\Sigma_{XX} & \Sigma_{XY}\\ \Sigma_{YX} & \Sigma_{YY}\end{pmatrix}$. Then $I(X;Y) = h(X) + h(Y) - h(X,Y)$, and the
# $2\pi e$ factors cancel ($d_x + d_y = d$):
#
# $$I(X;Y) = \frac12\log\frac{\det\Sigma_{XX}\,\det\Sigma_{YY}}{\det\Sigma} .$$
#
# For two scalars with correlation $\rho$, $\det\Sigma = \sigma_X^2\sigma_Y^2(1-\rho^2)$, so
# $I(X;Y) = -\tfrac12\log(1-\rho^2)$: zero iff $\rho = 0$ (for Gaussians, uncorrelated means independent),
# infinite as $|\rho|\to 1$. $I$ does not change if $X$ or $Y$ is rescaled, or transformed by any
# invertible linear map within its block.
#
# **A Gaussian Markov chain.** Let $X_0 \sim \mathcal N(0, v)$ and, for $i = 1,\dots,L$,
# $X_i = g_i X_{i-1} + N_i$ with independent noises $N_i\sim\mathcal N(0, n_i)$ — a chain of noisy linear "layers".
# Unrolling, $X_i = G_i X_0 + E_i$ with gain $G_i = g_1\cdots g_i$ and accumulated noise $E_i$ independent of
# $X_0$, whose variance obeys $\operatorname{Var}E_i = g_i^2\operatorname{Var}E_{i-1} + n_i$ (with $\operatorname{Var}E_0 = 0$).
# With signal-to-noise ratio $\mathrm{SNR}_i = G_i^2 v/\operatorname{Var}E_i$ one finds $1-\rho^2 = 1/(1+\mathrm{SNR}_i)$, so
#
# $$I(X_0; X_i) = \tfrac12\log\big(1 + \mathrm{SNR}_i\big) .$$
#
# *Data processing.* $\mathrm{SNR}_{i+1} = \dfrac{g_{i+1}^2G_i^2 v}{g_{i+1}^2\operatorname{Var}E_i + n_{i+1}} \le \mathrm{SNR}_i$:
# each layer's noise only adds to the noise already there, so $I(X_0;X_1)\ge I(X_0;X_2)\ge\cdots$.
#
# *Numerics.* In a long chain of weak links the SNR decays geometrically: after 40 layers of gain
# $\tfrac12$ it is around $10^{-24}$, and `np.log(1 + snr)` returns exactly $0$ because $1 + 10^{-24}$ rounds to $1$.
# `np.log1p(snr)` computes $\log(1+s)$ accurately for tiny $s$. Equally, never compute
# $\log(1-\rho^2)$ as `np.log(1 - rho**2)`.
#
# **Your task.** Implement `gaussian_mi(cov, dx)` (log-determinants from Cholesky factors, as in
# Question 2; nats) and `markov_chain_mi(var_x, gains, noise_vars)`.
#
# *Hints.* Check `gaussian_mi` on $\rho = 0.6$: $-\tfrac12\log 0.64 = \log 1.25$. In the chain, track the signal
# variance $G_i^2 v$ and the noise variance separately, one layer at a time.

# %% [raw]
# # BEGIN SOLUTION

# %%
def gaussian_mi(cov, dx):
    """Mutual information I(X; Y) between the first dx coordinates X and the rest Y of a Gaussian vector, in nats.

    I = 1/2 [ log det cov[:dx, :dx] + log det cov[dx:, dx:] - log det cov ],
    each log-determinant from a Cholesky factor (2 sum log diag L).

    Parameters
    ----------
    cov : array of shape (d, d), float, symmetric positive definite joint covariance of (X, Y).
        The variances may be tiny (1e-7) in high dimension (d = 60): never form a determinant.
    dx : int, 1 <= dx < d

    Returns
    -------
    mi : float >= 0

    float32 arithmetic is accepted: results are compared at rtol 1e-4, with an absolute tolerance of
    1e-3 nats in d = 60 where the log-determinants reach ~1000 in size (and a looser one near |rho| = 1).
    The input array is not modified.
    """
    # BEGIN SOLUTION
    cov = np.asarray(cov, dtype=float)
    log_det = lambda S: 2.0 * np.sum(np.log(np.diag(np.linalg.cholesky(S))))
    return float(0.5 * (log_det(cov[:dx, :dx]) + log_det(cov[dx:, dx:]) - log_det(cov)))
    # END SOLUTION


def markov_chain_mi(var_x, gains, noise_vars):
    """I(X_0; X_i), i = 1..L, along the Gaussian Markov chain X_i = g_i X_{i-1} + N(0, n_i), X_0 ~ N(0, var_x).

    signal_i = G_i^2 var_x with G_i = g_1 ... g_i;  noise_i = g_i^2 noise_{i-1} + n_i (noise_0 = 0);
    I(X_0; X_i) = 1/2 log(1 + signal_i / noise_i)   (nats; use log1p: the ratio may be 1e-24).

    Parameters
    ----------
    var_x : float > 0, the variance of X_0
    gains : array of shape (L,), float, g_1..g_L (any real numbers, including 0 and negative)
    noise_vars : array of shape (L,), float > 0, n_1..n_L

    Returns
    -------
    mi : array of shape (L,), float, mi[i-1] = I(X_0; X_i); non-increasing (data processing).
        A gain of 0 erases X_0: the information is exactly 0 from that layer on.

    The deep-chain values (1e-24 nats) are compared at rtol 1e-6 with no absolute tolerance, so compute
    the chain in float64 (float32 rounding over 40 layers exceeds that); other results at rtol 1e-4.
    The input arrays are not modified.
    """
    # BEGIN SOLUTION
    gains = np.asarray(gains, dtype=float).ravel()
    noise_vars = np.asarray(noise_vars, dtype=float).ravel()
    mi = np.empty(gains.size)
    signal, noise = float(var_x), 0.0
    for i in range(gains.size):
        signal = gains[i] ** 2 * signal
        noise = gains[i] ** 2 * noise + noise_vars[i]
        mi[i] = 0.5 * np.log1p(signal / noise)
    return mi
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(gaussian_mi, markov_chain_mi):
    # rho = 0.6: -1/2 log(1 - 0.36) = log(1.25), whatever the variances.
    # Chain v = 1, gains (1, 1), noises (1, 2): SNR_1 = 1/1, SNR_2 = 1/(1 + 2): I = (1/2 log 2, 1/2 log(4/3)).
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    close(as_scalar(gaussian_mi(np.array([[1.0, 0.6], [0.6, 1.0]]), 1), "MI"), np.log(1.25), name="MI for rho = 0.6",
          hint="1/2 [log det S_XX + log det S_YY - log det S]; for two scalars, -1/2 log(1 - rho^2)")
    close(as_scalar(gaussian_mi(np.array([[4.0, 1.2], [1.2, 1.0]]), 1), "MI"), np.log(1.25),
          name="MI for rho = 0.6 with sigma_X = 2", hint="MI does not depend on the units")
    # X = (X1, X2) with identity covariance, Y correlated 0.48 with X1 and 0.6 with X2:
    # det S = 1 - 0.48^2 - 0.6^2 = 0.4096 = 0.64^2, det S_XX = det S_YY = 1, so I = -1/2 log 0.4096 = log(1 / 0.64).
    cov3 = np.array([[1.0, 0.0, 0.48], [0.0, 1.0, 0.6], [0.48, 0.6, 1.0]])
    close(as_scalar(gaussian_mi(cov3, 2), "MI"), np.log(1.5625), name="MI between X = (X1, X2) and Y",
          hint="with several coordinates per block use the log-determinants of the blocks, not one correlation")
    close(markov_chain_mi(1.0, np.array([1.0, 1.0]), np.array([1.0, 2.0])), [0.5 * np.log(2.0), 0.5 * np.log(4.0 / 3.0)],
          name="I(X_0; X_i) along the chain", hint="noise accumulates: noise_i = g_i^2 noise_{i-1} + n_i")

# %%
def test_properties(gaussian_mi, markov_chain_mi):
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, require

    rng = np.random.default_rng(6)
    A = rng.normal(size=(5, 5))
    cov = A @ A.T + 0.5 * np.eye(5)
    mi = as_scalar(gaussian_mi(cov, 2), "MI")
    require(bool(mi > 0), "correlated blocks have positive mutual information")
    perm = [2, 3, 4, 0, 1]
    close(as_scalar(gaussian_mi(cov[np.ix_(perm, perm)], 3), "MI"), mi, name="I(Y; X) compared with I(X; Y)",
          hint="mutual information is symmetric")
    T = np.diag([3.0, 0.2, 1.0, 1.0, 50.0])
    close(as_scalar(gaussian_mi(T @ cov @ T, 2), "MI"), mi, name="MI after rescaling coordinates")
    block = cov.copy()
    block[:2, 2:] = block[2:, :2] = 0.0
    # atol 1e-6: a difference of log-determinants of size ~5, exactly 0 in exact arithmetic (float32: ~1e-7)
    close(as_scalar(gaussian_mi(block, 2), "MI"), 0.0, atol=1e-6, name="MI of independent blocks")
    gains, noises = rng.uniform(-2.0, 2.0, size=8), rng.uniform(0.1, 2.0, size=8)
    mi_chain = as_array(markov_chain_mi(1.5, gains, noises), "chain MI", shape=(8,))
    require(bool(np.all(np.diff(mi_chain) <= 1e-12)), f"data processing: I(X_0; X_i) cannot increase along the chain, got {mi_chain}")
    close(markov_chain_mi(3.0 * 1.5, gains, 3.0 * noises), mi_chain, name="chain MI with var_x and all noises tripled",
          hint="only signal-to-noise ratios matter")
    close(markov_chain_mi(1.5, -gains, noises), mi_chain, name="chain MI with every gain negated")

# %%
# HIDDEN
def test_gaussian_mi_against_torch(gaussian_mi):
    """Random joint covariances with blocks of several coordinates, and two scalars with correlations from weak to nearly perfect."""
    # Oracle: h(X) + h(Y) - h(X, Y) with torch.distributions.MultivariateNormal entropies.
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4601)
    h = lambda S: float(MultivariateNormal(torch.zeros(len(S), dtype=torch.float64), torch.tensor(S)).entropy())
    for d, dx in [(2, 1), (3, 1), (3, 2), (5, 2), (8, 4), (8, 1)]:
        A = rng.normal(size=(d, d))
        cov = A @ A.T / d + 0.2 * np.eye(d)
        expected = h(cov[:dx, :dx]) + h(cov[dx:, dx:]) - h(cov)
        close(as_scalar(gaussian_mi(cov, dx), "MI"), expected, atol=1e-10, name=f"Gaussian MI (d={d}, dx={dx})",
              hint="1/2 [log det S_XX + log det S_YY - log det S] in nats")
    # Near |rho| = 1 the MI -1/2 log(1 - rho^2) has condition number ~1/(1 - rho^2) in the covariance entries:
    # float32 rounding of the entries (6e-8) costs ~1e-7 / (1 - rho^2) (0.05 nats at rho = 0.999999).
    for rho in (0.1, -0.5, 0.99, 0.999999):
        close(as_scalar(gaussian_mi(np.array([[2.0, 2.0 * rho], [2.0 * rho, 2.0]]), 1), "MI"),
              -0.5 * np.log1p(-rho**2), atol=1e-6 / (1 - rho**2), name=f"Gaussian MI for rho = {rho}")

# %%
# HIDDEN
def test_gaussian_mi_high_dimension(gaussian_mi):
    """A 60-dimensional Gaussian with variances near 1e-7, whose determinants underflow to zero."""
    # d = 60, variances ~1e-7: det(cov) ~ 1e-420 underflows. Oracle: torch entropies (Cholesky-based).
    # The MI is a difference of log-determinants of size ~1000 (eps * 1000 = 2e-13 in float64, ~1e-4
    # in float32): atol 1e-3.
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(4602)
    d, dx = 60, 25
    A = rng.normal(size=(d, d)) / np.sqrt(d)
    cov = 1e-7 * (A @ A.T + 0.3 * np.eye(d))
    h = lambda S: float(MultivariateNormal(torch.zeros(len(S), dtype=torch.float64), torch.tensor(S)).entropy())
    close(as_scalar(gaussian_mi(cov, dx), "MI"), h(cov[:dx, :dx]) + h(cov[dx:, dx:]) - h(cov), atol=1e-3,
          name="Gaussian MI in d = 60 with variances 1e-7", hint="determinants underflow: sum the logs of the Cholesky diagonal")

# %%
# HIDDEN
def test_chain_against_covariances(markov_chain_mi):
    """Random chains of 1 to 10 layers with positive and negative gains and different input variances."""
    # Oracle: the full covariance of (X_0, ..., X_L) built by the recursion Cov(X_i, X_j) = g_i Cov(X_{i-1}, X_j),
    # then the 2 x 2 block of (X_0, X_i) with torch.distributions entropies.
    import numpy as np
    import torch
    from torch.distributions import MultivariateNormal
    from mlmathkit_checks import close

    rng = np.random.default_rng(4603)
    h = lambda S: float(MultivariateNormal(torch.zeros(len(S), dtype=torch.float64), torch.tensor(S)).entropy())
    for L, var_x in [(1, 2.0), (4, 0.5), (10, 1.0), (6, 30.0)]:
        gains, noises = rng.uniform(-2.0, 2.0, size=L), rng.uniform(0.05, 1.5, size=L)
        C = np.zeros((L + 1, L + 1))
        C[0, 0] = var_x
        for i in range(1, L + 1):
            C[i, :i] = C[:i, i] = gains[i - 1] * C[i - 1, :i]
            C[i, i] = gains[i - 1] ** 2 * C[i - 1, i - 1] + noises[i - 1]
        expected = [h(C[[0]][:, [0]]) + h(C[[i]][:, [i]]) - h(C[np.ix_([0, i], [0, i])]) for i in range(1, L + 1)]
        close(markov_chain_mi(var_x, gains, noises), expected, atol=1e-10, name=f"chain MI (L={L}, var_x={var_x})",
              hint="noise_i = g_i^2 noise_{i-1} + n_i; signal_i = g_i^2 signal_{i-1}; I = 1/2 log(1 + signal/noise)")

# %%
# HIDDEN
def test_chain_long_and_degenerate(markov_chain_mi):
    """A 40-layer chain whose information decays far below floating-point rounding of 1, a layer with gain 0, and a nearly noiseless link."""
    # 40 layers of gain 1/2: SNR ~ 1e-24 at the end. Oracle: the same recursion in 50-digit arithmetic.
    # A correct float64 answer is accurate to ~1e-15 relative (log1p); rtol 1e-6 and atol 0, because the
    # whole point is the tiny values: log(1 + snr) rounds them to exactly 0.
    import mpmath
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(4604)
    gains, noises = np.full(40, 0.5), rng.uniform(0.5, 2.0, size=40)
    with mpmath.workdps(50):
        signal, noise, expected = mpmath.mpf(1), mpmath.mpf(0), []
        for g, n in zip(gains, noises):
            signal, noise = mpmath.mpf(g) ** 2 * signal, mpmath.mpf(g) ** 2 * noise + mpmath.mpf(n)
            expected.append(float(mpmath.log(1 + signal / noise) / 2))
    close(markov_chain_mi(1.0, gains, noises), expected, rtol=1e-6, atol=0.0, name="chain MI over 40 layers of gain 1/2",
          hint="1 + 1e-20 == 1 in floating point: use np.log1p(snr)")
    # a gain of 0 destroys all information from that layer on
    got = markov_chain_mi(1.0, np.array([2.0, 0.0, 3.0]), np.array([1.0, 1.0, 1.0]))
    close(got, [0.5 * np.log(5.0), 0.0, 0.0], atol=1e-12, name="chain MI with a zero gain in layer 2")
    # a strong first link: SNR 1e10
    close(markov_chain_mi(1.0, np.array([1.0, 1.0]), np.array([1e-10, 1e-10])),
          [0.5 * np.log1p(1e10), 0.5 * np.log1p(0.5e10)], name="chain MI with noise variance 1e-10")

# %%
# HIDDEN
def test_inputs_unchanged(gaussian_mi, markov_chain_mi):
    """Your functions leave the caller's covariance, gains and noise variances unchanged."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close

    rng = np.random.default_rng(4605)
    A = rng.normal(size=(5, 5))
    inputs = {"cov": A @ A.T + np.eye(5), "gains": rng.uniform(-2.0, 2.0, size=6), "noise_vars": rng.uniform(0.1, 1.0, size=6)}
    copies = {name: v.copy() for name, v in inputs.items()}
    as_scalar(gaussian_mi(inputs["cov"], 2), "MI")
    as_array(markov_chain_mi(1.3, inputs["gains"], inputs["noise_vars"]), "chain MI", shape=(6,))
    for name, v in inputs.items():
        close(v, copies[name], rtol=0.0, atol=0.0, name=f"the argument {name} after the calls",
              hint="do not modify your inputs in place; work on copies")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [markdown]
# **Done.** Run the grader cells above; the autograder will also run hidden tests on random,
# high-dimensional and numerically extreme inputs.
