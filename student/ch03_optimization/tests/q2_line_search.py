from otter.test_files import test_case

OK_FORMAT = False

name = "q2_line_search"
points = 3.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(armijo_step, gradient_descent, optimal_step_and_rate):
    from mlmathkit_checks import guarded as _guarded
    armijo_step = _guarded(armijo_step, 'armijo_step', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    gradient_descent = _guarded(gradient_descent, 'gradient_descent', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    optimal_step_and_rate = _guarded(optimal_step_and_rate, 'optimal_step_and_rate', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    A, b = (np.array([[4.0]]), np.array([0.0]))
    close(as_scalar(armijo_step('quadratic', np.array([1.0]), np.array([-4.0]), (A, b)), 'step'), 0.25, name='Armijo step on f = 2x^2 from x = 1', hint='halve t until f(x + t d) <= f(x) + c t grad^T d')
    close(as_scalar(armijo_step('quadratic', np.array([1.0]), np.array([-4.0]), (A, b), t0=0.3), 'step'), 0.3, name='Armijo step when t0 = 0.3 already satisfies the condition', hint='start from t0, not from 1')
    run = gradient_descent('quadratic', np.array([1.0]), (A, b), tol=0.0)
    x, f = fields(run, ['x', 'f'], 'gradient descent result')
    close(x, [0.0], name='x after gradient descent on 2x^2')
    close(f, [2.0, 0.0], name='f values: f(x_0), f(x_1)', hint='stop as soon as ||grad f(x_k)|| <= tol; record f at every iterate, x_0 included')
    t, r = fields(optimal_step_and_rate(np.diag([1.0, 9.0])), ['t_star', 'rate'], 'result')
    close(np.array([as_scalar(t, 't_star'), as_scalar(r, 'rate')]), [0.2, 0.8], name='(t*, r) for A = diag(1, 9)', hint='t* = 2 / (mu + L), r = (L - mu) / (L + mu)')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(armijo_step, gradient_descent):
    from mlmathkit_checks import guarded as _guarded
    armijo_step = _guarded(armijo_step, 'armijo_step', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    gradient_descent = _guarded(gradient_descent, 'gradient_descent', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    import mlmathkit_fixtures as fx
    from mlmathkit_checks import as_array, as_scalar, close, fields, require
    x = np.array([-1.2, 1.0])
    g = fx.rosenbrock_grad(x)
    t = as_scalar(armijo_step('rosenbrock', x, -g), 'step')
    require(0 < t <= 1, f'the step should lie in (0, t0] = (0, 1], got {t:.3g}')
    require(fx.rosenbrock(x - t * g) <= fx.rosenbrock(x) - 0.0001 * t * g @ g, 'the returned step does not satisfy the Armijo condition f(x + t d) <= f(x) + c t grad^T d')
    rng = np.random.default_rng(2)
    M = rng.normal(size=(4, 4))
    A, b = (M @ M.T + np.eye(4), rng.normal(size=4))
    run = gradient_descent('quadratic', np.zeros(4), (A, b), max_iter=5000, tol=1e-09)
    x_end, f, path = fields(run, ['x', 'f', 'path'], 'gradient descent result')
    close(x_end, np.linalg.solve(A, b), rtol=1e-06, atol=1e-08, name="gradient descent's answer on a quadratic", hint='the minimiser of 1/2 x^T A x - b^T x solves A x = b')
    f = as_array(f, 'f values')
    path = as_array(path, 'path', shape=(f.size, 4))
    require(bool(np.all(np.diff(f) <= 0)), 'with the Armijo condition, f must never increase')
    close(path[0], np.zeros(4), name='first row of path (x_0)')
    close(path[-1], x_end, name='last row of path', hint='path[-1] should be the returned x')

