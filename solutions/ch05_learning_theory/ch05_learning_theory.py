# %% [markdown]
# # Chapter 5 — Learning theory and regularization
#
# Why does a model that fits its training data also work on data it has never seen? Learning theory
# answers with *sample complexity*: how many examples are enough, for a hypothesis class of a given
# size or capacity, to make the training error an honest estimate of the true error. Regularization
# is the practical side of the same question: when the data are too few for the class, shrink the
# class — with a penalty (lasso, ridge, elastic net), by stopping early, by dropping units at random,
# or by adding noise to the inputs.
#
# In this problem set you compute PAC and VC bounds exactly, decide shattering by brute force and by
# linear programming, estimate the bias–variance decomposition by simulation, write a coordinate
# descent solver that matches scikit-learn digit for digit, implement early stopping and inverted
# dropout as PyTorch does, and verify numerically that training with noisy inputs is ridge regression.
#
# **How to work.** Each question explains why it matters, derives the math, then asks you to fill in
# functions whose docstrings state the exact inputs and outputs. Replace each
# `raise NotImplementedError(...)` line with your code, run the cell, then run the `grader.check`
# cell below it. Public checks test properties and one worked example; the autograder runs more
# (hidden) tests on random and numerically hard inputs, so make your code correct in general.
#
# Use `numpy`, `math`, `scipy.special` and `scipy.optimize.linprog` (Question 2). Do not use
# scikit-learn or `torch.nn` to answer a question — they are what your answers are graded against.

# %%
import math

import numpy as np
import matplotlib.pyplot as plt

# %% [raw]
# # BEGIN QUESTION
# name: q1_pac

# %% [markdown]
# ## Question 1 — PAC sample complexity of a finite hypothesis class
#
# **Why it matters.** Before trusting a test-set accuracy, a validation score or a model chosen among
# many, you want to know how many examples make the empirical error a reliable estimate. For a
# finite class $\mathcal H$ — a grid of hyperparameters, the set of decision stumps on binary features,
# every network whose $d$ weights are stored in 32 bits ($|\mathcal H| = 2^{32d}$) — the answer is
# logarithmic in $|\mathcal H|$: checking a thousand models costs barely more data than checking ten.
# These bounds are the first theorems of Shalev-Shwartz & Ben-David, *Understanding Machine
# Learning* (SSBD), chapters 2–4.
#
# **Setting.** Examples $z_1,\dots,z_m$ are drawn i.i.d. from a distribution $\mathcal D$; a hypothesis
# $h$ has true error $L_{\mathcal D}(h)$ and training error $L_S(h)$ on the sample $S$ (0-1 loss). The
# learner is ERM: it returns some $h_S \in \operatorname{argmin}_{h\in\mathcal H} L_S(h)$.
#
# **(a) Realizable case** (some $h^\star\in\mathcal H$ has $L_{\mathcal D}(h^\star) = 0$, so $L_S(h_S) = 0$). Call $h$
# *bad* if $L_{\mathcal D}(h) > \epsilon$. A bad $h$ classifies one random example correctly with
# probability $< 1-\epsilon$, hence all $m$ of them with probability $< (1-\epsilon)^m \le e^{-\epsilon m}$
# (because $1 - \epsilon \le e^{-\epsilon}$). ERM can only return a bad hypothesis if some bad hypothesis
# is consistent with $S$; by the union bound over at most $|\mathcal H|$ bad hypotheses,
#
# $$\Pr\big[L_{\mathcal D}(h_S) > \epsilon\big] \le |\mathcal H|\, e^{-\epsilon m} \le \delta
# \quad\Longleftarrow\quad m \ge \frac{\ln(|\mathcal H|/\delta)}{\epsilon} .$$
#
# So the sample complexity is at most $m_{\mathcal H}(\epsilon,\delta) = \big\lceil \ln(|\mathcal H|/\delta)/\epsilon \big\rceil$
# (SSBD, Corollary 2.3).
#
# **(b) Agnostic case** (no assumption on $\mathcal D$). For one fixed $h$, $L_S(h)$ is the mean of $m$
# i.i.d. losses in $[0,1]$ with mean $L_{\mathcal D}(h)$, and Hoeffding's inequality gives
# $\Pr\big[|L_S(h) - L_{\mathcal D}(h)| > \epsilon\big] \le 2e^{-2m\epsilon^2}$. The union bound over $\mathcal H$ makes
# this hold for every $h$ at once (*uniform convergence*):
#
# $$\Pr\big[\exists h\in\mathcal H:\ |L_S(h) - L_{\mathcal D}(h)| > \epsilon\big] \le 2|\mathcal H|\,e^{-2m\epsilon^2} ,
# \qquad\text{so with probability} \ge 1-\delta:\quad
# \sup_{h\in\mathcal H}|L_S(h) - L_{\mathcal D}(h)| \le \epsilon_{\text{uc}}(m,\delta) = \sqrt{\frac{\ln(2|\mathcal H|/\delta)}{2m}} .$$
#
# If every $h$ is within $\epsilon/2$ of its true error, ERM is within $\epsilon$ of the best in the class:
# $L_{\mathcal D}(h_S) \le L_S(h_S) + \frac\epsilon2 \le L_S(h) + \frac\epsilon2 \le L_{\mathcal D}(h) + \epsilon$ for every $h$. Requiring
# $\epsilon_{\text{uc}} \le \epsilon/2$ gives the agnostic PAC sample complexity (SSBD, Corollary 4.6)
#
# $$m_{\mathcal H}(\epsilon,\delta) = \left\lceil \frac{2\ln(2|\mathcal H|/\delta)}{\epsilon^2} \right\rceil .$$
#
# Note the price of agnosticism: $1/\epsilon^2$ instead of $1/\epsilon$.
#
# **Numerics.** $|\mathcal H|$ can be astronomically large: $2^{32\cdot 400}$ (every network with 400 float32
# weights) does not fit in a float (the
# largest double is about $2^{1024}$), but it is an ordinary Python `int`, and `math.log` takes the
# logarithm of any Python integer exactly. `np.log` does not, and neither does `math.log(h / delta)`:
# take logs *before* dividing.
#
# **Your task.** Implement `pac_realizable_sample_size`, `pac_agnostic_sample_size` and
# `uniform_convergence_epsilon` with `math` (natural logarithms throughout).
#
# *Hints.* Check the worked numbers by hand: $|\mathcal H| = 1000$, $\epsilon = 0.01$, $\delta = 0.05$ needs
# $\lceil 100 \ln 20000\rceil = 991$ examples in the realizable case. A sample size is a whole number of
# examples.

# %% [raw]
# # BEGIN SOLUTION

# %%
def pac_realizable_sample_size(h_size, epsilon, delta):
    """Realizable-case PAC sample complexity of a finite class (SSBD Corollary 2.3).

    m = ceil( ln(|H| / delta) / epsilon ),  the smallest m with |H| exp(-epsilon m) <= delta.

    Parameters
    ----------
    h_size : int >= 1 (possibly astronomically large, e.g. 2**12800) or float
        The number of hypotheses |H|.
    epsilon : float in (0, 1], accuracy.
    delta : float in (0, 1], confidence (failure probability).

    Returns
    -------
    m : int >= 0, the number of examples: a Python int (or numpy integer), not a float.
        |H| = 1 with delta = 1 needs 0 examples.

    Sample sizes are compared exactly, so float32 arithmetic is not accepted: compute in Python
    floats (float64) with math.log.
    """
    # BEGIN SOLUTION
    return int(math.ceil((math.log(h_size) - math.log(delta)) / epsilon))
    # END SOLUTION


def pac_agnostic_sample_size(h_size, epsilon, delta):
    """Agnostic PAC sample complexity of a finite class via Hoeffding (SSBD Corollary 4.6).

    m = ceil( 2 ln(2 |H| / delta) / epsilon^2 ),  so that uniform convergence holds with epsilon / 2.

    Parameters
    ----------
    h_size : int >= 1 (possibly astronomically large) or float, |H|.
    epsilon : float in (0, 1], accuracy relative to the best hypothesis in H.
    delta : float in (0, 1], failure probability.

    Returns
    -------
    m : int >= 1, the number of examples: a Python int (or numpy integer), not a float.

    Sample sizes are compared exactly, so float32 arithmetic is not accepted: compute in Python
    floats (float64) with math.log.
    """
    # BEGIN SOLUTION
    return int(math.ceil(2.0 * (math.log(2.0) + math.log(h_size) - math.log(delta)) / epsilon**2))
    # END SOLUTION


def uniform_convergence_epsilon(h_size, m, delta):
    """Uniform-convergence accuracy of m examples (Hoeffding + union bound).

    epsilon_uc = sqrt( ln(2 |H| / delta) / (2 m) ):  with probability >= 1 - delta,
    |L_S(h) - L_D(h)| <= epsilon_uc for every h in H simultaneously.

    Parameters
    ----------
    h_size : int >= 1 (possibly astronomically large) or float, |H|.
    m : int >= 1, the number of examples.
    delta : float in (0, 1], failure probability.

    Returns
    -------
    epsilon_uc : float > 0

    Compared at rtol 1e-10, so float32 arithmetic is not accepted: compute in Python floats (float64).
    """
    # BEGIN SOLUTION
    return math.sqrt((math.log(2.0) + math.log(h_size) - math.log(delta)) / (2.0 * m))
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(pac_realizable_sample_size, pac_agnostic_sample_size, uniform_convergence_epsilon):
    # |H| = 1000, epsilon = 0.01, delta = 0.05:
    #   realizable  ln(20000) / 0.01        = 990.35  -> 991
    #   agnostic    2 ln(40000) / 0.01^2    = 211932.7 -> 211933
    #   m = 1000:   sqrt(ln(40000) / 2000)  = 0.0727895
    import math
    from mlmathkit_checks import as_scalar, close

    close(as_scalar(pac_realizable_sample_size(1000, 0.01, 0.05), "m"), 991.0, rtol=0, atol=0,
          name="realizable sample size for |H| = 1000, epsilon = 0.01, delta = 0.05",
          hint="ln(|H| / delta) / epsilon with the natural log, rounded UP to a whole number of examples")
    close(as_scalar(pac_agnostic_sample_size(1000, 0.01, 0.05), "m"), 211933.0, rtol=0, atol=0,
          name="agnostic sample size for |H| = 1000, epsilon = 0.01, delta = 0.05",
          hint="uniform convergence to epsilon / 2: 2 ln(2|H| / delta) / epsilon^2, rounded up")
    close(as_scalar(uniform_convergence_epsilon(1000, 1000, 0.05), "epsilon_uc"), math.sqrt(math.log(40000) / 2000),
          name="uniform-convergence epsilon for |H| = 1000, m = 1000, delta = 0.05",
          hint="Hoeffding is two-sided: the failure probability of one h is 2 exp(-2 m eps^2)")
    # |H| = 2**2000 (does not fit in a float), epsilon = delta = 1: ln|H| = 2000 ln 2 = 1386.29 -> 1387 examples;
    # agnostic 2 (2001 ln 2) = 2773.97 -> 2774;  m = 2000: epsilon_uc = sqrt(2001 ln 2 / 4000) = 0.58885.
    huge = 2**2000
    close(as_scalar(pac_realizable_sample_size(huge, 1.0, 1.0), "m"), float(math.ceil(2000 * math.log(2))), rtol=0, atol=0,
          name="realizable sample size for |H| = 2**2000, epsilon = delta = 1",
          hint="|H| is a Python int too large for a float: use math.log(h) - math.log(delta), never h / delta")
    close(as_scalar(pac_agnostic_sample_size(huge, 1.0, 1.0), "m"), float(math.ceil(2 * 2001 * math.log(2))), rtol=0, atol=0,
          name="agnostic sample size for |H| = 2**2000, epsilon = delta = 1", hint="take logs before dividing: ln 2 + ln|H| - ln delta")
    close(as_scalar(uniform_convergence_epsilon(huge, 2000, 1.0), "epsilon_uc"), math.sqrt(2001 * math.log(2) / 4000),
          name="uniform-convergence epsilon for |H| = 2**2000, m = 2000, delta = 1", hint="take logs before dividing")

# %%
def test_properties(pac_realizable_sample_size, pac_agnostic_sample_size, uniform_convergence_epsilon):
    import math
    from mlmathkit_checks import as_scalar, close, require

    real = lambda h, e, d: as_scalar(pac_realizable_sample_size(h, e, d), "realizable m")  # noqa: E731
    agn = lambda h, e, d: as_scalar(pac_agnostic_sample_size(h, e, d), "agnostic m")  # noqa: E731
    for h, e, d in [(10, 0.1, 0.1), (10**6, 0.05, 1e-3), (3, 0.3, 0.5)]:
        m_r, m_a = real(h, e, d), agn(h, e, d)
        require(m_r == math.floor(m_r) and m_a == math.floor(m_a), f"sample sizes must be whole numbers, got {m_r} and {m_a}")
        require(real(h * 1000, e, d) > m_r, "more hypotheses must need more examples")
        require(real(h, e, d / 100) > m_r, "more confidence (smaller delta) must need more examples")
        require(m_a > m_r, f"the agnostic bound ({m_a:g}) must exceed the realizable one ({m_r:g})")
        # the agnostic sample size is exactly what makes uniform convergence reach epsilon / 2
        eps_uc = as_scalar(uniform_convergence_epsilon(h, m_a, d), "epsilon_uc")
        require(eps_uc <= e / 2 * (1 + 1e-12), f"with m = {m_a:g} examples epsilon_uc = {eps_uc:.6g} should be <= epsilon/2 = {e / 2:g}")
        require(as_scalar(uniform_convergence_epsilon(h, m_a - 1, d), "epsilon_uc") > e / 2,
                "one example fewer than the agnostic sample size must not reach epsilon / 2")
    close(as_scalar(uniform_convergence_epsilon(50, 400, 0.1), "epsilon_uc"),
          2.0 * as_scalar(uniform_convergence_epsilon(50, 1600, 0.1), "epsilon_uc"),
          name="epsilon_uc with 4x fewer examples", hint="epsilon_uc shrinks like 1 / sqrt(m)")

# %%
# HIDDEN
def test_random_against_failure_probability(pac_realizable_sample_size, pac_agnostic_sample_size, uniform_convergence_epsilon):
    """Random class sizes (some far beyond a float), accuracies and confidences, against the failure-probability bounds themselves."""
    # Oracle: the failure-probability bounds themselves in 50-digit arithmetic (mpmath), the smallest
    # integer m found by bisection (not the closed form). Cases whose real-valued bound lies within
    # 1e-9 of an integer are skipped: there the rounding of a correct float computation may go either way.
    import math
    import mpmath
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    def smallest_m(fail):  # fail(m) is decreasing in m
        lo, hi = 0, 1
        while fail(hi) > 0:
            hi *= 2
        while hi - lo > 1:
            mid = (lo + hi) // 2
            lo, hi = (mid, hi) if fail(mid) > 0 else (lo, mid)
        return hi if fail(lo) > 0 else lo

    rng = np.random.default_rng(505)
    with mpmath.workdps(50):
        for _ in range(25):
            h = int(rng.integers(1, 10**6)) if rng.random() < 0.7 else 2 ** int(rng.integers(1, 5000))
            eps, delta = float(rng.uniform(0.005, 0.5)), float(10 ** rng.uniform(-8, -0.3))
            H, E, D = mpmath.mpf(h), mpmath.mpf(eps), mpmath.mpf(delta)
            x_r = (mpmath.log(H) - mpmath.log(D)) / E
            x_a = 2 * mpmath.log(2 * H / D) / E**2
            if min(abs(x - mpmath.nint(x)) for x in (x_r, x_a)) < 1e-9:
                continue
            tag = f"(|H| = {h if h < 10**9 else '2**' + str(h.bit_length() - 1)}, epsilon = {eps:.4g}, delta = {delta:.3g})"
            m_r = smallest_m(lambda m: H * mpmath.exp(-E * m) - D)
            m_a = smallest_m(lambda m: 2 * H * mpmath.exp(-2 * m * (E / 2) ** 2) - D)
            close(as_scalar(pac_realizable_sample_size(h, eps, delta), "m"), float(m_r), rtol=0, atol=0,
                  name=f"realizable sample size {tag}", hint="natural log; round up; take the log of |H| before dividing")
            close(as_scalar(pac_agnostic_sample_size(h, eps, delta), "m"), float(m_a), rtol=0, atol=0,
                  name=f"agnostic sample size {tag}", hint="uniform convergence must hold with epsilon / 2, not epsilon")
            m = int(rng.integers(1, 10**7))
            eps_uc = mpmath.findroot(lambda e: mpmath.log(2 * H) - 2 * m * e**2 - mpmath.log(D), mpmath.mpf(1))
            # a closed form of a few correctly rounded operations: ~1e-15 relative error, so rtol 1e-10
            # (a one-sided bound, ln|H| instead of ln 2|H|, differs by ~1e-4 when |H| is huge)
            close(as_scalar(uniform_convergence_epsilon(h, m, delta), "epsilon_uc"), float(abs(eps_uc)), rtol=1e-10, atol=0,
                  name=f"uniform-convergence epsilon {tag}, m = {m}", hint="Hoeffding is two-sided: ln(2|H| / delta)")

