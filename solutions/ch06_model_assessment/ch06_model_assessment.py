# %% [markdown]
# # Chapter 6 — Model assessment and inference
#
# A model is only as good as the number that says how good it is. This chapter is about that number:
# how to estimate the prediction error of a model honestly (cross-validation, the bootstrap, the
# effective number of parameters and the information criteria built on it), why the training error
# is optimistic and by how much, how averaging bootstrap fits (bagging) reduces variance, and how a
# Markov chain turns conditional distributions into samples from a joint one (Gibbs sampling). It
# follows *The Elements of Statistical Learning* (Hastie, Tibshirani & Friedman, ESL), chapters 7
# and 8.
#
# It is also where code most easily *runs, reports a great score, and is wrong*: a predictor screen
# run before cross-validation makes pure noise look predictable; a bootstrap that resamples the wrong
# axis reports a tiny standard error; a Gibbs sampler with the wrong conditional variance produces
# beautiful, wrong draws. The checks below are built to catch exactly these.
#
# **How to work.** Each question explains why it matters, derives the math, then asks you to fill in
# functions whose docstrings state the exact inputs, outputs and — for every random procedure — the
# exact random draws, in order, from the `np.random.Generator` you are given. Replace each
# `raise NotImplementedError(...)` line with your code, run the cell, then run the `grader.check`
# cell below it. Public checks test properties and worked examples; the autograder runs more
# (hidden) tests on random and numerically hard inputs, and compares your results with independent
# implementations fed *the same random numbers*, so draw exactly what the docstring says.
#
# **Libraries.** Use `numpy`, `math` and `scipy.special`. Do not use scikit-learn,
# `scipy.stats.bootstrap` or any other routine that does the question's job: they are what your
# answers are graded against, and each question names the routines it forbids. Statistics for the
# bootstrap come by name from the public fixtures module `mlmathkit_fixtures` (the file
# `mlmathkit_fixtures.py` next to this notebook):
#
# ```python
# import mlmathkit_fixtures as fx
# t = fx.lookup("sample_median")   # t(samples, axis=-1): one value per row of a 2-D array
# ```
#
# Every function must leave its array arguments unchanged.

# %%
import math

import numpy as np
import matplotlib.pyplot as plt

import mlmathkit_fixtures as fx

# %% [raw]
# # BEGIN QUESTION
# name: q1_cv_selection

# %% [markdown]
# ## Question 1 — Cross-validation done right and done wrong
#
# **Why it matters.** Cross-validation is the default way to estimate prediction error and to
# choose among models, and it is routinely done wrong. ESL §7.10.2 tells the story: a genomics
# study with $N = 50$ samples and $p = 5000$ predictors *screens* the predictors most correlated
# with the class label, fits a classifier on them, and then cross-validates **the classifier** —
# reporting an error of a few percent on data in which, by construction, the labels are pure noise.
# The screening step saw every label, including those of the samples later "held out".
#
# **K-fold cross-validation.** Split the indices $1,\dots,N$ into $K$ folds by a map
# $\kappa:\{1,\dots,N\}\to\{1,\dots,K\}$. For each fold $k$, fit the *whole* modelling procedure on the
# other folds, giving $\hat f^{-k}$, and count its mistakes on fold $k$. The CV estimate of the error is
# the average over all $N$ samples (ESL eq. 7.48),
#
# $$\mathrm{CV}(\hat f) = \frac1N\sum_{i=1}^N L\big(y_i,\ \hat f^{-\kappa(i)}(x_i)\big)
#  = \sum_{k=1}^K \frac{N_k}{N}\,\mathrm{err}_k ,\qquad \mathrm{err}_k = \frac1{N_k}\sum_{i:\kappa(i)=k} L\big(y_i, \hat f^{-k}(x_i)\big),$$
#
# a *weighted* mean of the fold errors: when $K$ does not divide $N$ the folds have different sizes
# $N_k$. Here the folds are contiguous blocks in the given order, as scikit-learn's `KFold` without
# shuffling makes them: the first $N \bmod K$ folds hold $\lfloor N/K\rfloor + 1$ samples, the others
# $\lfloor N/K\rfloor$ (e.g. $N = 7$, $K = 3$: folds $0,0,0,1,1,2,2$).
#
# **The model.** (1) *Screening*: the Pearson correlation of predictor $j$ with the labels,
# $r_j = \dfrac{\sum_i (x_{ij} - \bar x_j)(y_i - \bar y)}{\sqrt{\sum_i (x_{ij} - \bar x_j)^2\,\sum_i (y_i - \bar y)^2}}$; keep the
# $m$ predictors with the largest $|r_j|$ (a strong negative correlation is as useful as a positive
# one, and unlike a covariance $r_j$ does not depend on the units of $x_j$). (2) *Classifier*: one
# nearest neighbour (1-NN) on the kept predictors, with the squared Euclidean distance.
#
# **Right and wrong.** The right way screens *inside* each fold, on the training part only. The
# wrong way screens once on all $N$ samples and then cross-validates only the classifier. On pure
# noise the right way reports about the chance error $1/2$; the wrong way reports far less, because
# the kept predictors were chosen to agree with the held-out labels too.
#
# **Your task.** Implement `kfold_assignments`, `screen_predictors` and `cv_screened_1nn` with numpy.
# **Forbidden**: `sklearn.model_selection.KFold`, `sklearn.model_selection.cross_val_score`,
# `sklearn.feature_selection.SelectKBest`, `sklearn.feature_selection.r_regression`,
# `sklearn.neighbors.KNeighborsClassifier`, `sklearn.pipeline.Pipeline` (and the rest of scikit-learn).
#
# *Hints.* `np.argsort(..., kind="stable")` keeps equal keys in their original order. A constant
# column has no correlation with anything: make its $r_j$ exactly 0 (do not rely on
# $x_{ij} - \bar x_j$ coming out exactly zero in floating point: for a column of ten 0.1's it does not).

# %% [raw]
# # BEGIN SOLUTION

# %%
def kfold_assignments(n, n_folds):
    """Fold index of each sample for K-fold cross-validation without shuffling (as sklearn's KFold).

    Contiguous blocks in the given order: the first n % K folds have n // K + 1 samples, the others
    n // K. Example: n = 7, K = 3 -> [0, 0, 0, 1, 1, 2, 2].

    Parameters
    ----------
    n : int >= 1, number of samples.
    n_folds : int, 2 <= K <= n (K = n is leave-one-out).

    Returns
    -------
    fold : int array of shape (n,) with values in 0 .. K - 1, non-decreasing.

    Precision: integers only, compared exactly.
    """
    # BEGIN SOLUTION
    sizes = np.full(n_folds, n // n_folds)
    sizes[: n % n_folds] += 1
    return np.repeat(np.arange(n_folds), sizes)
    # END SOLUTION


def screen_predictors(X, y, n_keep):
    """Indices of the n_keep predictors with the largest absolute Pearson correlation with y.

    r_j = sum_i (x_ij - xbar_j)(y_i - ybar) / sqrt( sum_i (x_ij - xbar_j)^2 * sum_i (y_i - ybar)^2 ).
    Ordered by decreasing |r_j|; equal |r_j| (ties) in increasing column index. A constant column
    (all entries equal) has r_j = 0; if y is constant, every r_j = 0.

    Parameters
    ----------
    X : array of shape (n, p), float, n >= 2; columns may have any scale and offset. Not modified.
    y : array of shape (n,), numbers (class labels such as 0/1, or any real values). Not modified.
    n_keep : int, 1 <= n_keep <= p.

    Returns
    -------
    keep : int array of shape (n_keep,), distinct column indices.

    Precision: float64 arithmetic (float32 inputs are converted); the ranking of nearly equal
    correlations must not depend on float32 round-off.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    Xc = X - X.mean(axis=0)
    yc = y - y.mean()
    num = Xc.T @ yc
    den = np.sqrt((Xc**2).sum(axis=0) * (yc @ yc))
    constant = (X == X[0]).all(axis=0) | bool((y == y[0]).all())
    r = np.zeros(X.shape[1])
    ok = ~constant & (den > 0)
    r[ok] = num[ok] / den[ok]
    return np.argsort(-np.abs(r), kind="stable")[:n_keep]
    # END SOLUTION


def cv_screened_1nn(X, y, n_folds, n_keep, select_inside):
    """K-fold CV error of "screen the n_keep most correlated predictors, then 1-nearest-neighbour".

    Folds: kfold_assignments(n, n_folds). For each fold k: the training part is every other fold.
    select_inside=True (right): screen_predictors on the training part only. select_inside=False
    (wrong, ESL 7.10.2): screen_predictors once on all n samples, the same columns for every fold.
    Classify each held-out sample by the label of its nearest training sample in squared Euclidean
    distance over the kept columns (ties in distance: the lowest training index). A mistake is a
    predicted label != the true label.

    Parameters
    ----------
    X : array of shape (n, p), float. Not modified.
    y : array of shape (n,), class labels (e.g. 0/1 ints). Not modified.
    n_folds : int, 2 <= K <= n.
    n_keep : int, 1 <= n_keep <= p.
    select_inside : bool.

    Returns
    -------
    dict with
        "fold_errors" : float array of shape (K,), the fraction of mistakes in each fold
        "cv_error" : float, mistakes over all n samples / n (the fold errors weighted by fold size)

    Precision: float64 (float32 inputs are converted), as for screen_predictors.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).ravel()
    n = len(y)
    fold = kfold_assignments(n, n_folds)
    keep_all = None if select_inside else screen_predictors(X, y, n_keep)
    fold_errors = np.empty(n_folds)
    mistakes = 0
    for k in range(n_folds):
        test = fold == k
        train = ~test
        keep = screen_predictors(X[train], y[train], n_keep) if select_inside else keep_all
        A, B = X[train][:, keep], X[test][:, keep]
        dist = ((B[:, None, :] - A[None, :, :]) ** 2).sum(axis=-1)
        wrong = y[train][np.argmin(dist, axis=1)] != y[test]
        fold_errors[k] = wrong.mean()
        mistakes += int(wrong.sum())
    return {"fold_errors": fold_errors, "cv_error": mistakes / n}
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (asked for, not graded).** Reproduce ESL's experiment: 10 data sets of $N = 50$ samples (25 of
# each class, in random order) and $p = 5000$ standard normal predictors independent of the labels; keep
# $m = 100$ predictors, 5 folds. Draw a bar chart of the mean CV error of the wrong and the right way
# over the 10 data sets (with their standard deviations as error bars) and a dashed line at the
# chance error 1/2.

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_cv = np.random.default_rng(6)
cv_runs = {"screen outside folds (wrong)": [], "screen inside folds (right)": []}
for _ in range(10):
    X_noise = rng_cv.standard_normal((50, 5000))
    y_noise = rng_cv.permutation(np.repeat([0, 1], 25))
    for label, inside in zip(cv_runs, (False, True)):
        cv_runs[label].append(cv_screened_1nn(X_noise, y_noise, 5, 100, inside)["cv_error"])
fig, ax = plt.subplots(figsize=(6, 4))
ax.bar(list(cv_runs), [np.mean(v) for v in cv_runs.values()], yerr=[np.std(v) for v in cv_runs.values()],
       color=["tab:red", "tab:green"], capsize=6)
ax.axhline(0.5, color="k", ls="--", label="chance error")
ax.set(ylabel="5-fold CV error", title="Pure-noise labels, N = 50, p = 5000, m = 100")
ax.legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
# FORBIDDEN: sklearn.model_selection.KFold, sklearn.model_selection.cross_val_score, sklearn.feature_selection.SelectKBest, sklearn.feature_selection.r_regression, sklearn.neighbors.KNeighborsClassifier, sklearn.pipeline.Pipeline
def test_worked_examples(kfold_assignments, screen_predictors):
    """Folds of 7 samples in 3 blocks, and the ranking of 4 predictors with different scales and signs."""
    # Folds: n = 7, K = 3 -> sizes 3, 2, 2 in order.
    # Screening: y = (0, 0, 1, 0, 1, 1) and four predictors:
    #   column 0 (values around 100, large spread)  r = +0.4880
    #   column 1 (negative values)                  r = -0.9659   <- strongest, although negative
    #   column 2 (constant 7)                       r =  0
    #   column 3 (values around 0.35, tiny spread)  r = +0.8783
    # |r| order: 1, 3, 0, 2. (The covariance would rank column 0 first: it has the largest units.)
    import numpy as np
    from mlmathkit_checks import as_array, close, require

    folds = kfold_assignments(7, 3)
    close(as_array(folds, "fold assignments", shape=(7,)), [0, 0, 0, 1, 1, 2, 2], rtol=0, atol=0,
          name="kfold_assignments(7, 3)",
          hint="contiguous blocks; the first n % K folds get one extra sample")
    require(np.asarray(folds).dtype.kind in "iu", f"fold assignments should be integers, got dtype {np.asarray(folds).dtype}")
    close(kfold_assignments(6, 4), [0, 0, 1, 1, 2, 3], rtol=0, atol=0, name="kfold_assignments(6, 4)")
    y = np.array([0.0, 0, 1, 0, 1, 1])
    X = np.array([[100.0, -1.0, 7, 0.3], [120, -1.5, 7, 0.1], [110, -3.0, 7, 0.4],
                  [130, -1.2, 7, 0.2], [150, -2.5, 7, 0.6], [140, -2.8, 7, 0.5]])
    keep = screen_predictors(X, y, 3)
    close(as_array(keep, "kept columns", shape=(3,)), [1, 3, 0], rtol=0, atol=0, name="screen_predictors(X, y, 3)",
          hint="rank by |Pearson correlation|: centre both variables and divide by both norms; a negative r counts by its size")
    require(np.asarray(keep).dtype.kind in "iu", f"column indices should be integers, got dtype {np.asarray(keep).dtype}")
    close(screen_predictors(X, y, 4), [1, 3, 0, 2], rtol=0, atol=0, name="screen_predictors(X, y, 4)",
          hint="the constant column has correlation 0 and comes last")

# %%
def test_noise_wrong_vs_right(cv_screened_1nn):
    """ESL's pure-noise experiment: screening outside the folds looks far better than chance, inside does not."""
    # N = 50 (25 per class), p = 5000 noise predictors, keep 100, K = 4 folds of sizes 13, 13, 12, 12.
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    rng = np.random.default_rng(7102)
    X = rng.standard_normal((50, 5000))
    y = rng.permutation(np.repeat([0, 1], 25))
    sizes = np.array([13, 13, 12, 12])
    out = {}
    for inside in (False, True):
        fe, cv = fields(cv_screened_1nn(X, y, 4, 100, inside), ["fold_errors", "cv_error"], "result")
        fe = as_array(fe, "fold_errors", shape=(4,))
        cv = as_scalar(cv, "cv_error")
        close(fe * sizes, np.round(fe * sizes), rtol=0, atol=1e-9, name="fold_errors x fold sizes",
              hint="each fold error is (mistakes in the fold) / (fold size): folds here hold 13, 13, 12, 12 samples")
        close(cv, float(fe @ sizes) / 50, rtol=1e-12, atol=1e-12, name="cv_error vs the fold errors",
              hint="the CV error averages over all N samples: weight each fold error by its size")
        out[inside] = cv
    require(out[False] < 0.2, f"screening on all 50 samples (wrong way) should look far better than chance on this "
            f"noise, got CV error {out[False]:.3f}: did you screen inside the folds even when select_inside=False?")
    require(out[True] > 0.3, f"screening inside each fold (right way) must be near the chance error 0.5 on pure noise, "
            f"got {out[True]:.3f}: the held-out samples must not take part in choosing the predictors")

# %%
# HIDDEN
def test_folds_against_kfold(kfold_assignments):
    """Fold sizes and order for many sample sizes and numbers of folds, including leave-one-out."""
    import numpy as np
    from sklearn.model_selection import KFold
    from mlmathkit_checks import as_array, close, require

    for n, k in [(10, 2), (10, 3), (11, 5), (23, 7), (5, 5), (100, 10), (101, 10), (9, 8), (2, 2), (37, 36)]:
        expected = np.empty(n)
        for fold, (_, test) in enumerate(KFold(n_splits=k).split(np.zeros((n, 1)))):
            expected[test] = fold
        got = kfold_assignments(n, k)
        close(as_array(got, f"folds (n={n}, K={k})", shape=(n,)), expected, rtol=0, atol=0,
              name=f"kfold_assignments({n}, {k})", hint="the first n % K folds have n // K + 1 samples")
        require(np.asarray(got).dtype.kind in "iu", "fold assignments should be an integer array")

# %%
# HIDDEN
def test_screening_against_pearsonr(screen_predictors):
    """Random predictors of very different scales, offsets and signs, with constant columns and real-valued y."""
    import warnings
    import numpy as np
    from scipy.stats import pearsonr
    from mlmathkit_checks import as_array, close, require

    def oracle_r(X, y):
        r = []
        for j in range(X.shape[1]):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                value = pearsonr(X[:, j], y).statistic
            r.append(0.0 if not np.isfinite(value) else value)
        return np.abs(np.array(r))

    rng = np.random.default_rng(6101)
    for trial in range(8):
        n, p = int(rng.integers(5, 40)), int(rng.integers(3, 60))
        y = rng.integers(0, 2, size=n).astype(float) if trial % 2 else rng.normal(size=n) * 3 - 1
        if (y == y[0]).all():
            y[0] = 1 - y[0]
        X = rng.normal(size=(n, p)) * 10.0 ** rng.uniform(-3, 3, size=p) + rng.uniform(-1e3, 1e3, size=p)
        X[:, :2] += np.outer(y, [2.0, -5.0]) * X[:, :2].std(axis=0)
        X[:, rng.integers(0, p)] = 0.1  # a constant column whose mean is not exactly 0.1 in floating point
        r = oracle_r(X, y)
        m = int(rng.integers(1, p + 1))
        expected = np.argsort(-r, kind="stable")[:m]
        got = as_array(screen_predictors(X, y, m), "kept columns", shape=(m,))
        close(r[got.astype(int)], r[expected], rtol=1e-9, atol=1e-12,
              name=f"|r| of the kept columns, in order (n={n}, p={p}, n_keep={m})",
              hint="rank by |Pearson correlation| in decreasing order; a constant column has r = 0")
        close(got, expected, rtol=0, atol=0, name=f"kept column indices (n={n}, p={p}, n_keep={m})")
        require(np.asarray(screen_predictors(X, y, m)).dtype.kind in "iu", "kept columns should be integers")

# %%
# HIDDEN
def test_screening_ties_and_constants(screen_predictors):
    """Exact ties in |correlation| (a duplicated and a negated column) go to the lower column index; constants last."""
    import numpy as np
    from mlmathkit_checks import close

    # 8 samples with small integer values: every sum is exact, so equal columns have equal |r| exactly
    y = np.array([0.0, 1, 1, 0, 1, 0, 0, 1])
    a = np.array([1.0, 3, 2, 0, 4, 1, 0, 2])
    b = np.array([2.0, 2, 3, 1, 2, 2, 1, 3])
    X = np.column_stack([b, np.full(8, 5.0), -a, a, b, 0.1 * np.ones(8)])
    close(screen_predictors(X, y, 6), [2, 3, 0, 4, 1, 5], rtol=0, atol=0, name="ranking with ties",
          hint="equal |r|: lower column index first (np.argsort(..., kind='stable')); -a and a tie, so do the two b's")
    close(screen_predictors(X, y, 2), [2, 3], rtol=0, atol=0, name="two kept columns with ties")
    close(screen_predictors(X, np.full(8, 1.0), 3), [0, 1, 2], rtol=0, atol=0, name="constant y",
          hint="if y is constant every correlation is 0: keep the first columns")
    # six 0.1's: centring leaves round-off (the mean is not exactly 0.1), which must not make a correlation
    y6 = np.array([1.0, 0, 0, 1, 0, 0])
    X6 = np.column_stack([np.full(6, 3.0), np.full(6, 0.1), [0.5, 0.1, 0.2, 0.9, 0.3, 0.0]])
    close(screen_predictors(X6, y6, 3), [2, 0, 1], rtol=0, atol=0, name="two constant columns (3.0 and 0.1) and a predictor",
          hint="detect constant columns explicitly (all entries equal): their correlation is exactly 0, so they tie")
    close(screen_predictors(X6, np.full(6, 0.7), 3), [0, 1, 2], rtol=0, atol=0, name="a constant y of six 0.7's",
          hint="if y is constant (all entries equal) every correlation is exactly 0, even if y - mean(y) is not exactly 0")

