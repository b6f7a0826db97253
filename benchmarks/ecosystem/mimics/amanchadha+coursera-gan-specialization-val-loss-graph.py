# report: https://github.com/amanchadha/coursera-gan-specialization/blob/4adf5f68a7d6018893d6505edaeec223c236d317/C3%20-%20Apply%20Generative%20Adversarial%20Network%20(GAN)/Week%201/C3W1_Assignment.ipynb
# family: graph-kept
# expect: 24
# runtime: asserts classifier_val_loss += criterion(...) * batch outside no_grad chains every validation batch's forward graph (saved activations included) until the pass ends
import torch
import torch.nn as nn

torch.manual_seed(0)
classifier = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 4))
classifier_opt = torch.optim.Adam(classifier.parameters(), lr=2e-4)
criterion = nn.CrossEntropyLoss()
train = [(torch.randn(5, 8), torch.randint(0, 4, (5,))) for _ in range(2)]
validation_dataloader = [(torch.randn(3, 8), torch.randint(0, 4, (3,))) for _ in range(4)]

for real, labels in train:
    classifier_opt.zero_grad()
    classifier_loss = criterion(classifier(real), labels)
    classifier_loss.backward()
    classifier_opt.step()

classifier_val_loss = 0
for val_example, val_label in validation_dataloader:
    labels_hat = classifier(val_example)
    classifier_val_loss += criterion(labels_hat, val_label) * len(val_example)

depth, node = 0, classifier_val_loss.grad_fn
while node is not None and node.next_functions:
    depth += 1
    node = node.next_functions[0][0]
assert classifier_val_loss.requires_grad and depth >= len(validation_dataloader)
# the graph was never backpropagated, so every batch's saved activations are still held
classifier_val_loss.backward()
assert classifier[0].weight.grad.abs().sum() > 0
