# report: https://github.com/MorvanZhou/PyTorch-Tutorial/blob/dbe154a9e56635e51c6b0c2ccea8ae36cfb585a7/tutorial-contents-notebooks/306_optimizer.ipynb
# family: removed-api
# expect: 12
# runtime: raises TypeError: unexpected keyword argument 'data_tensor'
import torch
import torch.utils.data as Data

torch.manual_seed(1)
x = torch.unsqueeze(torch.linspace(-1, 1, 20), dim=1)
y = x.pow(2) + 0.1 * torch.randn(*x.size())
# TensorDataset took data_tensor/target_tensor before 0.4; it now takes *tensors
torch_dataset = Data.TensorDataset(data_tensor=x, target_tensor=y)
loader = Data.DataLoader(dataset=torch_dataset, batch_size=4, shuffle=True)
net = torch.nn.Linear(1, 1)
opt = torch.optim.SGD(net.parameters(), lr=0.01)
for b_x, b_y in loader:
    opt.zero_grad()
    torch.nn.functional.mse_loss(net(b_x), b_y).backward()
    opt.step()
