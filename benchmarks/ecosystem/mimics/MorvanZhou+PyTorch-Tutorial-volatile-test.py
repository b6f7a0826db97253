# report: https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a9e56635e51c6b0c2ccea8ae36cfb585a7/tutorial-contents-notebooks/402_RNN.ipynb
# family: removed-api
# expect: 17
# runtime: asserts volatile=True is ignored: each periodic test pass records the autograd graph of the whole test set
import warnings
import torch
from torch import nn
from torch.autograd import Variable

torch.manual_seed(1)
rnn = nn.LSTM(input_size=4, hidden_size=6, batch_first=True)
head = nn.Linear(6, 3)
test_data = torch.randint(0, 255, (20, 7, 4), dtype=torch.uint8)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    # meant to make the test pass build no graph
    test_x = Variable(test_data, volatile=True).type(torch.FloatTensor)[:10] / 255.
r_out, _ = rnn(test_x, None)
test_output = head(r_out[:, -1, :])
assert any("volatile" in str(w.message) for w in caught)
assert test_output.requires_grad and test_output.grad_fn is not None
