# report: https://github.com/nlptown/nlp-notebooks/blob/5c7b2b0fe088884bc21c3a3ee18b3c248f847dac/Sequence%20Labelling%20with%20a%20BiLSTM%20in%20PyTorch.ipynb
# family: removed-api
# expect: 23
# runtime: raises UnpicklingError: Weights only load failed
import os
import tempfile
import torch
import torch.nn as nn

torch.manual_seed(0)
tagger = nn.Sequential(nn.Embedding(10, 4), nn.Dropout(p=0.5), nn.Linear(4, 3))
optimizer = torch.optim.Adam(tagger.parameters())
output_path = os.path.join(tempfile.mkdtemp(), "bilstmtagger")
for epoch in range(2):
    x, y = torch.randint(0, 10, (6,)), torch.randint(0, 3, (6,))
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(tagger(x), y)
    loss.backward()
    optimizer.step()
    print("Saving model.")
    torch.save(tagger, output_path)

tagger = torch.load(output_path)
tagger.eval()
