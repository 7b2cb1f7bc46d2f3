from otter.test_files import test_case

OK_FORMAT = False

name = "q1_gradients"
points = 3.0

@test_case(name="test_worked_example_quadratic", points=None, hidden=False)
def test_worked_example_quadratic(numerical_gradient, numerical_hessian, gradient_check):
    from mlmathkit_checks import guarded as _guarded
    numerical_gradient = _guarded(numerical_gradient, 'numerical_gradient', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    numerical_hessian = _guarded(numerical_hessian, 'numerical_hessian', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    gradient_check = _guarded(gradient_check, 'gradient_check', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, require
    A, b = (np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([1.0, -1.0]))
    x = np.array([1.0, 2.0])
    close(numerical_gradient('quadratic', x, (A, b)), [3.0, 8.0], rtol=1e-07, name='numerical gradient', hint='(f(x + h e_i) - f(x - h e_i)) / (2h), one coordinate i at a time; pass args on with f(x, *args)')
    close(numerical_hessian('quadratic', x, (A, b)), A, rtol=1e-05, atol=1e-05, name='numerical Hessian', hint='four evaluations per entry, divided by 4 h^2')
    err = as_scalar(gradient_check('quadratic', 'quadratic_grad', x, (A, b)), 'gradient check')
    require(0.0 <= err < 1e-08, f'a correct gradient should give a relative error below 1e-8, got {err:.3g}')
    a, x, h = (np.array([1.0, 2.0]), np.array([1.0, -0.5]), 0.1)
    close(numerical_gradient('quartic', x, (a,), h), 4 * a * x ** 3 + 4 * a * x * h ** 2, rtol=1e-09, name='numerical gradient of x1^4 + 2 x2^4 with h = 0.1', hint='is it a CENTRAL difference with step h?')
    close(numerical_hessian('quartic', x, (a,), h), np.diag(12 * a * x ** 2 + 8 * a * h ** 2), rtol=1e-09, atol=1e-09, name='numerical Hessian of x1^4 + 2 x2^4 with h = 0.1')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(numerical_gradient, numerical_hessian, gradient_check):
    from mlmathkit_checks import guarded as _guarded
    numerical_gradient = _guarded(numerical_gradient, 'numerical_gradient', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    numerical_hessian = _guarded(numerical_hessian, 'numerical_hessian', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    gradient_check = _guarded(gradient_check, 'gradient_check', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, require, symmetric
    x = np.array([-1.2, 1.0, 0.5])
    before = x.copy()
    g = as_array(numerical_gradient('rosenbrock', x), 'numerical gradient', shape=(3,))
    H = symmetric(numerical_hessian('rosenbrock', x), atol=1e-06, name='numerical Hessian')
    require(H.shape == (3, 3), f'the Hessian of a function of 3 variables has shape (3, 3), got {H.shape}')
    require(bool(np.array_equal(x, before)), 'your functions changed the input x: perturb a copy')
    require(bool(np.all(np.isfinite(g))), 'the numerical gradient should be finite')
    good = as_scalar(gradient_check('rosenbrock', 'rosenbrock_grad', x), 'gradient check of rosenbrock_grad')
    bad = as_scalar(gradient_check('rosenbrock', 'rosenbrock_grad_buggy', x), 'gradient check of rosenbrock_grad_buggy')
    require(good < 1e-07, f'rosenbrock_grad is correct, but your check reports a relative error of {good:.3g}')
    require(bad > 0.001, f'rosenbrock_grad_buggy is wrong, but your check reports only {bad:.3g}')

