# report: https://github.com/joosthub/PyTorchNLPBook/blob/6169d3ec6f1fb57e70a078815170f0d2a7e330fe/chapters/chapter_5/5_3_doc_classification/5_3_Document_Classification_with_CNN.ipynb
# family: module-misuse
# expect: 19
# runtime: asserts after classifier.eval() the same title gets two different predicted probabilities: F.dropout without training= stays on at evaluation
import torch
import torch.nn as nn
import torch.nn.functional as F


class NewsClassifier(nn.Module):
    def __init__(self, num_embeddings, embedding_size, num_classes, dropout_p):
        super().__init__()
        self.emb = nn.Embedding(num_embeddings, embedding_size, padding_idx=0)
        self.fc1 = nn.Linear(embedding_size, num_classes)
        self._dropout_p = dropout_p

    def forward(self, x_in, apply_softmax=False):
        features = self.emb(x_in).mean(dim=1)
        features = F.dropout(features, p=self._dropout_p)
        prediction_vector = self.fc1(features)
        if apply_softmax:
            prediction_vector = F.softmax(prediction_vector, dim=1)
        return prediction_vector


torch.manual_seed(1337)
classifier = NewsClassifier(num_embeddings=30, embedding_size=16, num_classes=4, dropout_p=0.1)
classifier.eval()
title = torch.randint(1, 30, (1, 8))
first = classifier(title, apply_softmax=True).max(dim=1)[0].item()
second = classifier(title, apply_softmax=True).max(dim=1)[0].item()
assert first != second
