from otter.test_files import test_case

OK_FORMAT = False

name = "q5_lp_duality"
points = 3.0

@test_case(name="test_worked_example_wyndor", points=None, hidden=False)
def test_worked_example_wyndor(lp_dual, dual_by_complementary_slackness):
    from mlmathkit_checks import guarded as _guarded
    lp_dual = _guarded(lp_dual, 'lp_dual', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    dual_by_complementary_slackness = _guarded(dual_by_complementary_slackness, 'dual_by_complementary_slackness', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import close, fields
    c, A, b = (np.array([-3.0, -5.0]), np.array([[1.0, 0.0], [0.0, 2.0], [3.0, 2.0]]), np.array([4.0, 12.0, 18.0]))
    y = dual_by_complementary_slackness(c, A, b, np.array([2.0, 6.0]))
    close(y, [0.0, 1.5, 1.0], name='shadow prices of the Wyndor problem', hint='zero for the inactive constraint; solve (A^T y)_j = -c_j over the active ones')
    c_d, A_d, b_d = fields(lp_dual(c, A, b), ['c_dual', 'A_dual', 'b_dual'], 'dual LP')
    close(c_d, b, name='c_dual')
    close(A_d, -A.T, name='A_dual', hint='the dual constraint is A^T y + c >= 0, i.e. (-A^T) y <= c')
    close(b_d, c, name='b_dual')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(lp_dual, dual_by_complementary_slackness):
    from mlmathkit_checks import guarded as _guarded
    lp_dual = _guarded(lp_dual, 'lp_dual', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    dual_by_complementary_slackness = _guarded(dual_by_complementary_slackness, 'dual_by_complementary_slackness', ('torch.autograd', 'torch.optim', 'scipy.optimize', 'sklearn'))
    import numpy as np
    from mlmathkit_checks import as_array, close, fields
    rng = np.random.default_rng(5)
    c, A, b = (-rng.uniform(1, 2, size=3), rng.uniform(0.5, 2, size=(4, 3)), rng.uniform(5, 10, size=4))
    twice = fields(lp_dual(*fields(lp_dual(c, A, b), ['c_dual', 'A_dual', 'b_dual'], 'dual LP')), ['c', 'A', 'b'], 'dual of the dual')
    for got, want, name in zip(twice, (c, A, b), ('c', 'A', 'b')):
        close(got, want, name=f'{name} of the dual of the dual', hint='the dual of the dual LP is the primal')
    y = as_array(dual_by_complementary_slackness(np.array([1.0, 2.0, 0.5]), A, b, np.zeros(3)), 'y', shape=(4,))
    close(y, np.zeros(4), name='shadow prices when x = 0 is optimal and no capacity binds')