# %%
# HIDDEN
def test_cv_against_sklearn_pipeline(cv_screened_1nn):
    """Random data with some signal, both ways, unequal folds and leave-one-out, against a scikit-learn pipeline."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle

    def fold_errors(X, y, k, m, inside):  # imports inside: the oracle cache fingerprints the code, not library closures
        import numpy as np
        from sklearn.feature_selection import SelectKBest, r_regression
        from sklearn.model_selection import KFold, cross_val_score
        from sklearn.neighbors import KNeighborsClassifier
        from sklearn.pipeline import Pipeline

        def abs_r(A, b):
            return np.abs(r_regression(A, b, force_finite=True))

        knn = KNeighborsClassifier(n_neighbors=1, algorithm="brute")
        if inside:
            model, data = Pipeline([("screen", SelectKBest(abs_r, k=m)), ("knn", knn)]), X
        else:
            model, data = knn, X[:, SelectKBest(abs_r, k=m).fit(X, y).get_support()]
        return 1.0 - cross_val_score(model, data, y, cv=KFold(n_splits=k), scoring="accuracy")

    rng = np.random.default_rng(6102)
    for n, p, k, m, signal in [(30, 200, 3, 10, 0.0), (41, 300, 4, 25, 1.0), (37, 150, 5, 1, 0.5),
                               (13, 80, 13, 5, 0.8), (50, 500, 7, 50, 0.0), (33, 60, 6, 60, 1.5)]:
        y = rng.permutation(np.arange(n) % 2)
        X = rng.standard_normal((n, p)) * rng.uniform(0.5, 4.0, size=p)
        X[:, :5] += signal * (2 * y[:, None] - 1)
        sizes = np.bincount(np.repeat(np.arange(k), [n // k + (i < n % k) for i in range(k)]))
        for inside in (True, False):
            expected = oracle(fold_errors, X, y, k, m, inside)
            fe, cv = fields(cv_screened_1nn(X, y, k, m, inside), ["fold_errors", "cv_error"], "result")
            what = f"(n={n}, p={p}, K={k}, n_keep={m}, select_inside={inside})"
            close(as_array(fe, "fold_errors", shape=(k,)), expected, rtol=0, atol=1e-12, name=f"fold errors {what}",
                  hint="screen on the training folds only when select_inside is True, on all samples when False")
            close(as_scalar(cv, "cv_error"), float(expected @ sizes) / n, rtol=0, atol=1e-12, name=f"CV error {what}",
                  hint="the CV error is mistakes / n: fold errors weighted by fold size")

# %%
# HIDDEN
def test_esl_noise_experiment(cv_screened_1nn):
    """Pure-noise data with 5000 predictors, where screening outside the folds looks far better than chance."""
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, oracle, require

    def fold_errors(X, y, k, m, inside):  # imports inside: the oracle cache fingerprints the code, not library closures
        import numpy as np
        from sklearn.feature_selection import SelectKBest, r_regression
        from sklearn.model_selection import KFold, cross_val_score
        from sklearn.neighbors import KNeighborsClassifier
        from sklearn.pipeline import Pipeline

        def abs_r(A, b):
            return np.abs(r_regression(A, b, force_finite=True))

        knn = KNeighborsClassifier(n_neighbors=1, algorithm="brute")
        if inside:
            model, data = Pipeline([("screen", SelectKBest(abs_r, k=m)), ("knn", knn)]), X
        else:
            model, data = knn, X[:, SelectKBest(abs_r, k=m).fit(X, y).get_support()]
        return 1.0 - cross_val_score(model, data, y, cv=KFold(n_splits=k), scoring="accuracy")

    rng = np.random.default_rng(6103)
    X = rng.standard_normal((50, 5000))
    y = rng.permutation(np.repeat([0, 1], 25))
    got = {}
    for inside in (False, True):
        expected = oracle(fold_errors, X, y, 5, 100, inside)
        fe, = fields(cv_screened_1nn(X, y, 5, 100, inside), ["fold_errors"], "result")
        close(as_array(fe, "fold_errors", shape=(5,)), expected, rtol=0, atol=1e-12,
              name=f"fold errors on pure noise (select_inside={inside})")
        got[inside] = float(np.mean(expected))
    require(got[False] < 0.15 < 0.35 < got[True], "test data check")  # the experiment shows the effect

# %%
# HIDDEN
def test_no_screening_and_single_predictor(cv_screened_1nn):
    """Keeping every predictor (both ways agree) and keeping a single predictor, on scaled and shifted data."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields

    rng = np.random.default_rng(6104)
    n, p = 26, 12
    y = rng.permutation(np.arange(n) % 2)
    X = rng.standard_normal((n, p)) * 100 + 1e4
    X[:, 3] += 300 * y
    a = fields(cv_screened_1nn(X, y, 4, p, True), ["fold_errors", "cv_error"], "inside")
    b = fields(cv_screened_1nn(X, y, 4, p, False), ["fold_errors", "cv_error"], "outside")
    close(as_array(a[0], "fold_errors"), as_array(b[0], "fold_errors"), rtol=0, atol=1e-12,
          name="fold errors with n_keep = p (screening keeps everything, so both ways agree)")
    # one kept predictor: column 3 separates the classes perfectly (gap 300 vs noise 100 on a 1e4 offset)
    fe, cv = fields(cv_screened_1nn(X, y, 4, 1, True), ["fold_errors", "cv_error"], "result")
    dist = np.abs(X[:, 3][:, None] - X[:, 3][None, :])
    fold = np.repeat(np.arange(4), [7, 7, 6, 6])
    wrong = 0
    for i in range(n):
        train = np.flatnonzero(fold != fold[i])
        wrong += y[train[np.argmin(dist[i, train])]] != y[i]
    close(as_scalar(cv, "cv_error"), wrong / n, rtol=0, atol=1e-12, name="CV error keeping the single best predictor")

# %%
# HIDDEN
def test_distance_ties_and_other_labels(cv_screened_1nn):
    """Training samples at exactly the same distance (the lowest training index wins), with labels other than 0 and 1."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    # 8 samples, 2 folds of 4, labels 2 and 5. Rows come in identical pairs (i, i + 4) with opposite labels, so
    # every held-out sample's nearest training sample is its copy (distance 0): every prediction is wrong.
    base = np.array([[0.0, 1.0], [3.0, -1.0], [1.5, 4.0], [-2.0, 0.5]])
    X = np.vstack([base, base])
    y = np.array([2, 5, 2, 5, 5, 2, 5, 2])
    fe, cv = fields(cv_screened_1nn(X, y, 2, 2, True), ["fold_errors", "cv_error"], "result")
    close(as_array(fe, "fold_errors", shape=(2,)), [1.0, 1.0], rtol=0, atol=0, name="fold errors when every test sample has an exact copy",
          hint="the nearest training sample is the copy (distance 0), whose label is the other one")
    # equidistant neighbours: held-out point (0, 0) (label 2) is at distance 1 from training rows 2 (label 5) and
    # 3 (label 2); the lower index wins, so it is misclassified; (9, 9) is nearest to row 2 and correct: error 1/2.
    X2 = np.array([[0.0, 0.0], [9.0, 9.0], [1.0, 0.0], [-1.0, 0.0]])
    y2 = np.array([2, 5, 5, 2])
    fe, cv = fields(cv_screened_1nn(X2, y2, 2, 2, False), ["fold_errors", "cv_error"], "result")
    close(as_array(fe, "fold_errors", shape=(2,))[0], 0.5, rtol=0, atol=0, name="fold 0 with two equidistant neighbours",
          hint="ties in distance go to the LOWEST training index (np.argmin keeps the first)")
    require(np.ndim(cv) == 0, f"cv_error should be a single number, got an array of shape {np.shape(cv)}")

# %%
# HIDDEN
def test_inputs_unchanged(kfold_assignments, screen_predictors, cv_screened_1nn):
    """Your functions leave the arrays they are given unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(6105)
    X = rng.normal(size=(20, 30))
    y = rng.permutation(np.arange(20) % 2)
    X0, y0 = X.copy(), y.copy()
    screen_predictors(X, y, 5)
    close(X, X0, rtol=0, atol=0, name="X after screen_predictors", hint="centre a copy, not X itself")
    close(y, y0, rtol=0, atol=0, name="y after screen_predictors")
    cv_screened_1nn(X, y, 4, 5, True)
    cv_screened_1nn(X, y, 4, 5, False)
    close(X, X0, rtol=0, atol=0, name="X after cv_screened_1nn")
    close(y, y0, rtol=0, atol=0, name="y after cv_screened_1nn")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q2_bootstrap

# %% [markdown]
# ## Question 2 — The bootstrap: standard errors, percentile intervals and the .632 estimator
#
# **Why it matters.** Most statistics have no textbook standard error: the median, a trimmed mean, a
# correlation, the test error of a fitted model, the weights of a network. The bootstrap (Efron,
# 1979; ESL §7.11 and §8.2) estimates their sampling variability from the sample alone, by
# pretending the sample *is* the population.
#
# **The plug-in principle.** The data $x_1,\dots,x_n$ are i.i.d. from an unknown $F$; a statistic
# $\hat\theta = t(x_1,\dots,x_n)$ varies from sample to sample. Replace $F$ by the empirical distribution $\hat F$
# (mass $1/n$ on each $x_i$): a *bootstrap sample* is $n$ draws **with replacement** from the data, and
# the $b$-th replicate is $\hat\theta^{*b} = t(x^{*b})$. Then
#
# $$\widehat{\mathrm{se}}_B = \sqrt{\frac1{B-1}\sum_{b=1}^B\big(\hat\theta^{*b} - \bar\theta^{*}\big)^2},\qquad
# \bar\theta^* = \frac1B\sum_b \hat\theta^{*b},$$
#
# and the **percentile interval** of level $1-\alpha$ is $[\hat\theta^*_{(\alpha/2)},\ \hat\theta^*_{(1-\alpha/2)}]$, the
# $\alpha/2$ and $1-\alpha/2$ quantiles of the replicates (use `np.quantile`'s default linear interpolation).
#
# **A closed form to check against.** For the mean, $\bar x^* = \frac1n\sum_i x^*_i$ with $x^*_i$ i.i.d. from $\hat F$, so
# $\operatorname{Var}^*(\bar x^*) = \operatorname{Var}_{\hat F}(x^*_1)/n = \hat\sigma^2/n$ with the *plug-in* variance
# $\hat\sigma^2 = \frac1n\sum_i (x_i - \bar x)^2$ (divisor $n$, not $n-1$). As $B\to\infty$, $\widehat{\mathrm{se}}_B\to\hat\sigma/\sqrt n$.
#
# **Prediction error: the .632 estimator.** To estimate the test error of a fitted model, fit it on
# each bootstrap sample and evaluate it on the observations the sample *left out*. Let $C^{-i}$ be the
# set of replicates $b$ whose sample does not contain observation $i$ (it is *out of bag*). The
# leave-one-out bootstrap error (ESL eq. 7.56) averages, for each observation, its losses over the fits
# that did not see it, then averages over observations:
#
# $$\widehat{\mathrm{Err}}^{(1)} = \frac1{N'}\sum_{i:\,|C^{-i}|>0}\ \frac1{|C^{-i}|}\sum_{b\in C^{-i}} L\big(y_i,\hat f^{*b}(x_i)\big),$$
#
# where $N'$ counts the observations that are out of bag at least once (the others are left out).
# Each bootstrap sample contains only $1 - (1-1/n)^n \approx 1 - e^{-1} = 0.632$ of the distinct
# observations, so $\widehat{\mathrm{Err}}^{(1)}$ is pessimistic, while the training error $\overline{\mathrm{err}}$ of the fit on all the data is
# optimistic; ESL eq. 7.57 blends them:
#
# $$\widehat{\mathrm{Err}}^{(.632)} = 0.368\,\overline{\mathrm{err}} + 0.632\,\widehat{\mathrm{Err}}^{(1)} .$$
#
# Here the model is least-squares linear regression with an intercept,
# $\hat f(x) = \hat b + x^\top\hat w$, and the loss is the squared error $L(y, \hat y) = (y - \hat y)^2$.
#
# **Random draws.** Draw *all* bootstrap indices with one call,
# `idx = rng.integers(0, n, size=(B, n))`: row $b$ holds the $n$ indices of sample $b$. The grader
# feeds the same generator state to independent implementations, so draw exactly this.
#
# **Your task.** Implement `bootstrap_se_ci` and `bootstrap_632` with numpy.
# **Forbidden**: `scipy.stats.bootstrap`, `sklearn.utils.resample`, `sklearn.linear_model.LinearRegression`.
#
# *Hints.* A statistic from the fixtures takes `axis=-1`, so `t(x[idx], axis=-1)` computes all $B$
# replicates at once. `np.linalg.lstsq` on the matrix $[\mathbf 1, X]$ fits the intercept too.

# %% [raw]
# # BEGIN SOLUTION

# %%
def bootstrap_se_ci(x, statistic, n_boot, alpha, rng):
    """Bootstrap replicates, standard error and percentile interval of a statistic.

    Draws idx = rng.integers(0, n, size=(n_boot, n)) (one call, nothing else), row b = sample b;
    replicate b = t(x[idx[b]]) with t = mlmathkit_fixtures.lookup(statistic);
    se = sqrt( sum_b (theta_b - mean)^2 / (B - 1) );  ci = np.quantile(replicates, [alpha/2, 1 - alpha/2])
    (numpy's default linear interpolation).

    Parameters
    ----------
    x : array of shape (n,), float, n >= 1 (n >= 2 for "sample_std"); values may repeat. Not modified.
    statistic : str, the name of a statistic in mlmathkit_fixtures: "sample_mean", "sample_median"
        or "sample_std". It is called as t(samples, axis=-1).
    n_boot : int >= 2, the number of bootstrap samples B.
    alpha : float in (0, 1); the interval has level 1 - alpha.
    rng : np.random.Generator, advanced by exactly that one draw.

    Returns
    -------
    dict with
        "replicates" : float array of shape (B,), in the order of the rows of idx
        "se" : float >= 0
        "ci" : float array of shape (2,), [lower, upper]

    Precision: float64 arithmetic (float32 is not accepted: the spread of data far from zero,
    e.g. 1e6 + 0.01 * noise, is lost in float32 round-off).
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float).ravel()
    n = x.size
    idx = rng.integers(0, n, size=(n_boot, n))
    replicates = np.asarray(fx.lookup(statistic)(x[idx], axis=-1), dtype=float)
    se = float(np.std(replicates, ddof=1))
    ci = np.quantile(replicates, [alpha / 2, 1 - alpha / 2])
    return {"replicates": replicates, "se": se, "ci": ci}
    # END SOLUTION


def bootstrap_632(X, y, n_boot, rng):
    """Training error, leave-one-out bootstrap error and the .632 estimate for least squares (ESL 7.11).

    Model: least squares with intercept, coefficients from np.linalg.lstsq([1, X], y) (minimum norm
    if a bootstrap sample is rank deficient); loss (y - yhat)^2.
    err_train = mean_i (y_i - fhat(x_i))^2 for the fit on all data.
    Draws idx = rng.integers(0, n, size=(n_boot, n)) (one call), row b = the indices of sample b.
    Observation i is out of bag for b if i does not occur in idx[b]; n_oob[i] counts those b.
    err_boot1 = mean over the i with n_oob[i] > 0 of ( mean over those b of (y_i - fhat_b(x_i))^2 ).
    err_632 = 0.368 * err_train + 0.632 * err_boot1.

    Parameters
    ----------
    X : array of shape (n, p), float, p >= 1. Not modified.
    y : array of shape (n,), float. Not modified.
    n_boot : int >= 1, B (with small B some observations are never out of bag: leave them out).
    rng : np.random.Generator, advanced by exactly that one draw.

    Returns
    -------
    dict with "err_train", "err_boot1", "err_632" (floats) and "n_oob" (int array of shape (n,)).

    Precision: float64 arithmetic (float32 is not accepted: the residuals are small differences of
    large fitted values when X sits far from zero); results are compared at rtol 1e-6.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float).reshape(len(y), -1)
    y = np.asarray(y, dtype=float).ravel()
    n = y.size
    A = np.column_stack([np.ones(n), X])
    coef = np.linalg.lstsq(A, y, rcond=None)[0]
    err_train = float(np.mean((y - A @ coef) ** 2))
    idx = rng.integers(0, n, size=(n_boot, n))
    loss_sum = np.zeros(n)
    n_oob = np.zeros(n, dtype=int)
    for rows in idx:
        coef_b = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        out = np.ones(n, dtype=bool)
        out[rows] = False
        loss_sum[out] += (y[out] - A[out] @ coef_b) ** 2
        n_oob[out] += 1
    seen = n_oob > 0
    err_boot1 = float(np.mean(loss_sum[seen] / n_oob[seen]))
    return {"err_train": err_train, "err_boot1": err_boot1, "err_632": 0.368 * err_train + 0.632 * err_boot1,
            "n_oob": n_oob}
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (asked for, not graded).** For a sample of 40 draws from a skewed (exponential) distribution,
# draw the histogram of 2000 bootstrap replicates of the median, with vertical lines at the sample
# median and at the ends of the 90% percentile interval; give the bootstrap standard error in the title.

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_boot = np.random.default_rng(62)
x_boot = rng_boot.exponential(scale=2.0, size=40)
boot = bootstrap_se_ci(x_boot, "sample_median", 2000, 0.1, rng_boot)
fig, ax = plt.subplots(figsize=(6, 4))
ax.hist(boot["replicates"], bins=40, color="tab:blue", alpha=0.7)
ax.axvline(np.median(x_boot), color="k", label="sample median")
for end in boot["ci"]:
    ax.axvline(end, color="tab:red", ls="--")
ax.set(title=f"Bootstrap distribution of the median (se = {boot['se']:.3f}), 90% interval dashed",
       xlabel="median of a bootstrap sample")
ax.legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
# FORBIDDEN: scipy.stats.bootstrap, sklearn.utils.resample, sklearn.linear_model.LinearRegression
def test_worked_example(bootstrap_se_ci):
    """Six bootstrap medians of five numbers, drawn exactly as the docstring says."""
    # The replicates are the medians of the rows of idx = rng.integers(0, 5, size=(6, 5)) drawn from
    # default_rng(11); se uses 1/(B - 1); the 80% interval is np.quantile(replicates, [0.1, 0.9]).
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields

    x = np.array([2.0, 5.0, 3.0, 10.0, 4.0])
    ref = np.random.default_rng(11)
    idx = ref.integers(0, 5, size=(6, 5))
    reps = np.median(x[idx], axis=1)
    rng = np.random.default_rng(11)
    r, se, ci = fields(bootstrap_se_ci(x, "sample_median", 6, 0.2, rng), ["replicates", "se", "ci"], "result")
    close(as_array(r, "replicates", shape=(6,)), reps, name="replicates",
          hint="draw idx = rng.integers(0, n, size=(B, n)) in ONE call and resample with replacement, one row per replicate")
    close(as_scalar(se, "se"), float(np.std(reps, ddof=1)), name="standard error",
          hint="the standard deviation of the replicates, with 1/(B - 1); not divided by sqrt(B)")
    close(as_array(ci, "ci", shape=(2,)), np.quantile(reps, [0.1, 0.9]), name="80% percentile interval",
          hint="quantiles alpha/2 and 1 - alpha/2 of the replicates, numpy's default (linear) interpolation")
    close(rng.random(), ref.random(), rtol=0, atol=0, name="the generator's next number after your call",
          hint="draw nothing but the one rng.integers call")

