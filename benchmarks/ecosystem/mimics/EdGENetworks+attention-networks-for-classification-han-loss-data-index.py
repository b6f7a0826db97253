# report: https://github.com/EdGENetworks/attention-networks-for-classification/blob/48a50e2abfd22b399def896f4e8ca2a352d3fff9/attention_model_validation_experiments.ipynb
# family: removed-api
# expect: 34
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable

torch.manual_seed(0)
n_sents, batch, n_tokens, vocab, hid = 3, 4, 5, 30, 6
embed = nn.Embedding(vocab, 8)
word_gru = nn.GRU(8, hid, bidirectional=True)
sent_gru = nn.GRU(2 * hid, hid, bidirectional=True)
classify = nn.Linear(2 * hid, 3)
params = list(embed.parameters()) + list(word_gru.parameters())
word_opt = torch.optim.SGD(params, lr=0.1, momentum=0.9)
sent_opt = torch.optim.SGD(list(sent_gru.parameters()) + list(classify.parameters()), lr=0.1)
criterion = nn.NLLLoss()


def train_batch(docs, targets):
    word_opt.zero_grad()
    sent_opt.zero_grad()
    state = Variable(torch.zeros(2, batch, hid))
    sent_vecs = []
    for i in range(n_sents):
        out, state = word_gru(embed(docs[i].t()), state)
        sent_vecs.append(out.mean(0, keepdim=True))
    out, _ = sent_gru(torch.cat(sent_vecs, 0))
    loss = criterion(F.log_softmax(classify(out.mean(0)), dim=1), targets)
    loss.backward()
    word_opt.step()
    sent_opt.step()
    return loss.data[0]  # the loss is 0-dim: indexing it raises


docs = Variable(torch.randint(0, vocab, (n_sents, batch, n_tokens)))
labels = Variable(torch.randint(0, 3, (batch,)))
print(train_batch(docs, labels))
