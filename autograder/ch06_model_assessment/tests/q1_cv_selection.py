from otter.test_files import test_case

OK_FORMAT = False

name = "q1_cv_selection"
points = 4.0

@test_case(name="test_worked_examples", points=None, hidden=False)
def test_worked_examples(kfold_assignments, screen_predictors):
    """Folds of 7 samples in 3 blocks, and the ranking of 4 predictors with different scales and signs."""
    from mlmathkit_checks import guarded as _guarded
    kfold_assignments = _guarded(kfold_assignments, 'kfold_assignments', ('sklearn',))
    screen_predictors = _guarded(screen_predictors, 'screen_predictors', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, close, require
    folds = kfold_assignments(7, 3)
    close(as_array(folds, 'fold assignments', shape=(7,)), [0, 0, 0, 1, 1, 2, 2], rtol=0, atol=0, name='kfold_assignments(7, 3)', hint='contiguous blocks; the first n % K folds get one extra sample')
    require(np.asarray(folds).dtype.kind in 'iu', f'fold assignments should be integers, got dtype {np.asarray(folds).dtype}')
    close(kfold_assignments(6, 4), [0, 0, 1, 1, 2, 3], rtol=0, atol=0, name='kfold_assignments(6, 4)')
    y = np.array([0.0, 0, 1, 0, 1, 1])
    X = np.array([[100.0, -1.0, 7, 0.3], [120, -1.5, 7, 0.1], [110, -3.0, 7, 0.4], [130, -1.2, 7, 0.2], [150, -2.5, 7, 0.6], [140, -2.8, 7, 0.5]])
    keep = screen_predictors(X, y, 3)
    close(as_array(keep, 'kept columns', shape=(3,)), [1, 3, 0], rtol=0, atol=0, name='screen_predictors(X, y, 3)', hint='rank by |Pearson correlation|: centre both variables and divide by both norms; a negative r counts by its size')
    require(np.asarray(keep).dtype.kind in 'iu', f'column indices should be integers, got dtype {np.asarray(keep).dtype}')
    close(screen_predictors(X, y, 4), [1, 3, 0, 2], rtol=0, atol=0, name='screen_predictors(X, y, 4)', hint='the constant column has correlation 0 and comes last')

@test_case(name="test_noise_wrong_vs_right", points=None, hidden=False)
def test_noise_wrong_vs_right(cv_screened_1nn):
    """ESL's pure-noise experiment: screening outside the folds looks far better than chance, inside does not."""
    from mlmathkit_checks import guarded as _guarded
    cv_screened_1nn = _guarded(cv_screened_1nn, 'cv_screened_1nn', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    rng = np.random.default_rng(7102)
    X = rng.standard_normal((50, 5000))
    y = rng.permutation(np.repeat([0, 1], 25))
    sizes = np.array([13, 13, 12, 12])
    out = {}
    for inside in (False, True):
        fe, cv = fields(cv_screened_1nn(X, y, 4, 100, inside), ['fold_errors', 'cv_error'], 'result')
        fe = as_array(fe, 'fold_errors', shape=(4,))
        cv = as_scalar(cv, 'cv_error')
        close(fe * sizes, np.round(fe * sizes), rtol=0, atol=1e-09, name='fold_errors x fold sizes', hint='each fold error is (mistakes in the fold) / (fold size): folds here hold 13, 13, 12, 12 samples')
        close(cv, float(fe @ sizes) / 50, rtol=1e-12, atol=1e-12, name='cv_error vs the fold errors', hint='the CV error averages over all N samples: weight each fold error by its size')
        out[inside] = cv
    require(out[False] < 0.2, f'screening on all 50 samples (wrong way) should look far better than chance on this noise, got CV error {out[False]:.3f}: did you screen inside the folds even when select_inside=False?')
    require(out[True] > 0.3, f'screening inside each fold (right way) must be near the chance error 0.5 on pure noise, got {out[True]:.3f}: the held-out samples must not take part in choosing the predictors')

@test_case(name="test_folds_against_kfold", points=None, hidden=True)
def test_folds_against_kfold(kfold_assignments):
    """Fold sizes and order for many sample sizes and numbers of folds, including leave-one-out."""
    from mlmathkit_checks import guarded as _guarded
    kfold_assignments = _guarded(kfold_assignments, 'kfold_assignments', ('sklearn',))
    import numpy as np
    from sklearn.model_selection import KFold
    from mlmathkit_checks import as_array, close, require
    for n, k in [(10, 2), (10, 3), (11, 5), (23, 7), (5, 5), (100, 10), (101, 10), (9, 8), (2, 2), (37, 36)]:
        expected = np.empty(n)
        for fold, (_, test) in enumerate(KFold(n_splits=k).split(np.zeros((n, 1)))):
            expected[test] = fold
        got = kfold_assignments(n, k)
        close(as_array(got, f'folds (n={n}, K={k})', shape=(n,)), expected, rtol=0, atol=0, name=f'kfold_assignments({n}, {k})', hint='the first n % K folds have n // K + 1 samples')
        require(np.asarray(got).dtype.kind in 'iu', 'fold assignments should be an integer array')

@test_case(name="test_screening_against_pearsonr", points=None, hidden=True)
def test_screening_against_pearsonr(screen_predictors):
    """Random predictors of very different scales, offsets and signs, with constant columns and real-valued y."""
    from mlmathkit_checks import guarded as _guarded
    screen_predictors = _guarded(screen_predictors, 'screen_predictors', ('sklearn',))
    import warnings
    import numpy as np
    from scipy.stats import pearsonr
    from mlmathkit_checks import as_array, close, require

    def oracle_r(X, y):
        r = []
        for j in range(X.shape[1]):
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                value = pearsonr(X[:, j], y).statistic
            r.append(0.0 if not np.isfinite(value) else value)
        return np.abs(np.array(r))
    rng = np.random.default_rng(6101)
    for trial in range(8):
        n, p = (int(rng.integers(5, 40)), int(rng.integers(3, 60)))
        y = rng.integers(0, 2, size=n).astype(float) if trial % 2 else rng.normal(size=n) * 3 - 1
        if (y == y[0]).all():
            y[0] = 1 - y[0]
        X = rng.normal(size=(n, p)) * 10.0 ** rng.uniform(-3, 3, size=p) + rng.uniform(-1000.0, 1000.0, size=p)
        X[:, :2] += np.outer(y, [2.0, -5.0]) * X[:, :2].std(axis=0)
        X[:, rng.integers(0, p)] = 0.1
        r = oracle_r(X, y)
        m = int(rng.integers(1, p + 1))
        expected = np.argsort(-r, kind='stable')[:m]
        got = as_array(screen_predictors(X, y, m), 'kept columns', shape=(m,))
        close(r[got.astype(int)], r[expected], rtol=1e-09, atol=1e-12, name=f'|r| of the kept columns, in order (n={n}, p={p}, n_keep={m})', hint='rank by |Pearson correlation| in decreasing order; a constant column has r = 0')
        close(got, expected, rtol=0, atol=0, name=f'kept column indices (n={n}, p={p}, n_keep={m})')
        require(np.asarray(screen_predictors(X, y, m)).dtype.kind in 'iu', 'kept columns should be integers')

@test_case(name="test_screening_ties_and_constants", points=None, hidden=True)
def test_screening_ties_and_constants(screen_predictors):
    """Exact ties in |correlation| (a duplicated and a negated column) go to the lower column index; constants last."""
    from mlmathkit_checks import guarded as _guarded
    screen_predictors = _guarded(screen_predictors, 'screen_predictors', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import close
    y = np.array([0.0, 1, 1, 0, 1, 0, 0, 1])
    a = np.array([1.0, 3, 2, 0, 4, 1, 0, 2])
    b = np.array([2.0, 2, 3, 1, 2, 2, 1, 3])
    X = np.column_stack([b, np.full(8, 5.0), -a, a, b, 0.1 * np.ones(8)])
    close(screen_predictors(X, y, 6), [2, 3, 0, 4, 1, 5], rtol=0, atol=0, name='ranking with ties', hint="equal |r|: lower column index first (np.argsort(..., kind='stable')); -a and a tie, so do the two b's")
    close(screen_predictors(X, y, 2), [2, 3], rtol=0, atol=0, name='two kept columns with ties')
    close(screen_predictors(X, np.full(8, 1.0), 3), [0, 1, 2], rtol=0, atol=0, name='constant y', hint='if y is constant every correlation is 0: keep the first columns')
    y6 = np.array([1.0, 0, 0, 1, 0, 0])
    X6 = np.column_stack([np.full(6, 3.0), np.full(6, 0.1), [0.5, 0.1, 0.2, 0.9, 0.3, 0.0]])
    close(screen_predictors(X6, y6, 3), [2, 0, 1], rtol=0, atol=0, name='two constant columns (3.0 and 0.1) and a predictor', hint='detect constant columns explicitly (all entries equal): their correlation is exactly 0, so they tie')
    close(screen_predictors(X6, np.full(6, 0.7), 3), [0, 1, 2], rtol=0, atol=0, name="a constant y of six 0.7's", hint='if y is constant (all entries equal) every correlation is exactly 0, even if y - mean(y) is not exactly 0')

@test_case(name="test_cv_against_sklearn_pipeline", points=None, hidden=True)
def test_cv_against_sklearn_pipeline(cv_screened_1nn):
    """Random data with some signal, both ways, unequal folds and leave-one-out, against a scikit-learn pipeline."""
    from mlmathkit_checks import guarded as _guarded
    cv_screened_1nn = _guarded(cv_screened_1nn, 'cv_screened_1nn', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle

    def fold_errors(X, y, k, m, inside):
        import numpy as np
        from sklearn.feature_selection import SelectKBest, r_regression
        from sklearn.model_selection import KFold, cross_val_score
        from sklearn.neighbors import KNeighborsClassifier
        from sklearn.pipeline import Pipeline

        def abs_r(A, b):
            return np.abs(r_regression(A, b, force_finite=True))
        knn = KNeighborsClassifier(n_neighbors=1, algorithm='brute')
        if inside:
            model, data = (Pipeline([('screen', SelectKBest(abs_r, k=m)), ('knn', knn)]), X)
        else:
            model, data = (knn, X[:, SelectKBest(abs_r, k=m).fit(X, y).get_support()])
        return 1.0 - cross_val_score(model, data, y, cv=KFold(n_splits=k), scoring='accuracy')
    rng = np.random.default_rng(6102)
    for n, p, k, m, signal in [(30, 200, 3, 10, 0.0), (41, 300, 4, 25, 1.0), (37, 150, 5, 1, 0.5), (13, 80, 13, 5, 0.8), (50, 500, 7, 50, 0.0), (33, 60, 6, 60, 1.5)]:
        y = rng.permutation(np.arange(n) % 2)
        X = rng.standard_normal((n, p)) * rng.uniform(0.5, 4.0, size=p)
        X[:, :5] += signal * (2 * y[:, None] - 1)
        sizes = np.bincount(np.repeat(np.arange(k), [n // k + (i < n % k) for i in range(k)]))
        for inside in (True, False):
            expected = oracle(fold_errors, X, y, k, m, inside)
            fe, cv = fields(cv_screened_1nn(X, y, k, m, inside), ['fold_errors', 'cv_error'], 'result')
            what = f'(n={n}, p={p}, K={k}, n_keep={m}, select_inside={inside})'
            close(as_array(fe, 'fold_errors', shape=(k,)), expected, rtol=0, atol=1e-12, name=f'fold errors {what}', hint='screen on the training folds only when select_inside is True, on all samples when False')
            close(as_scalar(cv, 'cv_error'), float(expected @ sizes) / n, rtol=0, atol=1e-12, name=f'CV error {what}', hint='the CV error is mistakes / n: fold errors weighted by fold size')

@test_case(name="test_esl_noise_experiment", points=None, hidden=True)
def test_esl_noise_experiment(cv_screened_1nn):
    """Pure-noise data with 5000 predictors, where screening outside the folds looks far better than chance."""
    from mlmathkit_checks import guarded as _guarded
    cv_screened_1nn = _guarded(cv_screened_1nn, 'cv_screened_1nn', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, oracle, require

    def fold_errors(X, y, k, m, inside):
        import numpy as np
        from sklearn.feature_selection import SelectKBest, r_regression
        from sklearn.model_selection import KFold, cross_val_score
        from sklearn.neighbors import KNeighborsClassifier
        from sklearn.pipeline import Pipeline

        def abs_r(A, b):
            return np.abs(r_regression(A, b, force_finite=True))
        knn = KNeighborsClassifier(n_neighbors=1, algorithm='brute')
        if inside:
            model, data = (Pipeline([('screen', SelectKBest(abs_r, k=m)), ('knn', knn)]), X)
        else:
            model, data = (knn, X[:, SelectKBest(abs_r, k=m).fit(X, y).get_support()])
        return 1.0 - cross_val_score(model, data, y, cv=KFold(n_splits=k), scoring='accuracy')
    rng = np.random.default_rng(6103)
    X = rng.standard_normal((50, 5000))
    y = rng.permutation(np.repeat([0, 1], 25))
    got = {}
    for inside in (False, True):
        expected = oracle(fold_errors, X, y, 5, 100, inside)
        fe, = fields(cv_screened_1nn(X, y, 5, 100, inside), ['fold_errors'], 'result')
        close(as_array(fe, 'fold_errors', shape=(5,)), expected, rtol=0, atol=1e-12, name=f'fold errors on pure noise (select_inside={inside})')
        got[inside] = float(np.mean(expected))
    require(got[False] < 0.15 < 0.35 < got[True], 'test data check')

@test_case(name="test_no_screening_and_single_predictor", points=None, hidden=True)
def test_no_screening_and_single_predictor(cv_screened_1nn):
    """Keeping every predictor (both ways agree) and keeping a single predictor, on scaled and shifted data."""
    from mlmathkit_checks import guarded as _guarded
    cv_screened_1nn = _guarded(cv_screened_1nn, 'cv_screened_1nn', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields
    rng = np.random.default_rng(6104)
    n, p = (26, 12)
    y = rng.permutation(np.arange(n) % 2)
    X = rng.standard_normal((n, p)) * 100 + 10000.0
    X[:, 3] += 300 * y
    a = fields(cv_screened_1nn(X, y, 4, p, True), ['fold_errors', 'cv_error'], 'inside')
    b = fields(cv_screened_1nn(X, y, 4, p, False), ['fold_errors', 'cv_error'], 'outside')
    close(as_array(a[0], 'fold_errors'), as_array(b[0], 'fold_errors'), rtol=0, atol=1e-12, name='fold errors with n_keep = p (screening keeps everything, so both ways agree)')
    fe, cv = fields(cv_screened_1nn(X, y, 4, 1, True), ['fold_errors', 'cv_error'], 'result')
    dist = np.abs(X[:, 3][:, None] - X[:, 3][None, :])
    fold = np.repeat(np.arange(4), [7, 7, 6, 6])
    wrong = 0
    for i in range(n):
        train = np.flatnonzero(fold != fold[i])
        wrong += y[train[np.argmin(dist[i, train])]] != y[i]
    close(as_scalar(cv, 'cv_error'), wrong / n, rtol=0, atol=1e-12, name='CV error keeping the single best predictor')

@test_case(name="test_distance_ties_and_other_labels", points=None, hidden=True)
def test_distance_ties_and_other_labels(cv_screened_1nn):
    """Training samples at exactly the same distance (the lowest training index wins), with labels other than 0 and 1."""
    from mlmathkit_checks import guarded as _guarded
    cv_screened_1nn = _guarded(cv_screened_1nn, 'cv_screened_1nn', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    base = np.array([[0.0, 1.0], [3.0, -1.0], [1.5, 4.0], [-2.0, 0.5]])
    X = np.vstack([base, base])
    y = np.array([2, 5, 2, 5, 5, 2, 5, 2])
    fe, cv = fields(cv_screened_1nn(X, y, 2, 2, True), ['fold_errors', 'cv_error'], 'result')
    close(as_array(fe, 'fold_errors', shape=(2,)), [1.0, 1.0], rtol=0, atol=0, name='fold errors when every test sample has an exact copy', hint='the nearest training sample is the copy (distance 0), whose label is the other one')
    X2 = np.array([[0.0, 0.0], [9.0, 9.0], [1.0, 0.0], [-1.0, 0.0]])
    y2 = np.array([2, 5, 5, 2])
    fe, cv = fields(cv_screened_1nn(X2, y2, 2, 2, False), ['fold_errors', 'cv_error'], 'result')
    close(as_array(fe, 'fold_errors', shape=(2,))[0], 0.5, rtol=0, atol=0, name='fold 0 with two equidistant neighbours', hint='ties in distance go to the LOWEST training index (np.argmin keeps the first)')
    require(np.ndim(cv) == 0, f'cv_error should be a single number, got an array of shape {np.shape(cv)}')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(kfold_assignments, screen_predictors, cv_screened_1nn):
    """Your functions leave the arrays they are given unchanged."""
    from mlmathkit_checks import guarded as _guarded
    kfold_assignments = _guarded(kfold_assignments, 'kfold_assignments', ('sklearn',))
    screen_predictors = _guarded(screen_predictors, 'screen_predictors', ('sklearn',))
    cv_screened_1nn = _guarded(cv_screened_1nn, 'cv_screened_1nn', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(6105)
    X = rng.normal(size=(20, 30))
    y = rng.permutation(np.arange(20) % 2)
    X0, y0 = (X.copy(), y.copy())
    screen_predictors(X, y, 5)
    close(X, X0, rtol=0, atol=0, name='X after screen_predictors', hint='centre a copy, not X itself')
    close(y, y0, rtol=0, atol=0, name='y after screen_predictors')
    cv_screened_1nn(X, y, 4, 5, True)
    cv_screened_1nn(X, y, 4, 5, False)
    close(X, X0, rtol=0, atol=0, name='X after cv_screened_1nn')
    close(y, y0, rtol=0, atol=0, name='y after cv_screened_1nn')

