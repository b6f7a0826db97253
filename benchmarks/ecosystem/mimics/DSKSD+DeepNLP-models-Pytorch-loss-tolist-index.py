# report: https://github.com/DSKSD/DeepNLP-models-Pytorch/blob/7fec64d72615933e8f4ea499c2dbaa42508f4017/notebooks/01.Skip-gram-Naive-Softmax.ipynb
# family: removed-api
# expect: 36
# runtime: raises TypeError: 'float' object is not subscriptable
import torch
import torch.nn as nn
import torch.optim as optim

torch.manual_seed(0)


class Skipgram(nn.Module):
    def __init__(self, vocab_size, projection_dim):
        super().__init__()
        self.embedding_v = nn.Embedding(vocab_size, projection_dim)
        self.embedding_u = nn.Embedding(vocab_size, projection_dim)

    def forward(self, center_words, target_words, outer_words):
        center_embeds = self.embedding_v(center_words)
        target_embeds = self.embedding_u(target_words)
        outer_embeds = self.embedding_u(outer_words)
        scores = target_embeds.bmm(center_embeds.transpose(1, 2)).squeeze(2)
        norm_scores = outer_embeds.bmm(center_embeds.transpose(1, 2)).squeeze(2)
        return -torch.mean(torch.log(torch.exp(scores) / torch.sum(torch.exp(norm_scores), 1).unsqueeze(1)))


model = Skipgram(12, 4)
optimizer = optim.Adam(model.parameters(), lr=0.01)
losses = []
inputs, targets = torch.randint(0, 12, (6, 1)), torch.randint(0, 12, (6, 1))
vocabs = torch.arange(12).expand(6, 12)
model.zero_grad()
loss = model(inputs, targets, vocabs)
loss.backward()
optimizer.step()
losses.append(loss.data.tolist()[0])