# %%
def test_mean_closed_form(bootstrap_se_ci):
    """The bootstrap standard error of a mean approaches the plug-in formula sigma_hat / sqrt(n)."""
    # With B = 4000 replicates se_B is within a relative z/2 * sqrt(2/(B-1) + kappa/B) of sigma_hat/sqrt(n)
    # (kappa: excess kurtosis of the replicates, = that of the data / n), z = 4.89: a correct answer fails
    # with probability about 1e-6.
    import math
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    x = np.array([3.1, -0.4, 7.9, 2.2, 5.5, 0.3, 11.8, 4.4, 1.0, 6.2, -2.7, 3.9])
    n, B = x.size, 4000
    sigma_hat = float(np.sqrt(np.mean((x - x.mean()) ** 2)))
    kurt = float(np.mean((x - x.mean()) ** 4) / sigma_hat**4 - 3) / n
    rel = 4.89 / 2 * math.sqrt(2 / (B - 1) + abs(kurt) / B)
    r, se, ci = fields(bootstrap_se_ci(x, "sample_mean", B, 0.05, np.random.default_rng(1)), ["replicates", "se", "ci"], "result")
    r = as_array(r, "replicates", shape=(B,))
    close(as_scalar(se, "se"), sigma_hat / math.sqrt(n), rtol=rel, atol=0, name="bootstrap se of the mean vs sigma_hat/sqrt(n)",
          hint="resample the data WITH replacement, n draws per sample; se is the spread of the replicates, not of the data")
    lo, hi = as_array(ci, "ci", shape=(2,))
    require(lo < x.mean() < hi, f"the 95% interval [{lo:.4g}, {hi:.4g}] should contain the sample mean {x.mean():.4g}")
    close(np.mean(r > hi) + np.mean(r < lo), 0.05, rtol=0, atol=2.0 / B, name="fraction of replicates outside the interval",
          hint="the interval cuts alpha/2 of the replicates on each side")

# %%
def test_632_worked_example(bootstrap_632):
    """The .632 estimate for a straight-line fit, computed step by step from the same draws."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    x = np.array([0.0, 1.0, 2.5, 3.0, 4.5, 5.0, 7.0, 8.0])
    y = np.array([1.2, 1.9, 4.1, 3.6, 6.8, 6.1, 9.9, 9.0])
    ref = np.random.default_rng(5)
    idx = ref.integers(0, 8, size=(4, 8))
    slope, icept = np.polyfit(x, y, 1)
    err_train = np.mean((y - icept - slope * x) ** 2)
    losses = [[] for _ in range(8)]
    for rows in idx:
        s_b, i_b = np.polyfit(x[rows], y[rows], 1)
        for i in sorted(set(range(8)) - set(rows.tolist())):
            losses[i].append((y[i] - i_b - s_b * x[i]) ** 2)
    err1 = np.mean([np.mean(v) for v in losses if v])
    rng = np.random.default_rng(5)
    tr, b1, e632, n_oob = fields(bootstrap_632(x[:, None], y, 4, rng), ["err_train", "err_boot1", "err_632", "n_oob"], "result")
    close(as_scalar(tr, "err_train"), err_train, name="training error",
          hint="mean squared residual of the least-squares line WITH intercept, fitted on all the data")
    close(as_array(n_oob, "n_oob", shape=(8,)), [len(v) for v in losses], rtol=0, atol=0, name="out-of-bag counts",
          hint="n_oob[i] = number of bootstrap samples (rows of idx) that do not contain i")
    require(np.asarray(n_oob).dtype.kind in "iu", "n_oob should be an integer array")
    close(as_scalar(b1, "err_boot1"), err1, name="leave-one-out bootstrap error",
          hint="evaluate each bootstrap fit only on the observations it did not see; average per observation first")
    close(as_scalar(e632, "err_632"), 0.368 * err_train + 0.632 * err1, name=".632 estimate",
          hint="0.368 * training error + 0.632 * leave-one-out bootstrap error")
    close(rng.random(), ref.random(), rtol=0, atol=0, name="the generator's next number after your call",
          hint="draw nothing but the one rng.integers call")

# %%
# HIDDEN
def test_against_scipy_bootstrap(bootstrap_se_ci):
    """Mean, median and standard deviation of random samples against scipy.stats.bootstrap fed the same generator."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle

    def scipy_boot(x, name, B, alpha, seed):
        import numpy as np
        from scipy.stats import bootstrap
        import mlmathkit_fixtures as fx

        res = bootstrap((x,), fx.lookup(name), n_resamples=B, vectorized=True, method="percentile",
                        confidence_level=1 - alpha, rng=np.random.default_rng(seed))
        return res.bootstrap_distribution, float(res.standard_error), np.array(res.confidence_interval)

    rng = np.random.default_rng(6201)
    for trial, name in enumerate(["sample_mean", "sample_median", "sample_std"] * 3):
        n, B = int(rng.integers(2, 60)), int(rng.integers(2, 600))
        alpha = float(rng.choice([0.01, 0.05, 0.1, 0.32]))
        x = rng.standard_t(3, size=n) * rng.uniform(0.1, 10) + rng.uniform(-50, 50)
        if trial % 3 == 2:
            x = np.round(x)  # repeated values
        seed = 1000 + trial
        reps, se_exp, ci_exp = oracle(scipy_boot, x, name, B, alpha, seed)
        gen = np.random.default_rng(seed)
        r, se, ci = fields(bootstrap_se_ci(x, name, B, alpha, gen), ["replicates", "se", "ci"], "result")
        what = f"({name}, n={n}, B={B}, alpha={alpha})"
        close(as_array(r, "replicates", shape=(B,)), reps, rtol=1e-9, atol=1e-12 * np.abs(x).max(), name=f"replicates {what}",
              hint="idx = rng.integers(0, n, size=(B, n)); replicate b is the statistic of x[idx[b]]")
        close(as_scalar(se, "se"), se_exp, rtol=1e-8, atol=1e-12, name=f"standard error {what}")
        close(as_array(ci, "ci", shape=(2,)), ci_exp, rtol=1e-9, atol=1e-12 * np.abs(x).max(), name=f"percentile interval {what}",
              hint="np.quantile(replicates, [alpha/2, 1 - alpha/2])")

# %%
# HIDDEN
def test_single_value_and_ties(bootstrap_se_ci):
    """A sample of one value, samples with many repeated values (the median's replicates tie), and only two replicates."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    r, se, ci = fields(bootstrap_se_ci(np.array([3.5]), "sample_median", 10, 0.1, np.random.default_rng(2)),
                       ["replicates", "se", "ci"], "result")
    close(as_array(r, "replicates", shape=(10,)), np.full(10, 3.5), rtol=0, atol=0, name="replicates of a single value")
    close(as_scalar(se, "se"), 0.0, rtol=0, atol=0, name="standard error of a single value")
    close(as_array(ci, "ci", shape=(2,)), [3.5, 3.5], rtol=0, atol=0, name="interval of a single value")
    x = np.array([1.0, 1.0, 1.0, 2.0, 2.0, 9.0, 1.0])
    idx = np.random.default_rng(3).integers(0, 7, size=(25, 7))
    reps = np.median(x[idx], axis=1)
    r, se, ci = fields(bootstrap_se_ci(x, "sample_median", 25, 0.3, np.random.default_rng(3)), ["replicates", "se", "ci"], "result")
    close(as_array(r, "replicates", shape=(25,)), reps, rtol=0, atol=1e-12, name="medians of samples with ties")
    close(as_scalar(se, "se"), float(np.std(reps, ddof=1)), rtol=1e-10, atol=1e-12, name="standard error with ties")
    close(as_array(ci, "ci", shape=(2,)), np.quantile(reps, [0.15, 0.85]), rtol=1e-12, atol=1e-12, name="interval with ties")
    x2 = np.array([4.0, -1.0, 2.5])
    idx = np.random.default_rng(12).integers(0, 3, size=(2, 3))
    reps = x2[idx].mean(axis=1)
    r, se, ci = fields(bootstrap_se_ci(x2, "sample_mean", 2, 0.5, np.random.default_rng(12)), ["replicates", "se", "ci"], "result")
    close(as_array(r, "replicates", shape=(2,)), reps, rtol=1e-12, name="two replicates (B = 2)")
    close(as_scalar(se, "se"), abs(reps[1] - reps[0]) / np.sqrt(2), rtol=1e-10, atol=1e-12, name="standard error with B = 2",
          hint="with B = 2 the 1/(B - 1) standard deviation is |difference| / sqrt(2)")
    require(np.ndim(se) == 0, "se should be a single number")

# %%
# HIDDEN
def test_data_far_from_zero(bootstrap_se_ci):
    """Data far from zero with a tiny spread: the standard error must keep its digits."""
    import numpy as np
    from scipy.stats import bootstrap
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, as_scalar, close, fields

    x = 1e6 + 0.01 * np.random.default_rng(6203).normal(size=30)
    for name in ("sample_mean", "sample_std"):
        res = bootstrap((x,), fx.lookup(name), n_resamples=500, vectorized=True, method="percentile",
                        confidence_level=0.9, rng=np.random.default_rng(9))
        r, se, ci = fields(bootstrap_se_ci(x, name, 500, 0.1, np.random.default_rng(9)), ["replicates", "se", "ci"], "result")
        # float64: the replicates carry ~1e-10 absolute error (a few ulps of 1e6), so the se (~2e-3) keeps ~7
        # digits and the interval ends are good to ~1e-10; allowed 1e-5 relative and 2e-9 (~20 ulps of 1e6).
        # float32 keeps no digit of the spread: 1e6 + 0.01 z rounds to a multiple of 0.0625.
        close(as_scalar(se, "se"), float(res.standard_error), rtol=1e-5, atol=0, name=f"standard error of the {name[7:]}",
              hint="compute in float64: in float32, 1e6 + 0.01 z rounds to a multiple of 0.0625")
        close(as_array(ci, "ci", shape=(2,)) - 1e6, np.array(res.confidence_interval) - 1e6, rtol=0, atol=2e-9,
              name=f"interval of the {name[7:]} (minus 1e6)", hint="np.quantile's default linear interpolation between replicates")

# %%
# HIDDEN
def test_mean_se_random_samples(bootstrap_se_ci):
    """The bootstrap standard error of the mean of random samples against the plug-in formula, statistically."""
    # For each sample: relative tolerance z/2 sqrt(2/(B-1) + kappa/B), z = 4.89 (false-fail rate ~1e-6 per case)
    import math
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    rng = np.random.default_rng(6204)
    for n in (5, 17, 80):
        x = rng.gamma(2.0, 3.0, size=n)
        B = 3000
        sigma_hat = float(np.sqrt(np.mean((x - x.mean()) ** 2)))
        kurt = float(np.mean((x - x.mean()) ** 4) / sigma_hat**4 - 3) / n
        rel = 4.89 / 2 * math.sqrt(2 / (B - 1) + abs(kurt) / B)
        se, = fields(bootstrap_se_ci(x, "sample_mean", B, 0.1, np.random.default_rng(n)), ["se"], "result")
        close(as_scalar(se, "se"), sigma_hat / math.sqrt(n), rtol=rel, atol=0, name=f"se of the mean (n={n})",
              hint="the plug-in variance divides by n: bootstrap se of the mean -> sqrt(mean((x - xbar)^2) / n)")

# %%
# HIDDEN
def test_632_against_sklearn(bootstrap_632):
    """The .632 estimate for random regressions against scikit-learn fits on the same bootstrap samples."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle

    def expected(X, y, B, seed):
        import numpy as np
        from sklearn.linear_model import LinearRegression

        n = len(y)
        idx = np.random.default_rng(seed).integers(0, n, size=(B, n))
        pred = LinearRegression().fit(X, y).predict(X)
        err_train = np.mean((y - pred) ** 2)
        total, count = np.zeros(n), np.zeros(n)
        for rows in idx:
            out = np.setdiff1d(np.arange(n), rows)
            if out.size:
                total[out] += (y[out] - LinearRegression().fit(X[rows], y[rows]).predict(X[out])) ** 2
                count[out] += 1
        err1 = np.mean(total[count > 0] / count[count > 0])
        return err_train, err1, 0.368 * err_train + 0.632 * err1, count

    rng = np.random.default_rng(6205)
    for n, p, B in [(35, 2, 40), (30, 1, 50), (40, 3, 100), (25, 4, 30), (60, 2, 200)]:
        X = rng.normal(size=(n, p)) * rng.uniform(0.5, 5, size=p) + rng.uniform(-10, 10, size=p)
        if n == 35:
            X = 1e4 + 0.5 * rng.normal(size=(n, p))  # far from zero: float32 residuals keep ~2 digits, float64 ~10
        y = X @ rng.normal(size=p) + 3.0 + rng.normal(size=n) * rng.uniform(0.2, 2)
        seed = 7 * n + p
        tr_e, b1_e, e_e, cnt = oracle(expected, X, y, B, seed)
        tr, b1, e632, n_oob = fields(bootstrap_632(X, y, B, np.random.default_rng(seed)),
                                     ["err_train", "err_boot1", "err_632", "n_oob"], "result")
        what = f"(n={n}, p={p}, B={B})"
        close(as_scalar(tr, "err_train"), tr_e, rtol=1e-6, name=f"training error {what}")
        close(as_array(n_oob, "n_oob", shape=(n,)), cnt, rtol=0, atol=0, name=f"out-of-bag counts {what}")
        close(as_scalar(b1, "err_boot1"), b1_e, rtol=1e-6, name=f"leave-one-out bootstrap error {what}",
              hint="per observation: the mean loss over the fits that did not see it; then the mean over observations")
        close(as_scalar(e632, "err_632"), e_e, rtol=1e-6, name=f".632 estimate {what}")

# %%
# HIDDEN
def test_632_few_replicates(bootstrap_632):
    """Few bootstrap samples (observations never out of bag are left out), and rank-deficient bootstrap samples."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    rng = np.random.default_rng(6206)
    X = rng.normal(size=(12, 2))
    y = X @ np.array([1.5, -2.0]) + 0.5 + 0.3 * rng.normal(size=12)
    A = np.column_stack([np.ones(12), X])
    for B, seed in [(1, 4), (2, 8), (3, 15)]:
        idx = np.random.default_rng(seed).integers(0, 12, size=(B, 12))
        require(all(np.unique(r).size >= 3 for r in idx), "test data check")
        total, count = np.zeros(12), np.zeros(12, dtype=int)
        for rows in idx:
            c = np.linalg.pinv(A[rows]) @ y[rows]
            out = ~np.isin(np.arange(12), rows)
            total[out] += (y[out] - A[out] @ c) ** 2
            count[out] += 1
        err1 = np.mean(total[count > 0] / count[count > 0])
        b1, n_oob = fields(bootstrap_632(X, y, B, np.random.default_rng(seed)), ["err_boot1", "n_oob"], "result")
        close(as_array(n_oob, "n_oob", shape=(12,)), count, rtol=0, atol=0, name=f"out-of-bag counts (B={B})")
        close(as_scalar(b1, "err_boot1"), err1, rtol=1e-6, name=f"leave-one-out bootstrap error (B={B})",
              hint="observations that are never out of bag are left out of the average, not counted as zero loss")
    # four observations, two predictors plus the intercept: many bootstrap samples hold only 2 distinct rows,
    # a rank-deficient least-squares problem whose minimum-norm solution the docstring fixes
    X4 = np.array([[0.0, 1.0], [1.0, -1.0], [2.0, 0.5], [3.0, 2.0]])
    y4 = np.array([1.0, -0.5, 2.0, 3.5])
    A4 = np.column_stack([np.ones(4), X4])
    idx = np.random.default_rng(44).integers(0, 4, size=(10, 4))
    require(any(np.unique(r).size < 3 for r in idx), "test data check")
    total, count = np.zeros(4), np.zeros(4, dtype=int)
    for rows in idx:
        c = np.linalg.pinv(A4[rows]) @ y4[rows]
        out = ~np.isin(np.arange(4), rows)
        total[out] += (y4[out] - A4[out] @ c) ** 2
        count[out] += 1
    b1, n_oob = fields(bootstrap_632(X4, y4, 10, np.random.default_rng(44)), ["err_boot1", "n_oob"], "result")
    require(np.asarray(n_oob).dtype.kind in "iu", "n_oob should be an integer array")
    close(as_scalar(b1, "err_boot1"), float(np.mean(total[count > 0] / count[count > 0])), rtol=1e-6,
          name="leave-one-out bootstrap error with rank-deficient bootstrap samples",
          hint="np.linalg.lstsq returns the minimum-norm coefficients when a bootstrap sample has too few distinct rows")

# %%
# HIDDEN
def test_inputs_unchanged(bootstrap_se_ci, bootstrap_632):
    """Your functions leave the arrays they are given unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(6207)
    x = rng.normal(size=15)
    x0 = x.copy()
    bootstrap_se_ci(x, "sample_median", 50, 0.1, np.random.default_rng(0))
    close(x, x0, rtol=0, atol=0, name="x after bootstrap_se_ci", hint="np.sort(x) sorts a copy; x.sort() sorts x itself")
    X, y = rng.normal(size=(20, 2)), rng.normal(size=20)
    X0, y0 = X.copy(), y.copy()
    bootstrap_632(X, y, 20, np.random.default_rng(0))
    close(X, X0, rtol=0, atol=0, name="X after bootstrap_632")
    close(y, y0, rtol=0, atol=0, name="y after bootstrap_632")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q3_effective_df

