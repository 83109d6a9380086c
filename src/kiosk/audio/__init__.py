"""Listening to the exhibit: recorded narration first, espeak-ng's speech where none exists.

Nothing here is imported before a visitor asks to listen: Qt Multimedia and its FFmpeg
libraries load on first use (``narrator.Narrator`` builds its player then), so the first
frame never pays for them.  Importing this package imports nothing.
"""
