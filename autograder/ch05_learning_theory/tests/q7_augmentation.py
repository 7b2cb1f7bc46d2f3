from otter.test_files import test_case

OK_FORMAT = False

name = "q7_augmentation"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(expected_noisy_loss, ridge_equivalent, augmented_least_squares):
    from mlmathkit_checks import guarded as _guarded
    expected_noisy_loss = _guarded(expected_noisy_loss, 'expected_noisy_loss', ('sklearn', 'torch.nn'))
    ridge_equivalent = _guarded(ridge_equivalent, 'ridge_equivalent', ('sklearn', 'torch.nn'))
    augmented_least_squares = _guarded(augmented_least_squares, 'augmented_least_squares', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    X, y = (np.array([[1.0], [2.0]]), np.array([1.0, 2.0]))
    close(as_scalar(expected_noisy_loss(X, y, np.array([1.0]), 0.5), 'loss'), 0.25, name='expected noisy loss at w = 1', hint='(1/n)||y - Xw||^2 + sigma^2 ||w||^2')
    close(as_scalar(expected_noisy_loss(X, y, np.array([0.0]), 0.5), 'loss'), 2.5, name='expected noisy loss at w = 0')
    close(ridge_equivalent(X, y, 0.5), [10.0 / 11.0], name='ridge-equivalent weight', hint='(X^T X + n sigma^2 I) w = X^T y: the penalty is n sigma^2, not sigma^2')
    noise = np.array([[[0.5], [-0.5]], [[-0.5], [0.5]]])
    close(augmented_least_squares(X, y, noise), [10.0 / 11.0], name='least squares on the two antithetic copies', hint='stack the K copies into one (K n, d) design and solve one least-squares problem')
    close(augmented_least_squares(X, y, np.array([[[1.0], [0.0]]])), [0.75], name='least squares on one noisy copy', hint='fit the noisy inputs X + noise[k] themselves; ridge is only the limit of many copies')

@test_case(name="test_expectation_and_convergence", points=None, hidden=False)
def test_expectation_and_convergence(expected_noisy_loss, ridge_equivalent, augmented_least_squares):
    from mlmathkit_checks import guarded as _guarded
    expected_noisy_loss = _guarded(expected_noisy_loss, 'expected_noisy_loss', ('sklearn', 'torch.nn'))
    ridge_equivalent = _guarded(ridge_equivalent, 'ridge_equivalent', ('sklearn', 'torch.nn'))
    augmented_least_squares = _guarded(augmented_least_squares, 'augmented_least_squares', ('sklearn', 'torch.nn'))
    import numpy as np
    from scipy.stats import norm
    from mlmathkit_checks import as_array, as_scalar, close, mean_within
    rng = np.random.default_rng(77)
    n, d, sigma = (25, 3, 0.4)
    X = rng.normal(size=(n, d))
    y = X @ np.array([1.0, -1.0, 2.0]) + 0.3 * rng.normal(size=n)
    w = np.array([0.8, -0.5, 1.5])
    r, s2 = (y - X @ w, sigma ** 2 * (w @ w))
    Z = rng.normal(scale=np.sqrt(s2), size=(20000, n))
    losses = ((r - Z) ** 2).mean(axis=1)
    std = np.sqrt((4 * r ** 2 * s2 + 2 * s2 ** 2).sum()) / n
    mean_within(losses, as_scalar(expected_noisy_loss(X, y, w, sigma), 'loss'), std, false_fail=1e-06, name='Monte Carlo noisy losses vs your expected loss (the expectation adds sigma^2 ||w||^2)')
    w_s = as_array(ridge_equivalent(X, y, sigma), 'w', shape=(d,))
    close(-2 / n * X.T @ (y - X @ w_s) + 2 * sigma ** 2 * w_s, np.zeros(d), atol=1e-10, name='gradient of the expected noisy loss at ridge_equivalent')
    K = 4000
    noise = sigma * rng.normal(size=(K, n, d))
    A = X.T @ X + n * sigma ** 2 * np.eye(d)
    G = np.einsum('kni,n->ki', noise, y) - np.einsum('ni,knj,j->ki', X, noise, w_s) - np.einsum('kni,nj,j->ki', noise, X, w_s) - np.einsum('kni,knj,j->ki', noise, noise, w_s) + n * sigma ** 2 * w_s
    S = np.linalg.solve(A, G.T).T
    tol = 1.1 * float(norm.isf(1e-06 / 2)) * S.std(axis=0) / np.sqrt(K)
    close(augmented_least_squares(X, y, noise), w_s, rtol=0, atol=tol, name=f'least squares on {K} noisy copies vs ridge', hint='with many copies the augmented fit must approach (X^T X + n sigma^2 I)^{-1} X^T y')

@test_case(name="test_ridge_against_sklearn", points=None, hidden=True)
def test_ridge_against_sklearn(ridge_equivalent):
    """Random problems with several features, more features than samples, no noise at all, and nearly collinear columns."""
    from mlmathkit_checks import guarded as _guarded
    ridge_equivalent = _guarded(ridge_equivalent, 'ridge_equivalent', ('sklearn', 'torch.nn'))
    import numpy as np
    from sklearn.linear_model import Ridge
    from mlmathkit_checks import close
    rng = np.random.default_rng(7070)
    cases = [(30, 3, 0.5), (50, 8, 0.1), (10, 25, 0.3), (40, 5, 2.0), (20, 4, 0.0)]
    for n, d, sigma in cases:
        X = rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d)
        y = X @ rng.normal(size=d) + rng.normal(size=n)
        expected = Ridge(alpha=n * sigma ** 2, fit_intercept=False, solver='svd').fit(X, y).coef_
        close(ridge_equivalent(X, y, sigma), expected, rtol=1e-06, atol=1e-09, name=f'ridge weights (n={n}, d={d}, sigma={sigma})', hint='ridge penalty alpha = n sigma^2 on ||y - Xw||^2')
    n = 40
    base = rng.normal(size=(n, 2))
    X = np.column_stack([base, base[:, 0] + 1e-05 * rng.normal(size=n)])
    y = base @ np.array([1.0, 2.0]) + 0.1 * rng.normal(size=n)
    expected = Ridge(alpha=n * 0.05 ** 2, fit_intercept=False, solver='svd').fit(X, y).coef_
    close(ridge_equivalent(X, y, 0.05), expected, rtol=1e-06, atol=1e-09, name='ridge weights with nearly collinear columns')

