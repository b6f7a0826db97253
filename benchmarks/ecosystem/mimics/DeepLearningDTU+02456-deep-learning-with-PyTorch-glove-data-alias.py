# report: https://github.com/DeepLearningDTU/02456-deep-learning-with-PyTorch/blob/9f4f39095387a36c51e110d24d5ac4f9d2f7b6ef/5_Transformers/5_1_EXE_deep_learning_with_transformers.ipynb
# family: detach-alias
# expect: 17 20
# runtime: asserts training the RNN LM overwrites the shared GloVe tensor and steps one tensor twice
import torch
import torch.nn as nn

torch.manual_seed(0)
glove_vectors = torch.randn(12, 4)
original = glove_vectors.clone()


class TinyLM(nn.Module):
    def __init__(self):
        super().__init__()
        self.embeddings = nn.Embedding(*glove_vectors.shape)
        self.embeddings.weight.data = glove_vectors
        self.rnn = nn.LSTM(4, 4, batch_first=True)
        self.proj = nn.Linear(4, 12, bias=False)
        self.proj.weight.data = glove_vectors

    def forward(self, ids):
        h, _ = self.rnn(self.embeddings(ids))
        return self.proj(h)


lm = TinyLM()
opt = torch.optim.SGD(lm.parameters(), lr=0.5)
ids = torch.randint(0, 12, (3, 5))
opt.zero_grad()
loss = nn.functional.cross_entropy(lm(ids).reshape(-1, 12), ids.reshape(-1))
loss.backward()
g_emb, g_proj = lm.embeddings.weight.grad.clone(), lm.proj.weight.grad.clone()
opt.step()

assert not torch.equal(glove_vectors, original)  # the "pretrained" vectors used later were changed
assert lm.embeddings.weight.data_ptr() == lm.proj.weight.data_ptr() == glove_vectors.data_ptr()
assert torch.allclose(glove_vectors, original - 0.5 * (g_emb + g_proj), atol=1e-6)  # both updates land on one tensor
