"""Content packs: one signed file carrying a content folder from a staff machine to a kiosk.

``kiosk pack build`` zips a checked content folder with a manifest of SHA-256 hashes,
``sign`` adds an Ed25519 signature over the manifest, ``install`` unpacks it into the
station's content store and switches to it atomically; ``rollback`` switches back.
Nothing here imports Qt: packs are handled on machines without a display.

``kiosk.packs.store.active_content_dir()`` tells ``kiosk run`` which content to show.
"""
