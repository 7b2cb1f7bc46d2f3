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