# %%
# HIDDEN
def test_astronomical_class(pac_realizable_sample_size, pac_agnostic_sample_size, uniform_convergence_epsilon):
    """A class whose size is a Python integer far too large to convert to a float."""
    # |H| = 2^(32 * 400): every network with 400 float32 weights. ln|H| = 12800 ln 2 exactly; the
    # number itself overflows a float, so np.log(h) and math.log(h / delta) both fail.
    import math
    from mlmathkit_checks import as_scalar, close

    h = 2 ** (32 * 400)  # 3854 digits: below Python's 4300-digit int/str limit on the grading wire
    log_h = 12800 * math.log(2)
    close(as_scalar(pac_realizable_sample_size(h, 0.05, 0.01), "m"), float(math.ceil((log_h + math.log(100)) / 0.05)),
          rtol=0, atol=0, name="realizable sample size for |H| = 2**12800",
          hint="|H| is a Python int too large for a float: use math.log(h) - math.log(delta)")
    close(as_scalar(pac_agnostic_sample_size(h, 0.05, 0.01), "m"),
          float(math.ceil(2 * (math.log(2) + log_h + math.log(100)) / 0.05**2)), rtol=0, atol=0,
          name="agnostic sample size for |H| = 2**12800")
    close(as_scalar(uniform_convergence_epsilon(h, 10**9, 0.01), "epsilon_uc"),
          math.sqrt((math.log(2) + log_h + math.log(100)) / 2e9), rtol=1e-10, atol=0,  # ~1e-15 expected, see above
          name="epsilon_uc for |H| = 2**12800, m = 1e9", hint="two-sided Hoeffding: ln(2|H| / delta) = ln 2 + ln|H| - ln delta")

# %%
# HIDDEN
def test_edge_cases(pac_realizable_sample_size, pac_agnostic_sample_size, uniform_convergence_epsilon):
    """A single hypothesis at delta = 1 (nothing to learn), epsilon = 1, and a ratio |H| / delta that overflows a float."""
    # |H| = 1 and delta = 1: nothing to learn, no example needed in the realizable case; the agnostic
    # bound still pays for the two-sidedness of Hoeffding: ceil(2 ln 2 / eps^2).
    import math
    from mlmathkit_checks import as_scalar, close

    close(as_scalar(pac_realizable_sample_size(1, 0.1, 1.0), "m"), 0.0, rtol=0, atol=0,
          name="realizable sample size for |H| = 1, delta = 1")
    close(as_scalar(pac_agnostic_sample_size(1, 0.1, 1.0), "m"), float(math.ceil(200 * math.log(2))), rtol=0, atol=0,
          name="agnostic sample size for |H| = 1, delta = 1")
    close(as_scalar(pac_realizable_sample_size(7, 1.0, 0.5), "m"), float(math.ceil(math.log(14))), rtol=0, atol=0,
          name="realizable sample size with epsilon = 1")
    close(as_scalar(pac_realizable_sample_size(1e300, 0.5, 1e-300), "m"), float(math.ceil(2 * 600 * math.log(10))),
          rtol=0, atol=0, name="realizable sample size for |H| = 1e300, delta = 1e-300",
          hint="|H| / delta overflows to inf: subtract logs instead of dividing")
    close(as_scalar(uniform_convergence_epsilon(1, 1, 1.0), "epsilon_uc"), math.sqrt(math.log(2) / 2), rtol=1e-10, atol=0,
          name="epsilon_uc for |H| = 1, m = 1, delta = 1")

# %%
# HIDDEN
def test_sample_sizes_are_integers(pac_realizable_sample_size, pac_agnostic_sample_size):
    """Sample sizes come back as integers (a Python int or a numpy integer), never as floats."""
    # The docstrings promise an int: math.ceil returns one, np.ceil returns a float (991.0).
    import numbers
    from mlmathkit_checks import require

    for fn, what in ((pac_realizable_sample_size, "realizable"), (pac_agnostic_sample_size, "agnostic")):
        for h, e, d in [(1000, 0.01, 0.05), (1, 0.1, 1.0), (2**3000, 0.2, 1e-6), (5e4, 0.3, 0.3)]:
            m = fn(h, e, d)
            require(isinstance(m, numbers.Integral) and not isinstance(m, bool),
                    f"the {what} sample size should be an int (a whole number of examples), got {type(m).__name__} {m!r:.40}"
                    " - math.ceil returns an int, np.ceil a float")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q2_shattering

# %% [markdown]
# ## Question 2 — VC dimension by shattering: thresholds, intervals, rectangles, halfspaces
#
# **Why it matters.** Most classes used in practice are infinite — every threshold, every line, every
# network with real weights — so $\ln|\mathcal H|$ is useless. What matters is how many *different
# labelings* a class can produce on a finite sample. The Vapnik–Chervonenkis dimension measures that
# capacity, and it drives the generalization bounds of Question 3, margin theory for SVMs and the
# classical analysis of boosting and neural networks.
#
# **Definitions.** A class $\mathcal H$ of functions $\mathcal X\to\{0,1\}$ *realizes* a labeling
# $y\in\{0,1\}^n$ of points $x_1,\dots,x_n$ if some $h\in\mathcal H$ has $h(x_i) = y_i$ for all $i$. It *shatters*
# the set $C = \{x_1,\dots,x_n\}$ if it realizes all $2^n$ labelings. The VC dimension
# $\operatorname{VCdim}(\mathcal H)$ is the size of the largest shattered set. To show
# $\operatorname{VCdim} = d$ you exhibit *one* shattered set of size $d$ and prove that *no* set of size
# $d+1$ is shattered.
#
# The four classes of this question (points of the line $\mathbb R$ for the first two, of the plane
# $\mathbb R^2$ for the last two):
#
# | class | hypotheses | a labeling $y$ is realizable iff | VC dim |
# |---|---|---|---|
# | thresholds | $h_a(x) = \mathbb 1[x\ge a]$, $a\in\mathbb R\cup\{\pm\infty\}$ | every positive lies strictly right of every negative | 1 |
# | intervals | $h_{a,b}(x) = \mathbb 1[a\le x\le b]$, or always $0$ | no negative lies in $[\min_{y_i=1}x_i,\ \max_{y_i=1}x_i]$ | 2 |
# | rectangles | $\mathbb 1[a_1\le x_1\le b_1,\ a_2\le x_2\le b_2]$, or always $0$ | no negative lies in the bounding box of the positives | 4 |
# | halfspaces | $h_{w,b}(x) = \mathbb 1[w^\top x + b \ge 0]$, $w\in\mathbb R^2, b\in\mathbb R$ | the LP below is feasible | 3 |
#
# For the first three, the smallest hypothesis containing all positives (the threshold at the
# leftmost positive, the interval or box spanning the positives) is the best candidate: if *it*
# contains a negative, every hypothesis that contains the positives does. Thresholds cannot shatter
# two points $x_1 < x_2$ (the labeling $(1, 0)$ fails); intervals cannot realize $(1,0,1)$ on three
# points; for rectangles, the four points of a diamond are shattered, while among any five points
# one that is not extreme in any of the four directions can be labeled $0$ while the others are $1$.
#
# **Halfspaces as a linear program.** With signs $s_i = 2y_i - 1\in\{-1,+1\}$, a labeling is realized by
# a halfspace iff there are $w, b$ with $s_i(w^\top x_i + b) > 0$ for positives *and* negatives alike (a
# positive may sit exactly on the boundary, but since there are finitely many points we can shift
# $b$ a little and make every inequality strict). Strict inequalities are scale-invariant, so divide
# by the smallest margin: the labeling is realizable iff the **linear feasibility problem**
#
# $$\text{find } (w, b)\in\mathbb R^3 \quad\text{s.t.}\quad s_i\,(w^\top x_i + b) \ge 1,\qquad i = 1,\dots,n$$
#
# has a solution. `scipy.optimize.linprog(c, A_ub, b_ub, bounds=...)` minimizes $c^\top z$ subject to
# $A_{\text{ub}}z\le b_{\text{ub}}$: use a zero objective, write each constraint as $-s_i(x_i^\top w + b)\le -1$, let
# the variables be free (`bounds=(None, None)`; the default is $z\ge 0$!), and read `res.status`
# (`0` feasible, `2` infeasible). Three points in general position are shattered by halfspaces; three
# collinear points are not (label the middle one differently), and no four points are (Radon's theorem:
# they split into two groups whose convex hulls intersect).
#
# **Your task.** Implement `realizable(points, labels, hclass)` for the four classes and
# `is_shattered(points, hclass)`, which may call it on every labeling (`itertools.product([0, 1], repeat=n)`).
#
# *Hints.* Watch the edge cases: no positive at all (always realizable: the empty interval, $a = +\infty$),
# no negative, repeated points (two copies of one point can never get different labels), and ties
# in one coordinate for rectangles (boxes are closed).

# %% [raw]
# # BEGIN SOLUTION

# %%
def realizable(points, labels, hclass):
    """Whether some hypothesis of the class labels the points exactly as given.

    thresholds  h(x) = 1[x >= a]                               (points on the line)
    intervals   h(x) = 1[a <= x <= b], or the empty interval    (points on the line)
    rectangles  h(x) = 1[a1 <= x1 <= b1 and a2 <= x2 <= b2], or empty   (points in the plane)
    halfspaces  h(x) = 1[w . x + b >= 0]                       (points in the plane):
                realizable iff the LP  s_i (w . x_i + b) >= 1,  s_i = 2 y_i - 1,  is feasible.

    Parameters
    ----------
    points : array of shape (n,) for "thresholds"/"intervals", (n, 2) for "rectangles"/"halfspaces"; float.
        Points may repeat. n >= 1.
    labels : array of shape (n,), int in {0, 1}.
    hclass : str, one of "thresholds", "intervals", "rectangles", "halfspaces".

    Returns
    -------
    bool

    float32 points are accepted (the answer is a yes/no decision, compared exactly). The input arrays
    are not modified.
    """
    # BEGIN SOLUTION
    from scipy.optimize import linprog

    y = np.asarray(labels).astype(int).ravel()
    pos, neg = y == 1, y == 0
    if not pos.any() or not neg.any():
        return True
    if hclass == "thresholds":
        x = np.asarray(points, dtype=float).ravel()
        return bool(x[pos].min() > x[neg].max())
    if hclass == "intervals":
        x = np.asarray(points, dtype=float).ravel()
        lo, hi = x[pos].min(), x[pos].max()
        return not bool(np.any((x[neg] >= lo) & (x[neg] <= hi)))
    P = np.asarray(points, dtype=float).reshape(-1, 2)
    if hclass == "rectangles":
        lo, hi = P[pos].min(axis=0), P[pos].max(axis=0)
        inside = np.all((P[neg] >= lo) & (P[neg] <= hi), axis=1)
        return not bool(inside.any())
    if hclass == "halfspaces":
        s = 2.0 * y - 1.0
        A_ub = -s[:, None] * np.column_stack([P, np.ones(len(P))])
        res = linprog(np.zeros(3), A_ub=A_ub, b_ub=-np.ones(len(P)), bounds=[(None, None)] * 3, method="highs")
        return bool(res.status == 0)
    raise ValueError(f"unknown hypothesis class {hclass!r}")
    # END SOLUTION


def is_shattered(points, hclass):
    """Whether the class realizes all 2**n labelings of the n points.

    Parameters
    ----------
    points : array of shape (n,) or (n, 2) as for `realizable`, float; n >= 1 (small, say <= 8).
    hclass : str, one of "thresholds", "intervals", "rectangles", "halfspaces".

    Returns
    -------
    bool

    float32 points are accepted (the answer is a yes/no decision, compared exactly). The input array is
    not modified.
    """
    # BEGIN SOLUTION
    import itertools

    n = len(np.asarray(points))
    return all(realizable(points, np.array(lab), hclass) for lab in itertools.product([0, 1], repeat=n))
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_examples(realizable, is_shattered):
    import numpy as np
    from mlmathkit_checks import as_scalar, require

    def check(got, want, what, hint):
        require(as_scalar(got, what) == float(want), f"{what}: expected {want}, got {got}. Hint: {hint}")

    check(realizable(np.array([0.0, 1.0]), np.array([0, 1]), "thresholds"), True,
          "thresholds, points (0, 1), labels (0, 1)", "1[x >= a] with a = 0.5")
    check(realizable(np.array([0.0, 1.0]), np.array([1, 0]), "thresholds"), False,
          "thresholds, points (0, 1), labels (1, 0)", "a threshold 1[x >= a] can only label the right end positive")
    check(is_shattered(np.array([0.0, 1.0]), "intervals"), True, "intervals shatter two points", "")
    check(realizable(np.array([0.0, 1.0, 2.0]), np.array([1, 0, 1]), "intervals"), False,
          "intervals, labels (1, 0, 1)", "the interval spanning the positives contains the negative")
    diamond = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    square = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    check(is_shattered(diamond, "rectangles"), True, "rectangles shatter the diamond", "")
    check(realizable(square, np.array([1, 0, 0, 1]), "rectangles"), False, "rectangles, square corners, diagonal labeling",
          "the bounding box of the two positive corners is the whole square")
    check(is_shattered(np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]), "halfspaces"), True,
          "halfspaces shatter a triangle", "use linprog with free variables: bounds=(None, None)")
    check(realizable(square, np.array([1, 0, 0, 1]), "halfspaces"), False, "halfspaces, XOR on the square",
          "no line separates the diagonals of a square")
    check(is_shattered(np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]]), "halfspaces"), False,
          "halfspaces and three collinear points", "the middle point cannot be labeled against both ends")

# %%
def test_properties(realizable, is_shattered):
    import numpy as np
    from mlmathkit_checks import as_scalar, require

    rng = np.random.default_rng(2)
    for hclass, dim in [("thresholds", 1), ("intervals", 1), ("rectangles", 2), ("halfspaces", 2)]:
        pts = rng.normal(size=(6, dim)).squeeze()
        for lab in (np.zeros(6, int), np.ones(6, int)):
            require(as_scalar(realizable(pts, lab, hclass), "realizable") == 1.0,
                    f"{hclass}: the all-{lab[0]} labeling is always realizable")
        for _ in range(5):
            lab = rng.integers(0, 2, size=6)
            a = as_scalar(realizable(pts, lab, hclass), "realizable")
            b = as_scalar(realizable(3.0 * pts + 5.0, lab, hclass), "realizable")
            require(a == b, f"{hclass}: realizability must not change when the points are scaled by 3 and shifted by 5")
        dup = pts[[0, 0]]
        require(as_scalar(is_shattered(dup, hclass), "shattered") == 0.0,
                f"{hclass}: a point repeated twice cannot be shattered (its copies cannot get different labels)")
    require(as_scalar(is_shattered(np.array([0.3]), "thresholds"), "shattered") == 1.0, "thresholds shatter one point")
    require(as_scalar(is_shattered(np.array([0.0, 1.0, 2.0]), "intervals"), "shattered") == 0.0,
            "intervals do not shatter three points")
    require(as_scalar(is_shattered(rng.normal(size=(4, 2)), "halfspaces"), "shattered") == 0.0,
            "halfspaces in the plane shatter no four points")

# %%
# HIDDEN
def test_random_labelings_against_enumeration(realizable):
    """Every labeling of small random point sets with ties and repeated points, for thresholds, intervals and rectangles."""
    # Oracle: enumerate the hypotheses themselves. On a finite sample every threshold, interval or box
    # behaves like one whose endpoints are sample coordinates (or the empty one), so the realizable
    # labelings are exactly those produced by the finitely many such hypotheses. Points on a small
    # integer grid: ties and repeated points are frequent.
    import itertools
    import numpy as np
    from mlmathkit_checks import as_scalar, require

    def labelings(P, hclass):
        realized = {tuple([0] * len(P))}
        if hclass == "thresholds":
            realized |= {tuple((P >= a).astype(int)) for a in np.unique(P)}
        elif hclass == "intervals":
            realized |= {tuple(((P >= a) & (P <= b)).astype(int)) for a in np.unique(P) for b in np.unique(P) if a <= b}
        else:
            xs, ys = np.unique(P[:, 0]), np.unique(P[:, 1])
            for a1, b1 in itertools.combinations_with_replacement(xs, 2):
                for a2, b2 in itertools.combinations_with_replacement(ys, 2):
                    inside = (P[:, 0] >= a1) & (P[:, 0] <= b1) & (P[:, 1] >= a2) & (P[:, 1] <= b2)
                    realized.add(tuple(inside.astype(int)))
        return realized

    rng = np.random.default_rng(2020)
    for hclass, dim in [("thresholds", 1), ("intervals", 1), ("rectangles", 2)]:
        for trial in range(12):
            n = int(rng.integers(1, 7))
            P = rng.integers(0, 4, size=(n, dim)).astype(float)
            P = P[:, 0] if dim == 1 else P
            ok = labelings(P, hclass)
            for lab in itertools.product([0, 1], repeat=n):
                got = as_scalar(realizable(P, np.array(lab), hclass), "realizable")
                require(got == float(lab in ok),
                        f"{hclass}: points {P.tolist()}, labels {list(lab)}: expected {lab in ok}, got {bool(got)}"
                        + (" (ties: thresholds and boxes are closed, a positive and a negative at the same place"
                           " cannot be separated)" if dim == 1 or hclass == "rectangles" else ""))

