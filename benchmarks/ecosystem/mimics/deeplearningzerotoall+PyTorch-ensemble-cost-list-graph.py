# report: https://github.com/deeplearningzerotoall/PyTorch/blob/0e11245870a7d7cffba10726ea2a6dbf456e3e96/others/lab-10_4_mnist_cnn_ensemble.ipynb
# family: graph-kept
# expect: 35
# runtime: asserts avg_cost_list[m_idx] += cost / total_batch writes graph-carrying costs into the tensor, which then holds every batch's graph
import torch


class CNN(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = torch.nn.Linear(12, 3)
        self.criterion = torch.nn.CrossEntropyLoss()
        self.optimizer = torch.optim.Adam(self.parameters(), lr=0.001)

    def forward(self, x):
        return self.fc(x)

    def train_model(self, x, y):
        self.train()
        self.optimizer.zero_grad()
        self.cost = self.criterion(self.forward(x), y)
        self.cost.backward()
        self.optimizer.step()
        return self.cost


torch.manual_seed(777)
models = [CNN() for _ in range(2)]
data_loader = [(torch.randn(4, 12), torch.randint(0, 3, (4,))) for _ in range(3)]
total_batch = len(data_loader)
avg_cost_list = torch.zeros(len(models))
for X, Y in data_loader:
    for m_idx, m in enumerate(models):
        cost = m.train_model(X, Y)
        avg_cost_list[m_idx] += cost / total_batch

assert avg_cost_list.requires_grad and avg_cost_list.grad_fn is not None
print('cost = {:>.9}'.format(avg_cost_list.mean()))
