# report: https://github.com/cksruf91/recomm-hrnn-pytorch/blob/fe386968763c1d27d5aa62d40aae623b11b24b6f/inference.py#L56
# family: module-misuse
# expect: 32,33
# runtime: asserts recommendations from a freshly loaded model are scored in training mode, so session dropout makes the top-k list random and different from eval-mode scores
import io
import torch
import torch.nn as nn

torch.manual_seed(0)
hidden, n_items = 16, 30
net = nn.ModuleDict({
    "session_gru": nn.GRUCell(n_items, hidden),
    "session_dropout": nn.Dropout(0.2),
    "out": nn.Sequential(nn.Linear(hidden, n_items), nn.Tanh()),
})
buf = io.BytesIO()
torch.save(net.state_dict(), buf)


def get_recommendation(model, items):
    h = torch.zeros(1, hidden)
    for item in items:
        x = nn.functional.one_hot(torch.tensor([item]), n_items).float()
        h = model["session_dropout"](model["session_gru"](x, h))
    return model["out"](h)


loaded = nn.ModuleDict({"session_gru": nn.GRUCell(n_items, hidden), "session_dropout": nn.Dropout(0.2),
                        "out": nn.Sequential(nn.Linear(hidden, n_items), nn.Tanh())})
buf.seek(0)
loaded.load_state_dict(torch.load(buf))
history = [3, 7, 7, 12, 5]
with torch.no_grad():
    first = get_recommendation(loaded, history)
    second = get_recommendation(loaded, history)
    loaded.eval()
    clean = get_recommendation(loaded, history)
assert not torch.allclose(first, second)
assert not torch.allclose(first, clean)
print("recommendation scores are noisy in training mode")