# %%
# HIDDEN
def test_halfspaces_against_max_margin_lp(realizable):
    """Halfspace labelings of small point sets with collinear triples, repeated points and points exactly on a boundary line."""
    # Oracle: a different LP with scipy.optimize.linprog — maximise the margin t subject to
    # s_i (w . x_i + b) >= t with |w_j|, |b| <= 1; realizable iff t* > 0. Integer grid points make
    # collinear triples, repeated points and positives exactly on a boundary line common, and keep
    # every positive optimal margin above ~1e-3, far from the 1e-9 decision threshold.
    import itertools
    import numpy as np
    from scipy.optimize import linprog
    from mlmathkit_checks import as_scalar, require

    def oracle(P, y):
        s = 2.0 * y - 1.0
        A = np.column_stack([-s[:, None] * np.column_stack([P, np.ones(len(P))]), np.ones(len(P))])
        res = linprog([0, 0, 0, -1], A_ub=A, b_ub=np.zeros(len(P)), bounds=[(-1, 1)] * 3 + [(None, 1)], method="highs")
        return bool(-res.fun > 1e-9)

    rng = np.random.default_rng(3030)
    for trial in range(14):
        n = int(rng.integers(2, 6))
        P = rng.integers(0, 4, size=(n, 2)).astype(float)
        labs = list(itertools.product([0, 1], repeat=n))
        for lab in [labs[i] for i in rng.choice(len(labs), size=min(len(labs), 6), replace=False)]:
            y = np.array(lab)
            got = as_scalar(realizable(P, y, "halfspaces"), "realizable")
            want = oracle(P, y)
            require(got == float(want), f"halfspaces: points {P.tolist()}, labels {list(lab)}: expected {want}, got {bool(got)}"
                    " (are the LP variables free? linprog's default bounds are z >= 0)")

# %%
# HIDDEN
def test_shattering_edge_and_hard_cases(is_shattered):
    """One point, repeated points, collinear and nearly collinear points, tiny and far-away triangles, a point inside a triangle."""
    import numpy as np
    from mlmathkit_checks import as_scalar, require

    def check(points, hclass, want, what):
        got = as_scalar(is_shattered(np.asarray(points, dtype=float), hclass), "shattered")
        require(got == float(want), f"{hclass}, {what}: expected shattered = {want}, got {bool(got)}")

    check([5.0], "intervals", True, "one point")
    check([1.0, 1.0], "intervals", False, "a repeated point")
    check([0.0, 1.0], "thresholds", False, "two points")
    check([[0.0, 0.0]], "rectangles", True, "one point")
    check([[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [0.0, -2.0], [0.0, 0.0]], "rectangles", False, "diamond plus its centre")
    check([[2.0, 0.0], [0.0, 2.0], [-2.0, 0.0], [0.5, -2.0]], "rectangles", True, "a skewed diamond")
    check([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0], [3.0, 1.0]], "rectangles", False, "three points on a horizontal line")
    # nearly collinear: the middle point is 1e-4 off the line, the separating lines need |w| ~ 2e4
    check([[0.0, 0.0], [1.0, 1e-4], [2.0, 0.0]], "halfspaces", True, "a triangle of height 1e-4")
    check([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]], "halfspaces", False, "three collinear points")
    check([[1e4, 1e4], [1e4 + 1, 1e4], [1e4, 1e4 + 1]], "halfspaces", True, "a triangle far from the origin")
    check([[0.0, 0.0], [1e-3, 0.0], [0.0, 1e-3]], "halfspaces", True, "a tiny triangle")
    check([[0.0, 0.0], [2.0, 0.0], [1.0, 2.0], [1.0, 0.5]], "halfspaces", False, "a triangle and a point inside it")
    check([[0.0, 0.0], [1.0, 0.0]], "halfspaces", True, "two points")

# %%
# HIDDEN
def test_float32_points_and_unchanged_inputs(realizable, is_shattered):
    """Points given as float32 arrays, and the caller's points and labels left unchanged."""
    # Small integers are exact in float32, so the answers are those of the float64 points (known by hand).
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require

    cases = [(np.array([2.0, 0.0, 1.0], dtype=np.float32), np.array([1, 0, 1]), "thresholds", True),
             (np.array([2.0, 0.0, 1.0], dtype=np.float32), np.array([1, 0, 0]), "intervals", True),
             (np.array([2.0, 0.0, 1.0], dtype=np.float32), np.array([1, 1, 0]), "intervals", False),
             (np.array([[0, 0], [2, 2], [1, 1]], dtype=np.float32), np.array([1, 1, 0]), "rectangles", False),
             (np.array([[0, 0], [2, 0], [1, 1]], dtype=np.float32), np.array([1, 0, 1]), "halfspaces", True),
             (np.array([[0, 0], [1, 1], [2, 2]], dtype=np.float32), np.array([1, 0, 1]), "halfspaces", False)]
    for P, y, hclass, want in cases:
        P0, y0 = P.copy(), y.copy()
        got = as_scalar(realizable(P, y, hclass), "realizable")
        require(got == float(want), f"{hclass}, float32 points {P.tolist()}, labels {y.tolist()}: expected {want}, got {bool(got)}")
        close(P, P0, rtol=0, atol=0, name="points after calling realizable", hint="do not modify the caller's arrays")
        close(y, y0, rtol=0, atol=0, name="labels after calling realizable", hint="do not modify the caller's arrays")
    diamond = np.array([[1, 0], [0, 1], [-1, 0], [0, -1]], dtype=np.float32)
    D0 = diamond.copy()
    require(as_scalar(is_shattered(diamond, "rectangles"), "shattered") == 1.0, "rectangles shatter a float32 diamond")
    close(diamond, D0, rtol=0, atol=0, name="points after calling is_shattered", hint="do not modify the caller's array")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q3_growth_vc_bound

# %% [markdown]
# ## Question 3 — The growth function, the Sauer–Shelah lemma and the VC bound
#
# **Why it matters.** Shattering is all-or-nothing. The *growth function* counts how many labelings
# a class produces on $m$ points, and the Sauer–Shelah lemma shows that once $m$ exceeds the VC
# dimension this count collapses from exponential to polynomial. Plugging the polynomial into the
# union-bound argument of Question 1 gives the VC generalization bound: infinite classes of finite
# VC dimension are learnable, with a number of examples that grows linearly in the VC dimension.
#
# **Growth function.** For a finite set $C = \{x_1,\dots,x_m\}$ let $\mathcal H_C = \{(h(x_1),\dots,h(x_m)) : h\in\mathcal H\}$
# be the set of labelings the class produces on $C$; the growth function is
# $\tau_{\mathcal H}(m) = \max_{|C| = m}|\mathcal H_C| \le 2^m$. Counting $|\mathcal H_C|$ on a given sample is just
# counting realizable labelings (Question 2). For thresholds on $m$ distinct points $|\mathcal H_C| = m+1$
# (where the threshold falls among the sorted points); for intervals, $\binom{m+1}{2} + 1$ (choose the
# first and the last positive, or none); for halfspaces in the plane and points in general position,
# $m^2 - m + 2$ (Cover, 1965).
#
# **Sauer–Shelah lemma.** If $\operatorname{VCdim}(\mathcal H) = d$ then for every $m$
#
# $$\tau_{\mathcal H}(m) \le \Phi_d(m) = \sum_{i=0}^{d}\binom{m}{i} \qquad\Big(= 2^m \text{ when } m\le d,\quad \le \big(\tfrac{em}{d}\big)^d \text{ when } m\ge d\Big).$$
#
# The bound is tight: thresholds ($d = 1$) give $m + 1 = \Phi_1(m)$ and intervals ($d = 2$) give
# $\binom{m+1}2 + 1 = \Phi_2(m)$.
#
# **The VC bound.** Replacing $|\mathcal H|$ in the union bound by the number of labelings on a *double*
# sample (the symmetrization trick) gives the Vapnik–Chervonenkis inequality; in the form of
# Abu-Mostafa, Magdon-Ismail & Lin (*Learning from Data*, eq. 2.12), with probability at least $1-\delta$
# every $h\in\mathcal H$ satisfies $L_{\mathcal D}(h) \le L_S(h) + \epsilon_{\text{VC}}(n)$ with
#
# $$\epsilon_{\text{VC}}(n) = \sqrt{\frac{8}{n}\,\ln\frac{4\,\tau_{\mathcal H}(2n)}{\delta}}
# \ \le\ \sqrt{\frac{8}{n}\,\ln\frac{4\,\Phi_d(2n)}{\delta}} .$$
#
# Use the right-hand side (growth function replaced by the Sauer–Shelah bound). It decays like
# $\sqrt{d\ln n / n}$: doubling the VC dimension roughly doubles the data needed.
#
# **Numerics.** $\Phi_d(2n)$ overflows a float long before the bound becomes interesting: with
# $n = 10^9$ and $d = 100$ it is about $10^{770}$. Work with logarithms: the terms satisfy
# $\binom{m}{i} = \binom{m}{i-1}\cdot\frac{m-i+1}{i}$, so $\ln\binom mi$ is a cumulative sum of
# $\ln\frac{m-i+1}{i}$, and $\ln\sum_i e^{a_i}$ is `scipy.special.logsumexp(a)`. (`scipy.special.comb`
# with floats returns `inf` here; `math.comb` is exact but slow for huge arguments.)
#
# **Your task.** Implement `count_labelings(points, hclass)` (it may call `realizable`), the exact
# integer `sauer_shelah(m, d)` (use `math.comb`) and `vc_bound(n, d, delta)` in log space.

# %% [raw]
# # BEGIN SOLUTION

# %%
def count_labelings(points, hclass):
    """|H_C|: the number of distinct labelings of the given points that the class realizes.

    Parameters
    ----------
    points : array of shape (n,) or (n, 2) as in `realizable`, float; n >= 1 and small (<= 8).
    hclass : str, one of "thresholds", "intervals", "rectangles", "halfspaces".

    Returns
    -------
    int between 1 and 2**n (a Python int or numpy integer, not a float). Repeated or collinear points
    give fewer labelings than points in general position.

    float32 points are accepted (the count is compared exactly). The input array is not modified.
    """
    # BEGIN SOLUTION
    import itertools

    n = len(np.asarray(points))
    return sum(1 for lab in itertools.product([0, 1], repeat=n) if realizable(points, np.array(lab), hclass))
    # END SOLUTION


def sauer_shelah(m, d):
    """The Sauer-Shelah bound Phi_d(m) = sum_{i=0}^{d} C(m, i) on the growth function, exactly.

    Parameters
    ----------
    m : int >= 0, number of points.
    d : int >= 0, VC dimension.

    Returns
    -------
    int (exact; equals 2**m when m <= d). A Python int: the value can have hundreds of digits, more
    than a float (or a 64-bit numpy integer) holds exactly, so float arithmetic (scipy.special.comb)
    is not accepted.
    """
    # BEGIN SOLUTION
    return sum(math.comb(m, i) for i in range(min(d, m) + 1))
    # END SOLUTION


def vc_bound(n, d, delta):
    """VC generalization bound with the growth function replaced by the Sauer-Shelah bound.

    epsilon_VC(n) = sqrt( (8 / n) * ln( 4 Phi_d(2n) / delta ) ),   Phi_d(m) = sum_{i=0}^{d} C(m, i).

    Parameters
    ----------
    n : int >= 1, sample size (up to 1e9).
    d : int >= 0, VC dimension (up to a few thousand); d may exceed 2n, and then Phi_d(2n) = 2^(2n).
    delta : float in (0, 1], failure probability.

    Returns
    -------
    float > 0. Must stay finite when Phi_d(2n) overflows a float (compute ln Phi_d(2n) in log space).

    Compute in float64: the worked example is checked at rtol 1e-8, which float32 arithmetic misses;
    the other cases at rtol 1e-4.
    """
    # BEGIN SOLUTION
    from scipy.special import logsumexp

    m = 2 * int(n)
    i = np.arange(1, min(int(d), m) + 1, dtype=float)
    log_terms = np.concatenate([[0.0], np.cumsum(np.log((m - i + 1) / i))])  # ln C(m, i), i = 0..min(d, m)
    log_phi = float(logsumexp(log_terms))
    return math.sqrt(8.0 / n * (math.log(4.0) + log_phi - math.log(delta)))
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (not graded).** Draw, on log–log axes, $\epsilon_{\text{VC}}(n)$ against $n$ from $10^2$ to $10^9$ for
# $d = 1, 3, 10, 50$ at $\delta = 0.05$, and in a second panel $\Phi_d(m)$ against $2^m$ for $m \le 40$ on a
# log scale: the bound is vacuous ($> 1$) until $n$ is in the thousands, and the growth function
# leaves $2^m$ exactly at $m = d$.

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
ns = np.logspace(2, 9, 30).astype(int)
for d in (1, 3, 10, 50):
    axes[0].loglog(ns, [vc_bound(n, d, 0.05) for n in ns], label=f"d = {d}")
axes[0].axhline(1.0, color="gray", ls=":")
axes[0].set(title="VC bound $\\epsilon_{VC}(n)$, $\\delta = 0.05$", xlabel="sample size n", ylabel="bound on $L_D - L_S$")
axes[0].legend()
ms = np.arange(0, 41)
axes[1].semilogy(ms, 2.0**ms, "k--", label="$2^m$")
for d in (1, 3, 10):
    axes[1].semilogy(ms, [float(sauer_shelah(int(m), d)) for m in ms], label=f"$\\Phi_{{{d}}}(m)$")
axes[1].set(title="Sauer-Shelah: polynomial once m > d", xlabel="m")
axes[1].legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_examples(count_labelings, sauer_shelah, vc_bound):
    # Phi_2(5) = 1 + 5 + 10 = 16;  Phi_5(3) = 2^3 = 8.
    # Thresholds on 3 distinct points: 4 labelings (000, 001, 011, 111); intervals on 4 points: C(5,2) + 1 = 11.
    # n = 1000, d = 3, delta = 0.05: Phi_3(2000) = 1 + 2000 + 1999000 + 1331334000 = 1333335001,
    # epsilon = sqrt(0.008 ln(80 * 1333335001)) = 0.45071477...
    import math
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    close(as_scalar(sauer_shelah(5, 2), "Phi"), 16.0, rtol=0, atol=0, name="Phi_2(5)",
          hint="sum C(m, i) for i = 0, 1, ..., d (d included)")
    close(as_scalar(sauer_shelah(3, 5), "Phi"), 8.0, rtol=0, atol=0, name="Phi_5(3)", hint="when m <= d every labeling counts: 2^m")
    close(as_scalar(count_labelings(np.array([0.2, 0.5, 0.9]), "thresholds"), "count"), 4.0, rtol=0, atol=0,
          name="labelings of 3 points by thresholds")
    close(as_scalar(count_labelings(np.array([0.0, 1.0, 2.0, 3.0]), "intervals"), "count"), 11.0, rtol=0, atol=0,
          name="labelings of 4 points by intervals", hint="do not forget the all-zero labeling")
    # rtol 1e-8: four terms summed in log space are accurate to ~1e-13
    close(as_scalar(vc_bound(1000, 3, 0.05), "epsilon_VC"), math.sqrt(0.008 * math.log(80 * 1333335001)), rtol=1e-8,
          name="VC bound for n = 1000, d = 3, delta = 0.05", hint="the growth function is evaluated at 2n, not n")

# %%
def test_properties(count_labelings, sauer_shelah, vc_bound):
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require

    rng = np.random.default_rng(3)
    x = rng.normal(size=6)
    close(as_scalar(count_labelings(x, "thresholds"), "count"), float(sauer_shelah(6, 1)), rtol=0, atol=0,
          name="thresholds on 6 distinct points vs Phi_1(6)", hint="Sauer-Shelah is tight for thresholds")
    close(as_scalar(count_labelings(x, "intervals"), "count"), float(sauer_shelah(6, 2)), rtol=0, atol=0,
          name="intervals on 6 distinct points vs Phi_2(6)", hint="Sauer-Shelah is tight for intervals")
    P = rng.normal(size=(5, 2))
    c = as_scalar(count_labelings(P, "halfspaces"), "count")
    require(c <= float(sauer_shelah(5, 3)) and c < 2**5, f"halfspaces on 5 points: {c:g} labelings, but "
            f"Sauer-Shelah allows at most Phi_3(5) = {sauer_shelah(5, 3)} (< 2^5)")
    b = [as_scalar(vc_bound(n, 5, 0.05), "epsilon_VC") for n in (100, 1000, 10**4, 10**5)]
    require(all(u > v for u, v in zip(b, b[1:])), f"the VC bound must decrease with n, got {b}")
    require(as_scalar(vc_bound(1000, 10, 0.05), "epsilon_VC") > b[1], "a larger VC dimension must give a larger bound")
    require(as_scalar(vc_bound(1000, 5, 1e-6), "epsilon_VC") > b[1], "a smaller delta must give a larger bound")
    big = as_scalar(vc_bound(10**9, 100, 0.05), "epsilon_VC")
    require(0 < big < 0.01, f"n = 1e9, d = 100 should give a bound around 0.005 (Phi_100(2e9) ~ 1e770: work in log space), got {big:g}")