# %% [markdown]
# ## Question 3 — Effective degrees of freedom and information criteria
#
# **Why it matters.** "How many parameters does this model have?" is easy for least squares with $d$
# inputs and meaningless for ridge regression, smoothing splines or a kernel smoother — yet every
# information criterion (Mallows' $C_p$, AIC, BIC) needs the answer, since it penalises the training
# error by the model's complexity. The *effective* degrees of freedom of a linear smoother answers it
# (ESL §7.5–7.7, §3.4.1).
#
# **Linear smoothers.** A fit is a *linear smoother* if $\hat y = S y$ for a matrix $S$ that does not
# depend on $y$. Its effective degrees of freedom are $\mathrm{df}(S) = \operatorname{tr}(S)$ (ESL eq. 7.32): for least squares on
# $d$ linearly independent columns, $S = X(X^\top X)^{-1}X^\top$ is a projection and $\operatorname{tr} S = d$.
#
# **Ridge regression** (no intercept here: centre $X$ and $y$ beforehand if you need one) minimises
# $\lVert y - X\beta\rVert^2 + \lambda\lVert\beta\rVert^2$, so $\hat y = S_\lambda y$ with $S_\lambda = X(X^\top X + \lambda I)^{-1}X^\top$. With the thin SVD
# $X = U D V^\top$ ($U$ of shape $n\times r$ with orthonormal columns, $D = \operatorname{diag}(d_1\ge\dots\ge d_r > 0)$, $r = \operatorname{rank} X$),
#
# $$S_\lambda = U\,\operatorname{diag}\Big(\frac{d_j^2}{d_j^2+\lambda}\Big)\,U^\top,\qquad
# \mathrm{df}(\lambda) = \operatorname{tr} S_\lambda = \sum_{j=1}^{r}\frac{d_j^2}{d_j^2+\lambda}\qquad\text{(ESL eq. 3.50)}.$$
#
# It decreases from $\operatorname{rank}X$ at $\lambda = 0$ to 0 as $\lambda\to\infty$. Numerically, the rank is decided as
# `np.linalg.matrix_rank` decides it: singular values $d_j \le \max(n, p)\,\varepsilon\,d_1$ (with $\varepsilon$ the float64 machine
# epsilon) count as zero. Forming $(X^\top X + \lambda I)^{-1}$ squares the condition number; the SVD does not.
#
# **Information criteria** for a Gaussian model with known noise variance $\sigma^2$, $n$ observations,
# residual sum of squares $\mathrm{RSS}$ and $\mathrm{df}$ effective parameters (ESL eqs. 7.26, 7.29–7.30, 7.35–7.36;
# AIC and BIC on the scale $-2\log\text{likelihood} + \text{penalty}$, as scikit-learn's `LassoLarsIC` uses):
#
# $$C_p = \frac{\mathrm{RSS}}{n} + 2\,\mathrm{df}\,\frac{\sigma^2}{n},\qquad
# \mathrm{AIC} = n\log(2\pi\sigma^2) + \frac{\mathrm{RSS}}{\sigma^2} + 2\,\mathrm{df},\qquad
# \mathrm{BIC} = n\log(2\pi\sigma^2) + \frac{\mathrm{RSS}}{\sigma^2} + (\log n)\,\mathrm{df}.$$
#
# With $\sigma^2$ known, AIC is an increasing affine function of $C_p$, so they always choose the same
# model; BIC's penalty $\log n > 2$ (for $n\ge 8$) chooses a simpler one. To select $\lambda$, evaluate
# each criterion along a grid and take the minimiser.
#
# **Your task.** Implement `ridge_df`, `ridge_hat_matrix`, `information_criteria` and `ridge_select`
# with numpy (`ridge_select` may call the other three).
# **Forbidden**: `sklearn.linear_model.Ridge`, `sklearn.linear_model.LassoLarsIC`, `sklearn.linear_model.RidgeCV`.
#
# *Hints.* `np.linalg.svd(X, full_matrices=False)`. Broadcasting `d**2 / (d**2 + lam[:, None])` gives one
# row per $\lambda$.

# %% [raw]
# # BEGIN SOLUTION

# %%
def ridge_df(X, lam):
    """Effective degrees of freedom of ridge regression, df(lambda) = sum_j d_j^2 / (d_j^2 + lambda).

    d_j are the singular values of X; those <= max(n, p) * eps * d_1 (eps = float64 machine epsilon)
    count as zero, so df(0) = rank(X). X is used as given (no intercept, no centring).

    Parameters
    ----------
    X : array of shape (n, p), float; any shape (n < p allowed), may be rank deficient or zero. Not modified.
    lam : float >= 0, or an array of such values (any order, repeats allowed). Not modified.

    Returns
    -------
    float if lam is a number, else a float array of the shape of lam.

    Precision: float32 is accepted for well-conditioned full-rank X (condition number up to ~1e3):
    results are compared at rtol 1e-4. Rank decisions at lambda = 0 need float64.
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    d = np.linalg.svd(X, compute_uv=False)
    if d.size and d[0] > 0:
        d = d[d > max(X.shape) * np.finfo(float).eps * d[0]]
    else:
        d = d[:0]
    lam = np.asarray(lam, dtype=float)
    df = (d**2 / (d**2 + lam[..., None])).sum(axis=-1)
    return float(df) if lam.ndim == 0 else df
    # END SOLUTION


def ridge_hat_matrix(X, lam):
    """The ridge smoother matrix S = X (X^T X + lambda I)^{-1} X^T = U diag(d^2 / (d^2 + lambda)) U^T.

    Computed from the thin SVD of X (singular values <= max(n, p) * eps * d_1 dropped), so that
    lambda = 0 gives the orthogonal projection onto the column space of X even when X is rank deficient.

    Parameters
    ----------
    X : array of shape (n, p), float. Not modified.
    lam : float >= 0.

    Returns
    -------
    S : float array of shape (n, n), symmetric, eigenvalues in [0, 1].

    Precision: float64 arithmetic (float32 is not accepted): entries are compared at atol 1e-6,
    including for nearly collinear X (condition number ~1e6).
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    U, d, _ = np.linalg.svd(X, full_matrices=False)
    keep = d > max(X.shape) * np.finfo(float).eps * d[0] if d.size and d[0] > 0 else np.zeros(d.size, dtype=bool)
    U, d = U[:, keep], d[keep]
    return (U * (d**2 / (d**2 + lam))) @ U.T
    # END SOLUTION


def information_criteria(rss, df, n, sigma2):
    """Mallows' Cp, AIC and BIC of Gaussian linear models with known noise variance sigma2.

    cp = rss / n + 2 df sigma2 / n;  aic = n log(2 pi sigma2) + rss / sigma2 + 2 df;
    bic = n log(2 pi sigma2) + rss / sigma2 + log(n) df   (natural logarithms).

    Parameters
    ----------
    rss : float or float array (one entry per model), residual sums of squares >= 0.
    df : float or float array of the same shape, effective degrees of freedom >= 0.
    n : int >= 1, number of observations.
    sigma2 : float > 0, the noise variance.

    Returns
    -------
    dict with "cp", "aic", "bic", each of the shape of rss (a float for numbers).

    Precision: float32 is accepted: results are compared at rtol 1e-4.
    """
    # BEGIN SOLUTION
    rss = np.asarray(rss, dtype=float)
    df = np.asarray(df, dtype=float)
    base = n * np.log(2 * np.pi * sigma2) + rss / sigma2
    return {"cp": rss / n + 2 * df * sigma2 / n, "aic": base + 2 * df, "bic": base + np.log(n) * df}
    # END SOLUTION


def ridge_select(X, y, lambdas, sigma2):
    """Choose the ridge penalty by Cp, AIC and BIC along a grid.

    For each lambda: fitted values S_lambda y, rss = ||y - S_lambda y||^2, df = tr S_lambda, and the
    three criteria of information_criteria(rss, df, n, sigma2). best_* is the index of the minimising
    lambda; if that lambda value occurs several times in `lambdas`, the index of its FIRST occurrence.

    Parameters
    ----------
    X : array of shape (n, p), float (used as given: no intercept). Not modified.
    y : array of shape (n,), float. Not modified.
    lambdas : array of shape (L,), floats >= 0, in any order, repeats allowed. Not modified.
    sigma2 : float > 0, the noise variance.

    Returns
    -------
    dict with "df", "rss", "cp", "aic", "bic" (float arrays of shape (L,), in the order of lambdas) and
    "best_cp", "best_aic", "best_bic" (ints).

    Precision: float32 is accepted for well-conditioned X: values are compared at rtol 1e-4 (the
    selected indices are tested where the minimum is clear).
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    lambdas = np.asarray(lambdas, dtype=float).ravel()
    U, d, _ = np.linalg.svd(X, full_matrices=False)
    keep = d > max(X.shape) * np.finfo(float).eps * d[0] if d.size and d[0] > 0 else np.zeros(d.size, dtype=bool)
    U, d = U[:, keep], d[keep]
    shrink = d**2 / (d**2 + lambdas[:, None])
    fitted = (shrink * (U.T @ y)) @ U.T
    rss = ((y - fitted) ** 2).sum(axis=1)
    df = shrink.sum(axis=1)
    out = {"df": df, "rss": rss, **information_criteria(rss, df, len(y), sigma2)}
    for name in ("cp", "aic", "bic"):
        best = int(np.argmin(out[name]))
        out["best_" + name] = int(np.flatnonzero(lambdas == lambdas[best])[0])
    return out
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (asked for, not graded).** For $n = 60$ observations of $p = 15$ correlated predictors (a few
# of them relevant) and a grid of 40 values of $\lambda$ from $10^{-3}$ to $10^{4}$, draw $\mathrm{df}(\lambda)$ against $\lambda$
# (log scale), and in a second panel $C_p$, and AIC and BIC divided by $n$ and shifted to start at
# the same value as $C_p$, against $\mathrm{df}(\lambda)$, marking each criterion's choice.

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_df = np.random.default_rng(63)
Z = rng_df.normal(size=(60, 15))
X_df = Z + 0.8 * Z[:, [0]]
y_df = X_df[:, :4] @ np.array([2.0, -1.5, 1.0, 0.5]) + rng_df.normal(size=60)
X_df, y_df = X_df - X_df.mean(axis=0), y_df - y_df.mean()
lam_grid = np.logspace(-3, 4, 40)
sel = ridge_select(X_df, y_df, lam_grid, 1.0)
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
axes[0].semilogx(lam_grid, ridge_df(X_df, lam_grid))
axes[0].set(xlabel="lambda", ylabel="df(lambda)", title="Effective degrees of freedom of ridge")
for name, color in (("cp", "tab:blue"), ("aic", "tab:orange"), ("bic", "tab:green")):
    scale = 1.0 if name == "cp" else 1.0 / 60
    curve = sel[name] * scale
    curve = curve - curve[-1] + sel["cp"][-1]
    axes[1].plot(sel["df"], curve, color=color, label=name.upper())
    axes[1].plot(sel["df"][sel["best_" + name]], curve[sel["best_" + name]], "o", color=color)
axes[1].set(xlabel="df(lambda)", title="Criteria along the ridge path (dots: chosen)")
axes[1].legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
# FORBIDDEN: sklearn.linear_model.Ridge, sklearn.linear_model.LassoLarsIC, sklearn.linear_model.RidgeCV
def test_worked_example(ridge_df, ridge_hat_matrix, information_criteria):
    """A 3 x 2 matrix with singular values 3 and 1, and the criteria of two models by hand."""
    # X = U D V^T with U = the first two columns of I_3, D = diag(3, 1), V^T = [[0.6, 0.8], [-0.8, 0.6]]:
    # rows (1.8, 2.4) = 3 (0.6, 0.8) and (-0.8, 0.6) = 1 (-0.8, 0.6), third row zero.
    # df(2) = 9/11 + 1/3 = 1.1515...;  S_2 = diag(9/11, 1/3, 0);  df(0) = 2 (the rank).
    # Criteria with n = 20, sigma2 = 0.5: model A (rss 10, df 2), model B (rss 6, df 5):
    #   cp  = 10/20 + 2*2*0.5/20 = 0.6           and 6/20 + 2*5*0.5/20 = 0.55
    #   aic = 20 log(pi) + 20 + 4 = 46.894...    and 20 log(pi) + 12 + 10 = 44.894...
    #   bic = 20 log(pi) + 20 + 2 log 20         and 20 log(pi) + 12 + 5 log 20
    import math
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields

    X = np.array([[1.8, 2.4], [-0.8, 0.6], [0.0, 0.0]])
    close(as_scalar(ridge_df(X, 2.0), "df"), 9 / 11 + 1 / 3, name="df(2)",
          hint="sum of d_j^2 / (d_j^2 + lambda) over the SINGULAR VALUES d_j (squared)")
    close(as_array(ridge_df(X, np.array([5.0, 0.0, 2.0])), "df", shape=(3,)), [9 / 14 + 1 / 6, 2.0, 9 / 11 + 1 / 3],
          name="df at lambda = 5, 0, 2 (in this order)", hint="lambda = 0 gives the rank of X; keep the order of lam")
    close(as_array(ridge_hat_matrix(X, 2.0), "S", shape=(3, 3)), np.diag([9 / 11, 1 / 3, 0.0]), atol=1e-12,
          name="S at lambda = 2", hint="S = U diag(d^2 / (d^2 + lambda)) U^T with the LEFT singular vectors U (n x r)")
    cp, aic, bic = fields(information_criteria(np.array([10.0, 6.0]), np.array([2.0, 5.0]), 20, 0.5), ["cp", "aic", "bic"], "criteria")
    close(as_array(cp, "cp", shape=(2,)), [0.6, 0.55], name="Cp", hint="RSS/n + 2 df sigma2 / n")
    close(as_array(aic, "aic", shape=(2,)), [20 * math.log(math.pi) + 24, 20 * math.log(math.pi) + 22], name="AIC",
          hint="n log(2 pi sigma2) + RSS / sigma2 + 2 df")
    close(as_array(bic, "bic", shape=(2,)), [20 * math.log(math.pi) + 20 + 2 * math.log(20),
                                             20 * math.log(math.pi) + 12 + 5 * math.log(20)], name="BIC",
          hint="the BIC penalty per degree of freedom is log(n), natural log")

# %%
def test_ridge_select_properties(ridge_select, ridge_hat_matrix):
    """Along an unsorted grid of penalties: df and RSS move the right way, AIC agrees with Cp, BIC is simpler."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    rng = np.random.default_rng(6301)
    X = rng.normal(size=(30, 6)) * np.array([1.0, 2.0, 0.5, 3.0, 1.0, 0.2])
    y = X @ np.array([1.0, 0.0, 0.0, 0.5, 0.0, 0.0]) + 0.7 * rng.normal(size=30)
    lambdas = np.array([10.0, 0.01, 300.0, 1.0, 3.0, 30.0, 0.1, 100.0])
    out = ridge_select(X, y, lambdas, 0.49)
    df, rss, cp, aic, bic = (as_array(v, k, shape=(8,)) for v, k in zip(fields(out, ["df", "rss", "cp", "aic", "bic"], "result"),
                                                                      ["df", "rss", "cp", "aic", "bic"]))
    order = np.argsort(lambdas)
    require(bool(np.all(np.diff(df[order]) < 0)), "df must decrease as lambda grows (keep the order of the lambdas you were given)")
    require(bool(np.all(np.diff(rss[order]) > 0)), "RSS must grow as lambda grows")
    S = as_array(ridge_hat_matrix(X, 3.0), "S", shape=(30, 30))
    close(df[4], np.trace(S), name="df at lambda = 3 vs the trace of your hat matrix")
    close(rss[4], float(np.sum((y - S @ y) ** 2)), name="RSS at lambda = 3 vs your hat matrix")
    b_cp, b_aic, b_bic = (as_scalar(out[k], k) for k in ("best_cp", "best_aic", "best_bic"))
    close(b_cp, float(np.argmin(cp)), rtol=0, atol=0, name="best_cp", hint="the index into lambdas of the smallest Cp")
    require(b_aic == b_cp, f"with known sigma2, AIC is an increasing function of Cp: they must choose the same lambda "
            f"(got indices {b_aic:g} and {b_cp:g})")
    require(df[int(b_bic)] <= df[int(b_aic)], "BIC penalises each degree of freedom by log n > 2: it must choose a model "
            "with no more degrees of freedom than AIC")

# %%
# HIDDEN
def test_df_against_hat_matrix_trace(ridge_df):
    """Random tall and wide matrices and unsorted grids of penalties against the trace of the hat matrix."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, oracle, require

    def trace_hat(X, lam):  # ridge fits of the n unit vectors by least squares on [X; sqrt(lam) I]: S e_i
        import numpy as np
        from scipy.linalg import lstsq

        n, p = X.shape
        A = np.vstack([X, np.sqrt(lam) * np.eye(p)])
        B = np.vstack([np.eye(n), np.zeros((p, n))])
        return float(np.trace(X @ lstsq(A, B)[0]))

    rng = np.random.default_rng(6302)
    for n, p in [(20, 5), (8, 30), (50, 50), (3, 1), (1, 4), (40, 12)]:
        X = rng.normal(size=(n, p)) * rng.uniform(0.1, 10, size=p)
        lam = rng.choice(10.0 ** rng.uniform(-3, 4, size=6), size=9)  # unsorted, repeated
        expected = np.array([oracle(trace_hat, X, float(v)) for v in lam])
        close(as_array(ridge_df(X, lam), "df", shape=(9,)), expected, name=f"df for X of shape {(n, p)}",
              hint="df(lambda) = sum_j d_j^2 / (d_j^2 + lambda), one value per lambda, in the given order")
        single = ridge_df(X, float(lam[0]))
        require(np.ndim(single) == 0, f"ridge_df with a number lambda should return a number, got shape {np.shape(single)}")
        close(as_scalar(single, "df"), expected[0], name=f"df for a single lambda (X of shape {(n, p)})")
        close(as_array(ridge_df(X, lam.reshape(3, 3)), "df", shape=(3, 3)), expected.reshape(3, 3),
              name="df for a 3 x 3 array of lambdas", hint="return an array of the shape of lam")

# %%
# HIDDEN
def test_df_rank_deficient_and_extremes(ridge_df):
    """No penalty on rank-deficient, zero and tiny matrices, very large and very small penalties, and rescaled matrices."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close

    rng = np.random.default_rng(6303)
    B = rng.normal(size=(25, 3))
    X = np.column_stack([B, B @ rng.normal(size=(3, 4))])  # 25 x 7 of rank 3
    close(as_scalar(ridge_df(X, 0.0), "df"), 3.0, rtol=0, atol=1e-9, name="df(0) of a rank-3 matrix with 7 columns",
          hint="singular values <= max(n, p) * eps * d_1 count as zero: df(0) is the rank")
    close(as_scalar(ridge_df(np.zeros((4, 3)), 0.0), "df"), 0.0, rtol=0, atol=0, name="df(0) of the zero matrix")
    close(as_scalar(ridge_df(np.zeros((4, 3)), 1.0), "df"), 0.0, rtol=0, atol=0, name="df(1) of the zero matrix")
    W = rng.normal(size=(4, 9))
    close(as_scalar(ridge_df(W, 0.0), "df"), 4.0, rtol=0, atol=1e-9, name="df(0) of a wide 4 x 9 matrix (rank 4)")
    # scale invariance: df(c X, c^2 lambda) = df(X, lambda), even for a matrix with entries ~1e-12
    F = rng.normal(size=(10, 4))
    dF = np.linalg.svd(F, compute_uv=False) ** 2
    close(as_array(ridge_df(1e-12 * F, np.array([0.0, 1e-24, 3e-24])), "df", shape=(3,)),
          [4.0, np.sum(dF / (dF + 1.0)), np.sum(dF / (dF + 3.0))], rtol=1e-6, atol=1e-12,
          name="df of a 10 x 4 matrix with entries ~1e-12 (lambda = 0, 1e-24, 3e-24)",
          hint="the rank tolerance is relative to the largest singular value, never an absolute number")
    d2 = np.linalg.svd(X, compute_uv=False)[:3] ** 2
    close(as_array(ridge_df(X, np.array([1e12, 1e-12])), "df", shape=(2,)), [np.sum(d2 / (d2 + 1e12)), 3.0], rtol=1e-6,
          atol=1e-14, name="df at lambda = 1e12 and 1e-12 (rank 3)", hint="a huge penalty leaves a tiny positive df")

