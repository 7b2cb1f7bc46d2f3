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

@test_case(name="test_df_against_hat_matrix_trace", points=None, hidden=True)
def test_df_against_hat_matrix_trace(ridge_df):
    """Random tall and wide matrices and unsorted grids of penalties against the trace of the hat matrix."""
    from mlmathkit_checks import guarded as _guarded
    ridge_df = _guarded(ridge_df, 'ridge_df', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, oracle, require

    def trace_hat(X, lam):
        import numpy as np
        from scipy.linalg import lstsq
        n, p = X.shape
        A = np.vstack([X, np.sqrt(lam) * np.eye(p)])
        B = np.vstack([np.eye(n), np.zeros((p, n))])
        return float(np.trace(X @ lstsq(A, B)[0]))
    rng = np.random.default_rng(6302)
    for n, p in [(20, 5), (8, 30), (50, 50), (3, 1), (1, 4), (40, 12)]:
        X = rng.normal(size=(n, p)) * rng.uniform(0.1, 10, size=p)
        lam = rng.choice(10.0 ** rng.uniform(-3, 4, size=6), size=9)
        expected = np.array([oracle(trace_hat, X, float(v)) for v in lam])
        close(as_array(ridge_df(X, lam), 'df', shape=(9,)), expected, name=f'df for X of shape {(n, p)}', hint='df(lambda) = sum_j d_j^2 / (d_j^2 + lambda), one value per lambda, in the given order')
        single = ridge_df(X, float(lam[0]))
        require(np.ndim(single) == 0, f'ridge_df with a number lambda should return a number, got shape {np.shape(single)}')
        close(as_scalar(single, 'df'), expected[0], name=f'df for a single lambda (X of shape {(n, p)})')
        close(as_array(ridge_df(X, lam.reshape(3, 3)), 'df', shape=(3, 3)), expected.reshape(3, 3), name='df for a 3 x 3 array of lambdas', hint='return an array of the shape of lam')

@test_case(name="test_df_rank_deficient_and_extremes", points=None, hidden=True)
def test_df_rank_deficient_and_extremes(ridge_df):
    """No penalty on rank-deficient, zero and tiny matrices, very large and very small penalties, and rescaled matrices."""
    from mlmathkit_checks import guarded as _guarded
    ridge_df = _guarded(ridge_df, 'ridge_df', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close
    rng = np.random.default_rng(6303)
    B = rng.normal(size=(25, 3))
    X = np.column_stack([B, B @ rng.normal(size=(3, 4))])
    close(as_scalar(ridge_df(X, 0.0), 'df'), 3.0, rtol=0, atol=1e-09, name='df(0) of a rank-3 matrix with 7 columns', hint='singular values <= max(n, p) * eps * d_1 count as zero: df(0) is the rank')
    close(as_scalar(ridge_df(np.zeros((4, 3)), 0.0), 'df'), 0.0, rtol=0, atol=0, name='df(0) of the zero matrix')
    close(as_scalar(ridge_df(np.zeros((4, 3)), 1.0), 'df'), 0.0, rtol=0, atol=0, name='df(1) of the zero matrix')
    W = rng.normal(size=(4, 9))
    close(as_scalar(ridge_df(W, 0.0), 'df'), 4.0, rtol=0, atol=1e-09, name='df(0) of a wide 4 x 9 matrix (rank 4)')
    F = rng.normal(size=(10, 4))
    dF = np.linalg.svd(F, compute_uv=False) ** 2
    close(as_array(ridge_df(1e-12 * F, np.array([0.0, 1e-24, 3e-24])), 'df', shape=(3,)), [4.0, np.sum(dF / (dF + 1.0)), np.sum(dF / (dF + 3.0))], rtol=1e-06, atol=1e-12, name='df of a 10 x 4 matrix with entries ~1e-12 (lambda = 0, 1e-24, 3e-24)', hint='the rank tolerance is relative to the largest singular value, never an absolute number')
    d2 = np.linalg.svd(X, compute_uv=False)[:3] ** 2
    close(as_array(ridge_df(X, np.array([1000000000000.0, 1e-12])), 'df', shape=(2,)), [np.sum(d2 / (d2 + 1000000000000.0)), 3.0], rtol=1e-06, atol=1e-14, name='df at lambda = 1e12 and 1e-12 (rank 3)', hint='a huge penalty leaves a tiny positive df')

@test_case(name="test_hat_matrix_against_augmented_least_squares", points=None, hidden=True)
def test_hat_matrix_against_augmented_least_squares(ridge_hat_matrix):
    """Hat matrices of random, nearly collinear and rank-deficient matrices against a stable least-squares oracle."""
    from mlmathkit_checks import guarded as _guarded
    ridge_hat_matrix = _guarded(ridge_hat_matrix, 'ridge_hat_matrix', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, close, oracle, symmetric

    def hat(X, lam):
        import numpy as np
        from scipy.linalg import lstsq
        n, p = X.shape
        if lam == 0:
            return X @ np.linalg.pinv(X)
        A = np.vstack([X, np.sqrt(lam) * np.eye(p)])
        return X @ lstsq(A, np.vstack([np.eye(n), np.zeros((p, n))]))[0]
    rng = np.random.default_rng(6304)
    cases = [(rng.normal(size=(12, 4)), 0.7), (rng.normal(size=(5, 9)) * 3, 2.0), (rng.normal(size=(10, 3)), 0.0)]
    near = rng.normal(size=(15, 3))
    cases.append((np.column_stack([near, near[:, 0] + 1e-06 * rng.normal(size=15)]), 0.001))
    B = rng.normal(size=(9, 2))
    cases.append((np.column_stack([B, B @ [1.0, -2.0]]), 0.0))
    cases.append((np.column_stack([1000.0 * B[:, 0], B[:, 1], 1000.0 * B[:, 0] - 2 * B[:, 1]]), 0.0))
    cases.append((rng.normal(size=(6, 1)) * 5, 0.0))
    cases.append((rng.normal(size=(6, 1)), 1.5))
    cases.append((rng.normal(size=(7, 3)) * 0.02, 0.0001))
    cases.append((rng.normal(size=(7, 3)) * 1e-12, 0.0))
    Q, _ = np.linalg.qr(rng.normal(size=(8, 2)))
    R, _ = np.linalg.qr(rng.normal(size=(2, 2)))
    cases.append((Q @ np.diag([1.0, 1e-08]) @ R, 1e-16))
    for X, lam in cases:
        expected = oracle(hat, X, lam)
        S = symmetric(ridge_hat_matrix(X, lam), atol=1e-08, name='S')
        close(as_array(S, 'S', shape=expected.shape), expected, rtol=0, atol=1e-06, name=f'S for X of shape {X.shape}, lambda = {lam}', hint='use the SVD: inverting X^T X + lambda I squares the condition number; drop zero singular values')

@test_case(name="test_criteria_against_lasso_lars_ic", points=None, hidden=True)
def test_criteria_against_lasso_lars_ic(information_criteria):
    """AIC and BIC along lasso paths against scikit-learn's LassoLarsIC, and Cp against its definition."""
    from mlmathkit_checks import guarded as _guarded
    information_criteria = _guarded(information_criteria, 'information_criteria', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle

    def path(X, y, sigma2):
        import numpy as np
        from sklearn.linear_model import LassoLarsIC, lars_path
        _, _, coefs = lars_path(X, y, method='lasso', alpha_min=0.0)
        rss = ((y[:, None] - X @ coefs) ** 2).sum(axis=0)
        df = (np.abs(coefs) > np.finfo(float).eps).sum(axis=0).astype(float)
        crit = {c: LassoLarsIC(criterion=c, fit_intercept=False, noise_variance=sigma2).fit(X, y).criterion_ for c in ('aic', 'bic')}
        return (rss, df, crit['aic'], crit['bic'])
    rng = np.random.default_rng(6305)
    for n, p, sigma2 in [(40, 6, 0.8), (25, 10, 2.5), (100, 4, 0.05)]:
        X = rng.normal(size=(n, p))
        y = X @ (rng.normal(size=p) * (rng.random(p) < 0.5)) + np.sqrt(sigma2) * rng.normal(size=n)
        rss, df, aic_e, bic_e = oracle(path, X, y, sigma2)
        cp, aic, bic = fields(information_criteria(rss, df, n, sigma2), ['cp', 'aic', 'bic'], 'criteria')
        close(as_array(aic, 'aic', shape=rss.shape), aic_e, name=f'AIC along a lasso path (n={n}, p={p})')
        close(as_array(bic, 'bic', shape=rss.shape), bic_e, name=f'BIC along a lasso path (n={n}, p={p})')
        close(as_array(cp, 'cp', shape=rss.shape), (rss + 2 * df * sigma2) / n, name=f'Cp along a lasso path (n={n}, p={p})', hint='RSS / n + 2 df sigma2 / n')
    cp, = fields(information_criteria(3.0, 1.5, 7, 2.0), ['cp'], 'criteria')
    close(as_scalar(cp, 'cp'), 3 / 7 + 6 / 7, name='Cp for numbers (rss 3, df 1.5, n 7, sigma2 2)')

@test_case(name="test_ridge_select_against_oracle", points=None, hidden=True)
def test_ridge_select_against_oracle(ridge_select):
    """Penalty selection on random problems with unsorted, repeated grids and a rank-deficient X: values and chosen indices."""
    from mlmathkit_checks import guarded as _guarded
    ridge_select = _guarded(ridge_select, 'ridge_select', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, fields, oracle, require

    def path(X, y, lambdas, sigma2):
        import numpy as np
        from scipy.linalg import lstsq
        n, p = X.shape
        rss, df = ([], [])
        for lam in lambdas:
            A = np.vstack([X, np.sqrt(lam) * np.eye(p)])
            H = X @ lstsq(A, np.vstack([np.eye(n), np.zeros((p, n))]))[0]
            rss.append(np.sum((y - H @ y) ** 2))
            df.append(np.trace(H))
        rss, df = (np.array(rss), np.array(df))
        base = n * np.log(2 * np.pi * sigma2) + rss / sigma2
        return (rss, df, (rss + 2 * df * sigma2) / n, base + 2 * df, base + np.log(n) * df)
    rng = np.random.default_rng(6306)
    for trial, (n, p) in enumerate([(40, 8), (25, 30), (60, 5), (30, 12)]):
        X = rng.normal(size=(n, p)) * rng.uniform(0.3, 3, size=p)
        y = X @ (rng.normal(size=p) * (rng.random(p) < 0.4)) + rng.normal(size=n)
        grid = 10.0 ** np.arange(-2.0, 4.01, 0.5)
        lambdas = rng.permutation(np.concatenate([grid, grid[rng.integers(0, grid.size, size=4)]]))
        rss_e, df_e, cp_e, aic_e, bic_e = oracle(path, X, y, lambdas, 1.0)
        out = ridge_select(X, y, lambdas, 1.0)
        L = lambdas.size
        for key, exp in (('df', df_e), ('rss', rss_e), ('cp', cp_e), ('aic', aic_e), ('bic', bic_e)):
            close(as_array(out[key] if isinstance(out, dict) else fields(out, [key], 'result')[0], key, shape=(L,)), exp, name=f'{key} (n={n}, p={p})', hint='one entry per lambda, in the given (unsorted) order')
        for key, exp in (('best_cp', cp_e), ('best_aic', aic_e), ('best_bic', bic_e)):
            first = int(np.flatnonzero(lambdas == lambdas[int(np.argmin(exp))])[0])
            close(as_scalar(out[key], key), float(first), rtol=0, atol=0, name=f'{key} (n={n}, p={p})', hint='the index of the minimising lambda; if that lambda is repeated in the grid, its first occurrence')
            require(isinstance(out[key], (int, np.integer)), f'{key} should be an int, got {type(out[key]).__name__}')
    B = rng.normal(size=(20, 4)) * np.array([1000.0, 1.0, 1.0, 1.0])
    Xd = np.column_stack([B, B[:, 0] + B[:, 1], B[:, 2] - 3 * B[:, 3]])
    yd = B @ np.array([0.001, 1.0, -1.0, 0.5]) + 0.3 * rng.normal(size=20)
    lam_d = np.array([1.0, 0.0, 0.1, 10.0])
    P = Xd @ np.linalg.pinv(Xd)
    out = ridge_select(Xd, yd, lam_d, 0.09)
    close(as_array(out['df'], 'df', shape=(4,))[1], 4.0, rtol=0, atol=1e-06, name='df at lambda = 0 of a rank-4 matrix with 6 columns', hint='singular values <= max(n, p) * eps * d_1 are zero: drop them before dividing by d^2 + lambda')
    close(as_array(out['rss'], 'rss', shape=(4,))[1], float(np.sum((yd - P @ yd) ** 2)), rtol=1e-06, name='RSS at lambda = 0 of a rank-deficient matrix (least squares)')
    Xw = rng.normal(size=(150, 25))
    yw = Xw @ (0.15 * rng.normal(size=25)) + rng.normal(size=150)
    gw = 10.0 ** np.arange(-1.0, 3.01, 0.25)
    _, _, _, aic_w, bic_w = oracle(path, Xw, yw, gw, 1.0)
    require(int(np.argmin(aic_w)) != int(np.argmin(bic_w)), 'test data check')
    out = ridge_select(Xw, yw, gw, 1.0)
    for key, exp in (('best_aic', aic_w), ('best_bic', bic_w)):
        close(as_scalar(out[key], key), float(np.argmin(exp)), rtol=0, atol=0, name=f'{key} with 25 weak predictors, n = 150', hint="each criterion picks its own minimiser: BIC's log n penalty usually prefers a larger lambda")
    twice = rng.permutation(np.repeat(10.0 ** np.arange(-1.0, 3.01, 0.5), 2))
    out = ridge_select(X, y, twice, 1.0)
    for key in ('cp', 'aic', 'bic'):
        vals = as_array(out[key], key, shape=twice.shape)
        first = int(np.flatnonzero(twice == twice[int(np.argmin(vals))])[0])
        close(as_scalar(out['best_' + key], 'best_' + key), float(first), rtol=0, atol=0, name=f'best_{key} when every lambda appears twice', hint='repeated lambdas tie exactly: return the index of the FIRST occurrence of the minimising lambda')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(ridge_df, ridge_hat_matrix, ridge_select):
    """Your functions leave the arrays they are given unchanged."""
    from mlmathkit_checks import guarded as _guarded
    ridge_df = _guarded(ridge_df, 'ridge_df', ('sklearn',))
    ridge_hat_matrix = _guarded(ridge_hat_matrix, 'ridge_hat_matrix', ('sklearn',))
    ridge_select = _guarded(ridge_select, 'ridge_select', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(6307)
    X, y = (rng.normal(size=(15, 4)), rng.normal(size=15))
    lam = np.array([3.0, 0.1, 10.0])
    X0, y0, lam0 = (X.copy(), y.copy(), lam.copy())
    ridge_df(X, lam)
    ridge_hat_matrix(X, 0.5)
    ridge_select(X, y, lam, 1.0)
    close(X, X0, rtol=0, atol=0, name='X after your calls', hint='centre or scale a copy, never X itself')
    close(y, y0, rtol=0, atol=0, name='y after ridge_select')
    close(lam, lam0, rtol=0, atol=0, name='lambdas after your calls', hint='np.sort(lam) sorts a copy; lam.sort() sorts lam itself')