# %%
# HIDDEN
def test_sauer_shelah_against_binomial_tail(sauer_shelah):
    """Zero points, VC dimension 0, more VC dimension than points, and random sizes up to a few hundred points."""
    # Oracles: Pascal's rule Phi_d(m) = Phi_d(m-1) + Phi_{d-1}(m-1) in exact integers for small m, and
    # Phi_d(m) = 2^m P[Binomial(m, 1/2) <= d] with scipy.stats (relative accuracy ~1e-13) for larger m.
    from functools import lru_cache
    import numpy as np
    from scipy.stats import binom
    from mlmathkit_checks import as_scalar, close

    def value(v):  # Python ints beyond 2**63 are exact answers too: compare them as floats
        return as_scalar(float(v) if isinstance(v, int) else v, "Phi")

    @lru_cache(maxsize=None)
    def phi(m, d):
        if d == 0 or m == 0:
            return 1
        return phi(m - 1, d) + phi(m - 1, d - 1)

    for m, d in [(0, 0), (0, 3), (1, 0), (7, 0), (10, 3), (12, 12), (12, 20), (30, 7), (45, 22), (60, 1)]:
        close(value(sauer_shelah(m, d)), float(phi(m, d)), rtol=1e-12, atol=0, name=f"Phi_{d}({m})",
              hint="i runs from 0 to d inclusive; when d >= m the sum is 2^m")
    rng = np.random.default_rng(33)
    for _ in range(6):
        m = int(rng.integers(50, 400))
        d = int(rng.integers(1, m // 2))
        close(value(sauer_shelah(m, d)), float(2.0**m * binom.cdf(d, m, 0.5)), rtol=1e-9, atol=0,
              name=f"Phi_{d}({m})")

# %%
# HIDDEN
def test_count_labelings_against_closed_forms(count_labelings):
    """Halfspaces on points in general position and on collinear points, thresholds and intervals with ties, rectangles on a grid."""
    # Halfspaces in the plane, m points in general position (Gaussian points, almost surely):
    # m^2 - m + 2 labelings (Cover's function counting theorem). m distinct collinear points: the
    # halfspaces act as thresholds in either direction, 2m labelings. Thresholds with ties: one more than
    # the number of distinct values. Rectangles: enumeration of boxes with corners at sample coordinates.
    import itertools
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(3131)
    for m in (2, 3, 4, 5, 6):
        close(as_scalar(count_labelings(rng.normal(size=(m, 2)), "halfspaces"), "count"), float(m * m - m + 2),
              rtol=0, atol=0, name=f"halfspace labelings of {m} points in general position")
    t = np.array([-1.0, -0.25, 0.5, 1.25, 2.0])
    line = np.column_stack([3.0 + 0.5 * t, -1.0 + 0.75 * t])  # dyadic numbers: exactly collinear in floating point
    close(as_scalar(count_labelings(line, "halfspaces"), "count"), 10.0, rtol=0, atol=0,
          name="halfspace labelings of 5 collinear points")
    x = np.array([0.0, 1.0, 1.0, 2.0, 2.0, 2.0])
    close(as_scalar(count_labelings(x, "thresholds"), "count"), 4.0, rtol=0, atol=0,
          name="threshold labelings of points with ties (3 distinct values)")
    close(as_scalar(count_labelings(x, "intervals"), "count"), 7.0, rtol=0, atol=0,
          name="interval labelings of points with ties (3 distinct values)")
    for trial in range(4):
        P = rng.integers(0, 3, size=(int(rng.integers(3, 7)), 2)).astype(float)
        boxes = {tuple([0] * len(P))}
        xs, ys = np.unique(P[:, 0]), np.unique(P[:, 1])
        for a1, b1 in itertools.combinations_with_replacement(xs, 2):
            for a2, b2 in itertools.combinations_with_replacement(ys, 2):
                boxes.add(tuple(((P[:, 0] >= a1) & (P[:, 0] <= b1) & (P[:, 1] >= a2) & (P[:, 1] <= b2)).astype(int)))
        close(as_scalar(count_labelings(P, "rectangles"), "count"), float(len(boxes)), rtol=0, atol=0,
              name=f"rectangle labelings of {P.tolist()}")

# %%
# HIDDEN
def test_vc_bound_against_mpmath(vc_bound):
    """VC dimension 0, VC dimension above 2n, and sample sizes up to a billion where the growth function overflows a float."""
    # Oracle: Phi_d(2n) summed exactly in 40-digit arithmetic (mpmath). The log-space computation loses
    # at most ~1e-12 relative accuracy (cumulative sums of d logs); the default rtol 1e-4 is far above it
    # and far below the effect of any real mistake (Phi_d(n) instead of Phi_d(2n) changes the bound by %).
    import mpmath
    from mlmathkit_checks import as_scalar, close

    cases = [(1, 0, 0.5), (1, 1, 0.1), (3, 10, 0.05), (50, 3, 0.01), (1000, 3, 0.05), (12345, 20, 1e-3),
             (10**6, 50, 0.05), (10**6, 2000, 0.05), (10**9, 100, 0.05), (10**9, 1, 1e-9), (777, 5000, 0.2)]
    with mpmath.workdps(40):
        for n, d, delta in cases:
            m = 2 * n
            phi = mpmath.fsum(mpmath.binomial(m, i) for i in range(min(d, m) + 1))
            expected = float(mpmath.sqrt(8 / mpmath.mpf(n) * mpmath.log(4 * phi / mpmath.mpf(delta))))
            close(as_scalar(vc_bound(n, d, delta), "epsilon_VC"), expected, name=f"VC bound (n={n}, d={d}, delta={delta:g})",
                  hint="sqrt(8/n ln(4 Phi_d(2n) / delta)); compute ln Phi in log space, it overflows a float")

# %%
# HIDDEN
def test_exact_integer_results(count_labelings, sauer_shelah):
    """Sauer-Shelah sums with hundreds of digits, exact to the last digit, and counts returned as integers."""
    # Oracles in exact integer arithmetic: Pascal's rule Phi_d(m) = Phi_d(m-1) + Phi_{d-1}(m-1) row by row,
    # and for m = 2k, d = k the symmetry of the binomial row: Phi_k(2k) = 2^(2k-1) + C(2k, k) / 2, with
    # C(2k, k) built by the exact recurrence C(k+i, i) = C(k+i-1, i-1) (k+i) / i.
    import numbers
    import numpy as np
    from mlmathkit_checks import as_scalar, require

    def pascal(m, d):
        row = [1] * (d + 1)  # Phi_j(0) = 1 for every j
        for _ in range(m):
            row = [1] + [row[j] + row[j - 1] for j in range(1, d + 1)]
        return row[d]

    def half_row(k):
        c = 1
        for i in range(1, k + 1):
            c = c * (k + i) // i
        return 2 ** (2 * k - 1) + c // 2

    cases = [(64, 64, 2**64), (100, 0, 1), (150, 40, pascal(150, 40)), (300, 120, pascal(300, 120)),
             (2000, 1000, half_row(1000))]
    for m, d, want in cases:
        got = sauer_shelah(m, d)
        require(isinstance(got, numbers.Integral) and not isinstance(got, bool),
                f"Phi_{d}({m}) should be an exact int, got {type(got).__name__}"
                " - sum math.comb(m, i) in Python integers (floats and int64 cannot hold it exactly)")
        require(int(got) == want, f"Phi_{d}({m}) is not exact: it differs from the true value by {int(got) - want}"
                " - sum C(m, i) for i = 0..min(d, m) with math.comb")
    # intervals on 3 distinct points: C(4, 2) + 1 = 7; halfspaces on a triangle: all 2^3 = 8
    for points, hclass, want in [(np.array([0.0, 1.0, 2.0]), "intervals", 7),
                                 (np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]), "halfspaces", 8)]:
        c = count_labelings(points, hclass)
        require(isinstance(c, numbers.Integral) and not isinstance(c, bool),
                f"count_labelings({hclass}) should return an int, got {type(c).__name__} {c!r:.30}")
        require(as_scalar(c, "count") == float(want), f"count_labelings({hclass}) on 3 points: expected {want}, got {c}")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q4_bias_variance

# %% [markdown]
# ## Question 4 — The bias–variance decomposition, by Monte Carlo
#
# **Why it matters.** Model selection — the degree of a polynomial, the depth of a tree, the strength
# of a penalty — trades two kinds of error: a simple model is wrong in the same way on every training
# set (*bias*), a flexible one is wrong differently on each (*variance*). The decomposition below
# makes the trade-off measurable, explains U-shaped validation curves, and is the reason ensembles
# (bagging averages away variance) and regularization (Questions 5–7) work.
#
# **The math.** Data $y = f(x) + \varepsilon$ with $\mathbb E\varepsilon = 0$, $\operatorname{Var}\varepsilon = \sigma^2$. A training set $D$ is
# random, so the fitted model $\hat f_D$ is random. At a fixed test input $x$ with fresh noise
# $\varepsilon$ (independent of $D$), write $\bar f(x) = \mathbb E_D \hat f_D(x)$ and expand around it:
#
# $$\mathbb E_{D,\varepsilon}\big[(y - \hat f_D(x))^2\big]
# = \underbrace{\big(\bar f(x) - f(x)\big)^2}_{\text{bias}^2}
# + \underbrace{\mathbb E_D\big[(\hat f_D(x) - \bar f(x))^2\big]}_{\text{variance}}
# + \underbrace{\sigma^2}_{\text{noise}} .$$
#
# The three cross terms vanish: $\varepsilon$ has mean zero and is independent of $D$, and
# $\mathbb E_D[\hat f_D(x) - \bar f(x)] = 0$ by definition of $\bar f$.
#
# **Monte Carlo.** Draw $T$ training sets; fit on each; predict at test points $x_1,\dots,x_m$ to get
# $P_{tj} = \hat f_t(x_j)$. Replace each expectation over $D$ by the average over trials
# ($\bar f_j = \frac1T\sum_t P_{tj}$, variance with $1/T$) and average over the test points:
#
# $$\widehat{\text{bias}^2} = \frac1m\sum_j (\bar f_j - f(x_j))^2,\qquad
# \widehat{\text{var}} = \frac1m\sum_j\frac1T\sum_t (P_{tj} - \bar f_j)^2,\qquad
# \widehat{\text{err}} = \frac1{Tm}\sum_{t,j}\big(f(x_j) + \varepsilon_{tj} - P_{tj}\big)^2 .$$
#
# With the $1/T$ variance, $\widehat{\text{bias}^2} + \widehat{\text{var}} = \frac1{Tm}\sum_{t,j}(f(x_j) - P_{tj})^2$ exactly, so
# $\widehat{\text{err}} - \widehat{\text{bias}^2} - \widehat{\text{var}} - \sigma^2 = \frac1{Tm}\sum_{t,j}\big(\varepsilon_{tj}^2 - \sigma^2 + 2\varepsilon_{tj}r_{tj}\big)$ with
# $r_{tj} = f(x_j) - P_{tj}$: a mean of independent zero-mean terms, whose standard deviation
# $\sqrt{(2\sigma^4 + 4\sigma^2(\widehat{\text{bias}^2} + \widehat{\text{var}}))/(Tm)}$ (Gaussian noise) is the statistical tolerance of
# the identity "bias² + variance + noise = expected error".
#
# **The experiment.** $f(x) = \sin(2\pi x)$ on $[0, 1]$ (Bishop's running example), polynomial least
# squares of degree $p$: $\hat f(x) = \sum_{k=0}^p c_k x^k$ with $c$ minimizing $\sum_i (y_i - \hat f(x_i))^2$. To keep
# everything reproducible, the random draws are inputs: `x_train[t]` and `noise_train[t]` are the
# $n$ inputs and noise values of training set $t$, `noise_test[t, j]` the noise of the test label at
# `x_test[j]` in trial $t$.
#
# **Numerics.** The Vandermonde matrix $[x_i^k]$ is badly conditioned for high degrees ($\kappa\approx 10^{8}$ at
# degree 11 on $[0,1]$). Solve the least-squares problem with `np.linalg.lstsq` (QR/SVD, error
# $\propto\kappa$), never with the normal equations $V^\top V c = V^\top y$ (error $\propto\kappa^2$: all digits lost).
#
# **Your task.** Implement `bias_variance_mc`. Then draw the classic picture: bias², variance, their
# sum plus $\sigma^2$, and the Monte Carlo test error against the degree.
#
# *Hints.* `np.vander(x, N)` has $N$ columns, so it is a polynomial of degree $N-1$. With $T$ trials and
# $m$ test points, which axis of $P$ do you average over first?

# %% [raw]
# # BEGIN SOLUTION

# %%
def bias_variance_mc(x_train, noise_train, x_test, noise_test, degree):
    """Monte Carlo bias^2, variance and expected test error of polynomial least squares on sin(2 pi x).

    For each trial t: y = sin(2 pi x_train[t]) + noise_train[t]; fit the degree-p polynomial by least
    squares; P[t, j] = prediction at x_test[j].  With fbar_j = mean_t P[t, j] and f_j = sin(2 pi x_test[j]):
    bias2 = mean_j (fbar_j - f_j)^2,   variance = mean_j mean_t (P[t, j] - fbar_j)^2   (1/T, not 1/(T-1)),
    error = mean_{t, j} (f_j + noise_test[t, j] - P[t, j])^2.

    Parameters
    ----------
    x_train : array of shape (T, n), float in [0, 1]; n >= degree + 1.
    noise_train : array of shape (T, n), float; the label noise of each training set.
    x_test : array of shape (m,), float.
    noise_test : array of shape (T, m), float; fresh label noise at the test inputs, per trial.
    degree : int >= 0, the polynomial degree p (p + 1 coefficients).

    Returns
    -------
    dict with
        "predictions" : array of shape (T, m), float
        "bias2", "variance", "error" : floats

    Fit in float64: at degree 11 the Vandermonde matrix has condition number ~1e8 and predictions are
    compared to 1e-5 of their scale, which float32 arithmetic cannot reach (float32 is not accepted).
    bias2, variance and error are compared at rtol 1e-5. The input arrays are not modified.
    """
    # BEGIN SOLUTION
    x_train = np.asarray(x_train, dtype=float)
    y_train = np.sin(2 * np.pi * x_train) + np.asarray(noise_train, dtype=float)
    x_test = np.asarray(x_test, dtype=float).ravel()
    f_test = np.sin(2 * np.pi * x_test)
    V_test = np.vander(x_test, degree + 1)
    preds = np.empty((x_train.shape[0], x_test.shape[0]))
    for t in range(x_train.shape[0]):
        coef = np.linalg.lstsq(np.vander(x_train[t], degree + 1), y_train[t], rcond=None)[0]
        preds[t] = V_test @ coef
    mean_pred = preds.mean(axis=0)
    bias2 = np.mean((mean_pred - f_test) ** 2)
    variance = np.mean(np.mean((preds - mean_pred) ** 2, axis=0))
    error = np.mean((f_test + np.asarray(noise_test, dtype=float) - preds) ** 2)
    return {"predictions": preds, "bias2": float(bias2), "variance": float(variance), "error": float(error)}
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (not graded).** With $T = 200$ training sets of $n = 20$ points, $\sigma = 0.3$ and 100 test points,
# plot bias², variance, bias² + variance + σ² and the Monte Carlo error against the degree $0,\dots,10$
# (log scale on the $y$ axis). Where is the best degree? Which term explodes near $p = n - 1$?

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_bv = np.random.default_rng(4)
T_bv, n_bv, sigma_bv = 200, 20, 0.3
xs_bv = rng_bv.random((T_bv, n_bv))
eps_bv = sigma_bv * rng_bv.normal(size=(T_bv, n_bv))
xt_bv = np.linspace(0.0, 1.0, 100)
epst_bv = sigma_bv * rng_bv.normal(size=(T_bv, 100))
degrees_bv = np.arange(11)
res_bv = [bias_variance_mc(xs_bv, eps_bv, xt_bv, epst_bv, int(p)) for p in degrees_bv]
fig, ax = plt.subplots(figsize=(6.5, 4))
ax.semilogy(degrees_bv, [r["bias2"] for r in res_bv], "o-", label="bias$^2$")
ax.semilogy(degrees_bv, [r["variance"] for r in res_bv], "s-", label="variance")
ax.semilogy(degrees_bv, [r["bias2"] + r["variance"] + sigma_bv**2 for r in res_bv], "k-", label="bias$^2$ + variance + $\\sigma^2$")
ax.semilogy(degrees_bv, [r["error"] for r in res_bv], "r^", label="Monte Carlo test error")
ax.axhline(sigma_bv**2, color="gray", ls=":", label="noise $\\sigma^2$")
ax.set(xlabel="polynomial degree", ylabel="squared error", title="Bias-variance trade-off, $n = 20$")
ax.legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(bias_variance_mc):
    # Two training sets of two points, f = sin(2 pi x): set 1 at x = (0, 1/4), labels (0, 1);
    # set 2 at x = (1/2, 3/4) with noise (0.2, -0.2), labels (0.2, -1.2). One test point x = 1/4 (f = 1),
    # test noise 0.1 in trial 1 and -0.1 in trial 2.
    # Degree 0 (the mean label): predictions 0.5, -0.5 -> mean 0, bias2 = 1, variance = 0.25,
    #   error = ((1.1 - 0.5)^2 + (0.9 + 0.5)^2) / 2 = 1.16.
    # Degree 1 (the line through both points): predictions 1 and 0.2 + 5.6/4 = 1.6 -> mean 1.3,
    #   bias2 = 0.09, variance = 0.09, error = (0.1^2 + 0.7^2) / 2 = 0.25.
    import numpy as np
    from mlmathkit_checks import close, fields

    x = np.array([[0.0, 0.25], [0.5, 0.75]])
    noise = np.array([[0.0, 0.0], [0.2, -0.2]])
    xt, nt = np.array([0.25]), np.array([[0.1], [-0.1]])
    P, b, v, e = fields(bias_variance_mc(x, noise, xt, nt, 0), ["predictions", "bias2", "variance", "error"], "result")
    close(P, [[0.5], [-0.5]], atol=1e-12, name="degree-0 predictions", hint="a degree-0 fit is the mean label; shape (T, m)")
    close(b, 1.0, name="degree-0 bias2", hint="square the bias at each test point, then average over test points")
    close(v, 0.25, name="degree-0 variance", hint="variance over trials around the MEAN prediction, with 1/T")
    close(e, 1.16, name="degree-0 error", hint="the test label includes the test noise: f(x) + noise_test")
    P, b, v, e = fields(bias_variance_mc(x, noise, xt, nt, 1), ["predictions", "bias2", "variance", "error"], "result")
    close(P, [[1.0], [1.6]], name="degree-1 predictions", hint="degree 1 has 2 coefficients: np.vander(x, degree + 1)")
    close(np.array([b, v, e], dtype=float), [0.09, 0.09, 0.25], name="degree-1 (bias2, variance, error)")

