# report: https://github.com/prakashpandey9/Text-Classification-Pytorch/blob/8649eec7a840d55e314b4b992048f3ce966fd05d/models/LSTM_Attn.py#L34
# family: module-misuse
# expect: 17
# runtime: asserts the pretrained vectors never reach the lookup: assigned to a new attribute 'weights', the embedding keeps its random trainable 'weight'
import torch
import torch.nn as nn

torch.manual_seed(0)
vocab_size, dim = 20, 8
glove = torch.randn(vocab_size, dim)


class Classifier(nn.Module):
    def __init__(self, weights):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, dim)
        self.word_embeddings.weights = nn.Parameter(weights, requires_grad=False)
        self.lstm = nn.LSTM(dim, 6)
        self.label = nn.Linear(6, 2)

    def forward(self, x):
        out, (h, c) = self.lstm(self.word_embeddings(x).permute(1, 0, 2))
        return self.label(h[-1])


model = Classifier(glove)
tokens = torch.randint(0, vocab_size, (3, 5))
emb = model.word_embeddings(tokens)
assert not torch.allclose(emb, glove[tokens])
assert model.word_embeddings.weight.requires_grad
trainable = [n for n, p in model.named_parameters() if p.requires_grad]
assert "word_embeddings.weight" in trainable
