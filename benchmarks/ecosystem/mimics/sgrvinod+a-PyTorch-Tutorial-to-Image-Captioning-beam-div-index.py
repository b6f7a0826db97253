# report: https://github.com/sgrvinod/a-PyTorch-Tutorial-to-Image-Captioning/blob/cc9c7e2f4017938d414178d3781fed8dbe442852/eval.py#L124
# family: removed-api
# expect: 19
# runtime: raises IndexError: tensors used as indices must be long
import torch
import torch.nn.functional as F

torch.manual_seed(0)
vocab_size, k = 7, 3
h = torch.randn(k, 5)
fc = torch.nn.Linear(5, vocab_size)
seqs = torch.LongTensor([[1]] * k)
top_k_scores = torch.zeros(k, 1)
with torch.no_grad():
    scores = F.log_softmax(fc(h), dim=1)
    scores = top_k_scores.expand_as(scores) + scores
    top_k_scores, top_k_words = scores.view(-1).topk(k, 0, True, True)
    # '/' on integer tensors is true division since 1.5: the beam indices come out float
    prev_word_inds = top_k_words / vocab_size
    next_word_inds = top_k_words % vocab_size
    seqs = torch.cat([seqs[prev_word_inds], next_word_inds.unsqueeze(1)], dim=1)
