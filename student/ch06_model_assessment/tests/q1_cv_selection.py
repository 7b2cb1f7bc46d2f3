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

