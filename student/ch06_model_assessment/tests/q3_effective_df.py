from otter.test_files import test_case

OK_FORMAT = False

name = "q3_effective_df"
points = 4.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(ridge_df, ridge_hat_matrix, information_criteria):
    """A 3 x 2 matrix with singular values 3 and 1, and the criteria of two models by hand."""
    from mlmathkit_checks import guarded as _guarded
    ridge_df = _guarded(ridge_df, 'ridge_df', ('sklearn',))
    ridge_hat_matrix = _guarded(ridge_hat_matrix, 'ridge_hat_matrix', ('sklearn',))
    information_criteria = _guarded(information_criteria, 'information_criteria', ('sklearn',))
    import math
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields
    X = np.array([[1.8, 2.4], [-0.8, 0.6], [0.0, 0.0]])
    close(as_scalar(ridge_df(X, 2.0), 'df'), 9 / 11 + 1 / 3, name='df(2)', hint='sum of d_j^2 / (d_j^2 + lambda) over the SINGULAR VALUES d_j (squared)')
    close(as_array(ridge_df(X, np.array([5.0, 0.0, 2.0])), 'df', shape=(3,)), [9 / 14 + 1 / 6, 2.0, 9 / 11 + 1 / 3], name='df at lambda = 5, 0, 2 (in this order)', hint='lambda = 0 gives the rank of X; keep the order of lam')
    close(as_array(ridge_hat_matrix(X, 2.0), 'S', shape=(3, 3)), np.diag([9 / 11, 1 / 3, 0.0]), atol=1e-12, name='S at lambda = 2', hint='S = U diag(d^2 / (d^2 + lambda)) U^T with the LEFT singular vectors U (n x r)')
    cp, aic, bic = fields(information_criteria(np.array([10.0, 6.0]), np.array([2.0, 5.0]), 20, 0.5), ['cp', 'aic', 'bic'], 'criteria')
    close(as_array(cp, 'cp', shape=(2,)), [0.6, 0.55], name='Cp', hint='RSS/n + 2 df sigma2 / n')
    close(as_array(aic, 'aic', shape=(2,)), [20 * math.log(math.pi) + 24, 20 * math.log(math.pi) + 22], name='AIC', hint='n log(2 pi sigma2) + RSS / sigma2 + 2 df')
    close(as_array(bic, 'bic', shape=(2,)), [20 * math.log(math.pi) + 20 + 2 * math.log(20), 20 * math.log(math.pi) + 12 + 5 * math.log(20)], name='BIC', hint='the BIC penalty per degree of freedom is log(n), natural log')

@test_case(name="test_ridge_select_properties", points=None, hidden=False)
def test_ridge_select_properties(ridge_select, ridge_hat_matrix):
    """Along an unsorted grid of penalties: df and RSS move the right way, AIC agrees with Cp, BIC is simpler."""
    from mlmathkit_checks import guarded as _guarded
    ridge_select = _guarded(ridge_select, 'ridge_select', ('sklearn',))
    ridge_hat_matrix = _guarded(ridge_hat_matrix, 'ridge_hat_matrix', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    rng = np.random.default_rng(6301)
    X = rng.normal(size=(30, 6)) * np.array([1.0, 2.0, 0.5, 3.0, 1.0, 0.2])
    y = X @ np.array([1.0, 0.0, 0.0, 0.5, 0.0, 0.0]) + 0.7 * rng.normal(size=30)
    lambdas = np.array([10.0, 0.01, 300.0, 1.0, 3.0, 30.0, 0.1, 100.0])
    out = ridge_select(X, y, lambdas, 0.49)
    df, rss, cp, aic, bic = (as_array(v, k, shape=(8,)) for v, k in zip(fields(out, ['df', 'rss', 'cp', 'aic', 'bic'], 'result'), ['df', 'rss', 'cp', 'aic', 'bic']))
    order = np.argsort(lambdas)
    require(bool(np.all(np.diff(df[order]) < 0)), 'df must decrease as lambda grows (keep the order of the lambdas you were given)')
    require(bool(np.all(np.diff(rss[order]) > 0)), 'RSS must grow as lambda grows')
    S = as_array(ridge_hat_matrix(X, 3.0), 'S', shape=(30, 30))
    close(df[4], np.trace(S), name='df at lambda = 3 vs the trace of your hat matrix')
    close(rss[4], float(np.sum((y - S @ y) ** 2)), name='RSS at lambda = 3 vs your hat matrix')
    b_cp, b_aic, b_bic = (as_scalar(out[k], k) for k in ('best_cp', 'best_aic', 'best_bic'))
    close(b_cp, float(np.argmin(cp)), rtol=0, atol=0, name='best_cp', hint='the index into lambdas of the smallest Cp')
    require(b_aic == b_cp, f'with known sigma2, AIC is an increasing function of Cp: they must choose the same lambda (got indices {b_aic:g} and {b_cp:g})')
    require(df[int(b_bic)] <= df[int(b_aic)], 'BIC penalises each degree of freedom by log n > 2: it must choose a model with no more degrees of freedom than AIC')

