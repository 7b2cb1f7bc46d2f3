from otter.test_files import test_case

OK_FORMAT = False

name = "q6_logistic_newton"
points = 3.0

@test_case(name="test_worked_example_at_zero", points=None, hidden=False)
def test_worked_example_at_zero(logistic_loss_grad_hess, logistic_newton):
    from mlmathkit_checks import guarded as _guarded
    logistic_loss_grad_hess = _guarded(logistic_loss_grad_hess, 'logistic_loss_grad_hess', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    logistic_newton = _guarded(logistic_newton, 'logistic_newton', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    X = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]])
    y = np.array([0, 1, 0, 1])
    loss, grad, hess = fields(logistic_loss_grad_hess(np.zeros(2), X, y), ['loss', 'grad', 'hess'], 'result')
    close(as_scalar(loss, 'loss'), np.log(2), name='loss at w = 0', hint='log(1 + e^0) - y * 0 = log 2 for every point')
    close(grad, [0.0, -0.25], name='gradient at w = 0', hint='X^T (p - y) / n with p = 1/2')
    close(hess, np.array([[4.0, 6.0], [6.0, 14.0]]) / 16, name='Hessian at w = 0', hint='X^T diag(p (1 - p)) X / n')
    close(logistic_newton(X, y, n_iter=1), np.linalg.lstsq(X, 4 * (y - 0.5), rcond=None)[0], name='w after one Newton step', hint='w_1 = w_0 - H^{-1} g with w_0 = 0')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(logistic_loss_grad_hess, logistic_newton):
    from mlmathkit_checks import guarded as _guarded
    logistic_loss_grad_hess = _guarded(logistic_loss_grad_hess, 'logistic_loss_grad_hess', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    logistic_newton = _guarded(logistic_newton, 'logistic_newton', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, positive_definite
    rng = np.random.default_rng(6)
    X = np.column_stack([np.ones(80), rng.normal(size=(80, 2))])
    y = (rng.random(80) < 1 / (1 + np.exp(-X @ np.array([0.5, 1.0, -2.0])))).astype(int)
    w = as_array(logistic_newton(X, y), 'w', shape=(3,))
    _, grad, hess = fields(logistic_loss_grad_hess(w, X, y), ['loss', 'grad', 'hess'], 'result')
    p = 1 / (1 + np.exp(-X @ w))
    close(X.T @ (p - y) / 80, np.zeros(3), atol=1e-07, name='gradient of the loss at the returned w', hint='after enough Newton steps the gradient vanishes to rounding')
    close(grad, X.T @ (p - y) / 80, atol=1e-07, name='your gradient at w')
    positive_definite(as_array(hess, 'Hessian', shape=(3, 3)), name='Hessian')

@test_case(name="test_loss_grad_hess_against_torch", points=None, hidden=True)
def test_loss_grad_hess_against_torch(logistic_loss_grad_hess):
    """Loss, gradient and Hessian at random weights, including scores in the thousands."""
    from mlmathkit_checks import guarded as _guarded
    logistic_loss_grad_hess = _guarded(logistic_loss_grad_hess, 'logistic_loss_grad_hess', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import torch
    from mlmathkit_checks import as_scalar, close, fields
    rng = np.random.default_rng(801)
    for n, d, scale in [(30, 2, 1.0), (100, 5, 1.0), (7, 3, 0.3), (50, 4, 1000.0)]:
        X, y = (rng.normal(size=(n, d)), rng.integers(0, 2, size=n))
        w = rng.normal(size=d) * scale

        def loss_t(v):
            return torch.nn.functional.binary_cross_entropy_with_logits(torch.as_tensor(X) @ v, torch.as_tensor(y, dtype=torch.float64))
        wt = torch.tensor(w, requires_grad=True)
        exp_loss = loss_t(wt)
        exp_grad = torch.autograd.grad(exp_loss, wt)[0].numpy()
        exp_hess = torch.autograd.functional.hessian(loss_t, torch.tensor(w)).numpy()
        loss, grad, hess = fields(logistic_loss_grad_hess(w, X, y), ['loss', 'grad', 'hess'], 'result')
        tag = f'(n={n}, d={d}, |w| ~ {scale:g})'
        close(as_scalar(loss, 'loss'), exp_loss.item(), name=f'loss {tag}', hint='log(1 + exp(z)) overflows for large z: use np.logaddexp(0, z)')
        close(grad, exp_grad, atol=1e-08 * max(1.0, np.abs(exp_grad).max()), name=f'gradient {tag}')
        close(hess, exp_hess, atol=1e-08 * max(1.0, np.abs(exp_hess).max()), name=f'Hessian {tag}', hint='weights p (1 - p), averaged over n')

@test_case(name="test_newton_against_sklearn", points=None, hidden=True)
def test_newton_against_sklearn(logistic_newton):
    """Newton's solution on several data sets, including badly scaled features."""
    from mlmathkit_checks import guarded as _guarded
    logistic_newton = _guarded(logistic_newton, 'logistic_newton', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from mlmathkit_checks import close
    rng = np.random.default_rng(802)
    for n, d, scales in [(200, 3, None), (500, 5, None), (300, 4, np.array([1.0, 0.01, 1000.0, 30.0]))]:
        X = np.column_stack([np.ones(n), rng.normal(size=(n, d - 1))])
        w_true = rng.normal(size=d)
        y = (rng.random(n) < 1 / (1 + np.exp(-X @ w_true))).astype(int)
        if scales is not None:
            X = X * scales
        scale = np.abs(X).max(axis=0)
        clf = LogisticRegression(C=np.inf, fit_intercept=False, solver='newton-cg', tol=1e-12, max_iter=10000)
        expected = clf.fit(X / scale, y).coef_.ravel() / scale
        close(logistic_newton(X, y, 30), expected, rtol=0.0001, atol=1e-08, name=f"Newton's w (n={n}, d={d}{(', badly scaled features' if scales is not None else '')})", hint='w <- w - solve(H, g) with g = X^T (p - y) / n and H = X^T diag(p (1 - p)) X / n')

@test_case(name="test_gradient_vanishes_and_quadratic_convergence", points=None, hidden=True)
def test_gradient_vanishes_and_quadratic_convergence(logistic_newton):
    """The gradient vanishes after enough steps, not after too few, and n_iter = 0 returns w = 0."""
    from mlmathkit_checks import guarded as _guarded
    logistic_newton = _guarded(logistic_newton, 'logistic_newton', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from scipy.special import expit
    from mlmathkit_checks import as_array, close, require
    rng = np.random.default_rng(803)
    X = np.column_stack([np.ones(400), rng.normal(size=(400, 3)) * 2])
    y = (rng.random(400) < expit(X @ np.array([-1.0, 2.0, 0.5, -3.0]))).astype(int)
    w = as_array(logistic_newton(X, y, 12), 'w', shape=(4,))
    g = X.T @ (expit(X @ w) - y) / 400
    close(g, np.zeros(4), atol=1e-07, name='gradient at the returned w (12 steps)', hint='undamped Newton converges in a few steps: check grad and Hessian')
    w2 = as_array(logistic_newton(X, y, 2), 'w', shape=(4,))
    g2 = np.linalg.norm(X.T @ (expit(X @ w2) - y) / 400)
    require(g2 > 0.0001, f'after only 2 steps the gradient cannot vanish yet (norm {g2:.3g}): are you running n_iter steps?')
    close(logistic_newton(X, y, 0), np.zeros(4), name='w after 0 steps')

