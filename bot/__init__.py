"""Adapters and composition root of the briefing bot: CLI, documents, chat platforms, scheduler."""
