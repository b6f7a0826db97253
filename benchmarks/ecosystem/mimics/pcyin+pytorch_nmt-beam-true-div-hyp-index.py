# report: https://github.com/pcyin/pytorch_nmt/blob/bf28dae8a4c71e1f3f3fcb51e989fab905886f44/nmt.py#L283
# family: removed-api
# expect: 25
# runtime: raises TypeError: only integer tensors of a single element can be converted to an index
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.simplefilter("ignore")
torch.manual_seed(0)
vocab, hid, beam_size = 7, 4, 3
cell = nn.LSTMCell(hid, hid)
readout = nn.Linear(hid, vocab, bias=False)
cell.eval(); readout.eval()

hypotheses = [[1]]
hyp_scores = torch.zeros(1)
hidden = (torch.zeros(1, hid), torch.zeros(1, hid))
h_t, c_t = cell(torch.randn(1, hid), hidden)
p_t = F.log_softmax(readout(h_t), dim=-1)
new_hyp_scores = (hyp_scores.unsqueeze(1).expand_as(p_t) + p_t).view(-1)
top_new_hyp_scores, top_new_hyp_pos = torch.topk(new_hyp_scores, k=beam_size)
prev_hyp_ids = top_new_hyp_pos / vocab
word_ids = top_new_hyp_pos % vocab
new_hypotheses = []
for prev_hyp_id, word_id in zip(prev_hyp_ids.cpu().data, word_ids.cpu().data):
    new_hypotheses.append(hypotheses[prev_hyp_id] + [word_id])
