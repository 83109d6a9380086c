"""Memorial Kiosk: a full-screen touch kiosk for museum and memorial exhibits."""

__version__ = "0.1.0"
