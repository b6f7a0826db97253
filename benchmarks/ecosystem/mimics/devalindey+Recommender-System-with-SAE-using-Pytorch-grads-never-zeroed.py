# report: https://github.com/devalindey/Recommender-System-with-SAE-using-Pytorch/blob/3e254fe879e3a18aa8056a50ba5c75920ef1d7be/Recommender%20System%20using%20Autoencoder.ipynb
# family: optimizer-misuse
# expect: 31
# runtime: asserts optimizer.zero_grad() is never called, so each RMSprop step uses the sum of every user's gradient seen so far
import torch
import torch.nn as nn

torch.manual_seed(0)
nb_movies = 12
sae = nn.Sequential(nn.Linear(nb_movies, 5), nn.Sigmoid(), nn.Linear(5, nb_movies))
criterion = nn.MSELoss()
optimizer = torch.optim.RMSprop(sae.parameters(), lr=0.01, weight_decay=0.5)
ratings = (torch.rand(3, nb_movies) * 5).round()


def user_grad(row):
    probe = nn.Sequential(nn.Linear(nb_movies, 5), nn.Sigmoid(), nn.Linear(5, nb_movies))
    probe.load_state_dict(sae.state_dict())
    out = probe(row)
    out[row == 0] = 0
    criterion(out, row).backward()
    return probe[2].weight.grad.clone()


seen = []
for id_user in range(3):
    input = ratings[id_user].unsqueeze(0)
    target = input.clone()
    seen.append(user_grad(input))
    output = sae(input)
    output[target == 0] = 0
    loss = criterion(output, target)
    loss.backward()
    if id_user == 1:
        assert torch.allclose(sae[2].weight.grad, seen[0] + seen[1], atol=1e-6)
        assert not torch.allclose(sae[2].weight.grad, seen[1], atol=1e-6)
    optimizer.step()
print("grad after two users holds both users' gradients")