# %%
# HIDDEN
def test_hat_matrix_against_augmented_least_squares(ridge_hat_matrix):
    """Hat matrices of random, nearly collinear and rank-deficient matrices against a stable least-squares oracle."""
    import numpy as np
    from mlmathkit_checks import as_array, close, oracle, symmetric

    def hat(X, lam):
        import numpy as np
        from scipy.linalg import lstsq

        n, p = X.shape
        if lam == 0:
            return X @ np.linalg.pinv(X)  # the projection onto the column space
        A = np.vstack([X, np.sqrt(lam) * np.eye(p)])
        return X @ lstsq(A, np.vstack([np.eye(n), np.zeros((p, n))]))[0]

    rng = np.random.default_rng(6304)
    cases = [(rng.normal(size=(12, 4)), 0.7), (rng.normal(size=(5, 9)) * 3, 2.0), (rng.normal(size=(10, 3)), 0.0)]
    near = rng.normal(size=(15, 3))
    cases.append((np.column_stack([near, near[:, 0] + 1e-6 * rng.normal(size=15)]), 1e-3))  # cond ~ 1e6
    B = rng.normal(size=(9, 2))
    cases.append((np.column_stack([B, B @ [1.0, -2.0]]), 0.0))  # rank 2 of 3 columns
    # rank 2 of 3 with singular values ~1e3 and ~1: the round-off singular value (~1e-13) is far above
    # eps * (the second singular value) but below max(n, p) * eps * d_1, so only the docstring's tolerance drops it
    cases.append((np.column_stack([1e3 * B[:, 0], B[:, 1], 1e3 * B[:, 0] - 2 * B[:, 1]]), 0.0))
    cases.append((rng.normal(size=(6, 1)) * 5, 0.0))  # a single column: the projection onto it
    cases.append((rng.normal(size=(6, 1)), 1.5))
    cases.append((rng.normal(size=(7, 3)) * 0.02, 1e-4))  # a small matrix (all singular values below 1)
    cases.append((rng.normal(size=(7, 3)) * 1e-12, 0.0))  # entries ~1e-12: the projection onto its columns
    # singular values 1 and 1e-8 (condition 1e8) with lambda = 1e-16: the small direction keeps the factor
    # 1e-16 / (1e-16 + 1e-16) = 1/2, which forming X^T X (eigenvalue 1e-16 next to 1) gets wrong by ~1e-3;
    # the SVD and the oracle agree to ~1e-9
    Q, _ = np.linalg.qr(rng.normal(size=(8, 2)))
    R, _ = np.linalg.qr(rng.normal(size=(2, 2)))
    cases.append((Q @ np.diag([1.0, 1e-8]) @ R, 1e-16))
    for X, lam in cases:
        expected = oracle(hat, X, lam)
        S = symmetric(ridge_hat_matrix(X, lam), atol=1e-8, name="S")
        close(as_array(S, "S", shape=expected.shape), expected, rtol=0, atol=1e-6,
              name=f"S for X of shape {X.shape}, lambda = {lam}",
              hint="use the SVD: inverting X^T X + lambda I squares the condition number; drop zero singular values")

# %%
# HIDDEN
def test_criteria_against_lasso_lars_ic(information_criteria):
    """AIC and BIC along lasso paths against scikit-learn's LassoLarsIC, and Cp against its definition."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle

    def path(X, y, sigma2):
        import numpy as np
        from sklearn.linear_model import LassoLarsIC, lars_path

        _, _, coefs = lars_path(X, y, method="lasso", alpha_min=0.0)
        rss = ((y[:, None] - X @ coefs) ** 2).sum(axis=0)
        df = (np.abs(coefs) > np.finfo(float).eps).sum(axis=0).astype(float)
        crit = {c: LassoLarsIC(criterion=c, fit_intercept=False, noise_variance=sigma2).fit(X, y).criterion_
                for c in ("aic", "bic")}
        return rss, df, crit["aic"], crit["bic"]

    rng = np.random.default_rng(6305)
    for n, p, sigma2 in [(40, 6, 0.8), (25, 10, 2.5), (100, 4, 0.05)]:
        X = rng.normal(size=(n, p))
        y = X @ (rng.normal(size=p) * (rng.random(p) < 0.5)) + np.sqrt(sigma2) * rng.normal(size=n)
        rss, df, aic_e, bic_e = oracle(path, X, y, sigma2)
        cp, aic, bic = fields(information_criteria(rss, df, n, sigma2), ["cp", "aic", "bic"], "criteria")
        close(as_array(aic, "aic", shape=rss.shape), aic_e, name=f"AIC along a lasso path (n={n}, p={p})")
        close(as_array(bic, "bic", shape=rss.shape), bic_e, name=f"BIC along a lasso path (n={n}, p={p})")
        close(as_array(cp, "cp", shape=rss.shape), (rss + 2 * df * sigma2) / n, name=f"Cp along a lasso path (n={n}, p={p})",
              hint="RSS / n + 2 df sigma2 / n")
    cp, = fields(information_criteria(3.0, 1.5, 7, 2.0), ["cp"], "criteria")
    close(as_scalar(cp, "cp"), 3 / 7 + 6 / 7, name="Cp for numbers (rss 3, df 1.5, n 7, sigma2 2)")

# %%
# HIDDEN
def test_ridge_select_against_oracle(ridge_select):
    """Penalty selection on random problems with unsorted, repeated grids and a rank-deficient X: values and chosen indices."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle, require

    def path(X, y, lambdas, sigma2):
        import numpy as np
        from scipy.linalg import lstsq

        n, p = X.shape
        rss, df = [], []
        for lam in lambdas:
            A = np.vstack([X, np.sqrt(lam) * np.eye(p)])
            H = X @ lstsq(A, np.vstack([np.eye(n), np.zeros((p, n))]))[0]
            rss.append(np.sum((y - H @ y) ** 2))
            df.append(np.trace(H))
        rss, df = np.array(rss), np.array(df)
        base = n * np.log(2 * np.pi * sigma2) + rss / sigma2
        return rss, df, (rss + 2 * df * sigma2) / n, base + 2 * df, base + np.log(n) * df

    rng = np.random.default_rng(6306)
    for trial, (n, p) in enumerate([(40, 8), (25, 30), (60, 5), (30, 12)]):
        X = rng.normal(size=(n, p)) * rng.uniform(0.3, 3, size=p)
        y = X @ (rng.normal(size=p) * (rng.random(p) < 0.4)) + rng.normal(size=n)
        grid = 10.0 ** np.arange(-2.0, 4.01, 0.5)
        lambdas = rng.permutation(np.concatenate([grid, grid[rng.integers(0, grid.size, size=4)]]))
        rss_e, df_e, cp_e, aic_e, bic_e = oracle(path, X, y, lambdas, 1.0)
        out = ridge_select(X, y, lambdas, 1.0)
        L = lambdas.size
        for key, exp in (("df", df_e), ("rss", rss_e), ("cp", cp_e), ("aic", aic_e), ("bic", bic_e)):
            close(as_array(out[key] if isinstance(out, dict) else fields(out, [key], "result")[0], key, shape=(L,)), exp,
                  name=f"{key} (n={n}, p={p})", hint="one entry per lambda, in the given (unsorted) order")
        for key, exp in (("best_cp", cp_e), ("best_aic", aic_e), ("best_bic", bic_e)):
            first = int(np.flatnonzero(lambdas == lambdas[int(np.argmin(exp))])[0])
            close(as_scalar(out[key], key), float(first), rtol=0, atol=0, name=f"{key} (n={n}, p={p})",
                  hint="the index of the minimising lambda; if that lambda is repeated in the grid, its first occurrence")
            require(isinstance(out[key], (int, np.integer)), f"{key} should be an int, got {type(out[key]).__name__}")
    # rank-deficient X (rank 4 of 6 columns, column scales 1e3 and 1) with lambda = 0 in the grid: df(0) = 4
    B = rng.normal(size=(20, 4)) * np.array([1e3, 1.0, 1.0, 1.0])
    Xd = np.column_stack([B, B[:, 0] + B[:, 1], B[:, 2] - 3 * B[:, 3]])
    yd = B @ np.array([1e-3, 1.0, -1.0, 0.5]) + 0.3 * rng.normal(size=20)
    lam_d = np.array([1.0, 0.0, 0.1, 10.0])
    P = Xd @ np.linalg.pinv(Xd)
    out = ridge_select(Xd, yd, lam_d, 0.09)
    close(as_array(out["df"], "df", shape=(4,))[1], 4.0, rtol=0, atol=1e-6, name="df at lambda = 0 of a rank-4 matrix with 6 columns",
          hint="singular values <= max(n, p) * eps * d_1 are zero: drop them before dividing by d^2 + lambda")
    close(as_array(out["rss"], "rss", shape=(4,))[1], float(np.sum((yd - P @ yd) ** 2)), rtol=1e-6,
          name="RSS at lambda = 0 of a rank-deficient matrix (least squares)")
    # many weak predictors and n = 150 (log n = 5 > 2): BIC chooses a larger penalty than AIC
    Xw = rng.normal(size=(150, 25))
    yw = Xw @ (0.15 * rng.normal(size=25)) + rng.normal(size=150)
    gw = 10.0 ** np.arange(-1.0, 3.01, 0.25)
    _, _, _, aic_w, bic_w = oracle(path, Xw, yw, gw, 1.0)
    require(int(np.argmin(aic_w)) != int(np.argmin(bic_w)), "test data check")
    out = ridge_select(Xw, yw, gw, 1.0)
    for key, exp in (("best_aic", aic_w), ("best_bic", bic_w)):
        close(as_scalar(out[key], key), float(np.argmin(exp)), rtol=0, atol=0, name=f"{key} with 25 weak predictors, n = 150",
              hint="each criterion picks its own minimiser: BIC's log n penalty usually prefers a larger lambda")
    # every lambda listed twice, shuffled: whichever wins, the index must be that of its first occurrence
    twice = rng.permutation(np.repeat(10.0 ** np.arange(-1.0, 3.01, 0.5), 2))
    out = ridge_select(X, y, twice, 1.0)
    for key in ("cp", "aic", "bic"):
        vals = as_array(out[key], key, shape=twice.shape)
        first = int(np.flatnonzero(twice == twice[int(np.argmin(vals))])[0])
        close(as_scalar(out["best_" + key], "best_" + key), float(first), rtol=0, atol=0,
              name=f"best_{key} when every lambda appears twice",
              hint="repeated lambdas tie exactly: return the index of the FIRST occurrence of the minimising lambda")

# %%
# HIDDEN
def test_inputs_unchanged(ridge_df, ridge_hat_matrix, ridge_select):
    """Your functions leave the arrays they are given unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(6307)
    X, y = rng.normal(size=(15, 4)), rng.normal(size=15)
    lam = np.array([3.0, 0.1, 10.0])
    X0, y0, lam0 = X.copy(), y.copy(), lam.copy()
    ridge_df(X, lam)
    ridge_hat_matrix(X, 0.5)
    ridge_select(X, y, lam, 1.0)
    close(X, X0, rtol=0, atol=0, name="X after your calls", hint="centre or scale a copy, never X itself")
    close(y, y0, rtol=0, atol=0, name="y after ridge_select")
    close(lam, lam0, rtol=0, atol=0, name="lambdas after your calls", hint="np.sort(lam) sorts a copy; lam.sort() sorts lam itself")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q4_optimism

# %% [markdown]
# ## Question 4 — The optimism of the training error, by Monte Carlo
#
# **Why it matters.** The training error of a fitted model is always too good: the fit has adapted to
# the very noise it is scored on. How much too good is exactly what $C_p$, AIC and the effective
# degrees of freedom of Question 3 correct for. Here you measure the optimism by simulation and
# watch it match the theory (ESL §7.4).
#
# **Setting.** Inputs $x_1,\dots,x_n$ are fixed; responses $y_i = f_i + \varepsilon_i$ with i.i.d. noise of mean 0 and
# variance $\sigma^2$. A fit $\hat y = \hat f(x_i)$ is made from $y$. Its *training error* and its *in-sample error*
# (the error on new responses $Y_i^0 = f_i + \varepsilon^0_i$ at the **same** inputs) are
#
# $$\overline{\mathrm{err}} = \frac1n\sum_i (y_i - \hat y_i)^2,\qquad
# \mathrm{Err}_{\text{in}} = \frac1n\sum_i \mathbb E_{Y^0}\big[(Y_i^0 - \hat y_i)^2\big] .$$
#
# **The optimism theorem.** Expanding both squares around $f_i$: $\mathbb E(Y_i^0 - \hat y_i)^2 = \sigma^2 + \mathbb E(f_i - \hat y_i)^2$
# because $\varepsilon^0_i$ is independent of $\hat y$, while $\mathbb E(y_i - \hat y_i)^2 = \sigma^2 + \mathbb E(f_i - \hat y_i)^2 - 2\operatorname{Cov}(\hat y_i, y_i)$.
# Hence the expected optimism (ESL eq. 7.21)
#
# $$\omega = \mathbb E\big[\mathrm{Err}_{\text{in}} - \overline{\mathrm{err}}\big] = \frac2n\sum_{i=1}^n\operatorname{Cov}(\hat y_i, y_i) .$$
#
# For a linear smoother $\hat y = S y$, $\operatorname{Cov}(\hat y_i, y_i) = \sigma^2 S_{ii}$, so $\omega = 2\sigma^2\operatorname{tr}(S)/n = 2\sigma^2\,\mathrm{df}/n$
# (ESL eq. 7.22–7.23 with $d$ replaced by $\mathrm{df}$): the optimism grows with the effective number of
# parameters and shrinks with the sample size, whatever the true $f$. The covariance form
# $\mathrm{df} = \sum_i\operatorname{Cov}(\hat y_i, y_i)/\sigma^2$ (ESL eq. 7.34) defines the degrees of freedom of *any* fit, and
# can itself be estimated by simulation.
#
# **The Monte Carlo experiment.** Repeat $R$ times: draw training responses $y$ and new responses $y^0$,
# fit $\hat y = S y$, record $\overline{\mathrm{err}}_r$ and the in-sample error $\mathrm{Err}_{\text{in},r} = \frac1n\sum_i (y^0_i - \hat y_i)^2$ (one draw of
# $Y^0$ per replicate: an unbiased estimate of the expectation). Then average $\mathrm{Err}_{\text{in},r} - \overline{\mathrm{err}}_r$,
# and estimate $\mathrm{df}$ from the sample covariances over the replicates.
#
# **Random draws.** One call, `z = rng.standard_normal(size=(R, 2, n))`: replicate $r$ uses
# $y = f + \sigma z[r, 0]$ and $y^0 = f + \sigma z[r, 1]$.
#
# **Your task.** Implement `optimism_mc` with numpy.
#
# *Hints.* With the $R$ training response vectors as the rows of a matrix $Y$ ($R\times n$), the fits are
# the rows of $Y S^\top$ — mind the transpose: a smoother need not be symmetric (a nearest-neighbour
# smoother is not).

# %% [raw]
# # BEGIN SOLUTION

# %%
def optimism_mc(S, f, sigma, n_reps, rng):
    """Monte Carlo training error, in-sample error, optimism and covariance df of a linear smoother.

    Draws z = rng.standard_normal(size=(n_reps, 2, n)) (one call); replicate r: y = f + sigma z[r, 0],
    y_new = f + sigma z[r, 1], fit = S y.
    err[r] = mean_i (y_i - fit_i)^2;  err_in[r] = mean_i (y_new_i - fit_i)^2;
    optimism = mean_r (err_in[r] - err[r]);
    df_cov = sum_i cov_r(fit_i, y_i) / sigma^2 with the sample covariance over replicates (1 / (R - 1));
    theory = 2 sigma^2 tr(S) / n.

    Parameters
    ----------
    S : array of shape (n, n), float, the smoother matrix (not necessarily symmetric). Not modified.
    f : array of shape (n,), float, the true mean responses. Not modified.
    sigma : float > 0, the noise standard deviation.
    n_reps : int >= 2, the number of replicates R.
    rng : np.random.Generator, advanced by exactly that one draw.

    Returns
    -------
    dict with "err", "err_in" (float arrays of shape (R,)) and "optimism", "df_cov", "theory" (floats).

    Precision: float32 is accepted (after drawing z in float64): results are compared at rtol 1e-4.
    """
    # BEGIN SOLUTION
    S = np.asarray(S, dtype=float)
    f = np.asarray(f, dtype=float).ravel()
    n = f.size
    z = rng.standard_normal(size=(n_reps, 2, n))
    y = f + sigma * z[:, 0]
    y_new = f + sigma * z[:, 1]
    fit = y @ S.T
    err = np.mean((y - fit) ** 2, axis=1)
    err_in = np.mean((y_new - fit) ** 2, axis=1)
    cov = ((fit - fit.mean(axis=0)) * (y - y.mean(axis=0))).sum(axis=0) / (n_reps - 1)
    return {"err": err, "err_in": err_in, "optimism": float(np.mean(err_in - err)),
            "df_cov": float(cov.sum() / sigma**2), "theory": float(2 * sigma**2 * np.trace(S) / n)}
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (asked for, not graded).** For ridge smoothers on $n = 40$ points with $p = 10$ predictors and
# $\sigma = 1$, over 12 values of $\lambda$: plot the Monte Carlo optimism (2000 replicates) against $\mathrm{df}(\lambda)$, with
# the theoretical line $2\sigma^2\mathrm{df}/n$; in a second panel, the histograms of $\overline{\mathrm{err}}_r$ and $\mathrm{Err}_{\text{in},r}$ for least
# squares ($\lambda = 0$).

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_op = np.random.default_rng(64)
X_op = rng_op.normal(size=(40, 10))
f_op = X_op @ rng_op.normal(size=10)
U_op, d_op, _ = np.linalg.svd(X_op, full_matrices=False)
lams_op = np.concatenate([[0.0], np.logspace(-1, 3, 11)])
dfs_op, opt_op = [], []
for lam in lams_op:
    S_op = (U_op * (d_op**2 / (d_op**2 + lam))) @ U_op.T
    res_op = optimism_mc(S_op, f_op, 1.0, 2000, rng_op)
    dfs_op.append(np.trace(S_op))
    opt_op.append(res_op["optimism"])
    if lam == 0:
        ols_op = res_op
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
axes[0].plot(dfs_op, opt_op, "o", label="Monte Carlo optimism")
axes[0].plot([0, 10], [0, 2 * 10 / 40], "k--", label="$2\\sigma^2 df / n$")
axes[0].set(xlabel="df(lambda)", ylabel="Err_in - err", title="Optimism of ridge fits")
axes[0].legend()
axes[1].hist(ols_op["err"], bins=50, alpha=0.6, label="training error")
axes[1].hist(ols_op["err_in"], bins=50, alpha=0.6, label="in-sample error")
axes[1].set(title="Least squares, p = 10, n = 40")
axes[1].legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
def test_worked_example(optimism_mc):
    """Three replicates of a 4-point nearest-neighbour smoother (not symmetric), computed step by step."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields

    S = np.array([[0.5, 0.5, 0.0, 0.0], [0.5, 0.5, 0.0, 0.0], [0.0, 0.0, 0.5, 0.5], [0.0, 0.0, 0.5, 0.5]])
    S[1] = [0.0, 0.5, 0.5, 0.0]  # point 1 averages itself and its right neighbour: S is not symmetric
    f = np.array([1.0, -0.5, 2.0, 0.3])
    sigma, R = 0.7, 3
    ref = np.random.default_rng(21)
    z = ref.standard_normal(size=(R, 2, 4))
    err, err_in, fits, ys = [], [], [], []
    for r in range(R):
        y, y_new = f + sigma * z[r, 0], f + sigma * z[r, 1]
        fit = S @ y
        err.append(np.mean((y - fit) ** 2))
        err_in.append(np.mean((y_new - fit) ** 2))
        fits.append(fit)
        ys.append(y)
    fits, ys = np.array(fits), np.array(ys)
    df_cov = sum(np.cov(fits[:, i], ys[:, i])[0, 1] for i in range(4)) / sigma**2
    rng = np.random.default_rng(21)
    e, ei, opt, dfc, th = fields(optimism_mc(S, f, sigma, R, rng), ["err", "err_in", "optimism", "df_cov", "theory"], "result")
    close(as_array(e, "err", shape=(3,)), err, name="training errors",
          hint="z = rng.standard_normal(size=(R, 2, n)); y = f + sigma z[r, 0]; the fit is S y (S times the column y)")
    close(as_array(ei, "err_in", shape=(3,)), err_in, name="in-sample errors",
          hint="the new responses y_new = f + sigma z[r, 1] are scored against the fit made from y")
    close(as_scalar(opt, "optimism"), np.mean(np.array(err_in) - np.array(err)), name="optimism")
    close(as_scalar(dfc, "df_cov"), df_cov, name="covariance degrees of freedom",
          hint="sample covariance over replicates (1/(R-1)) of fit_i and y_i, summed over i, divided by sigma^2")
    close(as_scalar(th, "theory"), 2 * sigma**2 * 2.0 / 4, name="theoretical optimism 2 sigma^2 tr(S) / n")
    close(rng.random(), ref.random(), rtol=0, atol=0, name="the generator's next number after your call",
          hint="draw nothing but the one rng.standard_normal call")

