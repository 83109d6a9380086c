"""One module per screen type."""
