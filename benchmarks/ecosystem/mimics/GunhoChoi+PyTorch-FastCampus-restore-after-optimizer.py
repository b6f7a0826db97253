# report: https://github.com/GunhoChoi/PyTorch-FastCampus/blob/1e9ba63e9ccffa28637f9c441d6d5faf35696268/08_Autoencoder/1_Convolutional_Autoencoder.ipynb
# family: optimizer-misuse
# expect: 23
# runtime: asserts the restored encoder/decoder never change: the optimizer still holds the parameters of the discarded modules
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
encoder = nn.Sequential(nn.Linear(8, 3), nn.ReLU())
decoder = nn.Sequential(nn.Linear(3, 8), nn.Sigmoid())

# a checkpoint left by an earlier run of the notebook (whole modules pickled)
buf = io.BytesIO()
torch.save([nn.Sequential(nn.Linear(8, 3), nn.ReLU()), nn.Sequential(nn.Linear(3, 8), nn.Sigmoid())], buf)
buf.seek(0)

parameters = list(encoder.parameters()) + list(decoder.parameters())
loss_func = nn.MSELoss()
optimizer = torch.optim.Adam(parameters, lr=0.01)

try:
    encoder, decoder = torch.load(buf, weights_only=False)
    print("model restored")
except Exception:
    print("model not restored")

before = [p.detach().clone() for p in list(encoder.parameters()) + list(decoder.parameters())]
for j in range(3):
    optimizer.zero_grad()
    image = torch.rand(4, 8)
    output = decoder(encoder(image))
    loss = loss_func(output, image)
    loss.backward()
    optimizer.step()
after = list(encoder.parameters()) + list(decoder.parameters())
assert all(p.grad is not None for p in after)
assert all(torch.equal(b, a) for b, a in zip(before, after))