@test_case(name="test_augmented_against_lstsq", points=None, hidden=True)
def test_augmented_against_lstsq(augmented_least_squares):
    """One noisy copy, many copies of a small data set, zero noise, and as many features as samples."""
    from mlmathkit_checks import guarded as _guarded
    augmented_least_squares = _guarded(augmented_least_squares, 'augmented_least_squares', ('sklearn', 'torch.nn'))
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
        expected = lstsq(rows, targets, lapack_driver='gelsy')[0]
        close(augmented_least_squares(X, y, noise), expected, rtol=1e-06, atol=1e-09, name=f'augmented least squares (n={n}, d={d}, K={K}, sigma={sigma})', hint='one least-squares problem on all K n rows, not an average of K separate solutions')

@test_case(name="test_expected_loss_against_quadrature", points=None, hidden=True)
def test_expected_loss_against_quadrature(expected_noisy_loss):
    """Random weights and data in dimensions 1 to 4, with small, large and zero noise."""
    from mlmathkit_checks import guarded as _guarded
    expected_noisy_loss = _guarded(expected_noisy_loss, 'expected_noisy_loss', ('sklearn', 'torch.nn'))
    import itertools
    import numpy as np
    from numpy.polynomial.hermite_e import hermegauss
    from mlmathkit_checks import as_scalar, close
    nodes, weights = hermegauss(3)
    weights = weights / weights.sum()
    rng = np.random.default_rng(7272)
    for n, d, sigma in [(10, 2, 0.5), (6, 4, 1.5), (30, 1, 0.1), (4, 3, 0.8), (7, 3, 0.0)]:
        X, y, w = (rng.normal(size=(n, d)), rng.normal(size=n), rng.normal(size=d))
        expected = 0.0
        for idx in itertools.product(range(3), repeat=d):
            xi = sigma * nodes[list(idx)]
            expected += np.prod(weights[list(idx)]) * np.mean((y - (X + xi) @ w) ** 2)
        close(as_scalar(expected_noisy_loss(X, y, w, sigma), 'loss'), expected, rtol=1e-09, name=f'expected noisy loss (n={n}, d={d}, sigma={sigma})', hint='E ||Xi w||^2 = n sigma^2 ||w||^2, and the loss is divided by n')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(expected_noisy_loss, ridge_equivalent, augmented_least_squares):
    """Your functions leave the caller's data, weights and noise arrays unchanged."""
    from mlmathkit_checks import guarded as _guarded
    expected_noisy_loss = _guarded(expected_noisy_loss, 'expected_noisy_loss', ('sklearn', 'torch.nn'))
    ridge_equivalent = _guarded(ridge_equivalent, 'ridge_equivalent', ('sklearn', 'torch.nn'))
    augmented_least_squares = _guarded(augmented_least_squares, 'augmented_least_squares', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import close
    rng = np.random.default_rng(7373)
    n, d, K = (12, 3, 4)
    X, y, w = (rng.normal(size=(n, d)), rng.normal(size=n), rng.normal(size=d))
    noise = 0.5 * rng.normal(size=(K, n, d))
    saved = {'X': X.copy(), 'y': y.copy(), 'w': w.copy(), 'noise': noise.copy()}
    current = {'X': X, 'y': y, 'w': w, 'noise': noise}
    for what, call in (('expected_noisy_loss', lambda: expected_noisy_loss(X, y, w, 0.5)), ('ridge_equivalent', lambda: ridge_equivalent(X, y, 0.5)), ('augmented_least_squares', lambda: augmented_least_squares(X, y, noise))):
        call()
        for key, arr in current.items():
            close(arr, saved[key], rtol=0, atol=0, name=f'{key} after calling {what}', hint="work on copies: do not modify the caller's arrays")

