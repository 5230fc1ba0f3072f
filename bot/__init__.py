"""Everything that touches the world, in layers: app, render, infra, chat, cli (docs/architecture.md)."""