# %%
def test_decomposition_and_trends(bias_variance_mc):
    # err - bias2 - var - sigma^2 is a mean of T*m independent zero-mean terms with standard deviation
    # sqrt((2 sigma^4 + 4 sigma^2 (bias2 + var)) / (T m)) given the fits (Gaussian test noise): allow
    # z = 4.89 of them, so a correct answer fails with probability 1e-6.
    import numpy as np
    from scipy.stats import norm
    from mlmathkit_checks import as_array, close, fields, require

    rng = np.random.default_rng(44)
    T, n, m, sigma = 400, 25, 40, 0.3
    x, noise = rng.random((T, n)), sigma * rng.normal(size=(T, n))
    xt, nt = np.linspace(0.02, 0.98, m), sigma * rng.normal(size=(T, m))
    out = {}
    for p in (1, 3, 5, 9):
        P, b, v, e = fields(bias_variance_mc(x, noise, xt, nt, p), ["predictions", "bias2", "variance", "error"], "result")
        as_array(P, "predictions", shape=(T, m))
        b, v, e = (float(as_array(q, name).reshape(())) for q, name in ((b, "bias2"), (v, "variance"), (e, "error")))
        sd = np.sqrt((2 * sigma**4 + 4 * sigma**2 * (b + v)) / (T * m))
        close(e, b + v + sigma**2, rtol=0, atol=float(norm.isf(1e-6 / 2)) * sd,
              name=f"error vs bias2 + variance + sigma^2 (degree {p})",
              hint="bias2 + variance must equal the mean squared distance between predictions and f exactly")
        out[p] = (b, v)
    require(out[1][0] > out[5][0], f"bias2 must fall from degree 1 ({out[1][0]:.3g}) to degree 5 ({out[5][0]:.3g})")
    require(out[9][1] > out[3][1], f"variance must grow from degree 3 ({out[3][1]:.3g}) to degree 9 ({out[9][1]:.3g})")

# %%
# HIDDEN
def test_random_against_chebyshev_fit(bias_variance_mc):
    """Random training sets and several test points at degrees from 0 to 9, with different noise levels."""
    # Oracle: numpy.polynomial.Chebyshev.fit, least squares in the Chebyshev basis on the data's domain
    # mapped to [-1, 1] (well conditioned), then the three averages written out with explicit loops.
    # Monomial-basis lstsq at degree <= 9 on 30 points agrees with it to ~1e-9 of the largest prediction;
    # allowed: 1e-7 of it (normal equations and float32 fits lose ~3e-6 or more here).
    import numpy as np
    from numpy.polynomial import Chebyshev
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(404)
    T, n, m = 40, 30, 25
    for p in (0, 1, 3, 6, 9):
        sigma = rng.uniform(0.1, 1.0)
        x, noise = rng.random((T, n)), sigma * rng.normal(size=(T, n))
        xt, nt = rng.random(m), sigma * rng.normal(size=(T, m))
        f = np.sin(2 * np.pi * xt)
        P_exp = np.array([Chebyshev.fit(x[t], np.sin(2 * np.pi * x[t]) + noise[t], p)(xt) for t in range(T)])
        fbar = P_exp.sum(axis=0) / T
        b_exp = sum((fbar[j] - f[j]) ** 2 for j in range(m)) / m
        v_exp = sum(((P_exp[:, j] - fbar[j]) ** 2).sum() / T for j in range(m)) / m
        e_exp = ((f[None, :] + nt - P_exp) ** 2).sum() / (T * m)
        inputs = (x.copy(), noise.copy(), xt.copy(), nt.copy())
        P, b, v, e = fields(bias_variance_mc(x, noise, xt, nt, p), ["predictions", "bias2", "variance", "error"], "result")
        for arr, arr0, what in zip((x, noise, xt, nt), inputs, ("x_train", "noise_train", "x_test", "noise_test")):
            close(arr, arr0, rtol=0, atol=0, name=f"{what} after the call", hint="do not modify the caller's arrays")
        scale = np.abs(P_exp).max()
        close(P, P_exp, rtol=0, atol=1e-7 * scale, name=f"predictions (degree {p})",
              hint="least squares with p + 1 coefficients, solved with np.linalg.lstsq")
        close(b, b_exp, rtol=1e-5, atol=1e-10, name=f"bias2 (degree {p})", hint="mean over test points of (fbar - f)^2")
        close(v, v_exp, rtol=1e-5, atol=1e-10, name=f"variance (degree {p})",
              hint="spread of the predictions around their mean over trials (1/T), averaged over test points")
        close(e, e_exp, rtol=1e-5, atol=1e-10, name=f"error (degree {p})")

# %%
# HIDDEN
def test_interpolation_and_ill_conditioning(bias_variance_mc):
    """A fit with as many coefficients as training points (interpolation), and a high degree where the Vandermonde matrix is badly conditioned."""
    # (a) degree n - 1 = 3 on 4 well-spread points interpolates: the fit passes through every label.
    # (b) degree 11 on 40 points: cond(Vandermonde) ~ 1e8. Backward-stable monomial-basis solvers (lstsq,
    #     QR) agree with the Chebyshev oracle to ~2e-7 of the largest prediction, allowed 1e-5; the normal
    #     equations are off by O(1).
    import numpy as np
    from numpy.polynomial import Chebyshev
    from mlmathkit_checks import close, fields

    rng = np.random.default_rng(4040)
    T = 6
    x = np.array([0.05, 0.35, 0.65, 0.95]) + rng.uniform(-0.04, 0.04, size=(T, 4))
    noise = 0.3 * rng.normal(size=(T, 4))
    P, = fields(bias_variance_mc(x, noise, x[0], np.zeros((T, 4)), 3), ["predictions"], "result")
    close(np.asarray(P, dtype=float)[0], np.sin(2 * np.pi * x[0]) + noise[0], atol=1e-9,
          name="degree-3 fit on 4 points evaluated at its own training inputs",
          hint="with p = n - 1 the least-squares polynomial interpolates")
    T, n, m = 30, 40, 30
    x, noise = rng.random((T, n)), 0.2 * rng.normal(size=(T, n))
    xt, nt = np.linspace(0.0, 1.0, m), 0.2 * rng.normal(size=(T, m))
    P_exp = np.array([Chebyshev.fit(x[t], np.sin(2 * np.pi * x[t]) + noise[t], 11)(xt) for t in range(T)])
    P, = fields(bias_variance_mc(x, noise, xt, nt, 11), ["predictions"], "result")
    close(P, P_exp, rtol=0, atol=1e-5 * np.abs(P_exp).max(), name="predictions at degree 11",
          hint="the normal equations square the condition number; use np.linalg.lstsq on the Vandermonde matrix")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q5_lasso_enet

# %% [markdown]
# ## Question 5 — Lasso and elastic net by coordinate descent, scaled as scikit-learn scales them
#
# **Why it matters.** An $\ell_1$ penalty sets coefficients *exactly* to zero: the lasso selects
# features while it fits, which is why it is the workhorse of sparse regression, compressed sensing
# and genomics. With correlated features the lasso picks one of a group arbitrarily; adding a little
# $\ell_2$ (the elastic net) makes the solution unique and keeps groups together. Coordinate descent,
# the algorithm inside scikit-learn and glmnet, solves both with one line per coordinate.
#
# **The objective**, exactly as scikit-learn's `ElasticNet(alpha, l1_ratio)` defines it (`Lasso(alpha)` is
# `l1_ratio = 1`), with $\rho$ = `l1_ratio`, an unpenalized intercept $b$ and $n$ samples:
#
# $$\min_{w, b}\ \frac1{2n}\lVert y - Xw - b\mathbf 1\rVert^2 + \alpha\rho\lVert w\rVert_1 + \frac{\alpha(1-\rho)}2\lVert w\rVert_2^2 .$$
#
# The $\frac1{2n}$ matters: it makes $\alpha$ independent of the sample size, and a solver without it
# solves a different problem (its $\alpha$ is $n$ times too small).
#
# **The intercept.** For fixed $w$ the optimal $b$ is $\bar y - \bar x^\top w$ (set the derivative in $b$ to
# zero). Substituting it, the problem becomes the same objective without intercept on centered data
# $X_c = X - \mathbf 1\bar x^\top$, $y_c = y - \bar y$. Solve that, then recover $b = \bar y - \bar x^\top w$.
#
# **One coordinate.** Fix every $w_k$, $k\ne j$, and let $r^{(j)} = y_c - \sum_{k\ne j} x_k w_k$ be the partial
# residual. As a function of $w_j$ alone the objective is
# $\frac{a_j}2 w_j^2 - z_j w_j + \alpha\rho|w_j| + \frac{\alpha(1-\rho)}2 w_j^2 + \text{const}$ with
# $a_j = \lVert x_j\rVert^2/n$ and $z_j = x_j^\top r^{(j)}/n$ (columns of $X_c$). The subgradient condition
# $0\in (a_j + \alpha(1-\rho))w_j - z_j + \alpha\rho\,\partial|w_j|$ is solved by
#
# $$w_j \leftarrow \frac{S(z_j,\ \alpha\rho)}{a_j + \alpha(1-\rho)},\qquad S(z,\gamma) = \operatorname{sign}(z)\max(|z| - \gamma,\ 0)\quad\text{(soft thresholding).}$$
#
# Keep the full residual $r = y_c - X_c w$ up to date: $z_j = x_j^\top r/n + a_j w_j$, and after the update
# $r \mathrel{-}= x_j\,(w_j^{\text{new}} - w_j^{\text{old}})$. Sweep $j = 1,\dots,d$ cyclically until the largest change in a
# sweep is below `tol`. A constant column has $a_j = 0$; give it coefficient 0.
#
# **When is $w = 0$ optimal?** At $w = 0$ the conditions read $|x_j^\top y_c|/n \le \alpha\rho$ for every $j$, so
#
# $$\alpha_{\max} = \frac{\max_j |x_j^\top y_c|}{n\,\rho}$$
#
# is the smallest penalty that kills every coefficient — the start of every regularization path.
#
# **Your task.** Implement `soft_threshold`, `lasso_alpha_max` and `elastic_net` (cyclic coordinate
# descent; `l1_ratio = 1` is the lasso) with numpy only.
#
# *Hints.* Check the one-feature case by hand: then the update is exact after one step. The KKT
# conditions tell you whether you have converged: at the solution,
# $x_j^\top r/n - \alpha(1-\rho)w_j = \alpha\rho\operatorname{sign}(w_j)$ where $w_j\ne 0$ and $|x_j^\top r/n|\le\alpha\rho$ where $w_j = 0$.

# %% [raw]
# # BEGIN SOLUTION

# %%
def soft_threshold(z, gamma):
    """Soft-thresholding operator S(z, gamma) = sign(z) * max(|z| - gamma, 0), element-wise.

    Parameters
    ----------
    z : float or array of any shape, float; may contain exact zeros and values equal to +-gamma.
    gamma : float >= 0 (gamma = 0 returns z unchanged, zeros included).

    Returns
    -------
    array of the shape of z (a float for a scalar z), a new array: the input z is not modified.

    float32 inputs are accepted: results are compared at rtol 1e-4 (plus 1e-6 absolute for float32 z).
    """
    # BEGIN SOLUTION
    z = np.asarray(z, dtype=float)
    return np.sign(z) * np.maximum(np.abs(z) - gamma, 0.0)
    # END SOLUTION


def lasso_alpha_max(X, y, l1_ratio=1.0):
    """Smallest alpha for which the elastic net (with intercept) has w = 0:  max_j |x_j^T y_c| / (n l1_ratio).

    Parameters
    ----------
    X : array of shape (n, d), float (columns are centered inside: x_j is the j-th column of X - mean).
    y : array of shape (n,), float.
    l1_ratio : float in (0, 1].

    Returns
    -------
    float >= 0. A feature correlated negatively with y counts as much as a positive one (|x_j^T y_c|).

    Compute in float64; results are compared at rtol 1e-4. The input arrays are not modified.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    Xc = X - X.mean(axis=0)
    return float(np.abs(Xc.T @ (y - y.mean())).max() / (len(y) * l1_ratio))
    # END SOLUTION


def elastic_net(X, y, alpha, l1_ratio=1.0, tol=1e-10, max_iter=10_000):
    """Elastic net by cyclic coordinate descent, scikit-learn's scaling, unpenalized intercept.

    minimize_{w, b}  1/(2n) ||y - X w - b||^2 + alpha l1_ratio ||w||_1 + alpha (1 - l1_ratio) / 2 ||w||^2.
    Center X and y, update w_j <- S(x_j^T r / n + a_j w_j, alpha l1_ratio) / (a_j + alpha (1 - l1_ratio))
    with a_j = ||x_j||^2 / n, sweep until the largest |change| in a sweep is < tol; b = ybar - xbar^T w.

    Parameters
    ----------
    X : array of shape (n, d), float (d may exceed n; constant columns get coefficient 0).
    y : array of shape (n,), float.
    alpha : float > 0.
    l1_ratio : float in [0, 1]; 1 is the lasso, 0 is ridge.
    tol : float, stopping tolerance on the largest coefficient change in one sweep.
    max_iter : int, maximum number of sweeps.

    Returns
    -------
    (coef, intercept) : coef an array of shape (d,), float; intercept a float.

    Compute in float64: coefficients are compared to scikit-learn's (run to a duality gap of 1e-12)
    within 1e-6 of the largest coefficient, which float32 arithmetic cannot reach (float32 is not
    accepted). Any convergent algorithm passes; `tol` and `max_iter` are only its stopping rule.
    The input arrays are not modified.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    n, d = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    r = y - y_mean
    col_sq = (Xc**2).sum(axis=0) / n
    l1, l2 = alpha * l1_ratio, alpha * (1.0 - l1_ratio)
    w = np.zeros(d)
    for _ in range(max_iter):
        max_step = 0.0
        for j in range(d):
            if col_sq[j] == 0.0:
                continue
            z = Xc[:, j] @ r / n + col_sq[j] * w[j]
            step = float(soft_threshold(z, l1)) / (col_sq[j] + l2) - w[j]
            if step != 0.0:
                r -= step * Xc[:, j]
                w[j] += step
                max_step = max(max_step, abs(step))
        if max_step < tol:
            break
    return w, float(y_mean - x_mean @ w)
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (not graded).** Draw the lasso path: for 40 values of $\alpha$ from $\alpha_{\max}$ down to
# $\alpha_{\max}/1000$ (log scale), the coefficients of a problem with 8 features of which 3 matter.
# Coefficients enter one by one as $\alpha$ decreases.

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_path = np.random.default_rng(5)
X_path = rng_path.normal(size=(60, 8))
y_path = X_path[:, :3] @ np.array([3.0, -2.0, 1.0]) + 0.5 * rng_path.normal(size=60)
alphas_path = lasso_alpha_max(X_path, y_path) * np.logspace(0, -3, 40)
coefs_path = np.array([elastic_net(X_path, y_path, a)[0] for a in alphas_path])
fig, ax = plt.subplots(figsize=(6.5, 4))
ax.semilogx(alphas_path, coefs_path)
ax.set(xlabel="alpha", ylabel="coefficient", title="Lasso path: features enter one at a time")
ax.invert_xaxis()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_examples(soft_threshold, lasso_alpha_max, elastic_net):
    # One feature x = (1, -1, 1, -1), y = (3, -1, 3, -1): xbar = 0, ybar = 1, y_c = (2, -2, 2, -2),
    # a = ||x||^2 / n = 1, x^T y_c / n = 2.
    # Lasso alpha = 0.5:  w = S(2, 0.5) / 1 = 1.5, b = 1.   Elastic net alpha = 0.5, l1_ratio = 0.5:
    # w = S(2, 0.25) / (1 + 0.25) = 1.4.   alpha_max = 2 / l1_ratio.
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    close(soft_threshold(np.array([-3.0, -0.5, 0.0, 0.5, 3.0]), 1.0), [-2.0, 0.0, 0.0, 0.0, 2.0],
          name="S(z, 1)", hint="shrink towards 0 by gamma, keep the sign, and clip at 0")
    X, y = np.array([[1.0], [-1.0], [1.0], [-1.0]]), np.array([3.0, -1.0, 3.0, -1.0])
    w, b = fields(elastic_net(X, y, 0.5), ["coef", "intercept"], "lasso")
    close(w, [1.5], name="lasso coefficient", hint="the data term is 1/(2n) ||.||^2: divide x^T r by n")
    close(as_scalar(b, "intercept"), 1.0, name="lasso intercept", hint="b = mean(y) - mean(x)^T w, never penalized")
    w, b = fields(elastic_net(X, y, 0.5, l1_ratio=0.5), ["coef", "intercept"], "elastic net")
    close(w, [1.4], name="elastic-net coefficient", hint="denominator a_j + alpha (1 - l1_ratio); threshold alpha l1_ratio")
    close(as_scalar(lasso_alpha_max(X, y), "alpha_max"), 2.0, name="alpha_max (lasso)")
    close(as_scalar(lasso_alpha_max(X, y, 0.5), "alpha_max"), 4.0, name="alpha_max (l1_ratio = 0.5)")

