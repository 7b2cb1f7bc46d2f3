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

@test_case(name="test_gradient_against_torch", points=None, hidden=True)
def test_gradient_against_torch(numerical_gradient):
    """Central-difference gradients of several objectives and dimensions, against automatic differentiation."""
    from mlmathkit_checks import guarded as _guarded
    numerical_gradient = _guarded(numerical_gradient, 'numerical_gradient', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import torch
    from mlmathkit_checks import close

    def rosen(x):
        return (100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2).sum()
    rng = np.random.default_rng(301)
    cases = []
    for d in (2, 3, 6):
        cases.append(('rosenbrock', rng.uniform(-1.5, 1.5, size=d), (), rosen))
    for d, K in ((2, 4), (5, 7)):
        A, b = (rng.normal(size=(K, d)), rng.normal(size=K))
        cases.append(('logsumexp_affine', rng.normal(size=d), (A, b), lambda x, A=A, b=b: torch.logsumexp(torch.as_tensor(A) @ x + torch.as_tensor(b), 0)))
    M = rng.normal(size=(4, 4))
    A, b = (M @ M.T + np.eye(4), rng.normal(size=4))
    cases.append(('quadratic', rng.normal(size=4), (A, b), lambda x, A=A, b=b: 0.5 * x @ torch.as_tensor(A) @ x - torch.as_tensor(b) @ x))
    for name, x, args, torch_f in cases:
        xt = torch.tensor(x, requires_grad=True)
        expected = torch.autograd.grad(torch_f(xt), xt)[0].numpy()
        scale = np.abs(expected).max()
        close(numerical_gradient(name, x, args), expected, rtol=1e-06, atol=1e-08 * scale, name=f'numerical gradient of {name} (d={x.size})', hint='use the central difference (f(x+h e_i) - f(x-h e_i)) / (2h): the forward difference is only O(h) accurate')

@test_case(name="test_hessian_against_torch", points=None, hidden=True)
def test_hessian_against_torch(numerical_hessian):
    """Central-difference Hessians, diagonal and off-diagonal entries, against automatic differentiation."""
    from mlmathkit_checks import guarded as _guarded
    numerical_hessian = _guarded(numerical_hessian, 'numerical_hessian', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import torch
    from mlmathkit_checks import close, symmetric

    def rosen(x):
        return (100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2).sum()
    rng = np.random.default_rng(302)
    A, b = (rng.normal(size=(6, 3)), rng.normal(size=6))
    cases = [('rosenbrock', rng.uniform(-1.5, 1.5, size=2), (), rosen), ('rosenbrock', rng.uniform(-1.5, 1.5, size=5), (), rosen), ('logsumexp_affine', rng.normal(size=3), (A, b), lambda x: torch.logsumexp(torch.as_tensor(A) @ x + torch.as_tensor(b), 0))]
    for name, x, args, torch_f in cases:
        expected = torch.autograd.functional.hessian(torch_f, torch.tensor(x)).numpy()
        got = symmetric(numerical_hessian(name, x, args), atol=1e-06, name=f'numerical Hessian of {name}')
        close(got, expected, rtol=0.0, atol=1e-05 * np.abs(expected).max(), name=f'numerical Hessian of {name} (d={x.size})', hint='H_ij needs f at x +- h e_i +- h e_j (four points) divided by 4 h^2; check the diagonal i = j too')

@test_case(name="test_large_values", points=None, hidden=True)
def test_large_values(numerical_gradient, numerical_hessian):
    """An objective whose values are large (about 1000), where rounding error matters."""
    from mlmathkit_checks import guarded as _guarded
    numerical_gradient = _guarded(numerical_gradient, 'numerical_gradient', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    numerical_hessian = _guarded(numerical_hessian, 'numerical_hessian', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import torch
    from mlmathkit_checks import close
    rng = np.random.default_rng(303)
    A, b = (rng.normal(size=(5, 3)), 1000.0 + rng.normal(size=5))
    x = rng.normal(size=3)
    xt = torch.tensor(x, requires_grad=True)
    expected = torch.autograd.grad(torch.logsumexp(torch.as_tensor(A) @ xt + torch.as_tensor(b), 0), xt)[0].numpy()
    close(numerical_gradient('logsumexp_affine', x, (A, b)), expected, rtol=0.0, atol=5e-08 * np.abs(expected).max(), name='numerical gradient where f ~ 1000')
    H = torch.autograd.functional.hessian(lambda v: torch.logsumexp(torch.as_tensor(A) @ v + torch.as_tensor(b), 0), torch.tensor(x)).numpy()
    close(numerical_hessian('logsumexp_affine', x, (A, b)), H, rtol=0.0, atol=0.001 * np.abs(H).max(), name='numerical Hessian where f ~ 1000')

@test_case(name="test_gradient_check_values", points=None, hidden=True)
def test_gradient_check_values(gradient_check):
    """The relative error of a buggy gradient, and points where both gradients are (nearly) zero."""
    from mlmathkit_checks import guarded as _guarded
    gradient_check = _guarded(gradient_check, 'gradient_check', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import torch
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_scalar, close, require
    rng = np.random.default_rng(304)
    for d in (2, 4):
        x = rng.uniform(-1.5, 1.5, size=d)
        xt = torch.tensor(x, requires_grad=True)
        g = torch.autograd.grad((100.0 * (xt[1:] - xt[:-1] ** 2) ** 2 + (1.0 - xt[:-1]) ** 2).sum(), xt)[0].numpy()
        a = fx.rosenbrock_grad_buggy(x)
        expected = np.max(np.abs(a - g) / np.maximum(1e-08, np.abs(a) + np.abs(g)))
        close(as_scalar(gradient_check('rosenbrock', 'rosenbrock_grad_buggy', x), 'gradient check'), expected, rtol=0.0001, name=f'relative error of the buggy gradient (d={d})', hint='element-wise |a - n| / max(1e-8, |a| + |n|), then the maximum over the components')
        good = as_scalar(gradient_check('rosenbrock', 'rosenbrock_grad', x), 'gradient check')
        require(good < 1e-07, f'the correct gradient should pass the check, but the relative error is {good:.3g}')
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    zero = as_scalar(gradient_check('quadratic', 'quadratic_grad', np.zeros(2), (A, np.zeros(2))), 'gradient check at a minimum')
    close(zero, 0.0, atol=1e-12, name='relative error when both gradients are 0', hint='0 / 0 is nan: the denominator is max(1e-8, |a| + |n|)')
    h = 3e-06
    close(as_scalar(gradient_check('rosenbrock', 'rosenbrock_grad', np.ones(3), (), h), 'gradient check'), 400 * h ** 2 / 1e-08, rtol=0.0001, name='relative error at the minimum of the Rosenbrock function with h = 3e-6', hint='the floor 1e-8 applies to |a| + |n| when it is smaller than 1e-8')

@test_case(name="test_absolute_step_at_large_coordinates", points=None, hidden=True)
def test_absolute_step_at_large_coordinates(numerical_gradient, numerical_hessian):
    """Coordinates much larger than 1, and an integer x, with the same absolute step h for every coordinate."""
    from mlmathkit_checks import guarded as _guarded
    numerical_gradient = _guarded(numerical_gradient, 'numerical_gradient', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    numerical_hessian = _guarded(numerical_hessian, 'numerical_hessian', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import close, require
    a = np.array([1.0, 2.0, 0.5, 3.0])
    for x, h in [(np.array([3.0, -2.5, 0.5, 40.0]), 0.05), (np.array([3, -2, 1, 5]), 0.1)]:
        before = x.copy()
        kind = 'an integer x' if x.dtype.kind == 'i' else 'large coordinates'
        close(numerical_gradient('quartic', x, (a,), h), 4 * a * x ** 3 + 4 * a * x * h ** 2, rtol=1e-09, name=f'numerical gradient with {kind} (h = {h:g})', hint='h is an absolute step, the same for every coordinate, whatever the size of x_i')
        H = np.diag(12 * a * x ** 2 + 8 * a * h ** 2)
        close(numerical_hessian('quartic', x, (a,), h), H, rtol=1e-09, atol=1e-09 * np.abs(H).max(), name=f'numerical Hessian with {kind} (h = {h:g})')
        require(x.dtype == before.dtype and bool(np.array_equal(x, before)), 'your functions changed the input x: perturb a float copy')

