# report: https://github.com/dasguptar/treelstm.pytorch/pull/26
# family: inplace-leaf
# expect: 18
# runtime: raises RuntimeError: a leaf Variable that requires grad is being used in an in-place operation
import torch
import torch.nn as nn

torch.manual_seed(0)


class SimilarityTreeLSTM(nn.Module):
    def __init__(self, vocab_size, in_dim, mem_dim, init_emb=None, freeze_emb=False):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, in_dim, padding_idx=0)
        if freeze_emb:
            self.emb.weight.requires_grad = False
        if init_emb is not None:
            self.emb.weight.copy_(init_emb)
        self.cell = nn.LSTMCell(in_dim, mem_dim)
        self.similarity = nn.Linear(2 * mem_dim, 5)

    def encode(self, tokens):
        h = c = torch.zeros(1, self.cell.hidden_size)
        for tok in tokens:
            h, c = self.cell(self.emb(tok.view(1)), (h, c))
        return h

    def forward(self, left, right):
        return self.similarity(torch.cat([self.encode(left), self.encode(right)], dim=1))


glove = torch.randn(30, 10)
model = SimilarityTreeLSTM(30, 10, 8, init_emb=glove)
scores = model(torch.tensor([3, 4, 5]), torch.tensor([6, 7]))
