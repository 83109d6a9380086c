"""Listening to the exhibit: the Listen control, the reading queue, captions, self-voicing."""