# %%
def test_kkt_conditions(lasso_alpha_max, elastic_net):
    # At the optimum: sum(r) = 0 and g_j = x_j^T r / n - alpha (1 - rho) w_j equals alpha rho sign(w_j)
    # where w_j != 0, |g_j| <= alpha rho where w_j = 0. A solver stopped at coefficient changes of 1e-10
    # satisfies them to ~1e-9; allowed 1e-6.
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    rng = np.random.default_rng(55)
    n, d = 40, 6
    X = rng.normal(size=(n, d)) + rng.normal(size=d)
    y = X @ np.array([2.0, 0.0, -1.0, 0.0, 0.5, 0.0]) + 0.5 * rng.normal(size=n) + 4.0
    for alpha, rho in [(0.1, 1.0), (0.3, 0.5), (0.05, 0.9)]:
        w, b = fields(elastic_net(X, y, alpha, l1_ratio=rho), ["coef", "intercept"], "result")
        w, b = as_array(w, "coef", shape=(d,)), as_scalar(b, "intercept")
        r = y - X @ w - b
        close(r.mean(), 0.0, atol=1e-6, name="mean residual", hint="the intercept is not penalized: the residuals must average to 0")
        g = X.T @ r / n - alpha * (1 - rho) * w
        active = w != 0
        close(g[active], alpha * rho * np.sign(w[active]), rtol=0, atol=1e-6,
              name=f"gradient on the nonzero coefficients (alpha={alpha}, l1_ratio={rho})",
              hint="check the 1/n scaling and the factor of each penalty")
        require(bool(np.all(np.abs(g[~active]) <= alpha * rho + 1e-6)),
                f"a zero coefficient must satisfy |x_j^T r / n| <= alpha l1_ratio (alpha={alpha}, l1_ratio={rho})")
        require(bool(active.sum() < d), "with these penalties some coefficients must be exactly 0")
    a_max = as_scalar(lasso_alpha_max(X, y), "alpha_max")
    w, b = fields(elastic_net(X, y, a_max * 1.001), ["coef", "intercept"], "lasso")
    close(w, np.zeros(d), atol=0, name="coefficients at alpha = 1.001 alpha_max")
    close(as_scalar(b, "intercept"), y.mean(), name="intercept at alpha >= alpha_max", hint="only the mean of y is left")
    w, _ = fields(elastic_net(X, y, a_max * 0.99), ["coef", "intercept"], "lasso")
    require(bool(np.any(as_array(w, "coef") != 0)), "just below alpha_max one coefficient must become nonzero")

# %%
# HIDDEN
def test_random_against_sklearn(elastic_net):
    """Random problems with shifted and rescaled columns, correlated features, more features than samples, lasso and elastic net."""
    # Oracle: scikit-learn ElasticNet / Lasso run to a duality gap of 1e-12 (max_iter 1e6). Both solvers
    # then sit within ~1e-9 of the optimum (strongly convex or generic data); allowed 1e-6 relative to
    # the largest coefficient.
    import warnings
    import numpy as np
    from sklearn.linear_model import ElasticNet, Lasso
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(5050)
    cases = [(50, 5, 0.0, 0.05, 1.0), (50, 8, 0.0, 0.3, 0.5), (20, 30, 0.0, 0.1, 1.0), (20, 30, 0.5, 0.1, 0.3),
             (60, 6, 0.9, 0.02, 0.8), (30, 4, 0.0, 1.0, 0.1), (40, 10, 0.6, 0.01, 1.0)]
    for n, d, corr, alpha, rho in cases:
        C = corr * np.ones((d, d)) + (1 - corr) * np.eye(d)
        X = rng.normal(size=(n, d)) @ np.linalg.cholesky(C).T * rng.uniform(0.2, 5.0, size=d) + rng.normal(scale=3, size=d)
        coef = np.zeros(d)
        coef[rng.choice(d, size=min(d, 4), replace=False)] = rng.normal(scale=2.0, size=min(d, 4))
        y = X @ coef + rng.normal(scale=0.5, size=n) + rng.normal(scale=5)
        model = (Lasso(alpha=alpha, tol=1e-12, max_iter=10**6) if rho == 1.0
                 else ElasticNet(alpha=alpha, l1_ratio=rho, tol=1e-12, max_iter=10**6))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model.fit(X, y)
        w, b = fields(elastic_net(X, y, alpha, l1_ratio=rho), ["coef", "intercept"], "result")
        tag = f"(n={n}, d={d}, corr={corr}, alpha={alpha}, l1_ratio={rho})"
        scale = max(1.0, np.abs(model.coef_).max())
        close(w, model.coef_, rtol=0, atol=1e-6 * scale, name=f"coefficients {tag}",
              hint="objective 1/(2n)||y - Xw - b||^2 + alpha rho ||w||_1 + alpha (1 - rho)/2 ||w||^2")
        close(as_scalar(b, "intercept"), model.intercept_, rtol=1e-6, atol=1e-6 * scale * (1 + np.abs(X.mean(axis=0)).max()),
              name=f"intercept {tag}", hint="b = mean(y) - mean(X, axis=0) @ w")

# %%
# HIDDEN
def test_alpha_max_against_sklearn_path(lasso_alpha_max):
    """Shifted and rescaled features, more features than samples, a single feature, several l1_ratio values, and a feature correlated negatively with y."""
    # Oracle: the first alpha of scikit-learn's regularization path (enet_path) on centered data.
    import numpy as np
    from sklearn.linear_model import enet_path
    from mlmathkit_checks import as_scalar, close

    rng = np.random.default_rng(5151)
    for n, d, rho in [(30, 5, 1.0), (25, 40, 0.5), (80, 3, 0.2), (10, 1, 1.0)]:
        X = rng.normal(size=(n, d)) * rng.uniform(0.1, 10, size=d) + rng.normal(scale=4, size=d)
        y = rng.normal(size=n) + X[:, 0] + 7.0
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        expected = enet_path(Xc, yc, l1_ratio=rho, n_alphas=2)[0][0]
        close(as_scalar(lasso_alpha_max(X, y, rho), "alpha_max"), expected, name=f"alpha_max (n={n}, d={d}, l1_ratio={rho})",
              hint="center X and y first (the intercept is free), divide by n and by l1_ratio")
    # the strongest feature is correlated negatively with y, a weaker one positively
    n = 40
    X = rng.normal(size=(n, 3)) + 2.0
    y = -3.0 * X[:, 0] + 0.5 * X[:, 1] + 0.1 * rng.normal(size=n)
    X0, y0 = X.copy(), y.copy()
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    expected = enet_path(Xc, yc, l1_ratio=0.7, n_alphas=2)[0][0]
    close(as_scalar(lasso_alpha_max(X, y, 0.7), "alpha_max"), expected, name="alpha_max with a negatively correlated feature",
          hint="the KKT condition at w = 0 bounds |x_j^T y_c| / n: take the absolute value")
    close(X, X0, rtol=0, atol=0, name="X after lasso_alpha_max", hint="center a copy: do not modify the caller's X")
    close(y, y0, rtol=0, atol=0, name="y after lasso_alpha_max", hint="do not modify the caller's y")