# %%
def test_least_squares_statistically(optimism_mc):
    """For least squares with 5 predictors the Monte Carlo optimism matches 2 sigma^2 p / n within its error bars."""
    # mean_within: |mean - theory| <= 4.89 sd / sqrt(R) fails a correct answer with probability ~1e-6.
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, mean_within, require

    rng = np.random.default_rng(6401)
    n, p, sigma, R = 30, 5, 1.3, 4000
    X = rng.normal(size=(n, p))
    H = X @ np.linalg.solve(X.T @ X, X.T)
    f = X @ np.array([1.0, -2.0, 0.5, 0.0, 3.0])  # in the column space: no bias, E err = sigma^2 (1 - p/n)
    e, ei, opt, dfc, th = fields(optimism_mc(H, f, sigma, R, np.random.default_rng(2)),
                                 ["err", "err_in", "optimism", "df_cov", "theory"], "result")
    d = as_array(ei, "err_in", shape=(R,)) - as_array(e, "err", shape=(R,))
    close(as_scalar(th, "theory"), 2 * sigma**2 * p / n, name="theoretical optimism", hint="2 sigma^2 tr(S) / n with tr(H) = p")
    close(as_scalar(opt, "optimism"), float(d.mean()), name="optimism vs your err_in - err")
    mean_within(d, 2 * sigma**2 * p / n, float(d.std()), name="err_in - err over the replicates")
    require(float(np.mean(as_array(e, "err"))) < sigma**2 < float(np.mean(as_array(ei, "err_in"))),
            "the training error must be below sigma^2 on average and the in-sample error above it")
    # df_cov: mean of eps^T H eps / sigma^2, variance 2 tr(H^2) / R = 2 p / R
    close(as_scalar(dfc, "df_cov"), float(p), rtol=0, atol=4.89 * np.sqrt(2 * p / R), name="covariance df of least squares",
          hint="sum over i of the covariance of fit_i and y_i across replicates, divided by sigma^2")

# %%
# HIDDEN
def test_against_oracle(optimism_mc):
    """Least squares, ridge, nearest-neighbour (asymmetric), identity and zero smoothers on the same draws."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields

    rng = np.random.default_rng(6402)
    n = 12
    x = np.sort(rng.uniform(0, 1, size=n))
    X = np.column_stack([np.ones(n), x, x**2])
    H = X @ np.linalg.pinv(X)
    U, d, _ = np.linalg.svd(X, full_matrices=False)
    ridge = (U * (d**2 / (d**2 + 0.3))) @ U.T
    knn = np.zeros((n, n))
    for i in range(n):
        knn[i, np.argsort(np.abs(x - x[i]), kind="stable")[:3]] = 1 / 3
    for name, S, sigma, R in [("least squares", H, 0.5, 50), ("ridge", ridge, 2.0, 7), ("3-NN", knn, 1.0, 40),
                              ("identity", np.eye(n), 0.3, 10), ("zero", np.zeros((n, n)), 1.5, 9), ("3-NN, R = 2", knn, 0.8, 2)]:
        f = 3 * np.cos(4 * x) - 1
        seed = int(R * 100 + sigma * 10)
        z = np.random.default_rng(seed).standard_normal(size=(R, 2, n))
        err_e, errin_e, dfc = np.empty(R), np.empty(R), 0.0
        Y = f + sigma * z[:, 0]
        F = np.array([S @ Y[r] for r in range(R)])
        for r in range(R):
            err_e[r] = np.sum((Y[r] - F[r]) ** 2) / n
            errin_e[r] = np.sum((f + sigma * z[r, 1] - F[r]) ** 2) / n
        for i in range(n):
            dfc += np.cov(F[:, i], Y[:, i])[0, 1] / sigma**2
        e, ei, opt, dfcov, th = fields(optimism_mc(S, f, sigma, R, np.random.default_rng(seed)),
                                       ["err", "err_in", "optimism", "df_cov", "theory"], "result")
        close(as_array(e, "err", shape=(R,)), err_e, name=f"training errors ({name})",
              hint="fit = S y for each replicate; a nearest-neighbour smoother is not symmetric")
        close(as_array(ei, "err_in", shape=(R,)), errin_e, name=f"in-sample errors ({name})")
        close(as_scalar(opt, "optimism"), float(np.mean(errin_e - err_e)), name=f"optimism ({name})")
        close(as_scalar(dfcov, "df_cov"), dfc, atol=1e-9, name=f"covariance df ({name})",
              hint="sample covariances over replicates with 1/(R - 1), divided by sigma^2")
        close(as_scalar(th, "theory"), 2 * sigma**2 * np.trace(S) / n, name=f"theoretical optimism ({name})")

# %%
# HIDDEN
def test_theory_statistically(optimism_mc):
    """Monte Carlo optimism and covariance df match the theory for several smoothers, within their error bars."""
    # Per-replicate optimism: mean_within with the sample sd (false-fail ~1e-6). df_cov: mean of
    # eps^T S eps / sigma^2, whose variance is 2 tr(A^2) / R with A = (S + S^T) / 2 (Gaussian noise).
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, mean_within

    rng = np.random.default_rng(6403)
    n, R = 25, 3000
    x = np.sort(rng.uniform(-1, 1, size=n))
    knn = np.zeros((n, n))
    for i in range(n):
        knn[i, np.argsort(np.abs(x - x[i]), kind="stable")[:4]] = 0.25
    B = np.column_stack([x**k for k in range(8)])
    U, d, _ = np.linalg.svd(B, full_matrices=False)
    for name, S, sigma in [("4-NN", knn, 0.9), ("degree-7 polynomial", U @ U.T, 2.0),
                           ("ridge", (U * (d**2 / (d**2 + 0.05))) @ U.T, 0.4)]:
        f = np.exp(x) * 3
        e, ei, dfc, th = fields(optimism_mc(S, f, sigma, R, rng), ["err", "err_in", "df_cov", "theory"], "result")
        diff = as_array(ei, "err_in", shape=(R,)) - as_array(e, "err", shape=(R,))
        mean_within(diff, 2 * sigma**2 * np.trace(S) / n, float(diff.std()), name=f"err_in - err ({name})")
        A = (S + S.T) / 2
        close(as_scalar(dfc, "df_cov"), np.trace(S), rtol=0, atol=4.89 * np.sqrt(2 * np.trace(A @ A) / R),
              name=f"covariance df ({name}) vs tr(S)")
        close(as_scalar(th, "theory"), 2 * sigma**2 * np.trace(S) / n, name=f"theory ({name})")

# %%
# HIDDEN
def test_inputs_unchanged(optimism_mc):
    """Your function leaves the arrays it is given unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(6404)
    S, f = rng.random((6, 6)) / 6, rng.normal(size=6)
    S0, f0 = S.copy(), f.copy()
    optimism_mc(S, f, 1.0, 20, np.random.default_rng(1))
    close(S, S0, rtol=0, atol=0, name="S after optimism_mc")
    close(f, f0, rtol=0, atol=0, name="f after optimism_mc", hint="build y = f + noise as a new array; f += ... changes f")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q5_bagging

# %% [markdown]
# ## Question 5 — Bagging: averaging bootstrap fits, and the out-of-bag error
#
# **Why it matters.** Some estimators are *unstable*: a small change in the data moves them a lot. A
# regression tree is the classic example — the split point jumps from one sample to the next. Bagging
# (bootstrap aggregating, Breiman 1996; ESL §8.7) averages such fits over bootstrap samples and can
# cut their variance drastically at no cost in bias; random forests are bagged trees with one more
# trick. The bootstrap also gives a free test set: each fit never saw about 37% of the data.
#
# **A regression stump** is the smallest tree: one split of a 1-D input,
# $\hat f(x) = c_L$ if $x\le s$ and $c_R$ if $x > s$. For a given $s$ the best $c_L, c_R$ are the means of the
# $y_i$ on each side; $s$ minimises the residual sum of squares
# $\sum_{x_i\le s}(y_i - c_L)^2 + \sum_{x_i>s}(y_i - c_R)^2$. Only the gaps between consecutive **distinct** sorted
# values of $x$ matter; as scikit-learn does, put $s$ at the midpoint of the gap. Equal residual sums
# (ties): take the smallest $s$. If all $x_i$ are equal there is no split: $s = x_1$ and $c_L = c_R = \bar y$.
#
# *Computing every split at once.* With $y$ sorted by $x$, prefix sums give each left sum
# $L_k = \sum_{i\le k}y_i$; the residual sum of a split is $\sum_i y_i^2 - L_k^2/k - (T - L_k)^2/(n-k)$ with $T = \sum_i y_i$.
# Subtract $\bar y$ from $y$ first, or the two large terms cancel catastrophically when the $y_i$ are far from zero.
#
# **Bagging.** Draw $B$ bootstrap samples, fit a stump $\hat f^{*b}$ to each, and predict with the average
# $\hat f_{\text{bag}}(x) = \frac1B\sum_b \hat f^{*b}(x)$. If the $B$ fits at $x$ each have variance $v$ and pairwise correlation
# $\rho$, the average has variance $\rho v + \frac{1-\rho}B v$ (ESL eq. 15.1): the less the fits are correlated, the
# more bagging helps.
#
# **Out of bag.** Observation $i$ is *out of bag* for fit $b$ if sample $b$ does not contain it. Its OOB
# prediction averages the fits for which it is out of bag; the OOB error
# $\frac1{N'}\sum_i (y_i - \hat f_{\text{oob}}(x_i))^2$ (over the $N'$ observations out of bag at least once) estimates the
# test error without a test set (ESL §15.3.1). An observation that is never out of bag gets OOB
# prediction 0 and is left out of the OOB error, as in scikit-learn.
#
# **Variance by Monte Carlo.** Given $T$ training sets, fit one stump and one bagged ensemble to each;
# at each test point, the variance over the $T$ sets (with $1/T$) measures the estimator's instability.
#
# **Random draws.** `bagged_stumps` draws `idx = rng.integers(0, n, size=(B, n))` (one call), row $b$ =
# sample $b$. `bagging_variance_mc` calls `bagged_stumps` on training set 0, 1, …, $T-1$ in this order,
# with the same generator.
#
# **Your task.** Implement `fit_stump`, `bagged_stumps` and `bagging_variance_mc` with numpy.
# **Forbidden**: `sklearn.ensemble.BaggingRegressor`, `sklearn.tree.DecisionTreeRegressor`,
# `sklearn.ensemble.RandomForestRegressor`, `sklearn.utils.resample`.

# %% [raw]
# # BEGIN SOLUTION

# %%
def fit_stump(x, y):
    """Least-squares regression stump on a 1-D input: (threshold s, left value c_L, right value c_R).

    Prediction: c_L where x <= s, c_R where x > s. Candidate thresholds: midpoints between consecutive
    distinct sorted x values; choose the one with the smallest residual sum of squares (ties: the
    smallest threshold); c_L, c_R are the means of y on each side. If x has a single distinct value:
    s = that value and c_L = c_R = mean(y).

    Parameters
    ----------
    x : array of shape (n,), float, n >= 1, in any order, values may repeat. Not modified.
    y : array of shape (n,), float. Not modified.

    Returns
    -------
    (threshold, left_value, right_value) : tuple of three floats.

    Precision: float64 arithmetic (float32 is not accepted: two nearly equal residual sums would be
    ranked by round-off, and the split would jump).
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    order = np.argsort(x, kind="stable")
    xs, ys = x[order], y[order] - y.mean()
    n = xs.size
    gaps = np.flatnonzero(xs[1:] > xs[:-1])  # split after position j (left part xs[:j + 1])
    if gaps.size == 0:
        return float(xs[0]), float(y.mean()), float(y.mean())
    left = np.cumsum(ys)[gaps]
    k = gaps + 1.0
    gain = left**2 / k + left**2 / (n - k)  # sum_right = -sum_left for centred y
    j = gaps[int(np.argmax(gain))]
    return (float((xs[j] + xs[j + 1]) / 2), float(y[order][: j + 1].mean()), float(y[order][j + 1:].mean()))
    # END SOLUTION


def bagged_stumps(x, y, x_test, n_estimators, rng):
    """Bagged regression stumps: averaged test predictions, out-of-bag predictions and OOB error.

    Draws idx = rng.integers(0, n, size=(n_estimators, n)) (one call); stump b = fit_stump(x[idx[b]], y[idx[b]]).
    pred = mean over b of stump b at x_test. Observation i is out of bag for b if i is not in idx[b];
    oob_count[i] counts those b; oob_pred[i] = mean of those stumps at x[i] (0.0 if oob_count[i] == 0);
    oob_error = mean of (y_i - oob_pred[i])^2 over the i with oob_count[i] > 0 (0.0 if there are none).

    Parameters
    ----------
    x : array of shape (n,), float, n >= 1. Not modified.
    y : array of shape (n,), float. Not modified.
    x_test : array of shape (m,), float. Not modified.
    n_estimators : int >= 1, B.
    rng : np.random.Generator, advanced by exactly that one draw.

    Returns
    -------
    dict with "pred" (float array (m,)), "oob_pred" (float array (n,)), "oob_count" (int array (n,)),
    "oob_error" (float).

    Precision: float64, as fit_stump.
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float).ravel()
    y = np.asarray(y, dtype=float).ravel()
    x_test = np.asarray(x_test, dtype=float).ravel()
    n = x.size
    idx = rng.integers(0, n, size=(n_estimators, n))
    pred = np.zeros(x_test.size)
    oob_sum = np.zeros(n)
    oob_count = np.zeros(n, dtype=int)
    for rows in idx:
        s, left, right = fit_stump(x[rows], y[rows])
        pred += np.where(x_test <= s, left, right)
        out = np.ones(n, dtype=bool)
        out[rows] = False
        oob_sum[out] += np.where(x[out] <= s, left, right)
        oob_count[out] += 1
    seen = oob_count > 0
    oob_pred = np.zeros(n)
    oob_pred[seen] = oob_sum[seen] / oob_count[seen]
    oob_error = float(np.mean((y[seen] - oob_pred[seen]) ** 2)) if seen.any() else 0.0
    return {"pred": pred / n_estimators, "oob_pred": oob_pred, "oob_count": oob_count, "oob_error": oob_error}
    # END SOLUTION


def bagging_variance_mc(x_sets, y_sets, x_test, n_estimators, rng):
    """Monte Carlo variance of a single stump and of bagged stumps over T training sets.

    For t = 0, ..., T - 1 in order: pred_single[t] = fit_stump(x_sets[t], y_sets[t]) at x_test;
    pred_bagged[t] = bagged_stumps(x_sets[t], y_sets[t], x_test, n_estimators, rng)["pred"].
    var_* = mean over test points of the variance over t (1/T) of the predictions.

    Parameters
    ----------
    x_sets, y_sets : arrays of shape (T, n), float, T >= 2: training set t is (x_sets[t], y_sets[t]). Not modified.
    x_test : array of shape (m,), float. Not modified.
    n_estimators : int >= 1.
    rng : np.random.Generator, used only through bagged_stumps, for t = 0, 1, ... in order.

    Returns
    -------
    dict with "pred_single", "pred_bagged" (float arrays (T, m)) and "var_single", "var_bagged" (floats).

    Precision: float64, as fit_stump.
    """
    # BEGIN SOLUTION
    x_sets = np.asarray(x_sets, dtype=float)
    y_sets = np.asarray(y_sets, dtype=float)
    x_test = np.asarray(x_test, dtype=float).ravel()
    T = x_sets.shape[0]
    single = np.empty((T, x_test.size))
    bagged = np.empty((T, x_test.size))
    for t in range(T):
        s, left, right = fit_stump(x_sets[t], y_sets[t])
        single[t] = np.where(x_test <= s, left, right)
        bagged[t] = bagged_stumps(x_sets[t], y_sets[t], x_test, n_estimators, rng)["pred"]
    return {"pred_single": single, "pred_bagged": bagged,
            "var_single": float(np.mean(np.var(single, axis=0))), "var_bagged": float(np.mean(np.var(bagged, axis=0)))}
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (asked for, not graded).** With $f(x) = x$ on $[0, 1]$, $\sigma = 0.3$, $T = 60$ training sets of
# $n = 40$ points and $B = 50$: plot a few single-stump fits and bagged fits over a fine grid (left), and
# the variance over training sets of the single and the bagged fits at each test point (right).

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_bag = np.random.default_rng(65)
xs_bag = rng_bag.random((60, 40))
ys_bag = xs_bag + 0.3 * rng_bag.standard_normal((60, 40))
grid_bag = np.linspace(0, 1, 101)
mc_bag = bagging_variance_mc(xs_bag, ys_bag, grid_bag, 50, rng_bag)
fig, axes = plt.subplots(1, 2, figsize=(11, 4))
for t in range(4):
    axes[0].step(grid_bag, mc_bag["pred_single"][t], color="tab:red", alpha=0.6, where="mid")
    axes[0].plot(grid_bag, mc_bag["pred_bagged"][t], color="tab:green", alpha=0.8)
axes[0].plot(grid_bag, grid_bag, "k--", label="f(x) = x")
axes[0].set(title="Single stumps (red) and bagged stumps (green)", xlabel="x")
axes[0].legend()
axes[1].plot(grid_bag, mc_bag["pred_single"].var(axis=0), color="tab:red", label=f"single, mean {mc_bag['var_single']:.4f}")
axes[1].plot(grid_bag, mc_bag["pred_bagged"].var(axis=0), color="tab:green", label=f"bagged, mean {mc_bag['var_bagged']:.4f}")
axes[1].set(title="Variance over 60 training sets", xlabel="x")
axes[1].legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
# FORBIDDEN: sklearn.ensemble.BaggingRegressor, sklearn.tree.DecisionTreeRegressor, sklearn.ensemble.RandomForestRegressor, sklearn.utils.resample
def test_stump_worked_example(fit_stump):
    """A stump on six unsorted points with a repeated x value, worked out by hand."""
    # Sorted by x: x = 1, 2, 2, 3, 4, 5 with y = 1, 2, 1.5, 4, 5.5, 9. Splits between distinct values:
    #   s = 1.5: RSS 36.7    s = 2.5: 13.667    s = 3.5: 11.3125 (best)    s = 4.5: 14.3
    # s = 3.5: left y = 1, 2, 1.5, 4 (mean 2.125), right y = 5.5, 9 (mean 7.25).
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields

    x = np.array([3.0, 1.0, 2.0, 2.0, 5.0, 4.0])
    y = np.array([4.0, 1.0, 2.0, 1.5, 9.0, 5.5])
    s, left, right = fields(fit_stump(x, y), ["threshold", "left_value", "right_value"], "stump")
    close(as_scalar(s, "threshold"), 3.5, name="threshold", hint="sort by x (carry y along); thresholds are midpoints between distinct x values")
    close(as_scalar(left, "left_value"), 2.125, name="left value", hint="the mean of y where x <= threshold")
    close(as_scalar(right, "right_value"), 7.25, name="right value")
    s, left, right = fields(fit_stump(np.array([2.0, 2.0, 2.0]), np.array([1.0, 4.0, 7.0])), ["threshold", "left_value", "right_value"], "stump")
    close(np.array([as_scalar(s, "threshold"), as_scalar(left, "left"), as_scalar(right, "right")], dtype=float), [2.0, 4.0, 4.0],
          name="stump of a constant x (threshold, left, right)", hint="no split is possible: both values are mean(y)")

