from otter.test_files import test_case

OK_FORMAT = False

name = "q3_cross_entropy"
points = 2.0

@test_case(name="test_worked_example", points=None, hidden=False)
def test_worked_example(cross_entropy, cross_entropy_grad):
    from mlmathkit_checks import guarded as _guarded
    cross_entropy = _guarded(cross_entropy, 'cross_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    cross_entropy_grad = _guarded(cross_entropy_grad, 'cross_entropy_grad', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_scalar, close
    z, y = (np.array([[0.0, 0.0], [np.log(3.0), 0.0]]), np.array([0, 1]))
    close(as_scalar(cross_entropy(z, y), 'loss'), 1.5 * np.log(2.0), name='mean cross-entropy', hint='logsumexp(z_i) - z_{i, y_i}, averaged over the batch')
    close(cross_entropy_grad(z, y), np.array([[-0.5, 0.5], [0.75, -0.75]]) / 2, name='gradient', hint='(softmax - one-hot) / N')

@test_case(name="test_properties", points=None, hidden=False)
def test_properties(cross_entropy, cross_entropy_grad):
    from mlmathkit_checks import guarded as _guarded
    cross_entropy = _guarded(cross_entropy, 'cross_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    cross_entropy_grad = _guarded(cross_entropy_grad, 'cross_entropy_grad', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close, require
    rng = np.random.default_rng(3)
    z, y = (rng.normal(size=(6, 4)), rng.integers(0, 4, size=6))
    loss = as_scalar(cross_entropy(z, y), 'loss')
    require(bool(loss > 0), 'the cross-entropy of a softmax is positive')
    close(as_scalar(cross_entropy(z + rng.normal(size=(6, 1)) * 5, y), 'loss'), loss, name='loss after adding a constant to each row of logits', hint='softmax is shift-invariant per row')
    g = as_array(cross_entropy_grad(z, y), 'gradient', shape=(6, 4))
    close(g.sum(axis=1), np.zeros(6), atol=1e-06, name='row sums of the gradient', hint='softmax sums to 1, so does the one-hot')
    big = np.array([[1000.0, 0.0], [1000.0, 0.0]])
    close(as_scalar(cross_entropy(big, np.array([0, 1])), 'loss'), 500.0, name='loss with logits (1000, 0) and labels (0, 1)', hint='exp(1000) overflows: subtract the row maximum (log-sum-exp), never take log(softmax)')
    close(cross_entropy_grad(big, np.array([0, 1])), np.array([[0.0, 0.0], [0.5, -0.5]]), atol=1e-12, name='gradient with logits (1000, 0)')
    apart = np.array([[1000.0, 1000.0], [0.0, 0.0]])
    close(as_scalar(cross_entropy(apart, np.array([0, 1])), 'loss'), np.log(2.0), name='loss with logit rows (1000, 1000) and (0, 0)', hint="subtract each row's own maximum, not the batch maximum")
    close(cross_entropy_grad(apart, np.array([0, 1])), np.array([[-0.25, 0.25], [0.25, -0.25]]), name='gradient with logit rows (1000, 1000) and (0, 0)', hint="subtract each row's own maximum (keepdims=True)")

