# report: https://github.com/r9y9/tacotron_pytorch/blob/62db7217c10da3edb34f67b185cc0e2b04cdf77e/tacotron_pytorch/attention.py#L40
# family: removed-api
# expect: 10 27
# runtime: raises RuntimeError: masked_fill_ only supports boolean masks
import torch
from torch import nn


def get_mask_from_lengths(memory, memory_lengths):
    mask = memory.data.new(memory.size(0), memory.size(1)).byte().zero_()
    for idx, l in enumerate(memory_lengths):
        mask[idx][:l] = 1
    return ~mask


torch.manual_seed(0)
cell = nn.GRUCell(4, 4)
query_layer, v = nn.Linear(4, 4, bias=False), nn.Linear(4, 1, bias=False)
memory = torch.randn(2, 5, 4)
processed_memory = memory * 1.0
mask = get_mask_from_lengths(processed_memory, [5, 3])

query = torch.randn(2, 4)
cell_output = cell(query, torch.zeros(2, 4))
alignment = v(torch.tanh(query_layer(cell_output).unsqueeze(1) + processed_memory)).squeeze(-1)
mask = mask.view(query.size(0), -1)
alignment.data.masked_fill_(mask, -float("inf"))
alignment = torch.softmax(alignment, dim=1)
