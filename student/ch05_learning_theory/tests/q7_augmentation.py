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