# %%
def test_bagging_consistency(fit_stump, bagged_stumps):
    """Bagged predictions, out-of-bag counts and the OOB error, rebuilt from your stumps and the same draws."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields

    rng = np.random.default_rng(6501)
    x = rng.uniform(-2, 3, size=15)
    y = np.where(x > 0.5, 2.0, -1.0) + 0.4 * rng.normal(size=15)
    x_test = np.array([-1.5, 0.0, 0.7, 2.5])
    ref = np.random.default_rng(8)
    idx = ref.integers(0, 15, size=(7, 15))
    pred, oob_sum, count = np.zeros(4), np.zeros(15), np.zeros(15)
    for rows in idx:
        s, lv, rv = (float(np.asarray(v).reshape(())) for v in fields(fit_stump(x[rows], y[rows]), ["s", "l", "r"], "stump"))
        pred += np.where(x_test <= s, lv, rv) / 7
        out = ~np.isin(np.arange(15), rows)
        oob_sum[out] += np.where(x[out] <= s, lv, rv)
        count[out] += 1
    oob_pred = np.where(count > 0, oob_sum / np.maximum(count, 1), 0.0)
    rng_call = np.random.default_rng(8)
    p, op, oc, oe = fields(bagged_stumps(x, y, x_test, 7, rng_call), ["pred", "oob_pred", "oob_count", "oob_error"], "result")
    close(as_array(p, "pred", shape=(4,)), pred, name="bagged predictions",
          hint="idx = rng.integers(0, n, size=(B, n)); stump b is fitted to x[idx[b]], y[idx[b]]; average the B predictions")
    close(as_array(oc, "oob_count", shape=(15,)), count, rtol=0, atol=0, name="out-of-bag counts",
          hint="oob_count[i] = number of rows of idx that do not contain i")
    close(as_array(op, "oob_pred", shape=(15,)), oob_pred, name="out-of-bag predictions",
          hint="average only the stumps whose bootstrap sample left i out; 0 where there are none")
    seen = count > 0
    close(as_scalar(oe, "oob_error"), float(np.mean((y[seen] - oob_pred[seen]) ** 2)), name="OOB error",
          hint="mean squared error over the observations that are out of bag at least once")
    close(rng_call.random(), ref.random(), rtol=0, atol=0, name="the generator's next number after your call",
          hint="draw nothing but the one rng.integers call")

# %%
def test_bagging_reduces_variance(bagging_variance_mc):
    """On a smooth trend, bagged stumps vary much less across training sets than single stumps."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require

    rng = np.random.default_rng(6502)
    T, n = 30, 30
    xs = rng.random((T, n))
    ys = 2 * xs + 0.3 * rng.normal(size=(T, n))
    x_test = np.linspace(0.05, 0.95, 7)
    ps, pb, vs, vb = fields(bagging_variance_mc(xs, ys, x_test, 20, rng), ["pred_single", "pred_bagged", "var_single", "var_bagged"], "result")
    ps, pb = as_array(ps, "pred_single", shape=(T, 7)), as_array(pb, "pred_bagged", shape=(T, 7))
    close(as_scalar(vs, "var_single"), float(np.mean(ps.var(axis=0))), name="var_single vs your pred_single",
          hint="variance over training sets (axis 0, 1/T), then the mean over test points")
    close(as_scalar(vb, "var_bagged"), float(np.mean(pb.var(axis=0))), name="var_bagged vs your pred_bagged")
    require(as_scalar(vb, "var_bagged") < 0.7 * as_scalar(vs, "var_single"),
            f"bagging should cut the variance of stumps on a smooth trend substantially: var_bagged = {float(vb):.4g}, "
            f"var_single = {float(vs):.4g}")

# %%
# HIDDEN
def test_stump_against_decision_tree(fit_stump):
    """Stumps on random data with repeated, negative and unsorted inputs against a depth-1 decision tree."""
    import numpy as np
    from sklearn.tree import DecisionTreeRegressor
    from mlmathkit_checks import as_scalar, close, fields

    # scikit-learn's trees split float32 copies of the inputs: the inputs here are float32 numbers, so its
    # midpoint thresholds are exact in float64 and equal the float64 midpoints.
    rng = np.random.default_rng(6503)
    for trial in range(12):
        n = int(rng.integers(2, 40))
        x = rng.normal(size=n) * 5 - 3 if trial % 2 else rng.integers(-3, 4, size=n).astype(float)
        x = x.astype(np.float32).astype(float)
        y = np.where(x > rng.normal(), 1.5, -0.5) * rng.uniform(0.5, 3) + rng.normal(size=n)
        if np.unique(x).size < 2:
            continue
        tree = DecisionTreeRegressor(max_depth=1).fit(x[:, None], y)
        u = np.unique(x)
        probe = np.concatenate([x, (3 * u[:-1] + u[1:]) / 4, (u[:-1] + 3 * u[1:]) / 4, [x.min() - 1, x.max() + 1]])
        s, lv, rv = (as_scalar(v, k) for v, k in zip(fields(fit_stump(x, y), ["threshold", "left_value", "right_value"], "stump"),
                                                   ["threshold", "left_value", "right_value"]))
        close(np.where(probe <= s, lv, rv), tree.predict(probe[:, None]), rtol=1e-9, atol=1e-12,
              name=f"stump predictions (n={n}, {'continuous' if trial % 2 else 'integer'} x)",
              hint="split only between DISTINCT x values, at the midpoint; c_L, c_R are the side means")
        close(as_scalar(s, "threshold"), float(tree.tree_.threshold[0]), rtol=1e-12, atol=1e-12, name=f"threshold (n={n})")

# %%
# HIDDEN
def test_stump_ties_and_edges(fit_stump):
    """Splits with exactly equal error (the smaller threshold wins), repeated inputs, one or two points, y far from zero."""
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields, require

    def stump(x, y):
        return np.array([as_scalar(v, k) for v, k in zip(fields(fit_stump(x, y), ["s", "l", "r"], "stump"),
                                                          ["threshold", "left_value", "right_value"])])

    x = np.array([7.0, 0.0, 6.0, 1.0, 2.0, 5.0, 3.0, 4.0])
    y = np.array([6.0, 0.0, 6.0, 0.0, 3.0, 3.0, 3.0, 3.0])  # sorted by x: 0 0 3 3 3 3 6 6; splits at 1.5 and 5.5 both leave RSS 12
    close(stump(x, y), [1.5, 0.0, 4.0], name="tie between thresholds 1.5 and 5.5", hint="equal residual sums: the smallest threshold")
    close(stump(-x, y), [-5.5, 6.0, 2.0], name="the same tie with x negated (thresholds -5.5 and -1.5)")
    # x = 1 four times: the best partition of the sorted data would cut between equal x values, which no
    # threshold can do; of the real splits, 0.5 and 1.5 tie (RSS 120)
    close(stump(np.array([1.0, 0.0, 1.0, 2.0, 1.0, 1.0]), np.array([0.0, 0.0, 10.0, 10.0, 10.0, 0.0])), [0.5, 0.0, 6.0],
          name="repeated x values with different y", hint="a threshold cannot separate equal x values: split only between distinct values")
    close(stump(np.array([4.2]), np.array([-1.3])), [4.2, -1.3, -1.3], name="a single observation")
    result = fit_stump(np.array([3.0, 1.0]), np.array([2.0, 0.0]))
    require(isinstance(result, tuple) and len(result) == 3, f"fit_stump should return a tuple of three numbers, got {type(result).__name__}")
    close(stump(np.array([1.0, 2.0]), np.array([5.0, -5.0])), [1.5, 5.0, -5.0], name="two observations")
    # y around 1e8: computing sum(y^2) - (sum y)^2 / k without centring loses every digit of the residual sums
    xb = np.arange(10.0)
    yb = 1e8 + np.array([0.0, 0.1, 0.0, 0.1, 0.0, 1.0, 1.1, 1.0, 1.1, 1.0])
    close(stump(xb, yb) - [0.0, 1e8, 1e8], [4.5, 0.04, 1.04], rtol=1e-6, atol=1e-6,
          name="stump of y around 1e8 (values minus (0, 1e8, 1e8))", hint="centre y (subtract its mean) before forming sums of squares")

# %%
# HIDDEN
def test_bagging_against_bagging_regressor(bagged_stumps):
    """Bagged stumps and their out-of-bag predictions against scikit-learn's BaggingRegressor on the same bootstrap samples."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle, require

    def bagging(x, y, x_test, idx):
        import numpy as np
        import sklearn.ensemble._bagging as bagging_module
        from sklearn.ensemble import BaggingRegressor
        from sklearn.tree import DecisionTreeRegressor

        rows, original = {}, bagging_module._generate_bagging_indices

        def same_indices(random_state, bootstrap_features, bootstrap_samples, n_features, *args, **kwargs):
            b = rows.setdefault(int(random_state), len(rows))
            return np.arange(n_features), idx[b]

        bagging_module._generate_bagging_indices = same_indices
        try:
            model = BaggingRegressor(DecisionTreeRegressor(max_depth=1), n_estimators=len(idx), oob_score=True,
                                     random_state=0).fit(x[:, None], y)
            pred, oob = model.predict(x_test[:, None]), model.oob_prediction_
        finally:
            bagging_module._generate_bagging_indices = original
        assert len(rows) == len(idx)
        count = np.array([sum(i not in set(r.tolist()) for r in idx) for i in range(len(x))])
        return pred, oob, count

    import warnings
    rng = np.random.default_rng(6504)
    for n, m, B in [(20, 9, 25), (35, 5, 60), (12, 6, 10), (50, 11, 40)]:
        x = rng.uniform(-5, 5, size=n).astype(np.float32).astype(float)  # sklearn's trees split float32 copies
        if n == 12:
            x = np.round(x)  # repeated inputs
        y = np.sin(x) * 2 + rng.normal(size=n) * 0.5
        x_test = rng.uniform(-6, 6, size=m).astype(np.float32).astype(float)
        if n == 12:
            x_test = np.arange(-6.0, 6.01, 0.5)  # integer inputs: every threshold is a half-integer or an integer
            m = x_test.size
        seed = n * 31 + B
        idx = np.random.default_rng(seed).integers(0, n, size=(B, n))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            pred_e, oob_e, count_e = oracle(bagging, x, y, x_test, idx)
        p, op, oc, oe = fields(bagged_stumps(x, y, x_test, B, np.random.default_rng(seed)),
                               ["pred", "oob_pred", "oob_count", "oob_error"], "result")
        what = f"(n={n}, B={B})"
        close(as_array(p, "pred", shape=(m,)), pred_e, rtol=1e-9, atol=1e-12, name=f"bagged predictions {what}")
        close(as_array(oc, "oob_count", shape=(n,)), count_e, rtol=0, atol=0, name=f"out-of-bag counts {what}")
        require(np.asarray(oc).dtype.kind in "iu", "oob_count should be an integer array")
        close(as_array(op, "oob_pred", shape=(n,)), oob_e, rtol=1e-9, atol=1e-12, name=f"out-of-bag predictions {what}")
        seen = count_e > 0
        close(as_scalar(oe, "oob_error"), float(np.mean((y[seen] - oob_e[seen]) ** 2)), rtol=1e-9, name=f"OOB error {what}")

# %%
# HIDDEN
def test_never_out_of_bag(bagged_stumps):
    """Very few bootstrap samples, so that most observations are never out of bag, and a single observation."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields

    x = np.array([0.5, -1.0, 2.0, 3.5, 1.0, -2.5, 0.0, 4.0])
    y = np.array([1.0, -1.0, 2.5, 3.0, 1.5, -3.0, 0.2, 3.9])
    for B, seed in [(1, 3), (2, 5)]:
        idx = np.random.default_rng(seed).integers(0, 8, size=(B, 8))
        count = np.array([sum(i not in r for r in idx.tolist()) for i in range(8)])
        p, op, oc, oe = fields(bagged_stumps(x, y, np.array([0.3]), B, np.random.default_rng(seed)),
                               ["pred", "oob_pred", "oob_count", "oob_error"], "result")
        close(as_array(oc, "oob_count", shape=(8,)), count, rtol=0, atol=0, name=f"out-of-bag counts (B={B})")
        op = as_array(op, "oob_pred", shape=(8,))
        close(op[count == 0], np.zeros(int((count == 0).sum())), rtol=0, atol=0, name=f"OOB predictions never out of bag (B={B})",
              hint="an observation that is never out of bag gets OOB prediction 0")
        seen = count > 0
        close(as_scalar(oe, "oob_error"), float(np.mean((y[seen] - op[seen]) ** 2)), rtol=1e-12, name=f"OOB error (B={B})",
              hint="average only over observations that are out of bag at least once")
    p, op, oc, oe = fields(bagged_stumps(np.array([1.0]), np.array([2.0]), np.array([0.0, 5.0]), 3, np.random.default_rng(0)),
                           ["pred", "oob_pred", "oob_count", "oob_error"], "result")
    close(as_array(p, "pred", shape=(2,)), [2.0, 2.0], name="one observation: every stump predicts it")
    close(as_scalar(oe, "oob_error"), 0.0, rtol=0, atol=0, name="OOB error with no out-of-bag observation")

# %%
# HIDDEN
def test_variance_mc_against_oracle(bagging_variance_mc):
    """Single and bagged predictions over many training sets against scikit-learn fits on the same bootstrap samples."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle

    def expected(xs, ys, x_test, B, seed):
        import numpy as np
        import sklearn.ensemble._bagging as bagging_module
        from sklearn.ensemble import BaggingRegressor
        from sklearn.tree import DecisionTreeRegressor

        gen = np.random.default_rng(seed)
        single, bagged = [], []
        original = bagging_module._generate_bagging_indices
        try:
            for x, y in zip(xs, ys):
                idx = gen.integers(0, len(x), size=(B, len(x)))
                rows = {}

                def same_indices(random_state, bootstrap_features, bootstrap_samples, n_features, *args, **kwargs):
                    return np.arange(n_features), idx[rows.setdefault(int(random_state), len(rows))]

                bagging_module._generate_bagging_indices = same_indices
                single.append(DecisionTreeRegressor(max_depth=1).fit(x[:, None], y).predict(x_test[:, None]))
                bagged.append(BaggingRegressor(DecisionTreeRegressor(max_depth=1), n_estimators=B,
                                               random_state=0).fit(x[:, None], y).predict(x_test[:, None]))
        finally:
            bagging_module._generate_bagging_indices = original
        return np.array(single), np.array(bagged)

    rng = np.random.default_rng(6505)
    T, n, m, B = 20, 25, 6, 15
    xs = rng.integers(0, 9, size=(T, n)) / 2.0  # half-integers: thresholds fall on multiples of 0.25 (exact in float32)
    ys = np.floor(xs) + 0.5 * rng.normal(size=(T, n))
    x_test = np.array([0.25, 1.0, 1.75, 2.25, 3.0, 3.75])  # some test points sit exactly on thresholds: x <= s goes left
    ps_e, pb_e = oracle(expected, xs, ys, x_test, B, 77)
    ps, pb, vs, vb = fields(bagging_variance_mc(xs, ys, x_test, B, np.random.default_rng(77)),
                            ["pred_single", "pred_bagged", "var_single", "var_bagged"], "result")
    close(as_array(ps, "pred_single", shape=(T, m)), ps_e, rtol=1e-9, atol=1e-12, name="single-stump predictions")
    close(as_array(pb, "pred_bagged", shape=(T, m)), pb_e, rtol=1e-9, atol=1e-12, name="bagged predictions",
          hint="call bagged_stumps for training sets 0, 1, 2, ... in order with the SAME generator")
    close(as_scalar(vs, "var_single"), float(np.mean(ps_e.var(axis=0))), rtol=1e-9, name="var_single",
          hint="variance over training sets with 1/T, averaged over test points")
    close(as_scalar(vb, "var_bagged"), float(np.mean(pb_e.var(axis=0))), rtol=1e-9, name="var_bagged")

# %%
# HIDDEN
def test_inputs_unchanged(fit_stump, bagged_stumps, bagging_variance_mc):
    """Your functions leave the arrays they are given unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    rng = np.random.default_rng(6506)
    x, y, xt = rng.normal(size=12), rng.normal(size=12), rng.normal(size=4)
    x0, y0, xt0 = x.copy(), y.copy(), xt.copy()
    fit_stump(x, y)
    bagged_stumps(x, y, xt, 5, np.random.default_rng(0))
    close(x, x0, rtol=0, atol=0, name="x after your calls", hint="x.sort() sorts x itself: sort a copy or use argsort")
    close(y, y0, rtol=0, atol=0, name="y after your calls")
    close(xt, xt0, rtol=0, atol=0, name="x_test after bagged_stumps")
    xs, ys = rng.normal(size=(3, 10)), rng.normal(size=(3, 10))
    xs0, ys0 = xs.copy(), ys.copy()
    bagging_variance_mc(xs, ys, xt, 4, np.random.default_rng(1))
    close(xs, xs0, rtol=0, atol=0, name="x_sets after bagging_variance_mc")
    close(ys, ys0, rtol=0, atol=0, name="y_sets after bagging_variance_mc")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION

# %% [raw]
# # BEGIN QUESTION
# name: q6_gibbs

