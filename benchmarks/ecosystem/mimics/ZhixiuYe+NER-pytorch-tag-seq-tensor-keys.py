# report: https://github.com/ZhixiuYe/NER-pytorch/blob/bc6c7db2a522a4b21721481eb84546b2f448807d/model.py#L240
# family: removed-api
# expect: 17
# runtime: raises KeyError: tensor(
import torch
import torch.nn as nn

torch.manual_seed(0)
id_to_tag = {0: "O", 1: "B-PER", 2: "I-PER", 3: "B-LOC"}
tagger = nn.Sequential(nn.Embedding(10, 6), nn.Linear(6, 4))
tagger.eval()
words = ["John", "lives", "here"]
ground_truth_id = [1, 0, 0]
with torch.no_grad():
    feats = tagger(torch.LongTensor([3, 4, 5]))
score, tag_seq = torch.max(feats, 1)
tag_seq = list(tag_seq.cpu().data)  # torch 0.3 yielded Python ints here; now 0-dim tensors
prediction = []
for word, true_id, pred_id in zip(words, ground_truth_id, tag_seq):
    prediction.append(" ".join([word, id_to_tag[true_id], id_to_tag[pred_id]]))