# %%
# HIDDEN
def test_edge_cases(elastic_net):
    """The ridge limit l1_ratio = 0, a duplicated column, a constant column, and the caller's X and y left unchanged."""
    # Ridge limit l1_ratio = 0: closed form (Xc^T Xc / n + alpha I)^{-1} Xc^T yc / n. Duplicated column:
    # the elastic net's l2 part splits the weight equally between the copies (oracle: scikit-learn).
    # A constant column gets coefficient 0 and must not produce NaN.
    import warnings
    import numpy as np
    from sklearn.linear_model import ElasticNet, Lasso
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(5252)
    n, d = 30, 4
    X = rng.normal(size=(n, d)) + 2.0
    y = X @ rng.normal(size=d) + rng.normal(size=n)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    w_ridge = np.linalg.solve(Xc.T @ Xc / n + 0.7 * np.eye(d), Xc.T @ yc / n)
    w, b = fields(elastic_net(X, y, 0.7, l1_ratio=0.0), ["coef", "intercept"], "ridge")
    close(w, w_ridge, rtol=0, atol=1e-7, name="coefficients with l1_ratio = 0 (ridge)",
          hint="with l1_ratio = 0 there is no threshold; the denominator is a_j + alpha")

    Xd = np.column_stack([X, X[:, 1]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = ElasticNet(alpha=0.1, l1_ratio=0.5, tol=1e-12, max_iter=10**6).fit(Xd, y)
    w, b = fields(elastic_net(Xd, y, 0.1, l1_ratio=0.5), ["coef", "intercept"], "elastic net")
    close(w, ref.coef_, rtol=0, atol=1e-6, name="elastic-net coefficients with a duplicated column")
    close(as_scalar(b, "intercept"), ref.intercept_, atol=1e-5, name="elastic-net intercept with a duplicated column")

    Xk = np.column_stack([X, np.full(n, 3.0)])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = Lasso(alpha=0.05, tol=1e-12, max_iter=10**6).fit(Xk, y)
    Xk0, y0 = Xk.copy(), y.copy()
    w, b = fields(elastic_net(Xk, y, 0.05), ["coef", "intercept"], "lasso")
    close(Xk, Xk0, rtol=0, atol=0, name="X after elastic_net", hint="center a copy: do not modify the caller's X")
    close(y, y0, rtol=0, atol=0, name="y after elastic_net", hint="do not modify the caller's y")
    close(w, ref.coef_, rtol=0, atol=1e-6, name="lasso coefficients with a constant column",
          hint="a constant column is 0 after centering: skip it (coefficient 0) instead of dividing by 0")
    close(as_scalar(b, "intercept"), ref.intercept_, atol=1e-5, name="lasso intercept with a constant column")

# %%
# HIDDEN
def test_soft_threshold_cases(soft_threshold):
    """A scalar, a 2-D array, exact zeros, values exactly at plus or minus gamma, gamma = 0, huge values and float32; the input is left unchanged."""
    # Oracle: the three branches of S written out element by element (z - gamma above gamma, z + gamma below
    # -gamma, 0 in between). Exact in float64; float32 inputs differ by ~1e-7 of |z| (atol 1e-6, |z| <= 5).
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close

    def oracle(z, gamma):
        return np.array([v - gamma if v > gamma else (v + gamma if v < -gamma else 0.0) for v in np.ravel(z)]).reshape(np.shape(z))

    close(as_scalar(soft_threshold(2.5, 1.0), "S(2.5, 1)"), 1.5, name="S of a scalar")
    close(as_scalar(soft_threshold(-0.25, 1.0), "S(-0.25, 1)"), 0.0, atol=0, name="S of a small negative scalar")
    rng = np.random.default_rng(5353)
    z = np.array([[0.0, 1.0, -1.0, 0.5, -0.5], [3.0, -3.0, 1e300, -1e300, 1e-300], [0.999, -1.001, 2.0, -2.0, 0.0]])
    z0 = z.copy()
    got = as_array(soft_threshold(z, 1.0), "S(z, 1)", shape=z.shape)
    close(got, oracle(z0, 1.0), rtol=1e-12, atol=0, name="S(z, 1) on a 2-D array with zeros, +-gamma and huge values",
          hint="sign(z) * max(|z| - gamma, 0), element-wise, keeping the shape of z")
    close(z, z0, rtol=0, atol=0, name="z after calling soft_threshold", hint="return a new array: do not modify the caller's z")
    zg = np.array([0.0, -0.0, 2.0, -3.5, 1e-12])
    close(soft_threshold(zg, 0.0), oracle(zg, 0.0), rtol=0, atol=0, name="S(z, 0) with exact zeros",
          hint="with gamma = 0 nothing is shrunk; an exact zero stays 0 (no 0/0)")
    z32 = rng.uniform(-5.0, 5.0, size=(4, 6)).astype(np.float32)
    z32_0 = z32.copy()
    close(soft_threshold(z32, 0.75), oracle(z32.astype(np.float64), 0.75), rtol=1e-4, atol=1e-6, name="S(z, 0.75) for float32 z")
    close(z32, z32_0, rtol=0, atol=0, name="float32 z after calling soft_threshold", hint="do not modify the caller's z")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q6_early_stopping_dropout

# %% [markdown]
# ## Question 6 — Early stopping and inverted dropout
#
# **Why it matters.** Two regularizers that every deep-learning practitioner uses without writing a
# penalty. *Early stopping* halts gradient descent when the validation loss stops improving; for
# linear least squares started at zero, $t$ steps of size $\eta$ behave like ridge with $\lambda\approx 1/(\eta t)$,
# so the number of epochs *is* a regularization parameter. *Dropout* zeroes each unit with probability
# $p$ during training, which prevents co-adaptation and acts like an ensemble of thinned networks; at
# test time the whole network is used. Both have conventions that frameworks fix and that bugs break.
#
# **(a) Early stopping with patience** (the rule of Keras' `EarlyStopping` and PyTorch Lightning).
# Given validation losses $v_0, v_1, \dots, v_{T-1}$ after each epoch, patience $P\ge1$ and a minimum
# improvement $\Delta\ge0$: epoch $0$ is the first best. Epoch $t$ *improves* if $v_t < v_{\text{best}} - \Delta$
# (strictly: a tie is not an improvement); then it becomes the best epoch. Training stops at the first
# epoch $t$ that does not improve and has $t - t_{\text{best}}\ge P$, i.e. after $P$ epochs without improvement.
# If that never happens, training runs to the last epoch $T-1$. Return the best epoch (whose weights
# you would restore) and the epoch at which training stopped.
#
# **(b) Inverted dropout** (what `torch.nn.Dropout(p)` does). In training mode each entry is kept
# independently with probability $1-p$ and the kept entries are scaled by $\frac1{1-p}$:
#
# $$\text{out} = x\odot m,\qquad m_i = \frac{\mathbb 1[\text{keep}_i]}{1-p},\qquad
# \mathbb E[\text{out}_i] = x_i\cdot\frac{(1-p)}{1-p} = x_i .$$
#
# The expectation is preserved, so nothing changes at test time: in evaluation mode dropout is the
# identity ($m = 1$). (The original "vanilla" dropout did not scale in training and multiplied by $1-p$
# at test time instead; the inverted form keeps inference code free of dropout.) Since $\text{out}$ is
# linear in $x$ for a fixed mask, the backward pass is $\frac{\partial L}{\partial x} = \frac{\partial L}{\partial\,\text{out}}\odot m$.
#
# To make the randomness checkable, the uniform numbers are an input: `u` has the shape of `x` with
# entries in $[0,1)$, and entry $i$ is **dropped iff $u_i < p$** (so it is kept with probability $1-p$).
#
# **Your task.** Implement `early_stopping`, `dropout_forward` and `dropout_backward` with numpy.
#
# *Hints.* For (a), walk through the worked example in the first test by hand. For (b), the mask you
# return is the one the backward pass needs: include the scaling in it.

# %% [raw]
# # BEGIN SOLUTION

# %%
def early_stopping(val_losses, patience, min_delta=0.0):
    """Best epoch and stopping epoch of early stopping with patience.

    Epoch 0 is the first best. Epoch t improves iff val_losses[t] < best - min_delta (ties do not).
    Stop at the first non-improving epoch t with t - best_epoch >= patience; else run to the last epoch.

    Parameters
    ----------
    val_losses : array of shape (T,), float, T >= 1 (a single epoch gives (0, 0)); may contain ties.
    patience : int >= 1.
    min_delta : float >= 0.

    Returns
    -------
    (best_epoch, stop_epoch) : tuple of ints (Python ints or numpy integers, not floats),
        0 <= best_epoch <= stop_epoch <= T - 1.

    float32 losses are accepted (the epochs are compared exactly). The input array is not modified.
    """
    # BEGIN SOLUTION
    v = np.asarray(val_losses, dtype=float).ravel()
    best, best_epoch = v[0], 0
    for t in range(1, len(v)):
        if v[t] < best - min_delta:
            best, best_epoch = v[t], t
        elif t - best_epoch >= patience:
            return best_epoch, t
    return best_epoch, len(v) - 1
    # END SOLUTION


def dropout_forward(x, p, u, train=True):
    """Inverted dropout, forward pass, with explicit uniform noise.

    train: mask = 1[u >= p] / (1 - p)  (entry dropped iff u < p),  out = x * mask.
    eval:  mask = 1 (all ones), out = x.

    Parameters
    ----------
    x : array of any shape, float.
    p : float in [0, 1), drop probability.
    u : array of the shape of x, float in [0, 1): the uniform random numbers.
    train : bool, training (True) or evaluation (False) mode.

    Returns
    -------
    (out, mask) : two arrays of the shape of x, float, in both modes (in evaluation mode the mask is an
        array of ones, not the number 1). E[out] = x over u ~ Uniform[0, 1).

    float32 inputs and arithmetic are accepted: results are compared at rtol 1e-4 (averages over many
    entries at rtol 1e-6). The input arrays x and u are not modified.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    if not train:
        return x.copy(), np.ones_like(x)
    mask = (np.asarray(u) >= p) / (1.0 - p)
    return x * mask, mask
    # END SOLUTION


def dropout_backward(dout, mask):
    """Inverted dropout, backward pass: dL/dx = dL/dout * mask.

    Parameters
    ----------
    dout : array, float, the upstream gradient dL/dout.
    mask : array of the shape of dout, float, as returned by dropout_forward.

    Returns
    -------
    dx : array of the shape of dout, float (a new array).

    float32 inputs and arithmetic are accepted: results are compared at rtol 1e-4. The input arrays
    dout and mask are not modified.
    """
    # BEGIN SOLUTION
    return np.asarray(dout, dtype=float) * np.asarray(mask, dtype=float)
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (not graded).** Train an over-parametrized linear model (60 random features, 40 noisy
# training points) by gradient descent from zero for 3000 epochs, record the training and validation
# mean squared errors, run `early_stopping` with patience 200 on the validation curve, and plot both
# curves with the best and the stopping epoch marked.

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_es = np.random.default_rng(6)
d_es, n_es = 60, 40
w_true_es = rng_es.normal(size=d_es) / np.sqrt(d_es)
X_tr_es, X_va_es = rng_es.normal(size=(n_es, d_es)), rng_es.normal(size=(200, d_es))
y_tr_es = X_tr_es @ w_true_es + 0.5 * rng_es.normal(size=n_es)
y_va_es = X_va_es @ w_true_es + 0.5 * rng_es.normal(size=200)
w_es, lr_es = np.zeros(d_es), 0.2 / np.linalg.norm(X_tr_es, 2) ** 2 * n_es
train_es, val_es = [], []
for _ in range(3000):
    w_es -= lr_es * X_tr_es.T @ (X_tr_es @ w_es - y_tr_es) / n_es
    train_es.append(np.mean((X_tr_es @ w_es - y_tr_es) ** 2))
    val_es.append(np.mean((X_va_es @ w_es - y_va_es) ** 2))
best_es, stop_es = early_stopping(np.array(val_es), patience=200)
fig, ax = plt.subplots(figsize=(6.5, 4))
ax.semilogy(train_es, label="training MSE")
ax.semilogy(val_es, label="validation MSE")
ax.axvline(best_es, color="g", ls="--", label=f"best epoch {best_es}")
ax.axvline(stop_es, color="r", ls=":", label=f"stopped at {stop_es}")
ax.set(xlabel="epoch", ylabel="mean squared error", title="Early stopping on the validation curve")
ax.legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_early_stopping_worked_examples(early_stopping):
    # v = 1.0, 0.8, 0.85, 0.7, 0.75, 0.72, 0.9, 0.71 with patience 3: best moves 0 -> 1 -> 3; epochs 4, 5, 6
    # do not improve and at epoch 6 three epochs have passed since the best: stop at 6, restore epoch 3.
    # Ties do not improve: (1, 1, 1, 1), patience 2 -> stop at 2, best 0.
    # A curve that keeps improving never stops: best = stop = last epoch.
    import numpy as np
    from mlmathkit_checks import close, fields

    def run(v, patience, min_delta=0.0):
        return np.array(fields(early_stopping(np.array(v), patience, min_delta), ["best_epoch", "stop_epoch"], "result"), dtype=float)

    close(run([1.0, 0.8, 0.85, 0.7, 0.75, 0.72, 0.9, 0.71], 3), [3, 6], atol=0, name="(best, stop), patience 3",
          hint="stop at the first epoch t with t - best_epoch >= patience")
    close(run([1.0, 1.0, 1.0, 1.0], 2), [0, 2], atol=0, name="(best, stop) on a flat curve",
          hint="an equal loss is not an improvement")
    close(run([5.0, 4.0, 3.0, 2.0, 1.0], 2), [4, 4], atol=0, name="(best, stop) on a decreasing curve",
          hint="if patience never runs out, training ends at the last epoch")
    # min_delta = 0.1: 0.95 is not enough of an improvement on 1.0, 0.85 is.
    close(run([1.0, 0.95, 0.85, 0.8, 0.78, 0.77], 2, 0.1), [2, 4], atol=0, name="(best, stop) with min_delta = 0.1",
          hint="improvement means v[t] < best - min_delta")

# %%
def test_dropout_worked_example_and_expectation(dropout_forward, dropout_backward):
    # p = 0.5, u = (0.1, 0.5, 0.4, 0.9): entries 0 and 2 dropped (u < p), the others (u = p included) scaled by 2.
    # Expectation: out_i is x_i / (1 - p) with probability 1 - p, else 0: mean x_i, standard deviation
    # |x_i| sqrt(p / (1 - p)). mean_within allows a false failure with probability 1e-6.
    import numpy as np
    from mlmathkit_checks import close, fields, mean_within

    x = np.array([1.0, 2.0, 3.0, 4.0])
    out, mask = fields(dropout_forward(x, 0.5, np.array([0.1, 0.5, 0.4, 0.9])), ["out", "mask"], "forward")
    close(out, [0.0, 4.0, 0.0, 8.0], name="dropout output (train)", hint="drop where u < p (u = p is kept), scale the kept entries by 1/(1-p)")
    close(mask, [0.0, 2.0, 0.0, 2.0], name="mask (train)", hint="the mask includes the 1/(1-p) scaling")
    close(dropout_backward(np.ones(4), mask), [0.0, 2.0, 0.0, 2.0], name="backward pass")
    out, mask = fields(dropout_forward(x, 0.5, np.array([0.1, 0.6, 0.4, 0.9]), train=False), ["out", "mask"], "forward")
    close(out, x, name="dropout output (eval)", hint="in evaluation mode dropout is the identity")
    close(dropout_backward(np.full(4, 3.0), mask), np.full(4, 3.0), name="backward pass (eval)")
    rng = np.random.default_rng(66)
    for p in (0.2, 0.5, 0.8):
        out, _ = fields(dropout_forward(np.full(20000, 3.0), p, rng.random(20000)), ["out", "mask"], "forward")
        mean_within(out, 3.0, 3.0 * np.sqrt(p / (1 - p)), false_fail=1e-6, name=f"dropout outputs for x = 3, p = {p}")

# %%
# HIDDEN
def test_early_stopping_against_jump_oracle(early_stopping):
    """Random validation curves from 1 to 60 epochs, with many exact ties, several patiences and minimum improvements."""
    # Oracle: jump from one improvement to the next by slicing (a different algorithm from the epoch
    # loop): from best epoch i, the next best is the first j in (i, i + patience] with v[j] < v[i] - min_delta.
    import numpy as np
    from mlmathkit_checks import close, fields

    def oracle(v, patience, min_delta):
        i = 0
        while True:
            window = v[i + 1: i + patience + 1]
            better = np.flatnonzero(window < v[i] - min_delta)
            if better.size:
                i = i + 1 + int(better[0])
            else:
                return i, min(i + patience, len(v) - 1)

    rng = np.random.default_rng(6060)
    for trial in range(40):
        T = int(rng.integers(1, 60))
        t = np.arange(T)
        v = 1.0 / (1 + 0.2 * t) + 0.002 * t * rng.uniform(0, 2) + 0.03 * rng.normal(size=T)
        if trial % 4 == 0:
            v = np.round(v, 1)  # many exact ties
        patience = int(rng.integers(1, 8))
        min_delta = 0.0 if trial % 3 else float(rng.uniform(0, 0.05))
        got = np.array(fields(early_stopping(v, patience, min_delta), ["best_epoch", "stop_epoch"], "result"), dtype=float)
        close(got, oracle(v, patience, min_delta), atol=0,
              name=f"(best, stop) for T={T}, patience={patience}, min_delta={min_delta:.3g}",
              hint="ties and improvements smaller than min_delta do not reset the patience counter")

# %%
# HIDDEN
def test_dropout_against_torch(dropout_forward, dropout_backward):
    """Train and evaluation mode on 1-D to 3-D inputs for several drop probabilities, including p = 0, against PyTorch."""
    # Oracle: torch.nn.Dropout in train and eval mode, with autograd for the backward pass. The uniform
    # numbers handed to the student are built from torch's own mask: u < p exactly where torch dropped.
    import numpy as np
    import torch
    from mlmathkit_checks import close, fields

    torch.manual_seed(0)
    rng = np.random.default_rng(6161)
    for p, shape in [(0.1, (50,)), (0.5, (8, 16)), (0.75, (4, 5, 6)), (0.0, (10,))]:
        x = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
        layer = torch.nn.Dropout(p).train()
        out_t = layer(x)
        dout = torch.randn(*shape, dtype=torch.float64)
        out_t.backward(dout)
        kept = (out_t != 0).detach().numpy() | (x.detach().numpy() == 0)
        r = rng.random(shape)
        u = np.where(kept, p + (1 - p) * r, p * r)
        out, mask = fields(dropout_forward(x.detach().numpy(), p, u), ["out", "mask"], "forward")
        close(out, out_t.detach().numpy(), name=f"train-mode output vs torch.nn.Dropout(p={p})",
              hint="inverted dropout: out = x * 1[u >= p] / (1 - p)")
        close(dropout_backward(dout.numpy(), mask), x.grad.numpy(), name=f"backward vs torch autograd (p={p})",
              hint="the gradient flows only through kept entries and is scaled by 1/(1 - p) as well")
        layer.eval()
        out, mask = fields(dropout_forward(x.detach().numpy(), p, u, train=False), ["out", "mask"], "forward")
        close(out, layer(x).detach().numpy(), name=f"eval-mode output vs torch.nn.Dropout(p={p}).eval()")
        close(dropout_backward(dout.numpy(), mask), dout.numpy(), name=f"eval-mode backward (p={p})")

# %%
# HIDDEN
def test_dropout_expectation_by_quadrature(dropout_forward):
    """The average output and the keep rate over all values of u, for drop probabilities other than 1/2, in float64 and float32."""
    # E_u[out] and the keep rate as integrals over u ~ Uniform[0, 1), by the midpoint rule on N cells:
    # u_k = (k + 1/2) / N. With p N an integer, exactly (1 - p) N midpoints are kept, so the quadrature is
    # exact: mean(out) = x and the keep rate is 1 - p up to rounding (float64 ~1e-15, float32 answers ~1e-7:
    # rtol 1e-6). (The public test checks the same on random u with mean_within.)
    import numpy as np
    from mlmathkit_checks import as_array, close, fields

    N = 4000
    u = (np.arange(N) + 0.5) / N
    x = np.array([2.0, -1.5, 0.7, 10.0, -4.0])
    for p in (0.25, 0.3, 0.9, 0.0):
        X = np.tile(x, (N, 1))
        U = np.tile(u[:, None], (1, 5))
        out, mask = fields(dropout_forward(X, p, U), ["out", "mask"], "forward")
        out, mask = as_array(out, "out", shape=(N, 5)), as_array(mask, "mask", shape=(N, 5))
        close((mask != 0).mean(), 1 - p, rtol=1e-9, name=f"fraction of kept entries, p = {p}",
              hint="an entry is kept with probability 1 - p: dropped iff u < p")
        close(out.mean(axis=0), x, rtol=1e-6, name=f"E[out] over u, p = {p}",
              hint="inverted dropout preserves the expectation: scale the kept entries by 1/(1-p)")
        out32, _ = fields(dropout_forward(X.astype(np.float32), p, U), ["out", "mask"], "forward")
        close(as_array(out32, "out").mean(axis=0), x, rtol=1e-6, name=f"E[out] over u for float32 inputs, p = {p}")

# %%
# HIDDEN
def test_shapes_types_and_unchanged_inputs(early_stopping, dropout_forward, dropout_backward):
    """A single epoch, float32 losses, integer epochs, masks of the input's shape in both modes, and the caller's arrays left unchanged."""
    # Expected values by hand: losses (1, 0.5, 0.5, 0.7), patience 2: epoch 1 improves, epoch 2 ties,
    # epoch 3 is 2 epochs after the best -> (1, 3). Dropout with p = 0.3: kept entries scaled by 1/0.7.
    import numbers
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, require

    def epochs(v, patience, what):
        v0 = v.copy()
        best, stop = fields(early_stopping(v, patience), ["best_epoch", "stop_epoch"], "result")
        for e, name in ((best, "best_epoch"), (stop, "stop_epoch")):
            require(isinstance(e, numbers.Integral) and not isinstance(e, bool),
                    f"{what}: {name} should be an int, got {type(e).__name__} {e!r:.30}")
        close(v, v0, rtol=0, atol=0, name=f"val_losses after early_stopping ({what})", hint="do not modify the caller's array")
        return np.array([best, stop], dtype=float)

    close(epochs(np.array([0.3]), 1, "one epoch"), [0, 0], atol=0, name="(best, stop) for a single epoch",
          hint="with one epoch, it is both the best and the last")
    close(epochs(np.array([1.0, 0.5, 0.5, 0.7], dtype=np.float32), 2, "float32 losses"), [1, 3], atol=0,
          name="(best, stop) for float32 losses with a tie")

    rng = np.random.default_rng(6262)
    x = rng.normal(size=(2, 3, 4))
    u = rng.random((2, 3, 4))
    x0, u0 = x.copy(), u.copy()
    keep = (u >= 0.3) / 0.7
    out, mask = fields(dropout_forward(x, 0.3, u), ["out", "mask"], "forward")
    close(out, x0 * keep, name="train-mode output on a 3-D input")
    close(mask, keep, name="train-mode mask on a 3-D input")
    close(x, x0, rtol=0, atol=0, name="x after dropout_forward (train)", hint="compute x * mask into a new array: do not modify x")
    close(u, u0, rtol=0, atol=0, name="u after dropout_forward (train)", hint="do not modify the caller's u")
    mask = as_array(mask, "mask")
    dout = rng.normal(size=(2, 3, 4))
    dout0, mask0 = dout.copy(), mask.copy()
    close(dropout_backward(dout, mask), dout0 * keep, name="backward pass on a 3-D input")
    close(dout, dout0, rtol=0, atol=0, name="dout after dropout_backward", hint="return dout * mask as a new array: do not modify dout")
    close(mask, mask0, rtol=0, atol=0, name="mask after dropout_backward", hint="do not modify the caller's mask")
    out, mask = fields(dropout_forward(x, 0.3, u, train=False), ["out", "mask"], "forward")
    close(out, x0, name="eval-mode output on a 3-D input", hint="in evaluation mode dropout is the identity")
    close(as_array(mask, "eval-mode mask", shape=x.shape), np.ones(x.shape), name="eval-mode mask",
          hint="the mask is an array of ones of the shape of x, not the number 1")
    close(x, x0, rtol=0, atol=0, name="x after dropout_forward (eval)", hint="do not modify the caller's x")


# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q7_augmentation

# %% [markdown]
# ## Question 7 — Data augmentation as regularization: input noise is ridge regression
#
# **Why it matters.** Data augmentation — crops, flips, colour jitter, mixup, noise — is the most
# effective regularizer in modern deep learning, and it is usually described as "more data". Bishop
# (1995, *Training with noise is equivalent to Tikhonov regularization*) showed that it is also a
# penalty: for linear regression, adding Gaussian noise to the inputs is *exactly* ridge regression in
# expectation. The same computation explains why noise injection smooths networks, and gives
# augmentation strength the meaning of a regularization constant.
#
# **The math.** Data $X\in\mathbb R^{n\times d}$ (rows $x_i$), targets $y$, weights $w$ (no intercept).
# Perturb every input by independent noise, $\tilde x_i = x_i + \xi_i$ with $\xi_i\sim\mathcal N(0,\sigma^2 I_d)$,
# i.e. $\tilde X = X + \Xi$. The noisy loss is $\frac1n\lVert y - (X + \Xi)w\rVert^2$. With the residual $r = y - Xw$,
#
# $$\frac1n\lVert r - \Xi w\rVert^2 = \frac1n\lVert r\rVert^2 - \frac2n r^\top\Xi w + \frac1n\lVert\Xi w\rVert^2 .$$
#
# The middle term has mean zero. Each entry $(\Xi w)_i = \xi_i^\top w$ is $\mathcal N(0, \sigma^2\lVert w\rVert^2)$, so
# $\mathbb E\lVert\Xi w\rVert^2 = n\sigma^2\lVert w\rVert^2$ and
#
# $$\mathbb E_\Xi\Big[\frac1n\lVert y - (X+\Xi)w\rVert^2\Big] = \frac1n\lVert y - Xw\rVert^2 + \sigma^2\lVert w\rVert^2 .$$
#
# Minimizing the expected noisy loss is ridge regression: setting the gradient
# $-\frac2n X^\top(y - Xw) + 2\sigma^2 w$ to zero gives
#
# $$\big(X^\top X + n\sigma^2 I\big)\,w_\sigma = X^\top y ,$$
#
# i.e. scikit-learn's `Ridge(alpha = n σ², fit_intercept=False)`, which minimizes $\lVert y - Xw\rVert^2 + \alpha\lVert w\rVert^2$.
#
# **Augmentation in practice.** One does not minimize the expectation but the average loss over $K$
# noisy copies of the data set: stack $X + \Xi_1, \dots, X + \Xi_K$ on top of each other, repeat $y$ $K$
# times, and solve ordinary least squares on the $Kn$ rows. By the law of large numbers,
# $\frac1K\sum_k (X+\Xi_k)^\top(X+\Xi_k) \to X^\top X + n\sigma^2 I$ and $\frac1K\sum_k (X+\Xi_k)^\top y \to X^\top y$, so the
# augmented solution converges to $w_\sigma$ as $K\to\infty$, with fluctuations of order $1/\sqrt K$.
# (Averaging the $K$ separate least-squares solutions is *not* the same thing.)
#
# **Your task.** Implement `expected_noisy_loss`, `ridge_equivalent` (solve the linear system; do
# not form an inverse) and `augmented_least_squares` (use `np.linalg.lstsq` on the stacked data).
#
# *Hints.* The noise array has shape $(K, n, d)$; `reshape(-1, d)` stacks the copies. Check the worked
# example: two antithetic copies $\pm\Xi$ with $\Xi^\top\Xi = n\sigma^2 I$ reproduce ridge exactly — why?

# %% [raw]
# # BEGIN SOLUTION

# %%
def expected_noisy_loss(X, y, w, sigma):
    """E over Xi ~ N(0, sigma^2) entries of (1/n) ||y - (X + Xi) w||^2  =  (1/n) ||y - X w||^2 + sigma^2 ||w||^2.

    Parameters
    ----------
    X : array of shape (n, d), float.
    y : array of shape (n,), float.
    w : array of shape (d,), float.
    sigma : float >= 0, standard deviation of the input noise.

    Returns
    -------
    float

    Compute in float64: results are compared at rtol 1e-9, so float32 arithmetic is not accepted. The
    input arrays are not modified.
    """
    # BEGIN SOLUTION
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float).ravel(), np.asarray(w, dtype=float).ravel()
    r = y - X @ w
    return float(r @ r / len(y) + sigma**2 * (w @ w))
    # END SOLUTION


def ridge_equivalent(X, y, sigma):
    """Minimizer of the expected noisy loss: the ridge solution (X^T X + n sigma^2 I) w = X^T y.

    Parameters
    ----------
    X : array of shape (n, d), float (d may exceed n when sigma > 0).
    y : array of shape (n,), float.
    sigma : float >= 0 (sigma = 0 gives least squares; then X must have full column rank).

    Returns
    -------
    w : array of shape (d,), float.

    Compute in float64: results are compared at rtol 1e-6 (nearly collinear columns included), so
    float32 arithmetic is not accepted. The input arrays are not modified.
    """
    # BEGIN SOLUTION
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float).ravel()
    n, d = X.shape
    return np.linalg.solve(X.T @ X + n * sigma**2 * np.eye(d), X.T @ y)
    # END SOLUTION


def augmented_least_squares(X, y, noise):
    """Least squares on K noisy copies of the data: minimize sum_k ||y - (X + noise[k]) w||^2.

    Parameters
    ----------
    X : array of shape (n, d), float.
    y : array of shape (n,), float.
    noise : array of shape (K, n, d), float, K >= 1; copy k has inputs X + noise[k] and targets y.
        The stacked (K n, d) design has full column rank, so the minimizer is unique.

    Returns
    -------
    w : array of shape (d,), float.

    Compute in float64: results are compared at rtol 1e-6, so float32 arithmetic is not accepted. The
    input arrays are not modified.
    """
    # BEGIN SOLUTION
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float).ravel()
    noise = np.asarray(noise, dtype=float)
    X_aug = (X[None, :, :] + noise).reshape(-1, X.shape[1])
    y_aug = np.tile(y, noise.shape[0])
    return np.linalg.lstsq(X_aug, y_aug, rcond=None)[0]
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (not graded).** For a small data set, plot $\lVert w_K - w_\sigma\rVert$ against the number of noisy
# copies $K$ on log–log axes, together with a line of slope $-1/2$.

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_aug = np.random.default_rng(7)
X_aug_demo = rng_aug.normal(size=(30, 3))
y_aug_demo = X_aug_demo @ np.array([1.0, -2.0, 0.5]) + 0.3 * rng_aug.normal(size=30)
w_sigma_demo = ridge_equivalent(X_aug_demo, y_aug_demo, 0.5)
Ks_demo = np.array([1, 3, 10, 30, 100, 300, 1000, 3000])
gaps_demo = [np.linalg.norm(augmented_least_squares(X_aug_demo, y_aug_demo, 0.5 * rng_aug.normal(size=(K, 30, 3))) - w_sigma_demo)
             for K in Ks_demo]
fig, ax = plt.subplots(figsize=(6, 4))
ax.loglog(Ks_demo, gaps_demo, "o-", label="$\\|w_K - w_\\sigma\\|$")
ax.loglog(Ks_demo, gaps_demo[0] / np.sqrt(Ks_demo), "k--", label="slope $-1/2$")
ax.set(xlabel="number of noisy copies K", ylabel="distance to the ridge solution", title="Noise augmentation converges to ridge")
ax.legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(expected_noisy_loss, ridge_equivalent, augmented_least_squares):
    # One feature, X = (1, 2)^T, y = (1, 2), sigma = 1/2, so n sigma^2 = 1/2.
    # Expected loss at w = 1: residual 0, so it is sigma^2 w^2 = 1/4.  At w = 0: (1 + 4) / 2 = 2.5.
    # Ridge: (5 + 1/2) w = 5, w = 10/11.
    # Two antithetic copies with Xi = (1/2, -1/2)^T: inputs (3/2, 3/2) and (1/2, 5/2):
    # w = (3/2 + 3 + 1/2 + 5) / (9/4 + 9/4 + 1/4 + 25/4) = 10 / 11 = ridge exactly (Xi^T Xi = 1/2 = n sigma^2,
    # and the cross terms X^T Xi cancel between the copies).
    import numpy as np
    from mlmathkit_checks import as_scalar, close

    X, y = np.array([[1.0], [2.0]]), np.array([1.0, 2.0])
    close(as_scalar(expected_noisy_loss(X, y, np.array([1.0]), 0.5), "loss"), 0.25, name="expected noisy loss at w = 1",
          hint="(1/n)||y - Xw||^2 + sigma^2 ||w||^2")
    close(as_scalar(expected_noisy_loss(X, y, np.array([0.0]), 0.5), "loss"), 2.5, name="expected noisy loss at w = 0")
    close(ridge_equivalent(X, y, 0.5), [10.0 / 11.0], name="ridge-equivalent weight",
          hint="(X^T X + n sigma^2 I) w = X^T y: the penalty is n sigma^2, not sigma^2")
    noise = np.array([[[0.5], [-0.5]], [[-0.5], [0.5]]])
    close(augmented_least_squares(X, y, noise), [10.0 / 11.0], name="least squares on the two antithetic copies",
          hint="stack the K copies into one (K n, d) design and solve one least-squares problem")
    # One copy (K = 1) with noise (1, 0)^T: inputs (2, 2), targets (1, 2): w = (2 + 4) / (4 + 4) = 3/4. With one
    # copy the fit is plain least squares on the noisy inputs - not ridge with a penalty estimated from the noise.
    close(augmented_least_squares(X, y, np.array([[[1.0], [0.0]]])), [0.75], name="least squares on one noisy copy",
          hint="fit the noisy inputs X + noise[k] themselves; ridge is only the limit of many copies")

# %%
def test_expectation_and_convergence(expected_noisy_loss, ridge_equivalent, augmented_least_squares):
    # (1) Monte Carlo: the noisy loss for one draw is (1/n) sum_i (r_i - z_i)^2 with z_i ~ N(0, s^2),
    #     s^2 = sigma^2 ||w||^2, whose variance is (1/n^2) sum_i (4 r_i^2 s^2 + 2 s^4): mean_within with
    #     false_fail 1e-6.
    # (2) The gradient of the expected loss vanishes at the ridge-equivalent weights.
    # (3) K = 4000 noisy copies: w_K - w_sigma ~ A^{-1} mean_k g_k (g_k i.i.d., mean 0, A = X^T X + n sigma^2 I):
    #     each coordinate within 4.89 standard errors (estimated from the g_k), +10% for the O(1/K) remainder.
    import numpy as np
    from scipy.stats import norm
    from mlmathkit_checks import as_array, as_scalar, close, mean_within

    rng = np.random.default_rng(77)
    n, d, sigma = 25, 3, 0.4
    X = rng.normal(size=(n, d))
    y = X @ np.array([1.0, -1.0, 2.0]) + 0.3 * rng.normal(size=n)
    w = np.array([0.8, -0.5, 1.5])
    r, s2 = y - X @ w, sigma**2 * (w @ w)
    Z = rng.normal(scale=np.sqrt(s2), size=(20000, n))
    losses = ((r - Z) ** 2).mean(axis=1)
    std = np.sqrt((4 * r**2 * s2 + 2 * s2**2).sum()) / n
    mean_within(losses, as_scalar(expected_noisy_loss(X, y, w, sigma), "loss"), std, false_fail=1e-6,
                name="Monte Carlo noisy losses vs your expected loss (the expectation adds sigma^2 ||w||^2)")
    w_s = as_array(ridge_equivalent(X, y, sigma), "w", shape=(d,))
    close(-2 / n * X.T @ (y - X @ w_s) + 2 * sigma**2 * w_s, np.zeros(d), atol=1e-10,
          name="gradient of the expected noisy loss at ridge_equivalent")
    K = 4000
    noise = sigma * rng.normal(size=(K, n, d))
    A = X.T @ X + n * sigma**2 * np.eye(d)
    G = (np.einsum("kni,n->ki", noise, y) - np.einsum("ni,knj,j->ki", X, noise, w_s)
         - np.einsum("kni,nj,j->ki", noise, X, w_s) - np.einsum("kni,knj,j->ki", noise, noise, w_s) + n * sigma**2 * w_s)
    S = np.linalg.solve(A, G.T).T
    tol = 1.1 * float(norm.isf(1e-6 / 2)) * S.std(axis=0) / np.sqrt(K)
    close(augmented_least_squares(X, y, noise), w_s, rtol=0, atol=tol, name=f"least squares on {K} noisy copies vs ridge",
          hint="with many copies the augmented fit must approach (X^T X + n sigma^2 I)^{-1} X^T y")

# %%
# HIDDEN
def test_ridge_against_sklearn(ridge_equivalent):
    """Random problems with several features, more features than samples, no noise at all, and nearly collinear columns."""
    # Oracle: sklearn Ridge(alpha = n sigma^2, fit_intercept=False, solver="svd"). Cases include d > n and
    # nearly collinear columns (cond(X^T X) ~ 1e10; with the penalty cond(A) <= ~1e6, so a float64 solve
    # is accurate to ~1e-10 relative: rtol 1e-6).
    import numpy as np
    from sklearn.linear_model import Ridge
    from mlmathkit_checks import close

    rng = np.random.default_rng(7070)
    cases = [(30, 3, 0.5), (50, 8, 0.1), (10, 25, 0.3), (40, 5, 2.0), (20, 4, 0.0)]
    for n, d, sigma in cases:
        X = rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d)
        y = X @ rng.normal(size=d) + rng.normal(size=n)
        expected = Ridge(alpha=n * sigma**2, fit_intercept=False, solver="svd").fit(X, y).coef_
        close(ridge_equivalent(X, y, sigma), expected, rtol=1e-6, atol=1e-9, name=f"ridge weights (n={n}, d={d}, sigma={sigma})",
              hint="ridge penalty alpha = n sigma^2 on ||y - Xw||^2")
    n = 40
    base = rng.normal(size=(n, 2))
    X = np.column_stack([base, base[:, 0] + 1e-5 * rng.normal(size=n)])
    y = base @ np.array([1.0, 2.0]) + 0.1 * rng.normal(size=n)
    expected = Ridge(alpha=n * 0.05**2, fit_intercept=False, solver="svd").fit(X, y).coef_
    close(ridge_equivalent(X, y, 0.05), expected, rtol=1e-6, atol=1e-9, name="ridge weights with nearly collinear columns")

# %%
# HIDDEN
def test_augmented_against_lstsq(augmented_least_squares):
    """One noisy copy, many copies of a small data set, zero noise, and as many features as samples."""
    # Oracle: scipy.linalg.lstsq (gelsy) on the stacked design, built with explicit loops. Edge cases:
    # K = 1 (plain least squares on one noisy copy), zero noise (ordinary least squares on X).
    import numpy as np
    from scipy.linalg import lstsq
    from mlmathkit_checks import close

    rng = np.random.default_rng(7171)
    for n, d, K, sigma in [(20, 3, 1, 0.5), (15, 4, 7, 0.2), (8, 2, 50, 1.0), (30, 5, 3, 0.0), (5, 5, 4, 0.3)]:
        X = rng.normal(size=(n, d))
        y = X @ rng.normal(size=d) + rng.normal(size=n)
        noise = sigma * rng.normal(size=(K, n, d))
        rows = np.concatenate([X + noise[k] for k in range(K)])
        targets = np.concatenate([y for _ in range(K)])
        expected = lstsq(rows, targets, lapack_driver="gelsy")[0]
        close(augmented_least_squares(X, y, noise), expected, rtol=1e-6, atol=1e-9,
              name=f"augmented least squares (n={n}, d={d}, K={K}, sigma={sigma})",
              hint="one least-squares problem on all K n rows, not an average of K separate solutions")

# %%
# HIDDEN
def test_expected_loss_against_quadrature(expected_noisy_loss):
    """Random weights and data in dimensions 1 to 4, with small, large and zero noise."""
    # Oracle: the expectation over each input's full noise vector xi_i ~ N(0, sigma^2 I_d) by tensor-product
    # Gauss-Hermite quadrature (3 nodes per coordinate: exact for polynomials of degree <= 5 in each
    # coordinate; the loss is quadratic), summed over the n inputs. The public test does the same by
    # Monte Carlo with mean_within.
    import itertools
    import numpy as np
    from numpy.polynomial.hermite_e import hermegauss
    from mlmathkit_checks import as_scalar, close

    nodes, weights = hermegauss(3)
    weights = weights / weights.sum()
    rng = np.random.default_rng(7272)
    for n, d, sigma in [(10, 2, 0.5), (6, 4, 1.5), (30, 1, 0.1), (4, 3, 0.8), (7, 3, 0.0)]:
        X, y, w = rng.normal(size=(n, d)), rng.normal(size=n), rng.normal(size=d)
        expected = 0.0
        for idx in itertools.product(range(3), repeat=d):
            xi = sigma * nodes[list(idx)]
            expected += np.prod(weights[list(idx)]) * np.mean((y - (X + xi) @ w) ** 2)
        close(as_scalar(expected_noisy_loss(X, y, w, sigma), "loss"), expected, rtol=1e-9,
              name=f"expected noisy loss (n={n}, d={d}, sigma={sigma})",
              hint="E ||Xi w||^2 = n sigma^2 ||w||^2, and the loss is divided by n")

# %%
# HIDDEN
def test_inputs_unchanged(expected_noisy_loss, ridge_equivalent, augmented_least_squares):
    """Your functions leave the caller's data, weights and noise arrays unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(7373)
    n, d, K = 12, 3, 4
    X, y, w = rng.normal(size=(n, d)), rng.normal(size=n), rng.normal(size=d)
    noise = 0.5 * rng.normal(size=(K, n, d))
    saved = {"X": X.copy(), "y": y.copy(), "w": w.copy(), "noise": noise.copy()}
    current = {"X": X, "y": y, "w": w, "noise": noise}
    for what, call in (("expected_noisy_loss", lambda: expected_noisy_loss(X, y, w, 0.5)),
                       ("ridge_equivalent", lambda: ridge_equivalent(X, y, 0.5)),
                       ("augmented_least_squares", lambda: augmented_least_squares(X, y, noise))):
        call()
        for key, arr in current.items():
            close(arr, saved[key], rtol=0, atol=0, name=f"{key} after calling {what}",
                  hint="work on copies: do not modify the caller's arrays")


# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION
