# report: https://github.com/AaronCCWong/Show-Attend-and-Tell/blob/f1ac2709224d1a30cd911d6fee8ca2f16886254b/decoder.py#L113
# family: removed-api
# expect: 32
# runtime: raises IndexError: tensors used as indices must be long
import torch
import torch.nn as nn

torch.manual_seed(0)
V, H, beam_size = 11, 6, 3
embedding = nn.Embedding(V, H)
lstm = nn.LSTMCell(H + 4, H)
deep_output = nn.Linear(H, V)
img_features = torch.randn(beam_size, 5, 4)

prev_words = torch.zeros(beam_size, 1).long()
sentences = prev_words
top_preds = torch.zeros(beam_size, 1)
h = torch.zeros(beam_size, H)
c = torch.zeros(beam_size, H)
step = 1
for _ in range(3):
    emb = embedding(prev_words).squeeze(1)
    context = img_features.mean(1)
    h, c = lstm(torch.cat((emb, context), dim=1), (h, c))
    output = deep_output(h)
    output = top_preds.expand_as(output) + output

    if step == 1:
        top_preds, top_words = output[0].topk(beam_size, 0, True, True)
    else:
        top_preds, top_words = output.view(-1).topk(beam_size, 0, True, True)
    prev_word_idxs = top_words / output.size(1)
    next_word_idxs = top_words % output.size(1)
    sentences = torch.cat((sentences[prev_word_idxs], next_word_idxs.unsqueeze(1)), dim=1)
    prev_words = next_word_idxs.unsqueeze(1)
    top_preds = top_preds.unsqueeze(1)
    step += 1
