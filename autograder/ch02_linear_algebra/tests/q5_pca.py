from otter.test_files import test_case

OK_FORMAT = False

name = "q5_pca"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(pca_fit, pca_transform, pca_reconstruct):
    from mlmathkit_checks import guarded as _guarded
    pca_fit = _guarded(pca_fit, 'pca_fit', ('sklearn',))
    pca_transform = _guarded(pca_transform, 'pca_transform', ('sklearn',))
    pca_reconstruct = _guarded(pca_reconstruct, 'pca_reconstruct', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import close, close_up_to_sign, fields
    X = np.array([[3.0, 4.0], [-3.0, -4.0], [-2.0, 1.5], [2.0, -1.5]]) + np.array([10.0, -5.0])
    mean, comps, var, ratio = fields(pca_fit(X, 2), ['mean', 'components', 'explained_variance', 'explained_variance_ratio'], 'PCA')
    close(mean, [10.0, -5.0], name='mean')
    close_up_to_sign(comps, [[0.6, 0.8], [-0.8, 0.6]], axis=1, atol=1e-06, name='components (ROWS of V^T from the SVD of the CENTRED data)')
    close(var, [50.0 / 3.0, 25.0 / 6.0], name='explained variance', hint='s_j^2 / (n - 1)')
    close(ratio, [0.8, 0.2], name='explained variance ratio')
    Z = pca_transform(X[:1], np.array([10.0, -5.0]), np.array([[0.6, 0.8]]))
    close(Z, [[5.0]], name='score of (13, -1) on (0.6, 0.8)', hint='subtract the mean before projecting')
    close(pca_reconstruct(np.array([[5.0]]), np.array([10.0, -5.0]), np.array([[0.6, 0.8]])), [[13.0, -1.0]], name='reconstruction of the score 5', hint='add the mean back')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(pca_fit, pca_transform, pca_reconstruct):
    from mlmathkit_checks import guarded as _guarded
    pca_fit = _guarded(pca_fit, 'pca_fit', ('sklearn',))
    pca_transform = _guarded(pca_transform, 'pca_transform', ('sklearn',))
    pca_reconstruct = _guarded(pca_reconstruct, 'pca_reconstruct', ('sklearn',))
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, require
    rng = np.random.default_rng(5)
    X = rng.normal(size=(50, 4)) @ np.diag([3.0, 2.0, 1.0, 0.5]) + 7.0
    X_copy = X.copy()
    mean, comps, var, ratio = fields(pca_fit(X, 2), ['mean', 'components', 'explained_variance', 'explained_variance_ratio'], 'PCA')
    close(X, X_copy, rtol=0, atol=0, name='X after pca_fit(X, 2)', hint='do not modify the input: centre a copy (X - mean), not X -= mean')
    comps = as_array(comps, 'components', shape=(2, 4))
    close(comps @ comps.T, np.eye(2), atol=1e-06, name='components @ components.T', hint='the components are orthonormal ROWS')
    var, ratio = (as_array(var, 'explained_variance', shape=(2,)), as_array(ratio, 'explained_variance_ratio', shape=(2,)))
    require(bool(var[0] >= var[1] > 0), f'explained variances must be positive and descending, got {var}')
    require(bool(0 < ratio.sum() < 1), f'with 2 of 4 components the ratios must sum to less than 1, got {ratio.sum():.4g}')
    m4, c4, v4 = fields(pca_fit(X, 4), ['mean', 'components', 'explained_variance'], 'PCA')
    close(as_array(v4, 'explained_variance').sum(), np.trace(np.cov(X, rowvar=False)), name='sum of all explained variances', hint='equals the total variance trace(C)')
    close(pca_reconstruct(pca_transform(X, m4, c4), m4, c4), X, atol=1e-06, name='reconstruction with k = d')

@test_case(name="test_fit_against_sklearn", points=None, hidden=True)
def test_fit_against_sklearn(pca_fit):
    """Random correlated data with shifted means: tall and wide, keeping some or all components."""
    from mlmathkit_checks import guarded as _guarded
    pca_fit = _guarded(pca_fit, 'pca_fit', ('sklearn',))
    import numpy as np
    from sklearn.decomposition import PCA
    from mlmathkit_checks import close, close_up_to_sign, fields
    rng = np.random.default_rng(5001)
    for n, d, k in [(100, 5, 2), (40, 6, 6), (200, 3, 1), (8, 20, 5), (60, 10, 4)]:
        scales = 1.6 ** (-np.arange(d)) * rng.uniform(1.0, 10.0)
        R = np.linalg.qr(rng.normal(size=(d, d)))[0]
        X = rng.normal(size=(n, d)) * scales @ R.T + rng.normal(scale=5.0, size=d)
        pca = PCA(n_components=k, svd_solver='full').fit(X)
        mean, comps, var, ratio = fields(pca_fit(X, k), ['mean', 'components', 'explained_variance', 'explained_variance_ratio'], 'PCA')
        tag = f'(n={n}, d={d}, k={k})'
        close(mean, pca.mean_, atol=1e-06, name=f'mean {tag}', hint='the mean of each feature (column)')
        close_up_to_sign(comps, pca.components_, axis=1, rtol=0, atol=1e-05, name=f'components {tag} (centre the data; first k ROWS of V^T)')
        close(var, pca.explained_variance_, rtol=0.0001, name=f'explained variance {tag}', hint='s_j^2 / (n - 1)')
        close(ratio, pca.explained_variance_ratio_, rtol=0.0001, name=f'explained variance ratio {tag}', hint='divide by the TOTAL variance over all components, not only the k kept ones')

@test_case(name="test_transform_and_reconstruct_against_sklearn", points=None, hidden=True)
def test_transform_and_reconstruct_against_sklearn(pca_transform, pca_reconstruct):
    """Scores and reconstructions of new samples with a fitted mean and three of six components."""
    from mlmathkit_checks import guarded as _guarded
    pca_transform = _guarded(pca_transform, 'pca_transform', ('sklearn',))
    pca_reconstruct = _guarded(pca_reconstruct, 'pca_reconstruct', ('sklearn',))
    import numpy as np
    from sklearn.decomposition import PCA
    from mlmathkit_checks import close
    rng = np.random.default_rng(5002)
    X = rng.normal(size=(30, 6)) @ rng.normal(size=(6, 6)) + rng.normal(scale=10.0, size=6)
    pca = PCA(n_components=3, svd_solver='full').fit(X)
    X_new = rng.normal(size=(7, 6)) * 2.0 + 1.0
    Z = pca.transform(X_new)
    close(pca_transform(X_new, pca.mean_, pca.components_), Z, rtol=0, atol=0.0001 * np.abs(Z).max(), name='scores', hint='Z = (X - mean) @ components.T')
    X_hat = pca.inverse_transform(Z)
    close(pca_reconstruct(Z, pca.mean_, pca.components_), X_hat, rtol=0, atol=0.0001 * np.abs(X_hat).max(), name='reconstruction', hint='X_hat = Z @ components + mean')

@test_case(name="test_low_rank_and_nearly_equal_variances", points=None, hidden=True)
def test_low_rank_and_nearly_equal_variances(pca_fit, pca_transform, pca_reconstruct):
    """Data on a plane inside a five-dimensional space, and data whose two largest variances are nearly equal."""
    from mlmathkit_checks import guarded as _guarded
    pca_fit = _guarded(pca_fit, 'pca_fit', ('sklearn',))
    pca_transform = _guarded(pca_transform, 'pca_transform', ('sklearn',))
    pca_reconstruct = _guarded(pca_reconstruct, 'pca_reconstruct', ('sklearn',))
    import numpy as np
    from sklearn.decomposition import PCA
    from mlmathkit_checks import as_array, close, fields, same_subspace
    rng = np.random.default_rng(5003)
    X = rng.normal(size=(40, 2)) @ rng.normal(size=(2, 5)) + rng.normal(size=5)
    pca = PCA(n_components=5, svd_solver='full').fit(X)
    mean, comps, _, ratio = fields(pca_fit(X, 5), ['mean', 'components', 'explained_variance', 'explained_variance_ratio'], 'PCA')
    close(ratio, pca.explained_variance_ratio_, rtol=0, atol=1e-05, name='explained variance ratio of rank-2 data')
    m2, c2 = fields(pca_fit(X, 2), ['mean', 'components'], 'PCA')
    close(pca_reconstruct(pca_transform(X, m2, c2), m2, c2), X, rtol=0, atol=0.0001 * np.abs(X).max(), name='reconstruction of rank-2 data with k = 2')
    Z = np.linalg.qr(rng.normal(size=(300, 4)) - rng.normal(size=(300, 4)).mean(axis=0))[0]
    Z = np.linalg.qr(Z - Z.mean(axis=0))[0] * np.sqrt(299)
    X = Z * np.array([2.0, 2.0 * (1 + 1e-09), 0.5, 0.1]) @ np.linalg.qr(rng.normal(size=(4, 4)))[0].T + 3.0
    pca = PCA(n_components=2, svd_solver='full').fit(X)
    m2, c2 = fields(pca_fit(X, 2), ['mean', 'components'], 'PCA')
    same_subspace(as_array(c2, 'components', shape=(2, 4)).T, pca.components_.T, atol=1e-06, name='span of the top-2 components (nearly equal variances)')
    X_hat = pca.inverse_transform(pca.transform(X))
    close(pca_reconstruct(pca_transform(X, m2, c2), m2, c2), X_hat, rtol=0, atol=0.0001 * np.abs(X_hat).max(), name='rank-2 reconstruction (nearly equal variances)')

@test_case(name="test_fewer_samples_than_features_and_unchanged_input", points=None, hidden=True)
def test_fewer_samples_than_features_and_unchanged_input(pca_fit, pca_transform, pca_reconstruct):
    """Fewer samples than features with k = n, and the caller's arrays left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    pca_fit = _guarded(pca_fit, 'pca_fit', ('sklearn',))
    pca_transform = _guarded(pca_transform, 'pca_transform', ('sklearn',))
    pca_reconstruct = _guarded(pca_reconstruct, 'pca_reconstruct', ('sklearn',))
    import numpy as np
    from sklearn.decomposition import PCA
    from mlmathkit_checks import as_array, close, close_up_to_sign, fields
    rng = np.random.default_rng(5004)
    X = rng.normal(size=(5, 9)) * np.linspace(3.0, 0.5, 9) + rng.normal(scale=4.0, size=9)
    X0 = X.copy()
    pca = PCA(n_components=4, svd_solver='full').fit(X0)
    mean, comps, var, ratio = fields(pca_fit(X, 5), ['mean', 'components', 'explained_variance', 'explained_variance_ratio'], 'PCA')
    close(X, X0, rtol=0, atol=0, name='X after pca_fit(X, k)', hint='centre a copy (X - mean), not X itself (X -= mean)')
    close(mean, pca.mean_, atol=1e-06, name='mean (n = 5 < d = 9)')
    comps = as_array(comps, 'components', shape=(5, 9))
    close(comps @ comps.T, np.eye(5), rtol=0, atol=1e-05, name='components @ components.T (n = 5, k = 5)', hint='the components are orthonormal rows, also the one of variance 0')
    close_up_to_sign(comps[:4], pca.components_, axis=1, rtol=0, atol=1e-05, name='first 4 components (n = 5 < d = 9)')
    var = as_array(var, 'explained_variance', shape=(5,))
    close(var, np.r_[pca.explained_variance_, 0.0], rtol=0.0001, atol=1e-06 * var.max(), name='explained variance (n = 5 < d = 9, k = 5)', hint='s_j^2 / (n - 1); the n-th variance of n centred samples is 0')
    close(ratio, np.r_[pca.explained_variance_ratio_, 0.0], rtol=0.0001, atol=1e-07, name='explained variance ratio (n = 5 < d = 9, k = 5)')
    Z = pca_transform(X, mean, comps[:4])
    close(X, X0, rtol=0, atol=0, name='X after pca_transform(X, mean, components)', hint='do not modify the input')
    Zc = np.array(as_array(Z, 'Z', shape=(5, 4)))
    Z0 = Zc.copy()
    pca_reconstruct(Zc, pca.mean_, pca.components_)
    close(Zc, Z0, rtol=0, atol=0, name='Z after pca_reconstruct(Z, mean, components)', hint='do not modify the input')

