from otter.test_files import test_case

OK_FORMAT = False

name = "q6_early_stopping_dropout"
points = 3.0

@test_case(name="test_early_stopping_worked_examples", points=None, hidden=False)
def test_early_stopping_worked_examples(early_stopping):
    from mlmathkit_checks import guarded as _guarded
    early_stopping = _guarded(early_stopping, 'early_stopping', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import close, fields

    def run(v, patience, min_delta=0.0):
        return np.array(fields(early_stopping(np.array(v), patience, min_delta), ['best_epoch', 'stop_epoch'], 'result'), dtype=float)
    close(run([1.0, 0.8, 0.85, 0.7, 0.75, 0.72, 0.9, 0.71], 3), [3, 6], atol=0, name='(best, stop), patience 3', hint='stop at the first epoch t with t - best_epoch >= patience')
    close(run([1.0, 1.0, 1.0, 1.0], 2), [0, 2], atol=0, name='(best, stop) on a flat curve', hint='an equal loss is not an improvement')
    close(run([5.0, 4.0, 3.0, 2.0, 1.0], 2), [4, 4], atol=0, name='(best, stop) on a decreasing curve', hint='if patience never runs out, training ends at the last epoch')
    close(run([1.0, 0.95, 0.85, 0.8, 0.78, 0.77], 2, 0.1), [2, 4], atol=0, name='(best, stop) with min_delta = 0.1', hint='improvement means v[t] < best - min_delta')

@test_case(name="test_dropout_worked_example_and_expectation", points=None, hidden=False)
def test_dropout_worked_example_and_expectation(dropout_forward, dropout_backward):
    from mlmathkit_checks import guarded as _guarded
    dropout_forward = _guarded(dropout_forward, 'dropout_forward', ('sklearn', 'torch.nn'))
    dropout_backward = _guarded(dropout_backward, 'dropout_backward', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import close, fields, mean_within
    x = np.array([1.0, 2.0, 3.0, 4.0])
    out, mask = fields(dropout_forward(x, 0.5, np.array([0.1, 0.5, 0.4, 0.9])), ['out', 'mask'], 'forward')
    close(out, [0.0, 4.0, 0.0, 8.0], name='dropout output (train)', hint='drop where u < p (u = p is kept), scale the kept entries by 1/(1-p)')
    close(mask, [0.0, 2.0, 0.0, 2.0], name='mask (train)', hint='the mask includes the 1/(1-p) scaling')
    close(dropout_backward(np.ones(4), mask), [0.0, 2.0, 0.0, 2.0], name='backward pass')
    out, mask = fields(dropout_forward(x, 0.5, np.array([0.1, 0.6, 0.4, 0.9]), train=False), ['out', 'mask'], 'forward')
    close(out, x, name='dropout output (eval)', hint='in evaluation mode dropout is the identity')
    close(dropout_backward(np.full(4, 3.0), mask), np.full(4, 3.0), name='backward pass (eval)')
    rng = np.random.default_rng(66)
    for p in (0.2, 0.5, 0.8):
        out, _ = fields(dropout_forward(np.full(20000, 3.0), p, rng.random(20000)), ['out', 'mask'], 'forward')
        mean_within(out, 3.0, 3.0 * np.sqrt(p / (1 - p)), false_fail=1e-06, name=f'dropout outputs for x = 3, p = {p}')

@test_case(name="test_early_stopping_against_jump_oracle", points=None, hidden=True)
def test_early_stopping_against_jump_oracle(early_stopping):
    """Random validation curves from 1 to 60 epochs, with many exact ties, several patiences and minimum improvements."""
    from mlmathkit_checks import guarded as _guarded
    early_stopping = _guarded(early_stopping, 'early_stopping', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import close, fields

    def oracle(v, patience, min_delta):
        i = 0
        while True:
            window = v[i + 1:i + patience + 1]
            better = np.flatnonzero(window < v[i] - min_delta)
            if better.size:
                i = i + 1 + int(better[0])
            else:
                return (i, min(i + patience, len(v) - 1))
    rng = np.random.default_rng(6060)
    for trial in range(40):
        T = int(rng.integers(1, 60))
        t = np.arange(T)
        v = 1.0 / (1 + 0.2 * t) + 0.002 * t * rng.uniform(0, 2) + 0.03 * rng.normal(size=T)
        if trial % 4 == 0:
            v = np.round(v, 1)
        patience = int(rng.integers(1, 8))
        min_delta = 0.0 if trial % 3 else float(rng.uniform(0, 0.05))
        got = np.array(fields(early_stopping(v, patience, min_delta), ['best_epoch', 'stop_epoch'], 'result'), dtype=float)
        close(got, oracle(v, patience, min_delta), atol=0, name=f'(best, stop) for T={T}, patience={patience}, min_delta={min_delta:.3g}', hint='ties and improvements smaller than min_delta do not reset the patience counter')

@test_case(name="test_dropout_against_torch", points=None, hidden=True)
def test_dropout_against_torch(dropout_forward, dropout_backward):
    """Train and evaluation mode on 1-D to 3-D inputs for several drop probabilities, including p = 0, against PyTorch."""
    from mlmathkit_checks import guarded as _guarded
    dropout_forward = _guarded(dropout_forward, 'dropout_forward', ('sklearn', 'torch.nn'))
    dropout_backward = _guarded(dropout_backward, 'dropout_backward', ('sklearn', 'torch.nn'))
    import numpy as np
    import torch
    from mlmathkit_checks import close, fields
    torch.manual_seed(0)
    rng = np.random.default_rng(6161)
    for p, shape in [(0.1, (50,)), (0.5, (8, 16)), (0.75, (4, 5, 6)), (0.0, (10,))]:
        x = torch.randn(*shape, dtype=torch.float64, requires_grad=True)
        layer = torch.nn.Dropout(p).train()
        out_t = layer(x)
        dout = torch.randn(*shape, dtype=torch.float64)
        out_t.backward(dout)
        kept = (out_t != 0).detach().numpy() | (x.detach().numpy() == 0)
        r = rng.random(shape)
        u = np.where(kept, p + (1 - p) * r, p * r)
        out, mask = fields(dropout_forward(x.detach().numpy(), p, u), ['out', 'mask'], 'forward')
        close(out, out_t.detach().numpy(), name=f'train-mode output vs torch.nn.Dropout(p={p})', hint='inverted dropout: out = x * 1[u >= p] / (1 - p)')
        close(dropout_backward(dout.numpy(), mask), x.grad.numpy(), name=f'backward vs torch autograd (p={p})', hint='the gradient flows only through kept entries and is scaled by 1/(1 - p) as well')
        layer.eval()
        out, mask = fields(dropout_forward(x.detach().numpy(), p, u, train=False), ['out', 'mask'], 'forward')
        close(out, layer(x).detach().numpy(), name=f'eval-mode output vs torch.nn.Dropout(p={p}).eval()')
        close(dropout_backward(dout.numpy(), mask), dout.numpy(), name=f'eval-mode backward (p={p})')

@test_case(name="test_dropout_expectation_by_quadrature", points=None, hidden=True)
def test_dropout_expectation_by_quadrature(dropout_forward):
    """The average output and the keep rate over all values of u, for drop probabilities other than 1/2, in float64 and float32."""
    from mlmathkit_checks import guarded as _guarded
    dropout_forward = _guarded(dropout_forward, 'dropout_forward', ('sklearn', 'torch.nn'))
    import numpy as np
    from mlmathkit_checks import as_array, close, fields
    N = 4000
    u = (np.arange(N) + 0.5) / N
    x = np.array([2.0, -1.5, 0.7, 10.0, -4.0])
    for p in (0.25, 0.3, 0.9, 0.0):
        X = np.tile(x, (N, 1))
        U = np.tile(u[:, None], (1, 5))
        out, mask = fields(dropout_forward(X, p, U), ['out', 'mask'], 'forward')
        out, mask = (as_array(out, 'out', shape=(N, 5)), as_array(mask, 'mask', shape=(N, 5)))
        close((mask != 0).mean(), 1 - p, rtol=1e-09, name=f'fraction of kept entries, p = {p}', hint='an entry is kept with probability 1 - p: dropped iff u < p')
        close(out.mean(axis=0), x, rtol=1e-06, name=f'E[out] over u, p = {p}', hint='inverted dropout preserves the expectation: scale the kept entries by 1/(1-p)')
        out32, _ = fields(dropout_forward(X.astype(np.float32), p, U), ['out', 'mask'], 'forward')
        close(as_array(out32, 'out').mean(axis=0), x, rtol=1e-06, name=f'E[out] over u for float32 inputs, p = {p}')

@test_case(name="test_shapes_types_and_unchanged_inputs", points=None, hidden=True)
def test_shapes_types_and_unchanged_inputs(early_stopping, dropout_forward, dropout_backward):
    """A single epoch, float32 losses, integer epochs, masks of the input's shape in both modes, and the caller's arrays left unchanged."""
    from mlmathkit_checks import guarded as _guarded
    early_stopping = _guarded(early_stopping, 'early_stopping', ('sklearn', 'torch.nn'))
    dropout_forward = _guarded(dropout_forward, 'dropout_forward', ('sklearn', 'torch.nn'))
    dropout_backward = _guarded(dropout_backward, 'dropout_backward', ('sklearn', 'torch.nn'))
    import numbers
    import numpy as np
    from mlmathkit_checks import as_array, close, fields, require

    def epochs(v, patience, what):
        v0 = v.copy()
        best, stop = fields(early_stopping(v, patience), ['best_epoch', 'stop_epoch'], 'result')
        for e, name in ((best, 'best_epoch'), (stop, 'stop_epoch')):
            require(isinstance(e, numbers.Integral) and (not isinstance(e, bool)), f'{what}: {name} should be an int, got {type(e).__name__} {e!r:.30}')
        close(v, v0, rtol=0, atol=0, name=f'val_losses after early_stopping ({what})', hint="do not modify the caller's array")
        return np.array([best, stop], dtype=float)
    close(epochs(np.array([0.3]), 1, 'one epoch'), [0, 0], atol=0, name='(best, stop) for a single epoch', hint='with one epoch, it is both the best and the last')
    close(epochs(np.array([1.0, 0.5, 0.5, 0.7], dtype=np.float32), 2, 'float32 losses'), [1, 3], atol=0, name='(best, stop) for float32 losses with a tie')
    rng = np.random.default_rng(6262)
    x = rng.normal(size=(2, 3, 4))
    u = rng.random((2, 3, 4))
    x0, u0 = (x.copy(), u.copy())
    keep = (u >= 0.3) / 0.7
    out, mask = fields(dropout_forward(x, 0.3, u), ['out', 'mask'], 'forward')
    close(out, x0 * keep, name='train-mode output on a 3-D input')
    close(mask, keep, name='train-mode mask on a 3-D input')
    close(x, x0, rtol=0, atol=0, name='x after dropout_forward (train)', hint='compute x * mask into a new array: do not modify x')
    close(u, u0, rtol=0, atol=0, name='u after dropout_forward (train)', hint="do not modify the caller's u")
    mask = as_array(mask, 'mask')
    dout = rng.normal(size=(2, 3, 4))
    dout0, mask0 = (dout.copy(), mask.copy())
    close(dropout_backward(dout, mask), dout0 * keep, name='backward pass on a 3-D input')
    close(dout, dout0, rtol=0, atol=0, name='dout after dropout_backward', hint='return dout * mask as a new array: do not modify dout')
    close(mask, mask0, rtol=0, atol=0, name='mask after dropout_backward', hint="do not modify the caller's mask")
    out, mask = fields(dropout_forward(x, 0.3, u, train=False), ['out', 'mask'], 'forward')
    close(out, x0, name='eval-mode output on a 3-D input', hint='in evaluation mode dropout is the identity')
    close(as_array(mask, 'eval-mode mask', shape=x.shape), np.ones(x.shape), name='eval-mode mask', hint='the mask is an array of ones of the shape of x, not the number 1')
    close(x, x0, rtol=0, atol=0, name='x after dropout_forward (eval)', hint="do not modify the caller's x")

