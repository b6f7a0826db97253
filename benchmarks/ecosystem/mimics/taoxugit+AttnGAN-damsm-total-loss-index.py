# report: https://github.com/taoxugit/AttnGAN/blob/0d000e652b407e976cb88fab299e8566f3de8a37/code/pretrain_DAMSM.py#L103
# family: removed-api
# expect: 24
# runtime: raises IndexError: invalid index of a 0-dim tensor
import torch
import torch.nn as nn

torch.manual_seed(0)
cnn_model, rnn_model = nn.Linear(6, 5), nn.Linear(7, 5)
optimizer = torch.optim.Adam(list(cnn_model.parameters()) + list(rnn_model.parameters()), lr=2e-4)
labels = torch.arange(3)
s_total_loss0 = 0
UPDATE_INTERVAL = 200
for step in range(1):
    rnn_model.zero_grad()
    cnn_model.zero_grad()
    sent_code, sent_emb = cnn_model(torch.randn(3, 6)), rnn_model(torch.randn(3, 7))
    scores = sent_code @ sent_emb.t()
    s_loss0 = nn.CrossEntropyLoss()(scores, labels)
    s_total_loss0 += s_loss0.data
    s_loss0.backward()
    optimizer.step()
    if step % UPDATE_INTERVAL == 0:
        s_cur_loss0 = s_total_loss0[0] / UPDATE_INTERVAL
