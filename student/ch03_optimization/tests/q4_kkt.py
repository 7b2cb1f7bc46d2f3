from otter.test_files import test_case

OK_FORMAT = False

name = "q4_kkt"
points = 3.0

@test_case(name="test_worked_examples", points=None, hidden=False)
def test_worked_examples(eq_qp, kkt_residuals):
    from mlmathkit_checks import guarded as _guarded
    eq_qp = _guarded(eq_qp, 'eq_qp', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    kkt_residuals = _guarded(kkt_residuals, 'kkt_residuals', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close, fields
    x, lam = fields(eq_qp(np.eye(2), np.zeros(2), np.array([[1.0, 1.0]]), np.array([1.0])), ['x', 'lam'], 'eq_qp result')
    close(x, [0.5, 0.5], name='x')
    close(lam, [-0.5], name='lambda', hint='the sign convention is Q x + c + A^T lam = 0')
    Q, c, G, h = (np.eye(2), np.array([-2.0, 0.0]), np.array([[1.0, 0.0]]), np.array([1.0]))
    keys = ['stationarity', 'primal', 'dual', 'complementarity']

    def residuals(x, mu):
        return np.array([as_scalar(v, k) for v, k in zip(fields(kkt_residuals(Q, c, G, h, x, mu), keys, 'residuals'), keys)])
    close(residuals(np.array([1.0, 0.0]), np.array([1.0])), [0, 0, 0, 0], name='residuals at the solution')
    close(residuals(np.array([2.0, 0.0]), np.array([0.0])), [0, 1, 0, 0], name='residuals at the unconstrained minimum', hint='(2, 0) violates x1 <= 1 by 1')
    close(residuals(np.array([0.0, 0.0]), np.array([-1.0])), [3, 0, 1, 1], name='residuals at x = 0, mu = -1', hint='stationarity |(0 - 2 - 1, 0)| = 3; x = 0 is feasible with slack 1; mu < 0 violates dual feasibility by 1')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(eq_qp):
    from mlmathkit_checks import guarded as _guarded
    eq_qp = _guarded(eq_qp, 'eq_qp', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import close, fields
    rng = np.random.default_rng(4)
    M = rng.normal(size=(5, 5))
    Q, c, A, b = (M @ M.T + np.eye(5), rng.normal(size=5), rng.normal(size=(2, 5)), rng.normal(size=2))
    x, lam = fields(eq_qp(Q, c, A, b), ['x', 'lam'], 'eq_qp result')
    close(A @ np.asarray(x, dtype=float), b, name='A x (feasibility)')
    close(Q @ np.asarray(x, dtype=float) + c + A.T @ np.asarray(lam, dtype=float), np.zeros(5), atol=1e-08, name='Q x + c + A^T lam (stationarity)')

