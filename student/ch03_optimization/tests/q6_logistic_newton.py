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

