"""Settings (environment) and profiles (parties and topics of a story)."""
