"""The front ends: the command (`cli`), the flake8 plugin and what they share (configuration,
reports, parallel workers, safe writes)."""
