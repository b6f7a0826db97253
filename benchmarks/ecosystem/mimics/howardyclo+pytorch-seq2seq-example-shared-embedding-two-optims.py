# report: https://github.com/howardyclo/pytorch-seq2seq-example/blob/02ba877c875acbe81b191911c8dccd287b38928a/seq2seq.ipynb
# family: optimizer-misuse
# expect: 21
# runtime: asserts the embedding shared by encoder and decoder sits in both Adam optimizers and moves two steps per iteration
import torch
import torch.nn as nn

torch.manual_seed(0)
src_embedding = nn.Embedding(6, 3, padding_idx=0)
tgt_embedding = nn.Embedding(6, 3, padding_idx=0)
tgt_embedding.weight = src_embedding.weight  # shared embeddings
encoder = nn.ModuleDict({"embedding": src_embedding, "rnn": nn.GRU(3, 4)})
decoder = nn.ModuleDict({"embedding": tgt_embedding, "rnn": nn.GRU(3, 4), "W_s": nn.Linear(4, 6)})

encoder["embedding"].weight.requires_grad = False  # fixed embeddings
decoder["embedding"].weight.requires_grad = False
encoder["embedding"].weight.requires_grad = True  # fine-tune: the shared weight trains again

lr = 1e-3
encoder_optim = torch.optim.Adam([p for p in encoder.parameters() if p.requires_grad], lr=lr)
decoder_optim = torch.optim.Adam([p for p in decoder.parameters() if p.requires_grad], lr=lr)

x = torch.tensor([[1, 2], [3, 4]])
before = src_embedding.weight.detach().clone()
encoder_optim.zero_grad()
decoder_optim.zero_grad()
_, h = encoder["rnn"](encoder["embedding"](x))
out, _ = decoder["rnn"](decoder["embedding"](x), h)
decoder["W_s"](out).pow(2).mean().backward()
encoder_optim.step()
decoder_optim.step()
moved = (src_embedding.weight.detach() - before)[1].abs()
assert torch.allclose(moved, torch.full_like(moved, 2 * lr), atol=1e-6)  # Adam's first step is lr; it took two
