# report: https://github.com/ttpro1995/TreeLSTMSentiment/blob/c61f73e3efdf227e2cb521157f320ec727f2490a/sentiment.py#L197
# family: removed-api
# expect: 26
# runtime: raises UnpicklingError: Weights only load failed
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 6), nn.Tanh(), nn.Linear(6, 3), nn.LogSoftmax(dim=1))
embedding_model = nn.Embedding(20, 4)
optimizer = torch.optim.Adagrad(model.parameters(), lr=0.05)
x = embedding_model(torch.randint(0, 20, (5,)))
loss = nn.NLLLoss()(model(x), torch.randint(0, 3, (5,)))
optimizer.zero_grad()
loss.backward()
optimizer.step()

# each epoch saves the whole module objects
model_file, emb_file = io.BytesIO(), io.BytesIO()
torch.save(model, model_file)
torch.save(embedding_model, emb_file)
model_file.seek(0)
emb_file.seek(0)
# after training, the best epoch is reloaded for the test set
model = torch.load(model_file)
embedding_model = torch.load(emb_file)
