# report: https://github.com/dataflowr/notebooks/blob/043dff0f792a5ae67005ba147f7b9dd5fc66e2a1/Module8/sol/08_collaborative_filtering_1M_sol.ipynb
# family: graph-kept
# expect: 32
# runtime: asserts test_mae += L1Loss(predictions, ...) outside no_grad keeps every validation batch's forward graph alive until the pass ends
import torch
import torch.nn as nn

torch.manual_seed(0)


class DotModel(nn.Module):
    def __init__(self, num_users, num_items, dim=4):
        super().__init__()
        self.user_embeddings = nn.Embedding(num_users, dim)
        self.item_embeddings = nn.Embedding(num_items, dim)

    def forward(self, u, i):
        return (self.user_embeddings(u) * self.item_embeddings(i)).sum(1)


net = DotModel(10, 12)
val = [(torch.randint(0, 10, (6,)), torch.randint(0, 12, (6,)), torch.randint(1, 6, (6,))) for _ in range(4)]


def test(dataloader):
    net.train(False)
    L1loss = nn.L1Loss()
    test_loss, test_mae = 0.0, 0.0
    for minibatch_num, (u, i, r) in enumerate(dataloader):
        predictions = net(u, i)
        test_loss += ((r - predictions) ** 2).mean().item()
        test_mae += L1loss(predictions, r.float())
    return test_loss / (minibatch_num + 1), test_mae / (minibatch_num + 1)


_, mae = test(val)
depth, node = 0, mae.grad_fn
while node is not None and node.next_functions:
    depth += 1
    node = node.next_functions[0][0]
assert mae.requires_grad and depth >= len(val)
