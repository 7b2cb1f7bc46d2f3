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

@test_case(name="test_against_torch", points=None, hidden=True)
def test_against_torch(cross_entropy, cross_entropy_grad):
    """Random batches of moderate logits, from one example with 2 classes to 200 examples, and 100 classes."""
    from mlmathkit_checks import guarded as _guarded
    cross_entropy = _guarded(cross_entropy, 'cross_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    cross_entropy_grad = _guarded(cross_entropy_grad, 'cross_entropy_grad', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    import torch.nn.functional as F
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4301)
    for N, C, scale in [(1, 2, 1.0), (5, 3, 2.0), (32, 10, 3.0), (7, 100, 5.0), (200, 4, 0.5)]:
        z, y = (rng.normal(scale=scale, size=(N, C)), rng.integers(0, C, size=N))
        zt = torch.tensor(z, requires_grad=True)
        loss = F.cross_entropy(zt, torch.tensor(y))
        loss.backward()
        close(as_scalar(cross_entropy(z, y), 'loss'), loss.item(), name=f'cross-entropy (N={N}, C={C})', hint='average over the batch; pick one logit per row: logits[np.arange(N), labels]')
        close(cross_entropy_grad(z, y), zt.grad.numpy(), atol=1e-09, name=f'gradient (N={N}, C={C})', hint='(softmax(z_i) - onehot(y_i)) / N')

@test_case(name="test_logits_of_size_1e4", points=None, hidden=True)
def test_logits_of_size_1e4(cross_entropy, cross_entropy_grad):
    """Logits in the tens of thousands, where an unshifted softmax overflows and a shifted one underflows."""
    from mlmathkit_checks import guarded as _guarded
    cross_entropy = _guarded(cross_entropy, 'cross_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    cross_entropy_grad = _guarded(cross_entropy_grad, 'cross_entropy_grad', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    import torch.nn.functional as F
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4302)
    spread = rng.uniform(-10000.0, 10000.0, size=(40, 6))
    offset = 10000.0 + rng.normal(size=(40, 6))
    for name, z in (('logits uniform in [-1e4, 1e4]', spread), ('logits 1e4 + N(0, 1)', offset)):
        y = rng.integers(0, 6, size=40)
        zt = torch.tensor(z, requires_grad=True)
        loss = F.cross_entropy(zt, torch.tensor(y))
        loss.backward()
        close(as_scalar(cross_entropy(z, y), 'loss'), loss.item(), rtol=1e-05, atol=0.01, name=f'cross-entropy, {name}', hint='exp overflows at 710: use logsumexp(z) - z_y; a clipped softmax caps the loss at -log(eps)')
        close(cross_entropy_grad(z, y), zt.grad.numpy(), atol=0.01 / 40, name=f'gradient, {name}', hint="subtract each row's maximum before exponentiating")

@test_case(name="test_rows_at_different_scales", points=None, hidden=True)
def test_rows_at_different_scales(cross_entropy, cross_entropy_grad):
    """Batches with as many rows as classes, and 1000 classes, whose rows sit at offsets hundreds apart."""
    from mlmathkit_checks import guarded as _guarded
    cross_entropy = _guarded(cross_entropy, 'cross_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    cross_entropy_grad = _guarded(cross_entropy_grad, 'cross_entropy_grad', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    import torch
    import torch.nn.functional as F
    from mlmathkit_checks import as_scalar, close
    rng = np.random.default_rng(4303)
    for N, C in [(5, 5), (8, 8), (6, 1000)]:
        z = rng.normal(scale=2.0, size=(N, C)) + rng.uniform(-800.0, 800.0, size=(N, 1))
        y = rng.integers(0, C, size=N)
        zt = torch.tensor(z, requires_grad=True)
        loss = F.cross_entropy(zt, torch.tensor(y))
        loss.backward()
        close(as_scalar(cross_entropy(z, y), 'loss'), loss.item(), atol=0.001, name=f'cross-entropy (N={N}, C={C}, row offsets)', hint="subtract each row's own maximum (keepdims=True), not the batch maximum")
        close(cross_entropy_grad(z, y), zt.grad.numpy(), atol=0.001 / N, name=f'gradient (N={N}, C={C}, row offsets)', hint='softmax of each row with its own maximum subtracted, minus the one-hot, over N')

@test_case(name="test_inputs_unchanged", points=None, hidden=True)
def test_inputs_unchanged(cross_entropy, cross_entropy_grad):
    """Your functions leave the caller's logits and labels arrays unchanged."""
    from mlmathkit_checks import guarded as _guarded
    cross_entropy = _guarded(cross_entropy, 'cross_entropy', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    cross_entropy_grad = _guarded(cross_entropy_grad, 'cross_entropy_grad', ('scipy.stats', 'sklearn', 'torch.distributions', 'torch.nn.functional'))
    import numpy as np
    from mlmathkit_checks import as_array, as_scalar, close
    rng = np.random.default_rng(4304)
    z, y = (rng.normal(scale=3.0, size=(7, 5)), rng.integers(0, 5, size=7))
    z_copy, y_copy = (z.copy(), y.copy())
    as_scalar(cross_entropy(z, y), 'loss')
    close(z, z_copy, rtol=0.0, atol=0.0, name='the logits after calling cross_entropy', hint='do not shift or exponentiate the logits in place; work on a copy')
    as_array(cross_entropy_grad(z, y), 'gradient', shape=(7, 5))
    close(z, z_copy, rtol=0.0, atol=0.0, name='the logits after calling cross_entropy_grad', hint="logits -= max or np.exp(logits, out=logits) overwrites the caller's array: work on a copy")
    close(y, y_copy, rtol=0.0, atol=0.0, name='the labels after the calls')