# %% [markdown]
# ## Question 6 — Markov chain Monte Carlo: a Gibbs sampler and how well it mixes
#
# **Why it matters.** Bayesian inference needs samples from posterior distributions that can be
# written down only up to a constant. Markov chain Monte Carlo builds a random walk whose long-run
# distribution is the target. The Gibbs sampler (ESL §8.6, Algorithm 8.3) is the simplest: update one
# coordinate at a time from its conditional distribution given the others. Its draws are
# *dependent*, and how dependent decides how many of them you need: that is what you measure here.
#
# **The target** is a bivariate normal with means $\mu_1,\mu_2$, standard deviations $\sigma_1,\sigma_2$ and
# correlation $\rho$. Its conditionals are normal (complete the square in the joint density):
#
# $$X_1\mid X_2 = x_2\ \sim\ \mathcal N\Big(\mu_1 + \rho\frac{\sigma_1}{\sigma_2}(x_2 - \mu_2),\ \sigma_1^2(1-\rho^2)\Big),\qquad
# X_2\mid X_1 = x_1\ \sim\ \mathcal N\Big(\mu_2 + \rho\frac{\sigma_2}{\sigma_1}(x_1 - \mu_1),\ \sigma_2^2(1-\rho^2)\Big).$$
#
# Note the conditional **standard deviation** $\sigma_1\sqrt{1-\rho^2}$: knowing $x_2$ removes the fraction $\rho^2$ of the variance.
#
# **The sampler.** Start from $x^{(0)}$; at iteration $t = 1, 2, \dots$ draw $x_1^{(t)}$ from $X_1\mid x_2^{(t-1)}$, then
# $x_2^{(t)}$ from $X_2\mid x_1^{(t)}$ (the *new* $x_1$). The chain has the bivariate normal as its stationary distribution.
#
# **Mixing.** In standard units $u = (x_1 - \mu_1)/\sigma_1$, $v = (x_2 - \mu_2)/\sigma_2$ one sweep is
# $u_t = \rho v_{t-1} + \sqrt{1-\rho^2}\,z$ and $v_t = \rho u_t + \sqrt{1-\rho^2}\,z'$, so each coordinate is an AR(1) process
# $u_t = \rho^2 u_{t-1} + \text{noise}$: its lag-$h$ autocorrelation is $\rho^{2h}$. The variance of a chain average is then
# about $\sigma^2\tau/n$ with the *integrated autocorrelation time*
# $\tau = 1 + 2\sum_{h\ge1}\rho^{2h} = \frac{1+\rho^2}{1-\rho^2}$: $n$ dependent draws are worth $n/\tau$ independent ones, the
# *effective sample size*. At $\rho = 0.5$, $\tau \approx 1.7$; at $\rho = 0.99$, $\tau\approx 100$ — strongly correlated coordinates
# make coordinate-wise updates crawl along the diagonal.
#
# **Estimates from a chain** $x_0,\dots,x_{n-1}$ (one coordinate): the sample autocorrelation
#
# $$\hat r(h) = \frac{\sum_{t=0}^{n-1-h}(x_t - \bar x)(x_{t+h} - \bar x)}{\sum_{t=0}^{n-1}(x_t - \bar x)^2},\qquad h = 0, 1, \dots, K$$
#
# (both sums divided by the same $n$, so they cancel), and the effective sample size truncated at lag $K$,
# $\widehat{\mathrm{ESS}} = n\,/\,\big(1 + 2\sum_{h=1}^{K}\hat r(h)\big)$.
#
# **Random draws.** One call, `z = rng.standard_normal(size=(n_iter, 2))`: iteration $t$ (row $t$)
# uses `z[t, 0]` for $x_1$ and `z[t, 1]` for $x_2$.
#
# **Your task.** Implement `gibbs_bivariate_normal`, `autocorrelation` and `effective_sample_size`
# with numpy. **Forbidden**: `numpy.random.Generator.multivariate_normal`, `scipy.stats.multivariate_normal`,
# `statsmodels.tsa.stattools.acf` (and drawing from anything but the one `z`).

# %% [raw]
# # BEGIN SOLUTION

# %%
def gibbs_bivariate_normal(mean, std, rho, x0, n_iter, rng):
    """Gibbs sampler for a bivariate normal (ESL Algorithm 8.3).

    Draws z = rng.standard_normal(size=(n_iter, 2)) (one call). Starting from x2 = x0[1] (x0[0] is not
    used: the first update draws x1 given x2), iteration t computes
        x1 = mean[0] + rho * std[0] / std[1] * (x2 - mean[1]) + std[0] * sqrt(1 - rho^2) * z[t, 0]
        x2 = mean[1] + rho * std[1] / std[0] * (x1 - mean[0]) + std[1] * sqrt(1 - rho^2) * z[t, 1]   (new x1)
    and row t of the result is (x1, x2).

    Parameters
    ----------
    mean : array of shape (2,), float. Not modified.
    std : array of shape (2,), float > 0. Not modified.
    rho : float, -1 < rho < 1 (rho = 0 gives independent draws; |rho| near 1 mixes slowly).
    x0 : array of shape (2,), float, the starting point (may be far from the mean). Not modified.
    n_iter : int >= 1.
    rng : np.random.Generator, advanced by exactly that one draw.

    Returns
    -------
    samples : float array of shape (n_iter, 2).

    Precision: float32 arithmetic is accepted (draw z in float64): samples are compared at an absolute
    tolerance of 1e-4 * max|sample| / (1 - rho^2) (the chain's memory 1 / (1 - rho^2) amplifies round-off).
    """
    # BEGIN SOLUTION
    m1, m2 = (float(v) for v in np.asarray(mean, dtype=float).ravel())
    s1, s2 = (float(v) for v in np.asarray(std, dtype=float).ravel())
    z = rng.standard_normal(size=(n_iter, 2))
    c = math.sqrt(1.0 - rho**2)
    x2 = float(np.asarray(x0, dtype=float).ravel()[1])
    out = np.empty((n_iter, 2))
    for t in range(n_iter):
        x1 = m1 + rho * s1 / s2 * (x2 - m2) + s1 * c * z[t, 0]
        x2 = m2 + rho * s2 / s1 * (x1 - m1) + s2 * c * z[t, 1]
        out[t] = x1, x2
    return out
    # END SOLUTION


def autocorrelation(x, max_lag):
    """Sample autocorrelations r(h) = sum_{t<n-h} (x_t - xbar)(x_{t+h} - xbar) / sum_t (x_t - xbar)^2, h = 0..max_lag.

    Parameters
    ----------
    x : array of shape (n,), float, not constant; may sit far from zero (e.g. 1e6 + noise). Not modified.
    max_lag : int, 0 <= max_lag <= n - 1.

    Returns
    -------
    r : float array of shape (max_lag + 1,), r[0] = 1.

    Precision: float64 arithmetic (float32 is not accepted: a chain of 1e5 draws sums 1e5 products).
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float).ravel()
    xc = x - x.mean()
    n = xc.size
    c0 = xc @ xc
    return np.array([xc[: n - h] @ xc[h:] for h in range(max_lag + 1)]) / c0
    # END SOLUTION


def effective_sample_size(x, max_lag):
    """Effective sample size n / (1 + 2 sum_{h=1}^{max_lag} r(h)) with r = autocorrelation(x, max_lag).

    Parameters
    ----------
    x : array of shape (n,), float, not constant. Not modified.
    max_lag : int, 0 <= max_lag <= n - 1 (max_lag = 0 gives n).

    Returns
    -------
    float.

    Precision: float64, as autocorrelation.
    """
    # BEGIN SOLUTION
    r = autocorrelation(x, max_lag)
    return float(np.asarray(x).size / (1.0 + 2.0 * r[1:].sum()))
    # END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [markdown]
# **Plot (asked for, not graded).** Run the sampler for $\rho = 0.5$ and $\rho = 0.99$ (means $(1, -1)$, standard
# deviations $(1, 2)$, start at $(-4, 8)$, 3000 iterations). Draw the trace of $x_1$ for both (left), the first
# 200 points of each chain in the plane (middle), and the autocorrelations up to lag 60 with the theory
# $\rho^{2h}$ dashed (right); give each chain's effective sample size in the legend.

# %% [raw]
# # BEGIN SOLUTION

# %%
# BEGIN SOLUTION
rng_gibbs = np.random.default_rng(66)
fig, axes = plt.subplots(1, 3, figsize=(15, 4))
for rho_g, color in ((0.5, "tab:blue"), (0.99, "tab:red")):
    chain = gibbs_bivariate_normal(np.array([1.0, -1.0]), np.array([1.0, 2.0]), rho_g, np.array([-4.0, 8.0]), 3000, rng_gibbs)
    ess = effective_sample_size(chain[500:, 0], 200)
    axes[0].plot(chain[:, 0], color=color, lw=0.5, label=f"rho = {rho_g} (ESS {ess:.0f} of 2500)")
    axes[1].plot(chain[:200, 0], chain[:200, 1], ".-", color=color, lw=0.5, ms=2)
    lags = np.arange(61)
    axes[2].plot(lags, autocorrelation(chain[500:, 0], 60), color=color, label=f"rho = {rho_g}")
    axes[2].plot(lags, rho_g ** (2 * lags), "--", color=color)
axes[0].set(title="Trace of x1", xlabel="iteration")
axes[0].legend()
axes[1].set(title="First 200 draws", xlabel="x1", ylabel="x2")
axes[2].set(title="Autocorrelation of x1 (dashed: rho^(2h))", xlabel="lag h")
axes[2].legend()
plt.show()
# END SOLUTION

# %% [raw]
# # END SOLUTION

# %% [raw]
# # BEGIN TESTS

# %%
# FORBIDDEN: numpy.random.Generator.multivariate_normal, scipy.stats.multivariate_normal, statsmodels.tsa.stattools.acf
def test_worked_example(gibbs_bivariate_normal, autocorrelation, effective_sample_size):
    """Three Gibbs sweeps from a given start, and the autocorrelations of a 4-point series by hand."""
    # x = (1, 3, 2, 5): mean 2.75, deviations (-1.75, 0.25, -0.75, 2.25), sum of squares 8.75;
    # lag 1: -0.4375 - 0.1875 - 1.6875 = -2.3125;  lag 2: 1.3125 + 0.5625 = 1.875;  lag 3: -3.9375.
    # ESS with max_lag 2: 4 / (1 + 2 (-2.3125 + 1.875) / 8.75) = 4 / 0.9 = 4.444...
    import math
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close

    mean, std, rho = np.array([1.0, -2.0]), np.array([2.0, 0.5]), 0.6
    ref = np.random.default_rng(31)
    z = ref.standard_normal(size=(3, 2))
    rows, x2 = [], 3.0
    for t in range(3):
        x1 = 1.0 + 0.6 * 2.0 / 0.5 * (x2 + 2.0) + 2.0 * 0.8 * z[t, 0]
        x2 = -2.0 + 0.6 * 0.5 / 2.0 * (x1 - 1.0) + 0.5 * 0.8 * z[t, 1]
        rows.append([x1, x2])
    rng = np.random.default_rng(31)
    close(as_array(gibbs_bivariate_normal(mean, std, rho, np.array([0.0, 3.0]), 3, rng), "samples", shape=(3, 2)), rows,
          name="three Gibbs sweeps",
          hint="conditional mean mu1 + rho s1/s2 (x2 - mu2), conditional sd s1 sqrt(1 - rho^2); update x1 first, then x2 from the NEW x1")
    close(rng.random(), ref.random(), rtol=0, atol=0, name="the generator's next number after your call",
          hint="draw nothing but z = rng.standard_normal(size=(n_iter, 2))")
    x = np.array([1.0, 3.0, 2.0, 5.0])
    close(as_array(autocorrelation(x, 3), "r", shape=(4,)), [1.0, -2.3125 / 8.75, 1.875 / 8.75, -3.9375 / 8.75],
          name="autocorrelations of (1, 3, 2, 5)", hint="centre with the mean of the whole series; divide every lag by the same lag-0 sum")
    close(as_scalar(effective_sample_size(x, 2), "ESS"), 4 / 0.9, name="ESS of (1, 3, 2, 5) with max_lag 2")
    close(as_scalar(effective_sample_size(x, 0), "ESS"), 4.0, name="ESS with max_lag 0 (no correction)")

# %%
def test_long_chain_statistically(gibbs_bivariate_normal, autocorrelation):
    """A long chain has the target's means and variances and lag-1 autocorrelation rho^2, within error bars."""
    # mean_within with the long-run sd of each statistic of the AR(1) chain (phi = rho^2, tau = (1+phi)/(1-phi)):
    # x1 - mu1: sd s1 sqrt(tau); (x1 - mu1)^2: sd s1^2 sqrt(2 (1+phi^2)/(1-phi^2)). Lag-1 autocorrelation:
    # Bartlett sd sqrt((1 - phi^2)/n). Each check fails a correct sampler with probability ~1e-6.
    import numpy as np
    from mlmathkit_checks import as_array, close, mean_within

    mean, std, rho = np.array([2.0, -1.0]), np.array([1.5, 0.4]), -0.8
    n, burn = 20000, 200
    x = as_array(gibbs_bivariate_normal(mean, std, rho, mean, n + burn, np.random.default_rng(6601)), "samples",
                 shape=(n + burn, 2))[burn:]
    phi = rho**2
    tau, tau2 = (1 + phi) / (1 - phi), (1 + phi**2) / (1 - phi**2)
    for j in (0, 1):
        mean_within(x[:, j], mean[j], std[j] * np.sqrt(tau), name=f"x{j + 1} (mean {mean[j]})")
        mean_within((x[:, j] - mean[j]) ** 2, std[j] ** 2, std[j] ** 2 * np.sqrt(2 * tau2),
                    name=f"(x{j + 1} - mean)^2 (variance {std[j] ** 2:.4g})")
        close(as_array(autocorrelation(x[:, j], 1), "r", shape=(2,))[1], phi, rtol=0, atol=4.89 * np.sqrt((1 - phi**2) / n),
              name=f"lag-1 autocorrelation of x{j + 1} (theory rho^2 = {phi:.3g})",
              hint="each coordinate of a Gibbs chain is AR(1) with coefficient rho^2")

# %%
# HIDDEN
def test_sampler_against_ar1_filter(gibbs_bivariate_normal):
    """Chains for several means, scales, starts and correlations (negative, zero, nearly one) against the AR(1) form of the sampler."""
    # Oracle: in standard units v_t = rho^2 v_{t-1} + c (rho z_t0 + z_t1), u_t = rho v_{t-1} + c z_t0,
    # run with scipy.signal.lfilter on the same z.
    import numpy as np
    from scipy.signal import lfilter
    from mlmathkit_checks import as_array, close

    def oracle_chain(mean, std, rho, x0, n, seed):
        z = np.random.default_rng(seed).standard_normal(size=(n, 2))
        c = np.sqrt(1 - rho**2)
        v0 = (x0[1] - mean[1]) / std[1]
        v, _ = lfilter([1.0], [1.0, -rho**2], c * (rho * z[:, 0] + z[:, 1]), zi=[rho**2 * v0])
        v_prev = np.concatenate([[v0], v[:-1]])
        u = rho * v_prev + c * z[:, 0]
        return np.column_stack([mean[0] + std[0] * u, mean[1] + std[1] * v])

    cases = [([1.0, -2.0], [2.0, 0.5], 0.6, [0.0, 3.0], 500), ([0.0, 0.0], [1.0, 1.0], 0.0, [5.0, -5.0], 300),
             ([-3.0, 10.0], [0.2, 7.0], -0.9, [-3.0, 60.0], 400), ([5.0, 5.0], [1.0, 3.0], 0.999, [5.0, 5.0], 300),
             ([1e3, -1e3], [10.0, 0.1], 0.3, [1e3, -990.0], 200), ([0.5, 0.5], [1.0, 1.0], -0.5, [0.0, 0.0], 1)]
    a = as_array(gibbs_bivariate_normal(np.array([1.0, 2.0]), np.array([1.0, 1.0]), 0.5, np.array([-50.0, 2.5]), 5,
                                        np.random.default_rng(9)), "samples", shape=(5, 2))
    b = as_array(gibbs_bivariate_normal(np.array([1.0, 2.0]), np.array([1.0, 1.0]), 0.5, np.array([70.0, 2.5]), 5,
                                        np.random.default_rng(9)), "samples", shape=(5, 2))
    close(a, b, rtol=0, atol=0, name="chains from starts that differ only in x0[0]",
          hint="the first update draws x1 given x2 = x0[1]: x0[0] is never used")
    for k, (mean, std, rho, x0, n) in enumerate(cases):
        mean, std, x0 = np.array(mean), np.array(std), np.array(x0)
        expected = oracle_chain(mean, std, rho, x0, n, 500 + k)
        got = as_array(gibbs_bivariate_normal(mean, std, rho, x0, n, np.random.default_rng(500 + k)), "samples", shape=(n, 2))
        tol = 1e-4 * np.abs(expected).max() / (1 - rho**2)  # float32 round-off, amplified by the chain's memory
        close(got, expected, rtol=0, atol=tol, name=f"chain (rho = {rho}, mean {mean.tolist()}, std {std.tolist()}, n_iter = {n})",
              hint="x1 | x2 has mean mu1 + rho s1/s2 (x2 - mu2) and sd s1 sqrt(1 - rho^2); then x2 | the new x1")

# %%
# HIDDEN
def test_mixing_statistically(gibbs_bivariate_normal, autocorrelation, effective_sample_size):
    """Lag-1 autocorrelations match rho^2 for several correlations, and stronger correlation mixes slower."""
    # Bartlett: sd of the lag-1 autocorrelation of an AR(1) chain ~ sqrt((1 - phi^2) / n); allowed 4.89 sd
    # (false-fail ~1e-6 per check). The ESS ordering holds with an enormous margin at these sizes.
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, require

    rng = np.random.default_rng(6602)
    n, burn = 30000, 300
    ess = {}
    for rho in (0.0, 0.5, -0.7, 0.9):
        x = as_array(gibbs_bivariate_normal(np.array([0.0, 1.0]), np.array([2.0, 1.0]), rho, np.array([0.0, 1.0]), n + burn, rng),
                     "samples", shape=(n + burn, 2))[burn:]
        phi = rho**2
        r1 = as_array(autocorrelation(x[:, 1], 1), "r", shape=(2,))[1]
        close(r1, phi, rtol=0, atol=4.89 * np.sqrt((1 - phi**2) / n), name=f"lag-1 autocorrelation of x2 (rho = {rho})")
        ess[rho] = as_scalar(effective_sample_size(x[:, 0], 50), "ESS")
    require(ess[0.9] < ess[-0.7] < ess[0.5] < ess[0.0],
            f"the effective sample size must fall as |rho| grows: {ess}")
    close(ess[0.9], n * (1 - 0.81) / (1 + 0.81), rtol=0.2, name="ESS at rho = 0.9 vs n (1 - rho^2) / (1 + rho^2)")

# %%
# HIDDEN
def test_autocorrelation_against_numpy_correlate(autocorrelation, effective_sample_size):
    """Autocorrelations of random series, also far from zero, at all lags up to n - 1, against numpy.correlate."""
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close

    rng = np.random.default_rng(6603)
    for n, offset, max_lag in [(1000, 1e6, 40), (50, 0.0, 10), (7, 3.0, 6), (2, -1.0, 0), (300, 0.0, 0), (40, 0.0, 39)]:
        x = offset + np.cumsum(rng.normal(size=n)) * 0.1 + rng.normal(size=n)
        xc = x - np.mean(x)
        full = np.correlate(xc, xc, mode="full")[n - 1:] / np.dot(xc, xc)
        expected = full[: max_lag + 1]
        close(as_array(autocorrelation(x, max_lag), "r", shape=(max_lag + 1,)), expected, rtol=1e-6, atol=1e-9,
              name=f"autocorrelations (n={n}, offset {offset:g}, max_lag {max_lag})",
              hint="divide every lag by the lag-0 sum (not by n - h); centre with the mean first")
        if max_lag < n // 2:  # at max_lag = n - 1 the autocorrelations of a centred series sum to -1/2: ESS = n / 0
            close(as_scalar(effective_sample_size(x, max_lag), "ESS"), n / (1 + 2 * expected[1:].sum()), rtol=1e-6,
                  name=f"ESS (n={n}, max_lag {max_lag})")

# %%
# HIDDEN
def test_inputs_unchanged(gibbs_bivariate_normal, autocorrelation, effective_sample_size):
    """Your functions leave the arrays they are given unchanged."""
    import numpy as np
    from mlmathkit_checks import close

    mean, std, x0 = np.array([1.0, 2.0]), np.array([0.5, 3.0]), np.array([-1.0, 4.0])
    saved = [a.copy() for a in (mean, std, x0)]
    gibbs_bivariate_normal(mean, std, 0.4, x0, 20, np.random.default_rng(0))
    for a, b, name in zip((mean, std, x0), saved, ("mean", "std", "x0")):
        close(a, b, rtol=0, atol=0, name=f"{name} after gibbs_bivariate_normal", hint="copy the starting point before updating it")
    x = np.random.default_rng(1).normal(size=30)
    x_saved = x.copy()
    autocorrelation(x, 5)
    effective_sample_size(x, 5)
    close(x, x_saved, rtol=0, atol=0, name="x after autocorrelation", hint="x - x.mean() makes a new array; x -= x.mean() changes x")

# %% [raw]
# # END TESTS

# %% [raw]
# # END QUESTION
