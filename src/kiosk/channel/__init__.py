"""A content channel: a folder of static files (a signed index naming the current pack,
and the packs) that any file server can serve and many kiosks follow.

``index`` is the format and its signature, ``publish`` writes a channel, ``fetch`` reads
from a folder or over HTTP(S) with bounds on size and time, ``sync`` is one round of a
kiosk following a channel, ``state`` what that kiosk remembers between rounds.  Nothing
here imports Qt: a channel is published and synced from machines without a display.
"""
