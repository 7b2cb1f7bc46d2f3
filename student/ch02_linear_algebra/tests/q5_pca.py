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

