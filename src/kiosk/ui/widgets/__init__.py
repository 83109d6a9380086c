"""Small touch widgets shared by the screens."""
