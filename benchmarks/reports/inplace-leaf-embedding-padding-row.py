# report: https://github.com/pytorch/pytorch/issues/5833
# family: inplace-leaf
# expect: 19 20
# runtime: raises RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation
import torch
import torch.nn as nn

torch.manual_seed(0)

PAD, UNK = 0, 1


def build_embedding(vocab, pretrained_rows):
    """An embedding whose known rows come from a pretrained table."""
    emb = nn.Embedding(len(vocab), 6)
    for word, row in pretrained_rows.items():
        if word in vocab:
            emb.weight.data[vocab[word]] = row
    emb.weight[PAD] = 0
    emb.weight[UNK] = emb.weight.data[2:].mean(dim=0)
    return emb


vocab = {"<pad>": PAD, "<unk>": UNK, "the": 2, "cat": 3, "sat": 4}
pretrained = {"the": torch.randn(6), "cat": torch.randn(6), "dog": torch.randn(6)}
embedding = build_embedding(vocab, pretrained)
sentence = torch.tensor([[2, 3, 4, 0]])
features = embedding(sentence).mean(dim=1)
