# report: https://github.com/kuprel/min-dalle/pull/24
# family: no-grad-misuse
# expect: 16
# runtime: asserts the generated image still carries a graph: the bare torch.no_grad() call disables nothing
import torch
import torch.nn as nn

torch.manual_seed(0)


class MinDalle:
    def __init__(self, vocab=32, dim=16, image_pixels=12):
        self.embed = nn.Embedding(vocab, dim)
        self.decoder = nn.GRU(dim, dim, batch_first=True)
        self.to_pixels = nn.Linear(dim, image_pixels)
        torch.no_grad()

    def generate_image(self, tokens):
        hidden, _ = self.decoder(self.embed(tokens))
        return torch.sigmoid(self.to_pixels(hidden[:, -1]))


model = MinDalle()
tokens = torch.randint(0, 32, (1, 10))
images = [model.generate_image(tokens) for _ in range(3)]
assert all(image.requires_grad for image in images)
